#!/usr/bin/env python3
"""Scenario checks of `yekuo plan` through the real binary: python3 plan_checks.py YEKUO SOURCE_DIR WORK_DIR SCENARIO.

Expected dates are derived by hand from the 2010 official calendar (reasoning in comments), not
copied from the program's output.
"""
import json
import os
import shutil
import subprocess
import sys

YEKUO, SRC, WORK, SCENARIO = sys.argv[1:5]
REF = os.path.join(SRC, "examples", "110kv-reference-2010.toml")
CONTRACT_STAGE_KEYS = {"id", "name", "dept", "days", "earliest_start", "earliest_finish", "latest_start",
                       "latest_finish", "float", "critical"}


def run(*args, expect_rc=0, cwd=None):
    p = subprocess.run([YEKUO, *args], capture_output=True, cwd=cwd, timeout=60)
    if p.returncode != expect_rc:
        sys.exit(f"yekuo {' '.join(args)}: exit {p.returncode}, expected {expect_rc}\n"
                 f"stdout: {p.stdout.decode(errors='replace')[:2000]}\nstderr: {p.stderr.decode(errors='replace')[:2000]}")
    return p.stdout.decode(), p.stderr.decode()


def check(cond, msg):
    if not cond:
        sys.exit("FAILED: " + msg)


def stage(doc, sid):
    return next(s for s in doc["stages"] if s["id"] == sid)


