#!/usr/bin/env python3
"""Scenario checks of `yekuo plan` through the real binary.

usage: plan_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO


Expected dates are derived by hand from the 2010 official calendar (reasoning in comments), not
copied from the program's output.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, read, run, run_json, stage, write  # noqa: E402

CONTRACT_STAGE_KEYS = {"id", "name", "dept", "days", "earliest_start", "earliest_finish", "latest_start",
                       "latest_finish", "float", "critical"}


def reference(src):
    """The 110 kV reference order of 2010 (examples/)."""
    return os.path.join(src, "examples", "110kv-reference-2010.toml")


def scenario_reference_json(bin_, src, work):
    ref = reference(src)
    out = run(bin_, "plan", ref, "--format", "json", rc=0).stdout
    doc = json.loads(out)
    expect(doc["schema"] == 1, "schema 1")
    expect(doc["project"] | {} and doc["project"]["id"] == "WX-2010-0117", "project id")
    expect(doc["project"]["applied"] == "2010-01-11" and doc["project"]["target"] == "2010-05-31", "project dates")
    expect(doc["feasible"] is True and doc["shortfall_days"] == 0, "feasible")
    # The seed case: the meter was connected on Fri 2010-05-28, working day 94 after acceptance.
    expect(doc["earliest_energization"] == "2010-05-28", f"earliest {doc['earliest_energization']}")
    expect(doc["planned_energization"] == "2010-05-31", "planned = target (a Monday)")
    for s in doc["stages"]:
        expect(CONTRACT_STAGE_KEYS <= set(s), f"contract keys of {s['id']}")
        expect(s["float"] >= 0, f"float of {s['id']} >= 0 when feasible")
        expect(s["latest_finish"] <= "2010-05-31", f"{s['id']} done by the target")
        expect(s["earliest_start"] <= s["latest_start"], f"{s['id']} earliest <= latest")
    # SPEC §2 example: applied Mon 2010-01-11, 5 working days, no predecessor -> Tue 01-12 .. Mon 01-18.
    neg = stage(doc, "negotiate")
    expect((neg["earliest_start"], neg["earliest_finish"]) == ("2010-01-12", "2010-01-18"), f"negotiate {neg}")
    # access_design: SS negotiate +2 -> starts after point(01-11)+2, 15 working days: Thu 01-14 .. Wed 02-03.
    # plan_reply (10 wd) after it: 02-04, 02-05, 02-08..12 (7), Spring Festival 02-13..19 off,
    # Sat 02-20 and Sun 02-21 are working days (8, 9), Mon 02-22 (10).
    pr = stage(doc, "plan_reply")
    expect((pr["earliest_start"], pr["earliest_finish"]) == ("2010-02-04", "2010-02-22"), f"plan_reply {pr}")
    # The closing stage finishes on the target and has the least float (1 working day: 05-28 -> 05-31).
    en = stage(doc, "energize")
    expect(en["latest_finish"] == "2010-05-31" and en["float"] == 1 and en["critical"], f"energize {en}")
    expect(doc["critical_path"][0] == "negotiate" and doc["critical_path"][-1] == "energize", "critical path ends")
    crit = {s["id"] for s in doc["stages"] if s["critical"]}
    expect(set(doc["critical_path"]) <= crit, "critical path made of critical stages")
    expect(doc["compression"] is None, "no compression when feasible")


def scenario_calendar_days(bin_, src, work):
    # Issue 12 regressions through the real binary; the dates are counted by hand in each fixture's
    # comments (2010: Spring Festival 02-13..19 off, 02-20 and 02-21 worked; Qingming 04-03..05 off).
    plans = os.path.join(src, "tests", "fixtures", "plans")

    out = run(bin_, "plan", os.path.join(plans, "calendar-days-energization.toml"), "--format", "json", rc=3).stdout
    doc = json.loads(out)
    civil = stage(doc, "civil")
    expect(doc["feasible"] is False and doc["shortfall_days"] == 1,
           f"7 calendar days from Mon 03-08: {doc['shortfall_days']}")
    expect(doc["earliest_energization"] == "2010-03-15",
           f"energization the Monday after Sun 03-14: {doc['earliest_energization']}")
    expect((civil["earliest_start"], civil["earliest_finish"]) == ("2010-03-08", "2010-03-14"), f"earliest {civil}")
    expect((civil["latest_start"], civil["latest_finish"]) == ("2010-03-05", "2010-03-11"), f"latest {civil}")
    expect(civil["float"] == -1 and civil["critical"], f"float {civil}")
    expect(doc["critical_path"] == ["civil"], f"critical path {doc['critical_path']}")
    # With the target on Mon 03-15 the plan is feasible and no deadline is after it.
    out = run(bin_, "plan", os.path.join(plans, "calendar-days-energization.toml"), "--format", "json",
              "--target", "2010-03-15", rc=0).stdout
    doc = json.loads(out)
    civil = stage(doc, "civil")
    expect(doc["feasible"] is True and doc["shortfall_days"] == 0, "feasible on Mon 03-15")
    expect((civil["latest_start"], civil["latest_finish"]) == ("2010-03-09", "2010-03-15") and civil["float"] == 1,
           f"latest {civil}")

    out = run(bin_, "plan", os.path.join(plans, "calendar-days-critical-path.toml"), "--format", "json", rc=0).stdout
    doc = json.loads(out)
    expect(doc["feasible"] is True and doc["earliest_energization"] == "2010-03-26", "feasible, Fri 03-26")
    expect([stage(doc, i)["float"] for i in ("survey", "civil", "inspect")] == [4, 4, 5], "floats 4 / 4 / 5")
    expect(doc["critical_path"] == ["survey", "civil", "inspect"], f"critical path {doc['critical_path']}")
    expect(all(s["critical"] for s in doc["stages"]), "every stage of the chain is marked critical")
    expect((stage(doc, "civil")["latest_start"], stage(doc, "civil")["latest_finish"]) == ("2010-02-12", "2010-03-25"),
           "civil latest Fri 02-12 .. Thu 03-25")
    out = run(bin_, "plan", os.path.join(plans, "calendar-days-critical-path.toml"), "--format", "md", rc=0).stdout
    expect(out.count("| 关键路径 |") == 3, "关键路径 on the three rows of the table")

    out = run(bin_, "plan", os.path.join(plans, "calendar-days-compression.toml"), "--format", "json",
              rc=3).stdout
    doc = json.loads(out)
    expect(doc["shortfall_days"] == 6 and doc["earliest_energization"] == "2010-04-28", "6 working days short")
    c = doc["compression"]
    expect(c["meets_target"] is True and c["optimal"] is True and c["optimal_reason"] is None,
           f"optimal {c['optimal']}")
    expect(c["total_compression_days"] == 6, f"least total 6, got {c['total_compression_days']}")
    changes = {ch["id"]: (ch["from_days"], ch["to_days"]) for ch in c["changes"]}
    expect(changes == {"inspect": (5, 3), "energize": (5, 1)}, f"tie rule: later stages first, got {changes}")
    expect(c["best_energization"] == "2010-04-20", f"proposal reaches Tue 04-20: {c['best_energization']}")


def scenario_infeasible(bin_, src, work):
    ref = reference(src)
    out = run(bin_, "plan", ref, "--format", "json", "--target", "2010-05-10", rc=3).stdout
    doc = json.loads(out)
    # Working days after Mon 05-10 up to Fri 05-28: 05-11..14 (4), 05-17..21 (9), 05-24..28 (14).
    expect(doc["feasible"] is False and doc["shortfall_days"] == 14, f"shortfall {doc['shortfall_days']}")
    expect(doc["earliest_energization"] == "2010-05-28", "earliest unchanged by the target")
    expect(doc["planned_energization"] == "2010-05-10", "latest_* computed against the target all the same")
    expect(min(s["float"] for s in doc["stages"]) == -14, "least float = -shortfall")
    expect(stage(doc, "energize")["latest_finish"] == "2010-05-10", "closing stage finishes at the target")
    expect(doc["compression"] is not None, "a compression proposal is given")
    text = run(bin_, "plan", ref, "--target", "2010-05-10", rc=3).stdout
    expect("差 14 个工作日" in text and "2010-05-28" in text, "table says how far short and the earliest date")


def scenario_formats(bin_, src, work):
    ref = reference(src)
    md = run(bin_, "plan", ref, "--format", "md", rc=0).stdout
    expect("| 序号 |" in md and "2010-05-31" in md, "markdown table")
    csv_text = run(bin_, "plan", ref, "--format", "csv", rc=0, text=False).stdout
    expect(csv_text.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 BOM for Excel")
    expect(b"\r\n" in csv_text, "CSV uses CRLF")
    html = run(bin_, "plan", ref, "--format", "html", "--lang", "en", rc=0).stdout
    expect(html.lstrip().lower().startswith("<!doctype html>"), "HTML page")
    expect("<svg" in html and "<script" not in html.lower(), "inline SVG, no scripts")
    bars = html.count('class="bar planned')
    expect(bars == 22, f"one planned bar per stage ({bars})")
    out_file = os.path.join(work, "plan.html")
    run(bin_, "plan", ref, "--format", "html", "--out", out_file, rc=0)
    expect(os.path.getsize(out_file) > 1000, "--out writes the file")


def scenario_confirm(bin_, src, work):
    ref = reference(src)
    d = work
    order = os.path.join(d, "wx.toml")
    shutil.copy(ref, order)
    baseline = os.path.join(d, "wx.baseline.toml")
    # An infeasible plan is not confirmed and writes nothing.
    run(bin_, "plan", order, "--confirm", "--target", "2010-05-10", rc=3)
    expect(not os.path.exists(baseline), "no baseline for an infeasible plan")
    err = run(bin_, "plan", order, "--confirm", rc=0).stderr
    expect(os.path.exists(baseline) and "revision 1" in err, "first confirmation writes revision 1")
    first = open(baseline, "rb").read()
    # A second confirmation without a reason is refused and the file is untouched.
    err = run(bin_, "plan", order, "--confirm", rc=2).stderr
    expect("--reason" in err, "asks for a reason")
    expect(open(baseline, "rb").read() == first, "baseline unchanged")
    run(bin_, "plan", order, "--confirm", "--reason", "客户要求提前", "--target", "2010-05-28", rc=0)
    text = read(baseline)
    expect(text.count("[[revision]]") == 2 and "初次确认" in text and "客户要求提前" in text, "both revisions kept")
    out = run(bin_, "plan", order, "--format", "json", rc=0).stdout
    doc = json.loads(out)
    expect(doc["baseline"]["revision"] == 2, "plan shows the revision in force")
    expect(doc["baseline"]["matches_current_plan"] is False, "the file's target differs from the confirmed one")
    expect(not [f for f in os.listdir(d) if ".tmp-" in f], "no temporary files left behind")


def scenario_bad_input(bin_, src, work):
    d = work
    bad = os.path.join(d, "bad.toml")
    write(bad, 'schema = 1\n[project]\nid = "X"\nname = "x"\napplied = 2010-01-11\ntarget = 2010-05-31\n'
               '[[stage]]\nid = "a"\nname = "a"\ndept = "营销部"\ndays = 5\nafter = ["b"]\n')
    p = run(bin_, "plan", bad, rc=2)
    out, err = p.stdout, p.stderr
    expect(out == "", "no table for bad input")
    expect(f"{bad}:12:10:" in err and "unknown-stage" in err, f"file:line:col of the bad reference: {err}")
    run(bin_, "plan", os.path.join(d, "missing.toml"), rc=2)


def scenario_provisional(bin_, src, work):
    d = work
    f = os.path.join(d, "p.toml")
    write(f, 'schema = 1\n[project]\nid = "P"\nname = "p"\ncapacity_kva = 5000\napplied = 2026-11-02\n'
             'target = 2027-03-31\n[[stage]]\nid = "a"\nname = "a"\ndept = "营销部"\ndays = 40\n')
    p = run(bin_, "plan", f, "--format", "json", rc=0)
    out, err = p.stdout, p.stderr
    expect("2027 holiday schedule not published yet" in err, "warning on stderr")
    expect(json.loads(out)["provisional_years"] == [2027], "provisional year in JSON")


def scenario_compression_calendar_days_regression(bin_, src, work):
    # Compression with calendar-day stages must fall back, never abort (exit 3, not 1).
    plan = os.path.join(src, "tests", "fixtures", "plans", "compress-calendar-days-infeasible.toml")
    doc = run_json(bin_, "plan", plan, rc=3)
    expect(doc.get("compression", {}).get("meets_target") is True, f"compression: {doc.get('compression')}")


if __name__ == "__main__":
    main({"reference-json": scenario_reference_json, "calendar-days": scenario_calendar_days,
          "infeasible": scenario_infeasible, "formats": scenario_formats, "confirm": scenario_confirm,
          "bad-input": scenario_bad_input, "provisional": scenario_provisional,
          "compression_calendar_days_regression": scenario_compression_calendar_days_regression})
