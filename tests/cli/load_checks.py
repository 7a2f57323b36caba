#!/usr/bin/env python3
"""`yekuo load` (docs/capacity.md), through the real binary.

usage: load_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  rule     examples/portfolio with tests/fixtures/capacity/org.toml at several as-of dates: every
           department's weekly load, capacity and overloaded weeks, and every overload's stages, equal
           to the load rule recomputed here from `export` (planned and actual dates), `evaluate --format
           json` (forecast finishes) and the official calendar data/cn-calendar.csv.
  formats  every format renders the same figures (table, markdown, csv, html heat map, xlsx, en).
  org      the [[department]] tables: errors with file:line:col and what to do, exit 2, nothing
           printed on stdout; --org and --calendar together refused; $YEKUO_ORG read; a file
           without departments gives load only, with a warning.
  bad      a bad order file among the others: exit 2, listed under errors, the others counted.
  walkthrough  docs/capacity.md's walk-through on examples/capacity: 基建部 over capacity in the weeks
           of 06-15 and 06-22 with four orders; `plan --portfolio --confirm` of the new one; then no
           overload.
  evaluate `evaluate` notes the departments overloaded in the coming 4 weeks: the JSON's
           capacity_overloads equal `load --weeks 4`'s overloads at several as-of dates, the table
           shows them, and without declared capacity there is no note.
"""
import csv
import datetime
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, require, run, run_json, write  # noqa: E402

D = datetime.date.fromisoformat
ORG = os.path.join("tests", "fixtures", "capacity", "org.toml")


