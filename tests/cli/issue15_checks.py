#!/usr/bin/env python3
"""Issue 15 through the real binary on real files: promised time limits (finish_within), the
responsible person (owner), portfolio figures in assess, follow-up after energization, the
escalation ladder and assessment rulings. Every figure is counted by hand in the comments.

usage: issue15_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, read, run, run_json, stage, write  # noqa: E402


# ---- 1. finish_within -------------------------------------------------------------------------

def finish_within(bin_, src, work):
    ex = os.path.join(src, "examples", "finish-within-2026.toml")
    # Applied Thu 2026-04-30; May Day 05-01..05-05 off, Sat 05-09 a working day:
    # 05-06, 05-07, 05-08, 05-09, 05-11 -> negotiate due Mon 2026-05-11, window from Wed 05-06.
    plan = run_json(bin_, "plan", ex)
    neg = stage(plan, "negotiate")
    expect_eq(neg.get("latest_finish"), "2026-05-11", "negotiate deadline (finish_within 5)")
    expect_eq(neg.get("latest_start"), "2026-05-06", "negotiate window start")
    expect_eq(neg.get("finish_within"), 5, "plan JSON finish_within")
    expect_eq(stage(plan, "plan_reply").get("finish_within"), None, "no finish_within on plan_reply")
    expect_eq(plan.get("feasible"), True, "feasible")
    expect_eq(plan.get("finish_within_breaches"), [], "no breach")

    # Evaluate/remind/assess use that deadline. Sat 05-09 is a working day; the next is Mon 05-11.
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2026-05-09")
    st = stage(ev["projects"][0], "negotiate")
    expect_eq(st.get("deadline"), "2026-05-11", "evaluate deadline")
    expect_eq(st.get("status"), "due_soon", "evaluate status on 05-09")
    rm = run_json(bin_, "remind", ex, "--as-of", "2026-05-09")
    ids = [i.get("stage", i.get("id")) for i in rm.get("items", [])]
    expect("negotiate" in ids, f"remind on 05-09 lists negotiate: {ids}")
    # Finished Tue 05-12: 1 working day late.
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2026-05-13")
    st = stage(ev["projects"][0], "negotiate")
    expect_eq((st.get("status"), st.get("days_late")), ("done_late", 1), "negotiate done late by 1")

    # A negotiation of 7 days cannot finish within 5: 05-06 … 05-11, 05-12, 05-13 -> 2 over; exit 3, named.
    bad = os.path.join(work, "within-breach.toml")
    write(bad, read(ex).replace("days = 5\nfinish_within = 5", "days = 7\nfinish_within = 5", 1))
    p = run(bin_, "plan", bad, "--format", "json")
    expect_eq(p.returncode, 3, "breach exit code")
    expect("negotiate" in p.stderr and "finish_within" in p.stderr, f"breach named on stderr: {p.stderr}")
    doc = json.loads(p.stdout) if p.stdout else {}
    expect_eq(doc.get("feasible"), False, "breach infeasible")
    expect_eq(doc.get("finish_within_breaches"),
              [{"id": "negotiate", "finish_within": 5, "limit": "2026-05-11", "earliest_finish": "2026-05-13",
                "days_over": 2}], "breach JSON")
    p = run(bin_, "plan", bad, "--lang", "en")
    expect_eq(p.returncode, 3, "breach exit code (table)")
    expect("promised time limit" in p.stdout, "table states the broken promise")

    # check: file:line:col for bad values; did-you-mean for a misspelt key.
    t = read(ex)
    line = next(i + 1 for i, l in enumerate(t.splitlines()) if l.startswith("finish_within"))
    for wrong, code in (("-1", "bad-finish-within"), ('"5"', "wrong-type"), ("2001", "bad-finish-within")):
        f = os.path.join(work, "within-bad.toml")
        write(f, t.replace("finish_within = 5 ", f"finish_within = {wrong} ", 1))
        p = run(bin_, "check", f)
        expect_eq(p.returncode, 2, f"check finish_within = {wrong}")
        expect(re.search(rf"within-bad\.toml:{line}:17: error: .*\[{code}\]", p.stderr),
               f"check finish_within = {wrong}: {p.stderr}")
    f = os.path.join(work, "within-typo.toml")
    write(f, t.replace("finish_within = 5 ", "finish_witin = 5 ", 1))
    p = run(bin_, "check", f)
    expect(re.search(rf"within-typo\.toml:{line}:1: error: unknown key \"finish_witin\".*did you mean \"finish_within\"",
                     p.stderr), f"did you mean finish_within: {p.stderr}")


# ---- 2. owner ---------------------------------------------------------------------------------

def owner(bin_, src, work):
    ex = os.path.join(src, "examples", "finish-within-2026.toml")
    # remind on Sat 05-09 (a working day): negotiate is due Mon 05-11, owner 周敏.
    rm = run_json(bin_, "remind", ex, "--as-of", "2026-05-09")
    items = [i for i in rm.get("items", []) if i.get("id") == "negotiate"]
    expect(len(items) == 1, f"remind lists negotiate once: {rm.get('items')}")
    if items:
        expect_eq(items[0].get("owner"), "周敏", "remind item owner")
    p = run(bin_, "remind", ex, "--as-of", "2026-05-09", "--lang", "en")
    expect("Owner" in p.stdout and "周敏" in p.stdout, f"remind table names the owner: {p.stdout}")
    # Evaluate on Wed 05-13 with negotiate unfinished (its finish removed): 05-12, 05-13 -> 2 days overdue,
    # escalated with its owner.
    open_ = os.path.join(work, "open.toml")
    write(open_, read(ex).replace("finished = 2026-05-12\n", ""))
    ev = run_json(bin_, "evaluate", open_, "--as-of", "2026-05-13")
    esc = ev.get("escalations", [])
    expect_eq([(e.get("id"), e.get("owner"), e.get("days_late")) for e in esc], [("negotiate", "周敏", 2)],
              "escalation with owner")
    expect_eq(stage(ev["projects"][0], "plan_reply").get("owner"), "陈刚", "evaluate stage owner")
    expect_eq(stage(ev["projects"][0], "customer_works").get("owner"), "", "no owner: empty string")
    p = run(bin_, "evaluate", open_, "--as-of", "2026-05-13", "--lang", "en")
    expect("Owner" in p.stdout, "escalation table has the owner column")
    # Without any owner the tables keep their columns.
    plain = os.path.join(work, "plain.toml")
    write(plain, re.sub(r'^owner = .*\n', "", read(open_), flags=re.M))
    p = run(bin_, "evaluate", plain, "--as-of", "2026-05-13", "--lang", "en")
    expect("Owner" not in p.stdout, "no owner column without owners")
    # assess: energized order, every stage with its owner in JSON and the table.
    done = os.path.join(work, "done.toml")
    write(done, read(ex) + """
