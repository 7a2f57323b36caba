#!/usr/bin/env python3
"""Scenario checks of `yekuo plan --portfolio` (planning against the department load) through the
real binary, on examples/capacity (docs/capacity.md).

usage: plan_capacity_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO

The example, as of Mon 2026-04-13 (2026 calendar: Labour Day 05-01..05-05 off and Sat 05-09 worked,
Dragon Boat Fri 06-19 off; Mondays: 06-01, 06-08, 06-15, 06-22, 06-29):
  org.toml: 基建部 3 stages a week; 配电工区 4; 客户服务中心 12.
  Three confirmed orders, their 配套工程设计 (grid_design, 基建部, 10 working days) not started, so
  they load the weeks of their baseline windows (the back-scheduled dates, 18 working days before
  each target: line_construction 15 + energize 3):
    CAP-2026-0302  Wed 06-10 .. Wed 06-24  -> weeks 06-08, 06-15, 06-22
    CAP-2026-0309  Mon 06-15 .. Mon 06-29  -> weeks 06-15, 06-22, 06-29
    CAP-2026-0316  Thu 06-11 .. Thu 06-25  -> weeks 06-08, 06-15, 06-22
  so 基建部 has 2 stages in the week of 06-08, 3 (full) in those of 06-15 and 06-22, 1 in 06-29.
  The new order CAP-2026-0407 (applied Tue 04-07, target Fri 07-17): energize Wed 07-15 .. Fri 07-17,
  line_construction 15 working days to Tue 07-14 (from Wed 06-24), so grid_design is back-scheduled
  Tue 06-09 .. Tue 06-23 (06-09..12, 15..18, 22, 23: Fri 06-19 is a holiday), in the full weeks of
  06-15 and 06-22. It must end before Mon 06-15, i.e. by Fri 06-12: Mon 06-01 .. Fri 06-12, in the
  weeks of 06-01 (0 stages) and 06-08 (2 < 3). Its earliest start: negotiate Wed 04-08 .. Tue 04-14,
  plan_reply Wed 04-15 .. Tue 04-28, grid_design from Wed 04-29: within its float. It starts 6
  working days earlier (Mon 06-01 .. Mon 06-08: 06-01..05, 06-08).
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, read, run, run_json, stage, write  # noqa: E402

AS_OF = "2026-04-13"

# 基建部 takes nothing in the six weeks from Mon 04-27 to Sun 06-07: grid_design (earliest start Wed
# 04-29, latest Tue 06-09) then has no position with room. The full weeks 06-15 and 06-22 leave
# only positions ending by Fri 06-12, and those start in a week of capacity 0.
TIGHT_ORG = "[[department]]\nname = \"基建部\"\nconcurrent = 3\n" + "".join(
    f"[[department.week]]\nstart = {monday}\nconcurrent = 0\n"
    for monday in ("2026-04-27", "2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25", "2026-06-01"))


def paths(src):
    ex = os.path.join(src, "examples", "capacity")
    return os.path.join(ex, "orders"), os.path.join(ex, "org.toml"), os.path.join(ex, "orders", "cap-2026-0407.toml")


def plan_json(bin_, src, *extra, rc=0, org=None, order=None, today=None):
    orders, org_file, new = paths(src)
    return run_json(bin_, "plan", order or new, "--portfolio", orders, "--org", org or org_file, "--as-of", AS_OF,
                    *extra, rc=rc, today=today)


def scenario_example(bin_, src, work):
    orders, org, new = paths(src)
    doc = plan_json(bin_, src)
    cap = doc.get("capacity", {})
    # The order itself is in orders/: left out (the same file), the three others read.
    expect_eq(cap.get("orders"), 3, "other orders")
    expect_eq(cap.get("as_of"), AS_OF, "as_of")
    expect_eq(cap.get("departments"), ["客户服务中心", "基建部", "配电工区"], "departments with a capacity, stage order")
    expect(cap.get("feasible") is True and cap.get("overloads") == [], f"within capacity: {cap}")
    expect(doc["feasible"] is True and doc["shortfall_days"] == 0, "the time model's verdict is unchanged")
    expect_eq(cap.get("shifted"), [{"id": "grid_design", "from": "2026-06-09", "to": "2026-06-01",
                                    "from_deadline": "2026-06-23", "to_deadline": "2026-06-12",
                                    "working_days": 6, "cause": "capacity"}], "shifted")
    g = stage(doc, "grid_design")
    expect_eq((g["earliest_start"], g["latest_start"], g["latest_finish"]), ("2026-04-29", "2026-06-01", "2026-06-12"),
              "grid_design: placed dates are the deadlines")
    # The float left: 04-29 .. 05-29 is 21 working days (04-29, 04-30, 05-06..08, Sat 05-09, 05-11..15,
    # 05-18..22, 05-25..29).
    expect_eq(g["float"], 21, "grid_design float")
    # Every other stage keeps its back-scheduled dates.
    plain = run_json(bin_, "plan", new, rc=0)
    expect("capacity" not in plain, "no capacity object without --portfolio")
    for s in plain["stages"]:
        if s["id"] != "grid_design":
            expect_eq(stage(doc, s["id"]), s, f"stage {s['id']} unchanged")
    # Customer chain: customer_design Mon 05-11 .. Fri 05-29 (15), design_review 06-01..05, civil works
    # 30 calendar days Mon 06-08 .. Tue 07-07, completion_inspection Wed 07-08 ..: the earliest
    # energization is Wed 07-08 (doc), and 基建部 has room for grid_design from 04-29 anyway.
    expect_eq(doc["earliest_energization"], "2026-07-08", "earliest energization")
    expect_eq(cap.get("earliest_energization_within_capacity"), "2026-07-08", "earliest within capacity")

    text = run(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", AS_OF, rc=0).stdout
    expect("容量调整：提前 6 个工作日（原定 2026-06-09 开始）" in text, "the table notes the shifted stage")
    expect("部门承载力：" in text and "在承载力内（1 个阶段提前）" in text, "capacity verdict in the header")
    expect("已按 2026-04-13 的部门负荷排定（其他工程 3 个" in text, "what the plan was made against")
    for fmt_, needle in (("md", "容量调整：提前 6 个工作日"), ("csv", "容量调整：提前 6 个工作日"),
                         ("html", "容量调整：提前 6 个工作日")):
        out = run(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", AS_OF, "--format", fmt_,
                  rc=0).stdout
        expect(needle in out, f"{fmt_}: the note")
    en = run(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", AS_OF, "--lang", "en", rc=0).stdout
    expect("moved for capacity: 6 working days earlier (was to start 2026-06-09)" in en, "English note")
    # The deadlines in the calendar file are the placed ones.
    ics = run(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", AS_OF, "--format", "ics",
              rc=0, today=AS_OF).stdout
    expect("DTSTART;VALUE=DATE:20260612" in ics and "DTSTART;VALUE=DATE:20260623" not in ics,
           "ics: grid_design due Fri 06-12")

    # As of a day when the three orders are not applied yet, nothing is counted: nothing moves.
    early = run_json(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", "2026-02-27", rc=0)
    expect(early.get("capacity", {}).get("shifted") == [], "no load before the orders were applied")
    # The same portfolio given file by file, and the order named twice (a glob): the same plan.
    files = sorted(os.path.join(orders, f) for f in os.listdir(orders))
    again = run_json(bin_, "plan", new, *sum((["--portfolio", f] for f in files), []), "--org", org,
                     "--as-of", AS_OF, rc=0)
    expect_eq(again.get("capacity"), doc.get("capacity"), "--portfolio FILE … repeated")


def scenario_over_capacity(bin_, src, work):
    orders, org, new = paths(src)
    tight = write(os.path.join(work, "tight.toml"), TIGHT_ORG)
    doc = plan_json(bin_, src, rc=3, org=tight)
    cap = doc.get("capacity", {})
    expect(cap.get("feasible") is False, "over capacity")
    expect(doc["feasible"] is True, "the time model is still feasible")
    expect_eq(cap.get("shifted"), [], "no stage could move")
    expect_eq(cap.get("overloads"), [
        {"dept": "基建部", "week": "2026-06-15", "load": 4, "committed": 3, "capacity": 3, "stages": ["grid_design"]},
        {"dept": "基建部", "week": "2026-06-22", "load": 4, "committed": 3, "capacity": 3, "stages": ["grid_design"]},
    ], "overloads")
    # The target is kept: grid_design stays at its back-scheduled Tue 06-09 .. Tue 06-23.
    g = stage(doc, "grid_design")
    expect_eq((g["latest_start"], g["latest_finish"]), ("2026-06-09", "2026-06-23"), "grid_design kept at its latest")
    # Forward within capacity: grid_design cannot touch the weeks 04-27 .. 06-22 (capacity 0, or full,
    # or a position reaching a full week), so it starts Mon 06-29 (week 06-29: 1 stage) and runs to Fri
    # 07-10; line_construction (配电工区: not declared here) Mon 07-13 .. Fri 07-31; energize Mon 08-03 ..
    # Wed 08-05.
    expect_eq(cap.get("earliest_energization_within_capacity"), "2026-08-05", "earliest within capacity")
    expect(any("基建部, week of 2026-06-15" in w for w in doc["warnings"]), f"JSON warning: {doc['warnings']}")
    text = run(bin_, "plan", new, "--portfolio", orders, "--org", tight, "--as-of", AS_OF, rc=3).stdout
    expect("目标日期在部门承载力内无法满足：基建部 2026-06-15 起一周已有其他工程 3 个阶段（承载力 3）" in text,
           "the warning names the department and the week")
    expect("承载力内最早接电日期 2026-08-05" in text, "and the earliest energization within capacity")
    expect("超出承载力（2026-06-15 起一周 4/3、2026-06-22 起一周 4/3）" in text, "the stage's note")
    # Not confirmed: exit 3, no baseline written.
    order = os.path.join(work, "cap-2026-0407.toml")
    shutil.copy(new, order)
    err = run(bin_, "plan", order, "--portfolio", orders, "--org", tight, "--as-of", AS_OF, "--confirm",
              rc=3, today=AS_OF).stderr
    expect("within department capacity: not confirmed" in err, f"confirmation refused: {err}")
    expect(not os.path.exists(os.path.join(work, "cap-2026-0407.baseline.toml")), "no baseline")


def scenario_confirm(bin_, src, work):
    orders, org, new = paths(src)
    # A copy of the new order elsewhere: the original in orders/ has the same id and is left out.
    order = os.path.join(work, "cap-2026-0407.toml")
    shutil.copy(new, order)
    p = run(bin_, "plan", order, "--portfolio", orders, "--org", org, "--as-of", AS_OF, "--confirm", "--format",
            "json", rc=0, today=AS_OF)
    doc = json.loads(p.stdout)
    expect_eq(doc["capacity"]["orders"], 3, "the same order under another file name is left out by its id")
    baseline = read(os.path.join(work, "cap-2026-0407.baseline.toml"))
    block = baseline[baseline.index("id = 'grid_design'") - 200:baseline.index("id = 'grid_design'") + 200]
    expect("deadline = 2026-06-12" in block and "start = 2026-06-01" in block, f"the placed dates confirmed: {block}")
    expect(doc["baseline"]["matches_current_plan"] is True, "the placed plan is the one confirmed")
    # Planned again against the same load, it still matches.
    again = plan_json(bin_, src, order=order)
    expect(again["baseline"]["matches_current_plan"] is True, "replanned: still matches")
    # Without the load the back-scheduled plan differs, and the note says why (not "dependencies").
    plain = run_json(bin_, "plan", order, rc=0)
    expect_eq(plain["baseline"]["changed"], "earlier", "the confirmed plan starts stages earlier")
    # Tracking follows the confirmed windows: grid_design is due Fri 06-12.
    ev = run_json(bin_, "evaluate", order, "--as-of", "2026-06-15", rc=0)
    g = stage(ev["projects"][0], "grid_design")
    expect_eq(g.get("deadline"), "2026-06-12", "evaluate: the confirmed deadline")


def scenario_bad_input(bin_, src, work):
    orders, org, new = paths(src)
    # A broken order among the portfolio: reported (file:line:col), the others read, the plan still
    # written, exit 2; --confirm refuses.
    port = os.path.join(work, "orders")
    shutil.copytree(orders, port)
    bad = write(os.path.join(port, "broken.toml"), 'schema = 1\n[project]\nid = "B"\nname = "b"\napplied = 2026-04-01\n'
                                                   'target = 2026-07-01\n[[stage]]\nid = "a"\nname = "a"\n'
                                                   'dept = "基建部"\ndays = 5\nafter = ["zz"]\n')
    p = run(bin_, "plan", new, "--portfolio", port, "--org", org, "--as-of", AS_OF, "--format", "json", rc=2)
    expect(f"{bad}:12:" in p.stderr, f"the bad file is named with its line: {p.stderr}")
    doc = json.loads(p.stdout)
    expect_eq(doc["capacity"]["orders"], 3, "the good orders are read")
    expect_eq([s["id"] for s in doc["capacity"]["shifted"]], ["grid_design"], "and the plan made")
    order = os.path.join(work, "cap-2026-0407.toml")
    shutil.copy(new, order)
    err = run(bin_, "plan", order, "--portfolio", port, "--org", org, "--as-of", AS_OF, "--confirm", rc=2,
              today=AS_OF).stderr
    expect("load is incomplete: not confirmed" in err, f"not confirmed on an incomplete load: {err}")
    expect(not os.path.exists(os.path.join(work, "cap-2026-0407.baseline.toml")), "no baseline")
    # A missing path.
    p = run(bin_, "plan", new, "--portfolio", os.path.join(work, "nowhere"), "--org", org, "--as-of", AS_OF, rc=2)
    expect("unusable-input" in p.stderr or "nowhere" in p.stderr, f"missing path: {p.stderr}")

    # No capacity declared: refused before anything is read.
    calendar_only = write(os.path.join(work, "calendar-only.toml"), "[calendar]\nholidays = [2026-06-05]\n")
    p = run(bin_, "plan", new, "--portfolio", orders, "--org", calendar_only, rc=2)
    expect("declares none" in p.stderr and "[[department]]" in p.stderr and p.stdout == "", f"no [[department]]: {p.stderr}")
    p = run(bin_, "plan", new, "--portfolio", orders, rc=2, env={"YEKUO_ORG": ""})
    expect("no organization file" in p.stderr, f"no organization file: {p.stderr}")
    # --as-of and --jobs belong to --portfolio.
    p = run(bin_, "plan", new, "--as-of", AS_OF, rc=2)
    expect("--portfolio" in p.stderr, f"--as-of needs --portfolio: {p.stderr}")


if __name__ == "__main__":
    main({"example": scenario_example, "over-capacity": scenario_over_capacity, "confirm": scenario_confirm,
          "bad-input": scenario_bad_input})
