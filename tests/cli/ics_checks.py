#!/usr/bin/env python3
"""`--format ics` (iCalendar, RFC 5545) of plan and remind, through the real binary, read back by a
small parser (unfolding, properties, parameters; standard library only).

usage: ics_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  plan     an order without a baseline (and one with): a VEVENT per stage on the deadline that
           `plan --format json` shows, the alarm at 09:00 Shanghai on the working day before (the
           2026 National Day holiday: 10-08 -> 09-30), the same bytes on every run.
  remind   examples/portfolio as of Thu 2026-06-18: a VEVENT per stage item of `remind --format json`,
           on its effective deadline; the overdue one says how late; UIDs those of plan.
  refused  every other command refuses --format ics, naming plan and remind.
"""
import csv
import datetime
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, require, run, run_json  # noqa: E402

TODAY = "2026-06-18"


def parse_ics(data):
    """The components of an iCalendar text as nested dicts: {'name', 'props': [(name, params, value)],
    'children'}; checks the line rules on the way (CRLF, at most 75 octets, whole UTF-8 lines)."""
    require(data.endswith(b"\r\n"), "the calendar does not end with CRLF")
    physical = data[:-2].split(b"\r\n")
    for line in physical:
        expect(len(line) <= 75, f"a line of {len(line)} octets: {line[:80]!r}")
        expect(b"\n" not in line and b"\r" not in line, f"a bare line break: {line!r}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            expect(False, f"a folded line splits a UTF-8 sequence: {line!r}")
    logical = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    root = {"name": None, "props": [], "children": []}
    stack = [root]
    for raw in logical:
        line = raw.decode("utf-8")
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        params = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            comp = {"name": value, "props": [], "children": []}
            stack[-1]["children"].append(comp)
            stack.append(comp)
        elif name == "END":
            require(stack[-1]["name"] == value, f"END:{value} closes {stack[-1]['name']}")
            stack.pop()
        else:
            stack[-1]["props"].append((name, params, value))
    require(len(stack) == 1 and len(root["children"]) == 1, "not one VCALENDAR")
    return root["children"][0]


def prop(comp, name):
    found = [(p, v) for n, p, v in comp["props"] if n == name]
    require(len(found) == 1, f"{comp['name']}: {len(found)} {name} properties")
    return found[0]


def unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append("\n" if text[i + 1] in "nN" else text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def working_day_before(src, day):
    """The last working day before `day` from data/cn-calendar.csv (an oracle apart from the library)."""
    kinds = {}
    with open(os.path.join(src, "data", "cn-calendar.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            kinds[row["date"]] = row["kind"]
    d = datetime.date.fromisoformat(day)
    while True:
        d -= datetime.timedelta(days=1)
        kind = kinds.get(d.isoformat())
        if kind == "workday" or (kind is None and d.weekday() < 5):
            return d


def ics(bin_, *args, rc=0):
    p = run(bin_, *args, "--format", "ics", today=TODAY, text=False)
    require(p.returncode == rc, f"{' '.join(map(str, args))} --format ics: exit {p.returncode}: {p.stderr[:2000]!r}")
    return p.stdout


def events_by_uid(src, cal):
    expect_eq([prop(cal, n)[1] for n in ("VERSION", "CALSCALE", "METHOD")], ["2.0", "GREGORIAN", "PUBLISH"], "VCALENDAR")
    expect(prop(cal, "PRODID")[1].startswith("-//yekuo//"), "PRODID")
    out = {}
    for ev in cal["children"]:
        require(ev["name"] == "VEVENT", f"a {ev['name']} in the calendar")
        uid = unescape(prop(ev, "UID")[1])
        expect(uid not in out, f"UID {uid} twice")
        params, start = prop(ev, "DTSTART")
        expect_eq(params, {"VALUE": "DATE"}, f"{uid} DTSTART parameters")
        day = datetime.date(int(start[:4]), int(start[4:6]), int(start[6:8]))
        expect_eq(prop(ev, "DTEND"), ({"VALUE": "DATE"}, (day + datetime.timedelta(days=1)).strftime("%Y%m%d")), f"{uid} DTEND")
        expect_eq(prop(ev, "DTSTAMP")[1], TODAY.replace("-", "") + "T000000Z", f"{uid} DTSTAMP")
        require(len(ev["children"]) == 1 and ev["children"][0]["name"] == "VALARM", f"{uid}: one VALARM")
        alarm = ev["children"][0]
        expect_eq(prop(alarm, "ACTION")[1], "DISPLAY", f"{uid} ACTION")
        before = working_day_before(src, day.isoformat())
        expect_eq(prop(alarm, "TRIGGER"), ({"VALUE": "DATE-TIME"}, before.strftime("%Y%m%d") + "T010000Z"),
                  f"{uid} TRIGGER (09:00 Asia/Shanghai on the working day before {day})")
        out[uid] = {"day": day.isoformat(), "summary": unescape(prop(ev, "SUMMARY")[1]),
                    "description": unescape(prop(ev, "DESCRIPTION")[1])}
    return out


def plan(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    for name in ("sz-2026-0163", "sz-2026-0142"):
        path = os.path.join(orders, name + ".toml")
        first = ics(bin_, "plan", path)
        expect(first == ics(bin_, "plan", path), f"{name}: plan --format ics differs between two runs")
        events = events_by_uid(src, parse_ics(first))
        doc = run_json(bin_, "plan", path, today=TODAY)
        pid = doc["project"]["id"]
        held = {h["id"]: h["deadline"] for h in (doc.get("baseline") or {}).get("held", [])}
        expect_eq(sorted(events), sorted(f"{pid}/{s['id']}@yekuo" for s in doc["stages"]), f"{name}: one event per stage")
        for s in doc["stages"]:
            ev = events.get(f"{pid}/{s['id']}@yekuo", {})
            expect_eq(ev.get("day"), held.get(s["id"], s["latest_finish"]), f"{name} {s['id']}: DTSTART")
            expect_eq(ev.get("summary"), f"{pid} {s['name']}", f"{name} {s['id']}: SUMMARY")
            desc = ev.get("description", "")
            expect(s["dept"] in desc and doc["project"]["customer_manager"] in desc, f"{name} {s['id']}: DESCRIPTION {desc!r}")
            if s["owner"]:
                expect(s["owner"] in desc, f"{name} {s['id']}: the owner in {desc!r}")

    # The alarm across the 2026 National Day holiday (10-01..10-07): a target on Thu 10-08, the last
    # stage due that day, reminded on Wed 09-30.
    path = os.path.join(orders, "sz-2026-0163.toml")
    cal = parse_ics(ics(bin_, "plan", path, "--target", "2026-10-08"))
    require(any(e["day"] == "2026-10-08" for e in events_by_uid(src, cal).values()), "no stage due on 2026-10-08")
    for ev in cal["children"]:
        if prop(ev, "DTSTART")[1] == "20261008":
            expect_eq(prop(ev["children"][0], "TRIGGER")[1], "20260930T010000Z", "the alarm of a 10-08 deadline")
    # English labels with --lang en.
    en = events_by_uid(src, parse_ics(ics(bin_, "plan", path, "--lang", "en")))
    expect(all("Customer manager: " in e["description"] for e in en.values()), "--lang en: English description")


def remind(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    out = os.path.join(work, "remind.ics")
    p = run(bin_, "remind", orders, "--as-of", TODAY, "--format", "ics", "--out", out, today=TODAY)
    require(p.returncode == 0, f"remind --format ics --out: exit {p.returncode}: {p.stderr}")
    with open(out, "rb") as f:
        data = f.read()
    expect(data == ics(bin_, "remind", orders, "--as-of", TODAY), "--out and standard output differ")
    events = events_by_uid(src, parse_ics(data))
    doc = run_json(bin_, "remind", orders, "--as-of", TODAY, today=TODAY)
    items = [i for i in doc["items"] if i["kind"] == "stage"]
    require(items, "the example list has no stage items")
    expect_eq(sorted(events), sorted(f"{i['project']}/{i['id']}@yekuo" for i in items), "one event per listed stage")
    for i in items:
        ev = events.get(f"{i['project']}/{i['id']}@yekuo", {})
        expect_eq(ev.get("day"), i["effective_deadline"], f"{i['project']}/{i['id']}: DTSTART")
        if i["status"] == "overdue":
            expect(f"超期 {i['days_late']} 个" in ev.get("description", ""), f"{i['id']}: how late, in {ev.get('description')!r}")
        else:
            expect("即将到期" in ev.get("description", ""), f"{i['id']}: due soon, in {ev.get('description')!r}")
    # The due-soon stage of the example: 供电方案答复 due Mon 06-22 after the Dragon Boat Festival
    # (Fri 06-19): reminded today, Thu 06-18.
    due = [i for i in items if i["status"] == "due_soon"]
    expect(any(i["effective_deadline"] == "2026-06-22" for i in due), "the 06-22 deadline is due soon")
    # The same deadline has the same UID in plan's calendar: a re-import updates it.
    plan_events = events_by_uid(src, parse_ics(ics(bin_, "plan", os.path.join(orders, "sz-2026-0163.toml"))))
    for uid in events:
        if uid.startswith("SZ-2026-0163/"):
            expect(uid in plan_events, f"{uid} is not among plan's events")


def refused(bin_, src, work):
    order = os.path.join(src, "examples", "portfolio", "sz-2026-0163.toml")
    for command in ("evaluate", "assess"):
        p = run(bin_, command, order, "--format", "ics", today=TODAY)
        expect_eq(p.returncode, 2, f"{command} --format ics: exit code")
        expect("plan and remind" in p.stderr, f"{command} --format ics: {p.stderr!r}")
    p = run(bin_, "plan", order, "--format", "ical", today=TODAY)
    expect(p.returncode == 2 and "ics" in p.stderr, f"plan --format ical: {p.returncode} {p.stderr!r}")


if __name__ == "__main__":
    main({"plan": plan, "remind": remind, "refused": refused})