def official_calendar(src):
    holidays, workdays = set(), set()
    with open(os.path.join(src, "data", "cn-calendar.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            (holidays if row["kind"] == "holiday" else workdays).add(D(row["date"]))

    def working(day):
        if day in workdays:
            return True
        return day.weekday() < 5 and day not in holidays

    return working


def declared_capacities(path):
    import tomllib
    with open(path, "rb") as f:
        org = tomllib.load(f)
    out = {}
    for d in org.get("department", []):
        weeks = {w["start"]: w["concurrent"] for w in d.get("week", [])}
        out[d["name"]] = (d["concurrent"], weeks)
    return out, [d["name"] for d in org.get("department", [])]


def expected_load(bin_, src, portfolio, as_of, weeks, org, work):
    """The load rule of docs/capacity.md, written again from the reports' dates."""
    working = official_calendar(src)
    out = os.path.join(work, f"export-{as_of}")
    p = run(bin_, "export", portfolio, "--as-of", as_of, "--format", "csv", "--out", out)
    require(p.returncode == 0, f"export: {p.returncode} {p.stderr}")
    with open(os.path.join(out, "stages.csv"), encoding="utf-8-sig", newline="") as f:
        stages = list(csv.DictReader(f))
    with open(os.path.join(out, "orders.csv"), encoding="utf-8-sig", newline="") as f:
        applied = {o["id"]: D(o["applied"]) for o in csv.DictReader(f)}
    evaluation = run_json(bin_, "evaluate", portfolio, "--as-of", as_of)
    forecast = {(p["id"], s["id"]): s for p in evaluation["projects"] for s in p["stages"]}
    first = D(as_of) - datetime.timedelta(days=D(as_of).weekday())
    mondays = [first + datetime.timedelta(days=7 * i) for i in range(weeks)]
    caps, declared = declared_capacities(org)
    load, cells = {}, {}
    for s in stages:
        if s["customer"] == "1" or s["milestone"] == "1" or applied[s["project"]] > D(as_of):
            continue
        if s["finished"]:
            start = s["started"] or forecast[(s["project"], s["id"])]["forecast_start"]
            span = (min(D(start), D(s["finished"])), D(s["finished"]))
        elif s["started"]:
            span = (D(s["started"]), max(D(s["started"]), D(forecast[(s["project"], s["id"])]["forecast_finish"])))
        else:
            span = (D(s["planned_start"]), D(s["deadline"]))
        for i, monday in enumerate(mondays):
            days = [monday + datetime.timedelta(days=k) for k in range(7)]
            if any(span[0] <= d <= span[1] and working(d) for d in days):
                load.setdefault(s["dept"], [0] * weeks)[i] += 1
                cells.setdefault((s["dept"], i), []).append({"project": s["project"], "id": s["id"], "name": s["name"]})
    depts = declared + sorted(d for d in load if d not in caps)
    expected = []
    overloads = []
    for d in depts:
        row = load.get(d, [0] * weeks)
        cap = caps.get(d)
        by_week = [None if cap is None else cap[1].get(m, cap[0]) for m in mondays]
        over = [m.isoformat() for i, m in enumerate(mondays) if by_week[i] is not None and row[i] > by_week[i]]
        expected.append({"dept": d, "capacity": None if cap is None else cap[0], "capacity_by_week": by_week,
                         "load": row, "overloaded": over})
        for i, m in enumerate(mondays):
            if by_week[i] is not None and row[i] > by_week[i]:
                overloads.append({"dept": d, "week": m.isoformat(), "load": row[i], "capacity": by_week[i],
                                  "stages": cells[(d, i)]})
    return expected, overloads


def rule(bin_, src, work):
    portfolio = os.path.join(src, "examples", "portfolio")
    org = os.path.join(src, ORG)
    total_overloads = 0
    for as_of in ("2026-03-02", "2026-05-11", "2026-06-15", "2026-09-01"):
        doc = run_json(bin_, "load", portfolio, "--as-of", as_of, "--weeks", "10", "--org", org)
        depts, overloads = expected_load(bin_, src, portfolio, as_of, 10, org, work)
        expect_eq(doc["as_of"], as_of, "as_of")
        expect_eq(len(doc["weeks"]), 10, f"{as_of}: weeks")
        first = D(doc["weeks"][0]["start"])
        expect(first.weekday() == 0 and first <= D(as_of) < first + datetime.timedelta(days=7),
               f"{as_of}: the window starts on {first}")
        for w in doc["weeks"]:
            expect_eq(D(w["end"]) - D(w["start"]), datetime.timedelta(days=6), f"{as_of}: week {w}")
        expect_eq(doc["departments"], depts, f"{as_of}: departments")
        expect_eq(doc["overloads"], overloads, f"{as_of}: overloads")
        total_overloads += len(overloads)
    # The fixture is made so that the rule is exercised: overloads exist, one in the exception week.
    expect(total_overloads > 0, "no overload in any window: the check proves little")
    doc = run_json(bin_, "load", portfolio, "--as-of", "2026-06-15", "--weeks", "4", "--org", org)
    service = next(d for d in doc["departments"] if d["dept"] == "客户服务中心")
    expect_eq(service["capacity_by_week"], [1, 2, 2, 2], "the Dragon Boat week's exception")
    expect("2026-06-15" in service["overloaded"], "2 stages in a week declared for 1 are an overload")


def formats(bin_, src, work):
    portfolio = os.path.join(src, "examples", "portfolio")
    org = os.path.join(src, ORG)
    args = ["load", portfolio, "--as-of", "2026-06-15", "--weeks", "4", "--org", org]
    doc = run_json(bin_, *args)
    over = doc["overloads"]
    require(over, "the example has no overload as of 2026-06-15")
    table = run(bin_, *args)
    require(table.returncode == 0, f"table: {table.returncode} {table.stderr}")
    expect("超载" in table.stdout and "2026-06-15" in table.stdout, "the table names the overload")
    for o in over:
        for s in o["stages"]:
            expect(s["project"] in table.stdout and s["id"] in table.stdout, f"table: {s} is not listed")
    en = run(bin_, *args, "--lang", "en").stdout
    expect("Department load by week" in en and " over" in en, "--lang en")
    md = run(bin_, *args, "--format", "markdown").stdout
    expect("| 基建部 |" in md.replace("  ", " ") or "基建部" in md, "markdown lists the departments")
    csv_text = run(bin_, *args, "--format", "csv").stdout
    rows = list(csv.reader(csv_text.lstrip("\ufeff").splitlines()))
    listed = {(r[3], r[4]) for r in rows if len(r) == 6 and r[3].startswith("SZ-")}
    expect_eq(listed, {(s["project"], s["id"]) for o in over for s in o["stages"]}, "csv: the overloaded stages")
    html = run(bin_, *args, "--format", "html").stdout
    expect(html.count(" h5") >= len(over), "html: every overloaded cell is shaded as such (h5)")
    expect(" h0" in html and "td.h5{" in html, "html: the heat map's classes and their colours")
    out = os.path.join(work, "load.xlsx")
    p = run(bin_, *args, "--format", "xlsx", "--out", out)
    require(p.returncode == 0, f"xlsx: {p.returncode} {p.stderr}")
    try:
        import openpyxl
    except ImportError:
        expect(False, "python3-openpyxl is not installed (scripts/install-deps.sh installs it)")
        return
    book = openpyxl.load_workbook(out)
    found = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    expect(any(isinstance(v, str) and "超载" in v for v in found), "xlsx: the overload is in the workbook")


def org(bin_, src, work):
    portfolio = os.path.join(src, "examples", "portfolio")
    cases = [
        ("[[department]]\nname = \"基建部\"\nconcurrent = 2\n[[department.week]]\nstart = 2026-06-17\nconcurrent = 1\n",
         ":5:9:", "2026-06-15"),
        ("[[department]]\nname = \"基建部\"\nconcurrent = 2\n[[department]]\nname = \"基建部\"\nconcurrent = 1\n",
         ":5:8:", "already declared"),
        ("[[department]]\nname = \"基建部\"\nconcurrent = 0\n", ":3:14:", "at least 1"),
        ("[[department]]\nname = \"基建部\"\n", ":1:1:", "concurrent"),
        ("[[department]]\nname = \"基建部\"\nconcurent = 2\n", ":3:1:", "concurrent"),
        ("department = 3\n", ":1:14:", "[[department]]"),
    ]
    for i, (text, where, hint) in enumerate(cases):
        path = os.path.join(work, f"org{i}.toml")
        write(path, text)
        p = run(bin_, "load", portfolio, "--as-of", "2026-06-15", "--org", path)
        expect_eq(p.returncode, 2, f"case {i}: exit code")
        expect_eq(p.stdout, "", f"case {i}: stdout")
        expect(f"{path}{where}" in p.stderr and hint in p.stderr, f"case {i}: {p.stderr!r}")
    good = os.path.join(src, ORG)
    p = run(bin_, "load", portfolio, "--org", good, "--calendar", good)
    expect(p.returncode == 2 and "--calendar" in p.stderr, f"--org with --calendar: {p.returncode} {p.stderr!r}")
    env = dict(os.environ, YEKUO_ORG=good)
    env.pop("YEKUO_CALENDAR", None)
    doc = run_json(bin_, "load", portfolio, "--as-of", "2026-06-15", env=env)
    expect_eq(doc["departments"][0]["capacity"], 1, "$YEKUO_ORG: the first declared department")
    # The same file still serves the commands that took --calendar.
    p = run(bin_, "evaluate", portfolio, "--as-of", "2026-06-15", "--calendar", good)
    expect_eq(p.returncode, 0, f"evaluate --calendar ORG: {p.stderr}")
    p = run(bin_, "check", os.path.join(portfolio, "sz-2026-0163.toml"), "--org", good)
    expect_eq(p.returncode, 0, f"check --org: {p.stderr}")
    # Without departments: load only, nothing overloaded, and a warning saying why.
    plain = os.path.join(work, "calendar-only.toml")
    write(plain, "[calendar]\nholidays = []\n")
    env = dict(os.environ)
    env.pop("YEKUO_ORG", None)
    env.pop("YEKUO_CALENDAR", None)
    doc = run_json(bin_, "load", portfolio, "--as-of", "2026-06-15", "--calendar", plain, env=env)
    expect_eq(doc["overloads"], [], "no capacity, no overload")
    expect(all(d["capacity"] is None for d in doc["departments"]), "no capacity declared")
    p = run(bin_, "load", portfolio, "--as-of", "2026-06-15", env=env)
    expect("[[department]]" in p.stdout, "the report says that no capacity is declared")
    p = run(bin_, "load", portfolio, "--weeks", "0")
    expect_eq(p.returncode, 2, "--weeks 0")


def bad(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    write(os.path.join(orders, "broken.toml"), "[project]\nid = \n")
    p = run(bin_, "load", orders, "--as-of", "2026-06-15", "--org", os.path.join(src, ORG), "--format", "json")
    expect_eq(p.returncode, 2, "exit code with a bad file")
    doc = json.loads(p.stdout)
    expect(any(e["file"].endswith("broken.toml") for e in doc["errors"]), f"errors: {doc['errors']}")
    expect_eq(doc["orders"], 5, "the good orders are counted")
    expect("broken.toml" in p.stderr, "the bad file is printed on stderr")


def evaluate(bin_, src, work):
    portfolio = os.path.join(src, "examples", "portfolio")
    org = os.path.join(src, ORG)
    seen = 0
    for as_of in ("2026-03-02", "2026-05-11", "2026-06-15", "2026-06-29"):
        doc = run_json(bin_, "evaluate", portfolio, "--as-of", as_of, "--org", org)
        load = run_json(bin_, "load", portfolio, "--as-of", as_of, "--weeks", "4", "--org", org)
        want = [{k: o[k] for k in ("dept", "week", "load", "capacity")} for o in load["overloads"]]
        expect_eq(doc["capacity_overloads"], want, f"{as_of}: capacity_overloads")
        seen += len(want)
        table = run(bin_, "evaluate", portfolio, "--as-of", as_of, "--org", org).stdout
        if want:
            expect("承载力预警" in table, f"{as_of}: the table has no capacity note")
            for o in want:
                expect(f"{o['load']}/{o['capacity']} 超载" in table, f"{as_of}: {o} is not in the table")
        else:
            expect("没有部门超出申报的承载力" in table, f"{as_of}: the table does not say that none is overloaded")
    expect(seen > 0, "no overload noted at any date: the check proves little")
    env = dict(os.environ)
    env.pop("YEKUO_ORG", None)
    env.pop("YEKUO_CALENDAR", None)
    doc = run_json(bin_, "evaluate", portfolio, "--as-of", "2026-06-15", env=env)
    expect_eq(doc["capacity_overloads"], [], "no declared capacity: nothing noted")
    table = run(bin_, "evaluate", portfolio, "--as-of", "2026-06-15", env=env).stdout
    expect("承载力" not in table, "no declared capacity: no capacity note in the table")


def walkthrough(bin_, src, work):
    today = "2026-04-13"
    shutil.copytree(os.path.join(src, "examples", "capacity"), os.path.join(work, "capacity"))
    orders = os.path.join(work, "capacity", "orders")
    org = os.path.join(work, "capacity", "org.toml")
    args = ["load", orders, "--org", org, "--as-of", today, "--weeks", "14"]
    before = run_json(bin_, *args, today=today)
    infra = next(d for d in before["departments"] if d["dept"] == "基建部")
    expect_eq(infra["overloaded"], ["2026-06-15", "2026-06-22"], "基建部's overloaded weeks")
    for o in before["overloads"]:
        expect_eq(sorted(s["project"] for s in o["stages"]),
                  ["CAP-2026-0302", "CAP-2026-0309", "CAP-2026-0316", "CAP-2026-0407"], f"{o['week']}: the four orders")
    new = os.path.join(orders, "cap-2026-0407.toml")
    # Early in March only CAP-2026-0302 had been applied: the plan counts what load counts.
    early = run_json(bin_, "load", orders, "--org", org, "--as-of", "2026-03-05", today=today)
    plan = run_json(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", "2026-03-05", today=today)
    expect_eq(plan["capacity"]["orders"], early["orders"], "plan --portfolio counts the orders applied by then")
    expect(early["orders"] < 4, f"the check needs an order not applied yet on 03-05: {early['orders']}")
    plan = run_json(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", today, today=today)
    expect_eq([(s["id"], s["from"], s["to"]) for s in plan["capacity"]["shifted"]],
              [("grid_design", "2026-06-09", "2026-06-01")], "the stage moved")
    p = run(bin_, "plan", new, "--portfolio", orders, "--org", org, "--as-of", today, "--confirm", today=today)
    require(p.returncode == 0, f"plan --confirm: {p.returncode} {p.stderr}")
    after = run_json(bin_, *args, today=today)
    expect_eq(after["overloads"], [], "no overload once the new order is placed and confirmed")
    infra = next(d for d in after["departments"] if d["dept"] == "基建部")
    expect_eq(infra["load"][7:11], [1, 3, 3, 3], "基建部 in the weeks of 06-01 .. 06-22")
    doc = run_json(bin_, "evaluate", orders, "--org", org, "--as-of", "2026-06-15", today=today)
    expect_eq(doc["capacity_overloads"], [], "evaluate has nothing to note")


if __name__ == "__main__":
    main({"rule": rule, "formats": formats, "org": org, "bad": bad, "evaluate": evaluate, "walkthrough": walkthrough})