def fresh_dir(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


if SCENARIO == "reference-json":
    out, _ = run("plan", REF, "--format", "json")
    doc = json.loads(out)
    check(doc["schema"] == 1, "schema 1")
    check(doc["project"] | {} and doc["project"]["id"] == "WX-2010-0117", "project id")
    check(doc["project"]["applied"] == "2010-01-11" and doc["project"]["target"] == "2010-05-31", "project dates")
    check(doc["feasible"] is True and doc["shortfall_days"] == 0, "feasible")
    # The seed case: the meter was connected on Fri 2010-05-28, working day 94 after acceptance.
    check(doc["earliest_energization"] == "2010-05-28", f"earliest {doc['earliest_energization']}")
    check(doc["planned_energization"] == "2010-05-31", "planned = target (a Monday)")
    for s in doc["stages"]:
        check(CONTRACT_STAGE_KEYS <= set(s), f"contract keys of {s['id']}")
        check(s["float"] >= 0, f"float of {s['id']} >= 0 when feasible")
        check(s["latest_finish"] <= "2010-05-31", f"{s['id']} done by the target")
        check(s["earliest_start"] <= s["latest_start"], f"{s['id']} earliest <= latest")
    # SPEC §2 example: applied Mon 2010-01-11, 5 working days, no predecessor -> Tue 01-12 .. Mon 01-18.
    neg = stage(doc, "negotiate")
    check((neg["earliest_start"], neg["earliest_finish"]) == ("2010-01-12", "2010-01-18"), f"negotiate {neg}")
    # access_design: SS negotiate +2 -> starts after point(01-11)+2, 15 working days: Thu 01-14 .. Wed 02-03.
    # plan_reply (10 wd) after it: 02-04, 02-05, 02-08..12 (7), Spring Festival 02-13..19 off,
    # Sat 02-20 and Sun 02-21 are working days (8, 9), Mon 02-22 (10).
    pr = stage(doc, "plan_reply")
    check((pr["earliest_start"], pr["earliest_finish"]) == ("2010-02-04", "2010-02-22"), f"plan_reply {pr}")
    # The closing stage finishes on the target and has the least float (1 working day: 05-28 -> 05-31).
    en = stage(doc, "energize")
    check(en["latest_finish"] == "2010-05-31" and en["float"] == 1 and en["critical"], f"energize {en}")
    check(doc["critical_path"][0] == "negotiate" and doc["critical_path"][-1] == "energize", "critical path ends")
    crit = {s["id"] for s in doc["stages"] if s["critical"]}
    check(set(doc["critical_path"]) <= crit, "critical path made of critical stages")
    check(doc["compression"] is None, "no compression when feasible")

elif SCENARIO == "calendar-days":
    # Issue 12 regressions through the real binary; the dates are counted by hand in each fixture's
    # comments (2010: Spring Festival 02-13..19 off, 02-20 and 02-21 worked; Qingming 04-03..05 off).
    PLANS = os.path.join(SRC, "tests", "fixtures", "plans")

    out, _ = run("plan", os.path.join(PLANS, "calendar-days-energization.toml"), "--format", "json", expect_rc=3)
    doc = json.loads(out)
    civil = stage(doc, "civil")
    check(doc["feasible"] is False and doc["shortfall_days"] == 1, f"7 calendar days from Mon 03-08: {doc['shortfall_days']}")
    check(doc["earliest_energization"] == "2010-03-15", f"energization the Monday after Sun 03-14: {doc['earliest_energization']}")
    check((civil["earliest_start"], civil["earliest_finish"]) == ("2010-03-08", "2010-03-14"), f"earliest {civil}")
    check((civil["latest_start"], civil["latest_finish"]) == ("2010-03-05", "2010-03-11"), f"latest {civil}")
    check(civil["float"] == -1 and civil["critical"], f"float {civil}")
    check(doc["critical_path"] == ["civil"], f"critical path {doc['critical_path']}")
    # With the target on Mon 03-15 the plan is feasible and no deadline is after it.
    out, _ = run("plan", os.path.join(PLANS, "calendar-days-energization.toml"), "--format", "json",
                 "--target", "2010-03-15")
    doc = json.loads(out)
    civil = stage(doc, "civil")
    check(doc["feasible"] is True and doc["shortfall_days"] == 0, "feasible on Mon 03-15")
    check((civil["latest_start"], civil["latest_finish"]) == ("2010-03-09", "2010-03-15") and civil["float"] == 1,
          f"latest {civil}")

    out, _ = run("plan", os.path.join(PLANS, "calendar-days-critical-path.toml"), "--format", "json")
    doc = json.loads(out)
    check(doc["feasible"] is True and doc["earliest_energization"] == "2010-03-26", "feasible, Fri 03-26")
    check([stage(doc, i)["float"] for i in ("survey", "civil", "inspect")] == [4, 4, 5], "floats 4 / 4 / 5")
    check(doc["critical_path"] == ["survey", "civil", "inspect"], f"critical path {doc['critical_path']}")
    check(all(s["critical"] for s in doc["stages"]), "every stage of the chain is marked critical")
    check((stage(doc, "civil")["latest_start"], stage(doc, "civil")["latest_finish"]) == ("2010-02-12", "2010-03-25"),
          "civil latest Fri 02-12 .. Thu 03-25")
    out, _ = run("plan", os.path.join(PLANS, "calendar-days-critical-path.toml"), "--format", "md")
    check(out.count("| 关键路径 |") == 3, "关键路径 on the three rows of the table")

    out, _ = run("plan", os.path.join(PLANS, "calendar-days-compression.toml"), "--format", "json", expect_rc=3)
    doc = json.loads(out)
    check(doc["shortfall_days"] == 6 and doc["earliest_energization"] == "2010-04-28", "6 working days short")
    c = doc["compression"]
    check(c["meets_target"] is True and c["optimal"] is True and c["optimal_reason"] is None, f"optimal {c['optimal']}")
    check(c["total_compression_days"] == 6, f"least total 6, got {c['total_compression_days']}")
    changes = {ch["id"]: (ch["from_days"], ch["to_days"]) for ch in c["changes"]}
    check(changes == {"inspect": (5, 3), "energize": (5, 1)}, f"tie rule: later stages first, got {changes}")
    check(c["best_energization"] == "2010-04-20", f"proposal reaches Tue 04-20: {c['best_energization']}")

elif SCENARIO == "infeasible":
    out, _ = run("plan", REF, "--format", "json", "--target", "2010-05-10", expect_rc=3)
    doc = json.loads(out)
    # Working days after Mon 05-10 up to Fri 05-28: 05-11..14 (4), 05-17..21 (9), 05-24..28 (14).
    check(doc["feasible"] is False and doc["shortfall_days"] == 14, f"shortfall {doc['shortfall_days']}")
    check(doc["earliest_energization"] == "2010-05-28", "earliest unchanged by the target")
    check(doc["planned_energization"] == "2010-05-10", "latest_* computed against the target all the same")
    check(min(s["float"] for s in doc["stages"]) == -14, "least float = -shortfall")
    check(stage(doc, "energize")["latest_finish"] == "2010-05-10", "closing stage finishes at the target")
    check(doc["compression"] is not None, "a compression proposal is given")
    text, _ = run("plan", REF, "--target", "2010-05-10", expect_rc=3)
    check("差 14 个工作日" in text and "2010-05-28" in text, "table says how far short and the earliest date")

elif SCENARIO == "formats":
    md, _ = run("plan", REF, "--format", "md")
    check("| 序号 |" in md and "2010-05-31" in md, "markdown table")
    csv_text = subprocess.run([YEKUO, "plan", REF, "--format", "csv"], capture_output=True).stdout
    check(csv_text.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM for Excel")
    check(b"\r\n" in csv_text, "CSV uses CRLF")
    html, _ = run("plan", REF, "--format", "html", "--lang", "en")
    check(html.lstrip().lower().startswith("<!doctype html>"), "HTML page")
    check("<svg" in html and "<script" not in html.lower(), "inline SVG, no scripts")
    bars = html.count('class="bar planned')
    check(bars == 22, f"one planned bar per stage ({bars})")
    out_file = os.path.join(fresh_dir("formats"), "plan.html")
    _, _ = run("plan", REF, "--format", "html", "--out", out_file)
    check(os.path.getsize(out_file) > 1000, "--out writes the file")

elif SCENARIO == "confirm":
    d = fresh_dir("confirm")
    order = os.path.join(d, "wx.toml")
    shutil.copy(REF, order)
    baseline = os.path.join(d, "wx.baseline.toml")
    # An infeasible plan is not confirmed and writes nothing.
    run("plan", order, "--confirm", "--target", "2010-05-10", expect_rc=3)
    check(not os.path.exists(baseline), "no baseline for an infeasible plan")
    _, err = run("plan", order, "--confirm")
    check(os.path.exists(baseline) and "revision 1" in err, "first confirmation writes revision 1")
    first = open(baseline, "rb").read()
    # A second confirmation without a reason is refused and the file is untouched.
    _, err = run("plan", order, "--confirm", expect_rc=2)
    check("--reason" in err, "asks for a reason")
    check(open(baseline, "rb").read() == first, "baseline unchanged")
    run("plan", order, "--confirm", "--reason", "客户要求提前", "--target", "2010-05-28")
    text = open(baseline, encoding="utf-8").read()
    check(text.count("[[revision]]") == 2 and "初次确认" in text and "客户要求提前" in text, "both revisions kept")
    out, _ = run("plan", order, "--format", "json")
    doc = json.loads(out)
    check(doc["baseline"]["revision"] == 2, "plan shows the revision in force")
    check(doc["baseline"]["matches_current_plan"] is False, "the file's target differs from the confirmed one")
    check(not [f for f in os.listdir(d) if ".tmp-" in f], "no temporary files left behind")

elif SCENARIO == "bad-input":
    d = fresh_dir("bad")
    bad = os.path.join(d, "bad.toml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('schema = 1\n[project]\nid = "X"\nname = "x"\napplied = 2010-01-11\ntarget = 2010-05-31\n'
                '[[stage]]\nid = "a"\nname = "a"\ndept = "营销部"\ndays = 5\nafter = ["b"]\n')
    out, err = run("plan", bad, expect_rc=2)
    check(out == "", "no table for bad input")
    check(f"{bad}:12:10:" in err and "unknown-stage" in err, f"file:line:col of the bad reference: {err}")
    run("plan", os.path.join(d, "missing.toml"), expect_rc=2)

elif SCENARIO == "provisional":
    d = fresh_dir("provisional")
    f = os.path.join(d, "p.toml")
    with open(f, "w", encoding="utf-8") as fh:
        fh.write('schema = 1\n[project]\nid = "P"\nname = "p"\ncapacity_kva = 5000\napplied = 2026-11-02\n'
                 'target = 2027-03-31\n[[stage]]\nid = "a"\nname = "a"\ndept = "营销部"\ndays = 40\n')
    out, err = run("plan", f, "--format", "json")
    check("2027 holiday schedule not published yet" in err, "warning on stderr")
    check(json.loads(out)["provisional_years"] == [2027], "provisional year in JSON")

else:
    sys.exit(f"unknown scenario {SCENARIO}")
print(f"{SCENARIO}: ok")
