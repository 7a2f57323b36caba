#!/usr/bin/env python3
"""yekuo assess through the real binary on examples/assessed.

usage: assess_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO

Every expected figure is derived by hand in docs/assessment.md ("Worked examples"); the comments
repeat the counting. Points are working days on or before a date; handling days are the working
days after the clock start up to the actual finish.
"""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, read, run, stage, write  # noqa: E402

AS_OF = "2026-06-30"


def examples(src):
    return os.path.join(src, "examples", "assessed")


def assess_json(bin_, *args):
    p = run(bin_, "assess", *args, "--format", "json")
    return p.returncode, json.loads(p.stdout), p.stderr


def figures(s):
    return (s["limit_days"], s["clock_start"], s["handling_days"], s["customer_days_excluded"], s["net_days"],
            s["overrun_days"])


def scenario_figures(bin_, src, work):
    assessed = examples(src)
    # --- the whole example set, as of 2026-06-30 ---------------------------------------------------
    rc, j, err = assess_json(bin_, assessed, "--as-of", "2026-06-30")
    expect(rc == 0, f"exit code {rc}, stderr: {err}")
    expect(j["schema"] == 1 and j["from"] is None and j["to"] is None, "schema/from/to")
    ids = [p["id"] for p in j["projects"]]
    expect(ids == ["HZ-2025-1127", "WX-2010-0201", "WX-2010-0301"], f"assessed orders in path order: {ids}")
    P = {p["id"]: p for p in j["projects"]}

    # WX-2010-0201: applied Mon 02-01 (point p0), energized Wed 04-14 = p0+48 (Spring Festival 02-13..19 off,
    # 02-20/21 worked; Qingming 04-05 off); 28 + 31 + 13 = 72 calendar days.
    a = P["WX-2010-0201"]
    expect((a["energized"], a["total_working_days"], a["total_calendar_days"]) == ("2010-04-14", 48, 72), "A totals")
    expect(a["revisit"] == "ok" and a["revisit_deadline"] == "2010-05-14", "A revisit")
    # plan_reply: clock p0+5 (negotiate finished 02-08), finished 03-02 = p0+18: 13 days; the customer delay
    # 02-10..12 (3 working days) was reported 02-10, before the deadline 02-25: excluded -> net 10, on time.
    expect(figures(stage(a, "plan_reply")) == (10, "2010-02-09", 13, 3, 10, 0),
           f"A plan_reply {figures(stage(a, 'plan_reply'))}")
    expect(stage(a, "plan_reply")["delays"][0]["excluded"] is True, "A plan_reply delay excluded")
    # grid_works: started 03-03 before its window; the clock starts at the window (p0+25, first day 03-12):
    # finished 04-01 = p0+40 -> 15, on time (from the recorded start it would be 21).
    expect(figures(stage(a, "grid_works")) == (15, "2010-03-12", 15, 0, 15, 0), "A grid_works (planned window)")
    expect(stage(a, "grid_works")["clock_reason"] == "planned_start", "A grid_works reason")
    # inspection: clock p0+38 (customer works finished 03-30); effective deadline = date of p0+43 = 04-07;
    # delay 04-06..07 reported 04-12 (late): not excluded; finished 04-09 = p0+45 -> 7, 2 over.
    ins = stage(a, "inspection")
    expect(figures(ins) == (5, "2010-03-31", 7, 0, 7, 2), f"A inspection {figures(ins)}")
    expect(ins["effective_deadline"] == "2010-04-07", "A inspection effective deadline")
    expect(ins["delays"][0]["excluded"] is False and ins["delays"][0]["working_days"] == 2, "A late delay evidence")
    expect(ins["suggestion"] == {"dept": "客户服务中心", "overrun_days": 2, "customer_days_excluded": 0}, "A suggestion")

    # WX-2010-0301: energized 05-12 = p0+50 (Labour Day 05-01..03 off); 31 + 30 + 11 = 72 calendar days.
    b = P["WX-2010-0301"]
    expect((b["energized"], b["total_working_days"], b["total_calendar_days"]) == ("2010-05-12", 50, 72), "B totals")
    # No revisit and 2026-06-30 is after 2010-06-12: missing.
    expect(b["revisit"] == "missing" and b["revisit_deadline"] == "2010-06-12", "B revisit missing")
    # plan_reply finished 03-26 = p0+19, clock p0+5 -> 14, 4 over.
    expect(figures(stage(b, "plan_reply")) == (10, "2010-03-09", 14, 0, 14, 4), "B plan_reply")
    # customer_works waits for plan_reply: clock p0+19, finished 04-26 = p0+39 -> 20, not charged for the wait.
    expect(figures(stage(b, "customer_works")) == (20, "2010-03-29", 20, 0, 20, 0), "B customer_works")
    # grid_works from its window p0+25 to 05-06 = p0+46 -> 21, 6 over.
    expect(figures(stage(b, "grid_works")) == (15, "2010-04-07", 21, 0, 21, 6), "B grid_works")
    # energize waits for grid_works (p0+46): finished 05-12 = p0+50 -> 4, on time, though 5 working days
    # after its planned deadline 05-05.
    en = stage(b, "energize")
    expect(figures(en) == (5, "2010-05-07", 4, 0, 4, 0), f"B energize {figures(en)}")
    expect(en["clock_reason"] == "predecessor" and en["waiting_for"] == "grid_works" and en["suggestion"] is None,
           "B energize not charged")

    # HZ-2025-1127: energized Sat 2026-01-31: the revisit deadline is 2026-02-28; revisited 03-02: late.
    c = P["HZ-2025-1127"]
    expect(c["energized"] == "2026-01-31" and c["revisit"] == "late" and c["revisit_late"] is True, "C revisit late")
    expect(c["revisit_deadline"] == "2026-02-28", "C revisit deadline across the month end")
    expect(all(s["overrun_days"] == 0 for s in c["stages"]), "C on time")

    # HZ-2025-0901: energized, inspection has no finish: incomplete, not assessed; dissatisfied revisit.
    expect([(i["id"], i["missing_finish"]) for i in j["incomplete"]] == [("HZ-2025-0901", ["inspection"])],
           "incomplete")
    expect(j["skipped"] == 1 and j["outside_period"] == 0, "skipped (HZ-2026-0302 not energized)")
    rv = [(r["project"], r["status"]) for r in j["revisits"]]
    expect(rv == [("HZ-2025-0901", "dissatisfied"), ("HZ-2025-1127", "late"), ("WX-2010-0301", "missing")],
           f"revisits {rv}")
    expect(len(j["revisits"][0]["issues"]) == 2, "dissatisfied issues listed")

    # Departments over A, B, C (customer stages left out): 运维检修部 3 grid stages, B 6 over;
    # 发展策划部 3 plan replies, B 4 over; 客户服务中心 3 x 3 stages, A inspection 2 over. Worst first.
    deps = [(d["dept"], d["assessed"], d["on_time"], d["overran"], d["overrun_days"]) for d in j["departments"]]
    expect(deps == [("运维检修部", 3, 2, 1, 6), ("发展策划部", 3, 2, 1, 4), ("客户服务中心", 9, 8, 1, 2)], f"departments {deps}")
    expect(abs(j["departments"][2]["on_time_rate"] - 8 / 9) < 1e-3, "on-time rate 8/9")
    expect(j["departments"][0]["worst"] == [{"project": "WX-2010-0301", "stage": "grid_works", "overrun_days": 6}],
           "worst")
    expect(j["errors"] == [], "no errors")

    # (The output is validated against schemas/assess.schema.json by schema.output.assess_assessed.)

    # --- a period: 2010 only --------------------------------------------------------------------------
    rc, j, err = assess_json(bin_, assessed, "--from", "2010-01-01", "--to", "2010-12-31", "--as-of", "2026-06-30")
    expect(rc == 0 and j["from"] == "2010-01-01" and j["to"] == "2010-12-31", "period echo")
    expect([p["id"] for p in j["projects"]] == ["WX-2010-0201", "WX-2010-0301"], "period selects 2010")
    expect(j["outside_period"] == 2 and j["incomplete"] == [] and j["skipped"] == 1, "period counts")
    deps = [(d["dept"], d["assessed"], d["overran"], d["overrun_days"]) for d in j["departments"]]
    expect(deps == [("运维检修部", 2, 1, 6), ("发展策划部", 2, 1, 4), ("客户服务中心", 6, 1, 2)], f"period departments {deps}")
    # Both ends inclusive: B was energized on 2010-05-12.
    rc, j, err = assess_json(bin_, assessed, "--from", "2010-05-12", "--to", "2010-05-12", "--as-of", "2026-06-30")
    expect([p["id"] for p in j["projects"]] == ["WX-2010-0301"], "inclusive period bounds")

    # --- revisit due-ness follows --as-of: B's deadline is 2010-06-12 -----------------------------------
    for as_of, want in (("2010-06-12", "not_due"), ("2010-06-13", "missing")):
        rc, j, err = assess_json(bin_, assessed, "--as-of", as_of)
        got = next(p["revisit"] for p in j["projects"] if p["id"] == "WX-2010-0301")
        expect(got == want, f"B revisit as of {as_of}: {got}")

    # --- one bad file: reported with file:line:col, the others still assessed, exit 2 ---------------------
    orders = os.path.join(work, "orders")
    shutil.copytree(assessed, orders)
    write(os.path.join(orders, "bad.toml"), 'schema = 1\n[project]\nid = "X\n')
    rc, j, err = assess_json(bin_, orders, "--as-of", "2026-06-30")
    expect(rc == 2, f"bad file exit code {rc}")
    expect(len(j["projects"]) == 3, "the good files are still assessed")
    expect(len(j["errors"]) >= 1 and j["errors"][0]["file"].endswith("bad.toml") and j["errors"][0]["line"] == 3,
           f"error position {j['errors']}")
    expect("bad.toml:3:" in err, f"stderr names file:line: {err}")
    out = os.path.join(work, "report.json")
    p = run(bin_, "assess", os.path.join(assessed, "wx-2010-0301-late-predecessor.toml"), "--as-of", "2026-06-30",
            "--format", "json", "--out", out)
    expect(p.returncode == 0 and [p["id"] for p in json.loads(read(out))["projects"]] == ["WX-2010-0301"],
           "--out writes the JSON")


