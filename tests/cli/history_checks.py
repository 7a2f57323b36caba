#!/usr/bin/env python3
"""Nothing recorded later changes what an earlier week showed (SPEC §3, docs/tracking.md), through the
real binary on copies of the shipped examples.

usage: history_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  past-week   examples/portfolio as of Thu 2026-06-18, published and evaluated; then facts dated after
              that day are recorded (a finish, a customer delay, a revision confirmed 06-22, a revisit,
              an order applied 06-25) and every report as of 06-18 must be byte-for-byte the same.
  reconfirm   examples/assessed/wx-2010-0301 (发展策划部 4 days over): a revision confirmed on
              2010-04-01 after that stage finished moves the remaining work but not its overrun.
"""
import filecmp
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, fail, main, read, run, write  # noqa: E402


def edit(path, old, new):
    text = read(path)
    if old not in text:
        fail(f"{path}: '{old}' not found")
    write(path, text.replace(old, new, 1))


def append(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def reports(bin_, orders, as_of):
    """Every report of the portfolio as of a day, as text."""
    out = {}
    for command in ("evaluate", "remind"):
        for fmt in ("json", "table", "csv"):
            p = run(bin_, command, orders, "--as-of", as_of, "--format", fmt)
            expect(p.returncode == 0, f"{command} --format {fmt} exited {p.returncode}: {p.stderr}")
            out[f"{command}.{fmt}"] = p.stdout
    p = run(bin_, "assess", orders, "--as-of", as_of, "--format", "json")
    expect(p.returncode == 0, f"assess exited {p.returncode}: {p.stderr}")
    out["assess.json"] = p.stdout
    return out


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    diffs = cmp.diff_files + cmp.left_only + cmp.right_only
    for sub in cmp.common_dirs:
        diffs += [f"{sub}/{d}" for d in same_tree(os.path.join(a, sub), os.path.join(b, sub))]
    return diffs


def past_week(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    as_of = "2026-06-18"
    before = reports(bin_, orders, as_of)
    p = run(bin_, "publish", orders, "--out", os.path.join(work, "site-before"), "--as-of", as_of)
    expect(p.returncode == 0, f"publish exited {p.returncode}: {p.stderr}")

    # Facts dated after 06-18.
    o157 = os.path.join(orders, "sz-2026-0157.toml")
    edit(o157, 'stage = "grid_design"\nstarted = 2026-05-20\n', 'stage = "grid_design"\nstarted = 2026-05-20\nfinished = 2026-06-24\n')
    append(o157, '\n[[delay]]\nstage = "civil_works"\nfrom = 2026-06-22\nto = 2026-06-23\nreason = "客户停工"\nreported = 2026-06-22\n')
    p = run(bin_, "plan", os.path.join(orders, "sz-2026-0142.toml"), "--confirm", "--reason", "客户要求调整", today="2026-06-22")
    expect(p.returncode == 0, f"plan --confirm exited {p.returncode}: {p.stderr}")
    append(os.path.join(orders, "sz-2026-0101.toml"), "\n[revisit]\ndate = 2026-06-25\nsatisfied = false\nissues = [\"电压偏低\"]\n")
    p = run(bin_, "new", os.path.join(orders, "sz-2026-0199.toml"), "--template", "10kv", "--id", "SZ-2026-0199",
            "--customer", "某新客户", "--applied", "2026-06-25", "--target", "2026-10-30")
    expect(p.returncode == 0, f"new exited {p.returncode}: {p.stderr}")
    p = run(bin_, "check", orders)
    expect(p.returncode == 0, f"the edited portfolio does not check: {p.stderr}")

    after = reports(bin_, orders, as_of)
    for name in before:
        expect(before[name] == after[name], f"{name} as of {as_of} changed after facts dated later were recorded")
    p = run(bin_, "publish", orders, "--out", os.path.join(work, "site-after"), "--as-of", as_of)
    expect(p.returncode == 0, f"publish exited {p.returncode}: {p.stderr}")
    diffs = same_tree(os.path.join(work, "site-before"), os.path.join(work, "site-after"))
    expect(not diffs, f"publish --as-of {as_of} does not reproduce the week: {diffs}")

    # The later facts are there for a later day: the revision, the finish, the new order.
    later = json.loads(run(bin_, "evaluate", orders, "--as-of", "2026-06-26", "--format", "json").stdout)
    ids = [p["id"] for p in later["projects"]]
    expect("SZ-2026-0199" in ids, "the order applied 06-25 is not active on 06-26")
    by_id = {p["id"]: p for p in later["projects"]}
    expect(by_id.get("SZ-2026-0142", {}).get("baseline", {}).get("revision") == 2, "revision 2 not in force on 06-26")
    early = json.loads(after["evaluate.json"])
    expect({p["id"]: p for p in early["projects"]}["SZ-2026-0142"]["baseline"]["revision"] == 1,
           "revision 2 (confirmed 06-22) was used on 06-18")
    expect("SZ-2026-0199" not in [p["id"] for p in early["projects"]], "an order applied 06-25 is active on 06-18")
    grid = [s for s in by_id["SZ-2026-0157"]["stages"] if s["id"] == "grid_design"][0]
    expect(grid["status"] == "done_late", f"grid_design on 06-26: {grid['status']}")


def reconfirm(bin_, src, work):
    orders = os.path.join(work, "orders")
    os.makedirs(orders)
    for suffix in (".toml", ".baseline.toml"):
        shutil.copy(os.path.join(src, "examples", "assessed", "wx-2010-0301-late-predecessor" + suffix), orders)
    order = os.path.join(orders, "wx-2010-0301-late-predecessor.toml")

    def overruns():
        p = run(bin_, "assess", orders, "--as-of", "2010-07-30", "--format", "json")
        expect(p.returncode == 0, f"assess exited {p.returncode}: {p.stderr}")
        return {s["id"]: s for s in json.loads(p.stdout)["projects"][0]["stages"]}

    before = overruns()
    expect(before["plan_reply"]["overrun_days"] == 4, "plan_reply is not 4 days over before (docs/assessment.md)")
    # 2010-04-01: negotiate (finished 03-05) and plan_reply (finished 03-26) are done; the rest is not.
    p = run(bin_, "plan", order, "--confirm", "--reason", "客户要求推迟", "--target", "2010-06-30", today="2010-04-01")
    expect(p.returncode == 0, f"plan --confirm exited {p.returncode}: {p.stderr}")
    expect(re.search(r"基线第 2 版未能调整“供电方案答复”：确认时已完成，仍按第 1 版时限 2010-03-22 考核", p.stdout),
           f"the plan table does not say which stages revision 2 could not move:\n{p.stdout}")
    after = overruns()
    for sid in ("negotiate", "plan_reply"):
        expect(after[sid]["overrun_days"] == before[sid]["overrun_days"], f"{sid}: overrun changed by re-confirmation")
        expect(after[sid]["held"] == {"by_revision": 2, "reason": "finished"}, f"{sid}: held {after[sid]['held']}")
        expect(after[sid]["revision"] == 1, f"{sid}: measured against revision {after[sid]['revision']}")
    expect(after["grid_works"]["revision"] == 2, "grid_works (unfinished on 04-01) is not under revision 2")
    p = run(bin_, "plan", order, "--format", "json")
    held = json.loads(p.stdout)["baseline"]["held"]
    expect([h["id"] for h in held] == ["negotiate", "plan_reply"], f"plan JSON baseline.held: {held}")


def provisional(bin_, src, work):
    """remind warns, in every format, when the listed deadlines fall in a year without official data."""
    orders = os.path.join(work, "orders")
    os.makedirs(orders)
    p = run(bin_, "new", os.path.join(orders, "a.toml"), "--template", "10kv", "--customer", "某客户",
            "--applied", "2031-03-03", "--target", "2031-06-30")
    expect(p.returncode == 0, f"new exited {p.returncode}: {p.stderr}")
    # Tue 2031-03-04: the first stage (5 working days from Mon 03-03 on Mon-Fri) is due Mon 03-10,
    # not yet due soon; on Fri 03-07 it is.
    for fmt in ("table", "md", "csv", "html"):
        p = run(bin_, "remind", orders, "--as-of", "2031-03-07", "--format", fmt)
        expect(p.returncode == 0, f"remind --format {fmt} exited {p.returncode}: {p.stderr}")
        expect("2031 年节假日安排尚未公布" in p.stdout, f"remind --format {fmt}: no provisional-year warning")
    p = run(bin_, "remind", orders, "--as-of", "2031-03-07", "--format", "json")
    doc = json.loads(p.stdout)
    expect(len(doc["items"]) >= 1, "remind: nothing listed on 2031-03-07")
    expect(any("2031" in w for w in doc.get("warnings", [])), f"remind json warnings: {doc.get('warnings')}")


if __name__ == "__main__":
    main({"past-week": past_week, "reconfirm": reconfirm, "provisional": provisional})