[[progress]]
stage = "plan_reply"
finished = 2026-06-01

[[progress]]
stage = "customer_works"
finished = 2026-08-20

[[progress]]
stage = "acceptance"
finished = 2026-08-27

[[progress]]
stage = "energize"
finished = 2026-09-03
""")
    a = run_json(bin_, "assess", done, "--as-of", "2026-09-30")
    proj = a.get("projects", [{}])[0]
    expect_eq([(s.get("id"), s.get("owner")) for s in proj.get("stages", [])],
              [("negotiate", "周敏"), ("plan_reply", "陈刚"), ("customer_works", ""), ("acceptance", "周敏"),
               ("energize", "吴强")], "assess stage owners")
    expect_eq(stage(proj, "negotiate").get("overrun_days"), 1, "negotiate overrun 1 (finish_within)")
    p = run(bin_, "assess", done, "--as-of", "2026-09-30", "--lang", "en")
    expect("Owner" in p.stdout and "吴强" in p.stdout, "assess table names owners")
    # check: owner must be a string.
    f = os.path.join(work, "bad-owner.toml")
    t = read(ex)
    line = next(i + 1 for i, l in enumerate(t.splitlines()) if l.startswith("owner"))
    write(f, t.replace('owner = "周敏"                 # 责任人', "owner = 5", 1))
    p = run(bin_, "check", f)
    expect(re.search(rf"bad-owner\.toml:{line}:9: error: .*\[wrong-type\]", p.stderr), f"owner wrong type: {p.stderr}")


# ---- 3. portfolio figures in assess ------------------------------------------------------------

def order(oid, voltage, target, finished, revisit=""):
    return f"""schema = 1