def scenario_table(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--as-of", AS_OF, rc=0)
    expect(re.search(r"建议考核 客户服务中心：超期 2 个工作日.*运维检修部 +\| +3 \| +2 \| +1 \| +6 .*超过一个月未回访.*"
                     r"尚未接电跳过 1 个", p.stdout, re.S), f"assess table:\n{p.stdout}")


def scenario_english(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--as-of", AS_OF, "--lang", "en", "--format", "md", rc=0)
    expect(re.search(r"reported 2010-04-12, after the deadline: not excluded.*assess 运维检修部: 6 working days over",
                     p.stdout, re.S), f"assess --lang en --format md:\n{p.stdout}")


def scenario_html(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--as-of", AS_OF, "--format", "html", rc=0)
    expect(p.stdout.count("<svg") >= 3, "three Gantt charts")


def scenario_csv(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--as-of", AS_OF, "--format", "csv", rc=0)
    expect("WX-2010-0301" in p.stdout, f"assess --format csv:\n{p.stdout}")


def scenario_bad_date(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--from", "2010-02-30", rc=2)
    expect("2010-02-30" in p.stderr, f"names the bad date: {p.stderr}")


def scenario_reversed_period(bin_, src, work):
    p = run(bin_, "assess", examples(src), "--from", "2010-06-01", "--to", "2010-05-01", rc=2)
    expect("is before --from" in p.stderr, f"says the period is reversed: {p.stderr}")


def scenario_missing_input(bin_, src, work):
    p = run(bin_, "assess", os.path.join(examples(src), "no-such-file.toml"), rc=2)
    expect("no-such-file.toml: error: no such file or directory" in p.stderr, f"names the missing file: {p.stderr}")


# The organization calendar applies to assess as to evaluate: $YEKUO_CALENDAR is read (a missing
# file stops the run, naming it) and an empty value means none.
def missing_calendar(bin_, src, work):
    return run(bin_, "assess", examples(src), "--as-of", AS_OF, rc=2,
               env={"YEKUO_CALENDAR": os.path.join(work, "no-such-calendar.toml")})


def scenario_env_calendar(bin_, src, work):
    missing_calendar(bin_, src, work)


def scenario_env_calendar_named(bin_, src, work):
    p = missing_calendar(bin_, src, work)
    expect("no-such-calendar.toml" in p.stderr, f"names the calendar file: {p.stderr}")


def scenario_env_calendar_empty(bin_, src, work):
    run(bin_, "assess", examples(src), "--as-of", AS_OF, rc=0, env={"YEKUO_CALENDAR": ""})


if __name__ == "__main__":
    main({"figures": scenario_figures, "table": scenario_table, "english": scenario_english, "html": scenario_html,
          "csv": scenario_csv, "bad_date": scenario_bad_date, "reversed_period": scenario_reversed_period,
          "missing_input": scenario_missing_input, "env_calendar": scenario_env_calendar,
          "env_calendar_named": scenario_env_calendar_named, "env_calendar_empty": scenario_env_calendar_empty})