[project]
id = "{oid}"
name = "汇总测试 {oid}"
voltage_kv = {voltage}
applied = 2010-03-01
target = {target}

[[stage]]
id = "work"
name = "施工"
dept = "运维检修部"
days = 10

[[progress]]
stage = "work"
finished = {finished}
{revisit}"""


def summary(bin_, src, work):
    # Applied Mon 2010-03-01 (March 2010 has no holiday):
    #   A 10 kV  energized Fri 03-12: 2-5, 8-12 -> 9 working days, 11 calendar days; target 03-15: on target;
    #            revisit 03-20 (deadline 04-12) satisfied -> on time.
    #   B 10 kV  energized Fri 03-19: 9 + 15-19 -> 14 working days, 18 calendar days; target 03-15: late;
    #            revisit 04-20 (deadline 04-19) dissatisfied -> late.
    #   C 110 kV energized Wed 03-31: 14 + 22-26 + 29-31 -> 22 working days, 30 calendar days; target 04-30;
    #            no revisit, deadline 04-30 passed on 06-30 -> missing.
    # energized 3; average working days (9 + 14 + 22) / 3 = 15; calendar (11 + 18 + 30) / 3 = 19.6667;
    # on target 2 (0.6667); revisits done 2, due 3, on time 1 (0.3333); satisfied 1 of 2 answered (0.5);
    # by voltage: 10 kV 2 orders (9 + 14) / 2 = 11.5; 110 kV 1 order 22.
    d = os.path.join(work, "orders")
    os.makedirs(d)
    write(os.path.join(d, "a.toml"), order("A", 10, "2010-03-15", "2010-03-12",
                                           "\n[revisit]\ndate = 2010-03-20\nsatisfied = true\n"))
    write(os.path.join(d, "b.toml"), order("B", 10, "2010-03-15", "2010-03-19",
                                           "\n[revisit]\ndate = 2010-04-20\nsatisfied = false\n"))
    write(os.path.join(d, "c.toml"), order("C", 110, "2010-04-30", "2010-03-31"))
    a = run_json(bin_, "assess", d, "--as-of", "2010-06-30")
    expect_eq(a.get("summary"), {
        "energized": 3, "average_working_days": 15.0, "average_calendar_days": 19.6667, "on_target": 2,
        "on_target_rate": 0.6667, "revisit_done": 2, "revisit_due": 3, "revisit_on_time_rate": 0.3333,
        "satisfied_rate": 0.5,
        "by_voltage": [{"voltage_kv": 10, "energized": 2, "average_working_days": 11.5},
                       {"voltage_kv": 110, "energized": 1, "average_working_days": 22.0}]}, "summary")
    # No order in the period: counts 0, averages and rates null.
    a = run_json(bin_, "assess", d, "--as-of", "2010-06-30", "--from", "2011-01-01")
    expect_eq(a.get("summary"), {
        "energized": 0, "average_working_days": None, "average_calendar_days": None, "on_target": 0,
        "on_target_rate": None, "revisit_done": 0, "revisit_due": 0, "revisit_on_time_rate": None,
        "satisfied_rate": None, "by_voltage": []}, "empty summary")
    # Every format has the section.
    for fmt_, needle in (("table", "Portfolio summary"), ("md", "Portfolio summary"), ("csv", "Portfolio summary"),
                         ("html", "Portfolio summary")):
        p = run(bin_, "assess", d, "--as-of", "2010-06-30", "--lang", "en", "--format", fmt_)
        expect(p.returncode == 0 and needle in p.stdout, f"assess --format {fmt_} has the summary")
        if fmt_ == "table":
            expect("15.0" in p.stdout and "19.7" in p.stdout and "66.7%" in p.stdout and "11.5" in p.stdout,
                   f"summary figures in the table: {p.stdout}")
    p = run(bin_, "assess", d, "--as-of", "2010-06-30")
    expect("本期汇总" in p.stdout and "按电压等级" in p.stdout, "zh summary")


# ---- 4. follow-up after energization -------------------------------------------------------------

def follow_up(bin_, src, work):
    # Energized Fri 2010-03-12: revisit and inspection due 2010-04-12 (Mon, one calendar month).
    # As of Fri 04-09 the next working day is Mon 04-12: due_soon. As of Tue 04-13: overdue by 1 calendar day.
    # A revisit dated 04-10 is known on 04-13 but not on 04-09 (forgotten: facts after as-of).
    f = os.path.join(work, "a.toml")
    write(f, order("A", 10, "2010-03-15", "2010-03-12", "\n[revisit]\ndate = 2010-04-10\nsatisfied = true\n"))
    ev = run_json(bin_, "evaluate", f, "--as-of", "2010-04-09")
    expect_eq(ev.get("follow_up"), [
        {"project": "A", "kind": "revisit", "energized": "2010-03-12", "deadline": "2010-04-12", "status": "due_soon"},
        {"project": "A", "kind": "inspection", "energized": "2010-03-12", "deadline": "2010-04-12",
         "status": "due_soon"}], "follow_up on 04-09")
    ev = run_json(bin_, "evaluate", f, "--as-of", "2010-03-20")
    expect_eq([x["status"] for x in ev.get("follow_up", [])], ["open", "open"], "follow_up open on 03-20")
    ev = run_json(bin_, "evaluate", f, "--as-of", "2010-04-13")
    expect_eq(ev.get("follow_up"), [
        {"project": "A", "kind": "inspection", "energized": "2010-03-12", "deadline": "2010-04-12",
         "status": "overdue"}], "follow_up on 04-13 (revisit recorded 04-10)")
    rm = run_json(bin_, "remind", f, "--as-of", "2010-04-13")
    expect_eq([(i.get("kind"), i.get("status"), i.get("days_late")) for i in rm.get("items", [])],
              [("inspection", "overdue", 1)], "remind follow-up overdue")
    rm = run_json(bin_, "remind", f, "--as-of", "2010-03-20")
    expect_eq(rm.get("items"), [], "nothing to remind on 03-20")
    # An inspection recorded closes it.
    g = os.path.join(work, "b.toml")
    write(g, read(f) + "\n[inspection]\ndate = 2010-04-11\nresult = \"ok\"\nnote = \"无问题\"\n")
    ev = run_json(bin_, "evaluate", g, "--as-of", "2010-04-13")
    expect_eq(ev.get("follow_up"), [], "both recorded")
    # Stage items carry kind = "stage".
    ex = os.path.join(src, "examples", "finish-within-2026.toml")
    rm = run_json(bin_, "remind", ex, "--as-of", "2026-05-09")
    expect_eq([i.get("kind") for i in rm.get("items", [])], ["stage"], "stage items kind")
    # check: result must be ok | issues, with file:line:col.
    h = os.path.join(work, "bad.toml")
    text = read(f) + "\n[inspection]\ndate = 2010-04-11\nresult = \"fine\"\n"
    write(h, text)
    line = len(text.rstrip("\n").splitlines())
    p = run(bin_, "check", h)
    expect(re.search(rf"bad\.toml:{line}:10: error: result in \[inspection\] must be", p.stderr), f"bad result: {p.stderr}")
    write(h, read(f) + "\n[inspection]\ndat = 2010-04-11\n")
    p = run(bin_, "check", h)
    expect("did you mean \"date\"" in p.stderr, f"inspection unknown key: {p.stderr}")


# ---- 4 (rest). assess reports inspections; the weekly table lists follow-ups -----------------------

def inspection(bin_, src, work):
    ex = os.path.join(src, "examples", "follow-up-2010.toml")
    # Energized Fri 2010-03-12 (survey 03-02..03-08, energize 03-09..03-12): inspection due Mon 2010-04-12.
    # Inspected 04-15 with issues: issues, late. Revisit 03-20 satisfied: ok.
    a = run_json(bin_, "assess", ex, "--as-of", "2010-06-30")
    p = (a.get("projects") or [{}])[0]
    expect_eq(p.get("revisit"), "ok", "revisit ok")
    expect_eq((p.get("inspection"), p.get("inspection_late"), p.get("inspection_deadline"), p.get("inspection_date"),
               p.get("inspection_result")), ("issues", True, "2010-04-12", "2010-04-15", "issues"), "inspection")
    expect_eq(p.get("inspection_note"), "计量箱封印缺失，已通知营销部整改", "inspection note")
    expect_eq(a.get("inspections"), [{"project": "WX-2010-0301-FU", "status": "issues", "late": True,
                                      "deadline": "2010-04-12", "date": "2010-04-15",
                                      "note": "计量箱封印缺失，已通知营销部整改"}], "inspections list")
    # As of 04-13 the inspection of 04-15 is not known: missing (04-13 is after 04-12); on 04-12 itself not due.
    a = run_json(bin_, "assess", ex, "--as-of", "2010-04-13")
    expect_eq(a["projects"][0].get("inspection"), "missing", "inspection missing on 04-13")
    expect_eq(a["projects"][0].get("inspection_date"), None, "inspection forgotten on 04-13")
    a = run_json(bin_, "assess", ex, "--as-of", "2010-04-12")
    expect_eq(a["projects"][0].get("inspection"), "not_due", "inspection not due on 04-12")
    expect_eq(a.get("inspections"), [], "nothing listed on 04-12")
    # In time without issues: ok.
    f = os.path.join(work, "ok.toml")
    write(f, read(ex).replace("date = 2010-04-15", "date = 2010-04-12").replace('result = "issues"', 'result = "ok"'))
    a = run_json(bin_, "assess", f, "--as-of", "2010-06-30")
    expect_eq((a["projects"][0].get("inspection"), a["projects"][0].get("inspection_late")), ("ok", False), "ok")
    # Late without issues: late.
    write(f, read(ex).replace('result = "issues"', 'result = "ok"'))
    a = run_json(bin_, "assess", f, "--as-of", "2010-06-30")
    expect_eq(a["projects"][0].get("inspection"), "late", "late")
    # Every format shows it.
    for fmt_ in ("table", "md", "csv", "html"):
        p = run(bin_, "assess", ex, "--as-of", "2010-06-30", "--lang", "en", "--format", fmt_)
        expect(p.returncode == 0 and "Inspection" in p.stdout and "issues found (and late)" in p.stdout,
               f"assess --format {fmt_} shows the inspection: {p.stdout[-400:]}")
    p = run(bin_, "assess", ex, "--as-of", "2010-06-30")
    expect("回头看" in p.stdout and "发现问题（且回头看超期）" in p.stdout, "zh inspection")
    # check: an inspection before the energization, with file:line:col.
    text = read(ex).replace("date = 2010-04-15", "date = 2010-03-11")
    line = next(i + 1 for i, l in enumerate(text.splitlines()) if l.startswith("date = 2010-03-11"))
    g = os.path.join(work, "early.toml")
    write(g, text)
    p = run(bin_, "check", g)
    expect(p.returncode == 2 and re.search(
        rf"early\.toml:{line}:8: error: the inspection \(2010-03-11\) is before the energization \(2010-03-12.*"
        r"\[inspection-before-energization\]", p.stderr), f"inspection before energization: {p.stderr}")
    # The weekly table lists the follow-ups (JSON already does): as of Fri 04-09 the inspection is due on the
    # next working day, Mon 04-12 (the revisit was done 03-20).
    for fmt_ in ("table", "md", "csv", "html"):
        p = run(bin_, "evaluate", ex, "--as-of", "2010-04-09", "--lang", "en", "--format", fmt_)
        expect(p.returncode == 0 and "Follow-up after energization" in p.stdout and "due soon" in p.stdout
               and "follow-up inspection" in p.stdout and "95598 revisit" not in p.stdout,
               f"evaluate --format {fmt_} lists the follow-up: {p.stdout[-600:]}")
    p = run(bin_, "evaluate", ex, "--as-of", "2010-04-14", "--lang", "en")
    expect("overdue 2 days" in p.stdout, f"overdue follow-up in the table: {p.stdout[-600:]}")
    p = run(bin_, "evaluate", ex, "--as-of", "2010-04-14")
    expect("送电后回访及回头看" in p.stdout and "已超期 2 天" in p.stdout, "zh follow-up table")


# ---- 5. the escalation ladder ------------------------------------------------------------------

def escalation(bin_, src, work):
    ex = os.path.join(src, "examples", "escalation-2010.toml")
    # Applied Mon 2010-03-01 (March 2010 has no holiday). survey due 03-04 (within 3), design due 03-11
    # (within 8), plan_reply due 03-15 (within 10). As of Thu 03-18:
    #   survey 03-05, 08..12, 15..18 = 10 working days over -> level 3;
    #   design 03-12, 15..18 = 5 -> level 2;
    #   plan_reply 03-16..18 = 3 -> 1, but one unresolved coordination (03-16) -> 1 + 1 = 2 (the resolved one of
    #   03-17 does not count; the unresolved one of 03-19 had not happened).
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2010-03-18")
    got = [(e.get("id"), e.get("days_late"), e.get("level"), e.get("unresolved_coordinations"))
           for e in ev.get("escalations", [])]
    expect_eq(got, [("survey", 10, 3, 0), ("design", 5, 2, 0), ("plan_reply", 3, 2, 1)], "levels on 03-18")
    expect_eq([e.get("level_name") for e in ev["escalations"]], ["deputy_general_manager", "director", "director"],
              "level names")
    # As of Fri 03-19 the second unresolved coordination counts: plan_reply 4 days over, 1 + 2 = level 3.
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2010-03-19")
    expect_eq([(e["id"], e["level"]) for e in ev.get("escalations", [])],
              [("survey", 3), ("design", 2), ("plan_reply", 3)], "levels on 03-19")
    # As of Tue 03-16: survey 03-05..16 = 8 -> 2; design 03-12, 15, 16 = 3 -> 1; plan_reply 03-16 = 1, one
    # unresolved coordination dated 03-16 (on the as-of day: known) -> 2.
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2010-03-16")
    expect_eq([(e["id"], e["days_late"], e["level"]) for e in ev.get("escalations", [])],
              [("survey", 8, 2), ("design", 3, 1), ("plan_reply", 1, 2)], "levels on 03-16")
    # The organization's thresholds: director_days = 3, deputy_days = 5 -> survey 3, design 3, plan_reply 2 (03-18).
    org = os.path.join(work, "org.toml")
    write(org, "[calendar]\nyears = [2010]\n\n[escalation]\ndirector_days = 3\ndeputy_days = 5\n")
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2010-03-18", "--calendar", org)
    expect_eq([(e["id"], e["level"]) for e in ev.get("escalations", [])],
              [("survey", 3), ("design", 3), ("plan_reply", 2)], "levels with the organization's thresholds")
    env = dict(os.environ, YEKUO_CALENDAR=org)
    p = subprocess.run([bin_, "evaluate", ex, "--as-of", "2010-03-18", "--format", "json"], capture_output=True,
                       text=True, env=env, timeout=120)
    expect_eq([e["level"] for e in json.loads(p.stdout).get("escalations", [])], [3, 3, 2], "$YEKUO_CALENDAR")
    # An organization file with [escalation] only; a bad one stops the run with its position.
    write(org, "[escalation]\ndirector_days = 6\ndeputy_days = 4\n")
    p = run(bin_, "evaluate", ex, "--as-of", "2010-03-18", "--calendar", org)
    expect(p.returncode == 2 and re.search(r"org\.toml:3:15: error: deputy_days = 4 is less than director_days = 6",
                                           p.stderr), f"bad escalation table: {p.stderr}")
    write(org, "[escalation]\ndirector_days = 4\n")
    ev = run_json(bin_, "evaluate", ex, "--as-of", "2010-03-18", "--calendar", org)
    expect_eq([e["level"] for e in ev.get("escalations", [])], [3, 2, 2], "[escalation] only, deputy 10")
    # The weekly table groups by level, level 3 first, in every format.
    for fmt_ in ("table", "md", "csv", "html"):
        p = run(bin_, "evaluate", ex, "--as-of", "2010-03-18", "--lang", "en", "--format", fmt_)
        out = p.stdout
        i3, i2 = out.find("Level 3: to the deputy general manager"), out.find("Level 2: to the customer service")
        expect(p.returncode == 0 and 0 <= i3 < i2 and "Level 1:" not in out, f"evaluate --format {fmt_} levels")
        expect(i3 < out.find("现场勘查", i3) < i2 < out.find("接入工程设计", i2) < out.find("供电方案答复", i2),
               f"evaluate --format {fmt_}: rows under their level")
    p = run(bin_, "evaluate", ex, "--as-of", "2010-03-18")
    expect("第 3 级：报请分管副总经理决策" in p.stdout and "第 2 级：向客户服务中心主任汇报协调" in p.stdout, "zh levels")
    # check: [[coordination]] with file:line:col, did-you-mean for keys and stages, bad outcome.
    text = read(ex)
    bad = text + '\n[[coordination]]\nstage = "plan_rply"\ndate = 2010-03-17\noutcome = "unresolve"\nnotes = "x"\n'
    f = os.path.join(work, "bad.toml")
    write(f, bad)
    n = len(text.splitlines()) + 1  # the blank line, then the table header
    p = run(bin_, "check", f)
    expect(p.returncode == 2, f"check exit: {p.returncode}")
    expect(re.search(rf"bad\.toml:{n + 2}:9: error: unknown stage \"plan_rply\" in \[\[coordination\]\] "
                     r"\(did you mean \"plan_reply\"\?\)", p.stderr), f"unknown stage: {p.stderr}")
    expect(re.search(rf"bad\.toml:{n + 4}:11: error: outcome in \[\[coordination\]\] must be \"resolved\" or "
                     r"\"unresolved\", not \"unresolve\" \(did you mean \"unresolved\"\?\).*\[bad-outcome\]", p.stderr),
           f"bad outcome: {p.stderr}")
    expect(re.search(rf"bad\.toml:{n + 5}:1: error: .*did you mean \"note\"", p.stderr), f"unknown key: {p.stderr}")
    write(f, text + '\n[[coordination]]\nstage = "design"\noutcome = "resolved"\n')
    p = run(bin_, "check", f)
    expect(re.search(r"missing.*date", p.stderr), f"missing date: {p.stderr}")


# ---- 4. assessment decisions (核实, 申诉) ------------------------------------------------------------

def ruling(bin_, src, work):
    ex = os.path.join(src, "examples", "rulings-2010.toml")
    # Applied Mon 2010-03-01, no baseline, no float (target 03-25 = p0+18); March 2010 has no holiday.
    # survey 客户服务中心 3: p0 -> 03-08 (p0+5) 2 over; plan_reply 发展策划部 5: p0+5 -> 03-17 (p0+12) 2 over;
    # grid_works 运维检修部 5: p0+12 -> 03-29 (p0+20) 3 over; acceptance 客户服务中心 3: p0+20 -> 04-02 (p0+24) 1 over;
    # energize 营销部 2: p0+24 -> 04-07 (p0+26) on time.
    # Rulings: survey waived 04-12; plan_reply appealed 04-12; grid_works appealed 04-12, upheld 04-19.
    def depts(doc):
        return [(d["dept"], d["assessed"], d["on_time"], d["overran"], d["overrun_days"], d.get("waived"),
                 d.get("appealed"), d.get("appealed_days")) for d in doc.get("departments", [])]

    a = run_json(bin_, "assess", ex, "--as-of", "2010-06-30")
    p0 = a["projects"][0]
    expect_eq([(s["id"], s["overrun_days"], s.get("decision")) for s in p0["stages"]],
              [("survey", 2, "waived"), ("plan_reply", 2, "appealed"), ("grid_works", 3, "upheld"),
               ("acceptance", 1, "pending"), ("energize", 0, "pending")], "decisions on 06-30")
    expect_eq(stage(p0, "grid_works").get("ruling"),
              {"date": "2010-04-19", "by": "营销部 李工", "reason": "物资计划可提前安排，申诉不予采纳"}, "ruling in force")
    expect_eq(stage(p0, "acceptance").get("ruling", "absent"), None, "pending: ruling null")
    # The waived survey (2 days) leaves 客户服务中心's totals: only acceptance's 1 day remains; 发展策划部's appeal
    # (2 days) is shown apart; 运维检修部's appeal was rejected: 3 days counted.
    expect_eq(depts(a), [("运维检修部", 1, 0, 1, 3, 0, 0, 0), ("客户服务中心", 2, 0, 1, 1, 1, 0, 0),
                         ("发展策划部", 1, 0, 0, 0, 0, 1, 2), ("营销部", 1, 1, 0, 0, 0, 0, 0)], "departments on 06-30")
    expect_eq([w["stage"] for w in a["departments"][1]["worst"]], ["acceptance"], "waived not a worst case")
    # 04-15: grid_works still under appeal (3 days apart).
    a = run_json(bin_, "assess", ex, "--as-of", "2010-04-15")
    expect_eq(depts(a), [("客户服务中心", 2, 0, 1, 1, 1, 0, 0), ("发展策划部", 1, 0, 0, 0, 0, 1, 2),
                         ("营销部", 1, 1, 0, 0, 0, 0, 0), ("运维检修部", 1, 0, 0, 0, 0, 1, 3)], "departments on 04-15")
    # 04-10: no ruling known yet (dated after the as-of date): every suggestion pending.
    a = run_json(bin_, "assess", ex, "--as-of", "2010-04-10")
    expect_eq({s.get("decision") for s in a["projects"][0]["stages"]}, {"pending"}, "pending on 04-10")
    expect_eq(depts(a), [("客户服务中心", 2, 0, 2, 3, 0, 0, 0), ("运维检修部", 1, 0, 1, 3, 0, 0, 0),
                         ("发展策划部", 1, 0, 1, 2, 0, 0, 0), ("营销部", 1, 1, 0, 0, 0, 0, 0)], "departments on 04-10")
    # Every format shows the decision and the waived / appealed columns.
    for fmt_ in ("table", "md", "csv", "html"):
        p = run(bin_, "assess", ex, "--as-of", "2010-06-30", "--lang", "en", "--format", fmt_)
        out = p.stdout
        expect(p.returncode == 0 and "(waived)" in out and "(under appeal)" in out and "(upheld)" in out
               and "(pending verification)" in out, f"assess --format {fmt_}: decisions")
        expect("Waived" in out and "Appealed (days)" in out and "1 (2)" in out, f"assess --format {fmt_}: columns")
    p = run(bin_, "assess", ex, "--as-of", "2010-06-30")
    expect("免于考核" in p.stdout and "申诉中" in p.stdout and "待核实" in p.stdout, "zh decisions")
    # check: [[ruling]] with file:line:col, did-you-mean for keys, stages and decisions.
    text = read(ex)
    bad = text + '\n[[ruling]]\nstage = "acceptnce"\ndecision = "waive"\ndate = 2010-04-20\nreasons = "x"\n'
    f = os.path.join(work, "bad.toml")
    write(f, bad)
    n = len(text.splitlines()) + 1  # the blank line, then the table header
    p = run(bin_, "check", f)
    expect(p.returncode == 2, f"check exit: {p.returncode}")
    expect(re.search(rf"bad\.toml:{n + 2}:9: error: unknown stage \"acceptnce\" in \[\[ruling\]\] "
                     r"\(did you mean \"acceptance\"\?\)", p.stderr), f"unknown stage: {p.stderr}")
    expect(re.search(rf"bad\.toml:{n + 3}:12: error: decision in \[\[ruling\]\] must be \"upheld\", \"waived\" or "
                     r"\"appealed\", not \"waive\" \(did you mean \"waived\"\?\).*\[bad-decision\]", p.stderr),
           f"bad decision: {p.stderr}")
    expect(re.search(rf"bad\.toml:{n + 5}:1: error: .*did you mean \"reason\"", p.stderr), f"unknown key: {p.stderr}")
    write(f, text + '\n[[ruling]]\nstage = "acceptance"\n')
    p = run(bin_, "check", f)
    expect(p.returncode == 2 and re.search(r"missing.*decision", p.stderr) and re.search(r"missing.*date", p.stderr),
           f"missing decision and date: {p.stderr}")
    write(f, text + '\n[[ruling]]\ndecision = "upheld"\ndate = 2010-04-20\n')
    p = run(bin_, "check", f)
    expect(p.returncode == 2 and re.search(r"missing.*stage", p.stderr), f"missing stage: {p.stderr}")


SCENARIOS = {
    "follow-up": follow_up,
    "summary": summary,
    "finish-within": finish_within,
    "owner": owner,
    "inspection": inspection,
    "escalation": escalation,
    "ruling": ruling,
}


if __name__ == "__main__":
    main(SCENARIOS)
