#!/usr/bin/env python3
"""yekuo evaluate and remind on examples/portfolio (docs/tracking.md), as of Thu 2026-06-18.

usage: evaluate_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO

Hand-checked facts of the portfolio on that day (Fri 06-19 is the Dragon Boat holiday), which other
tests rely on too:
 - SZ-2026-0157: 配套工程设计 (grid_design, 基建部) deadline Mon 06-15 in its baseline (back from the
   target Fri 07-10: 装表接电 07-08..07-10, line works 15 working days 06-16..07-07), not finished:
   overdue by 06-16, 06-17, 06-18 = 3 working days; its customer delay was reported on 06-16,
   after the deadline, so it is not excluded. Forecast: grid_design finishes on the next working
   day Mon 06-22, line works 06-23..07-13, energization 07-14..07-16: late.
 - SZ-2026-0163: 供电方案答复 (plan_reply) deadline Mon 06-22 = the next working day: due_soon.
 - SZ-2026-0101 is energized (装表接电 finished 2026-05-14) and is left out.
"""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, run, run_json, write  # noqa: E402

AS_OF = "2026-06-18"


def portfolio(src, *order):
    return os.path.join(src, "examples", "portfolio", *order)


def values(doc, key):
    """Every value of `key` anywhere in a JSON document."""
    if isinstance(doc, dict):
        return [v for k, v in doc.items() if k == key] + [x for v in doc.values() for x in values(v, key)]
    if isinstance(doc, list):
        return [x for v in doc for x in values(v, key)]
    return []


def has(entries, **fields):
    return any(all(e.get(k) == v for k, v in fields.items()) for e in entries)


def scenario_exit_codes(bin_, src, work):
    p = portfolio(src)
    run(bin_, "evaluate", p, "--as-of", AS_OF, rc=0)
    run(bin_, "evaluate", p, "--as-of", AS_OF, "--fail-on-overdue", rc=4)
    run(bin_, "remind", p, "--as-of", AS_OF, "--fail-on-overdue", rc=4)
    # On Wed 06-10 grid_design (deadline 06-15) is not yet overdue, and nothing else is.
    run(bin_, "evaluate", p, "--as-of", "2026-06-10", "--fail-on-overdue", rc=0)
    run(bin_, "evaluate", os.path.join(p, "does-not-exist"), "--as-of", AS_OF, rc=2)


def scenario_bad_file(bin_, src, work):
    orders = os.path.join(work, "portfolio")
    shutil.copytree(portfolio(src), orders)
    # Line 3: a value that is not a string; the other files must still be evaluated.
    write(os.path.join(orders, "broken.toml"), "schema = 1\n[project]\nid = 17\n")
    p = run(bin_, "evaluate", orders, "--as-of", AS_OF, "--fail-on-overdue", rc=2)  # exit 2 wins over 4
    expect(re.search(r"broken\.toml:[0-9]+:[0-9]+: error", p.stderr),
           f"stderr names the bad file with line and column: {p.stderr}")
    expect("SZ-2026-0142" in p.stdout and "SZ-2026-0157" in p.stdout, "the good files are still evaluated")
    doc = run_json(bin_, "evaluate", orders, "--as-of", AS_OF, rc=2)
    expect(any(e.get("file", "").endswith("broken.toml") and e.get("line", 0) >= 1 for e in doc.get("errors", [])),
           f"JSON errors entry: {doc.get('errors')}")
    p = run(bin_, "remind", orders, "--as-of", AS_OF, rc=2)
    expect("SZ-2026-0163" in p.stdout, "remind still lists the good files")


def scenario_json(bin_, src, work):
    doc = run_json(bin_, "evaluate", portfolio(src), "--as-of", AS_OF)
    statuses = set(values(doc, "status"))
    for word in ("not_started", "waiting", "in_progress", "due_soon", "overdue", "done_on_time", "done_late"):
        expect(word in statuses, f"status word {word}")
    expect(doc.get("as_of") == AS_OF, "as_of")
    projects = {p["id"]: p for p in doc.get("projects", [])}
    late = projects.get("SZ-2026-0157", {})
    expect(has(late.get("stages", []), id="grid_design", deadline="2026-06-15", status="overdue", days_late=3),
           "grid_design overdue by 3")
    expect((late.get("forecast_energization"), late.get("state")) == ("2026-07-16", "late"),
           "SZ-2026-0157 forecast and state")
    expect(doc.get("energized_omitted") == 1, "energized order omitted")
    # Not among the projects; it stays on the follow-up list (issue 15: no revisit or inspection recorded,
    # energized 05-14, due 06-14: overdue on 06-18).
    expect("SZ-2026-0101" not in values(doc, "id"), "the energized order SZ-2026-0101 must not be listed")
    expect(has(doc.get("follow_up", []), project="SZ-2026-0101", kind="revisit", energized="2026-05-14",
               deadline="2026-06-14", status="overdue"), "SZ-2026-0101 on the follow-up list")
    items = run_json(bin_, "remind", portfolio(src), "--as-of", AS_OF).get("items", [])
    expect(has(items, project="SZ-2026-0163", id="plan_reply", status="due_soon"), "due_soon item")
    expect(has(items, project="SZ-2026-0157", id="grid_design", status="overdue", days_late=3), "overdue item")


def scenario_table(bin_, src, work):
    p = run(bin_, "evaluate", portfolio(src), "--as-of", AS_OF, "--lang", "en", rc=0)
    expect(re.search(r"SZ-2026-0157.*Forecast energization: +2026-07-16 Thu \(4 working days late\).*State: +late.*"
                     r"Escalate to the centre's director.*SZ-2026-0157 \| 配套工程设计 .*"
                     r"1 energized orders omitted: see yekuo assess", p.stdout, re.S), f"evaluate table:\n{p.stdout}")


def scenario_no_baseline_warning(bin_, src, work):
    p = run(bin_, "evaluate", portfolio(src, "sz-2026-0170.toml"), "--as-of", AS_OF, "--lang", "en", rc=0)
    expect("no confirmed baseline: measured against the current plan" in p.stdout, f"evaluate:\n{p.stdout}")


def scenario_html(bin_, src, work):
    p = run(bin_, "evaluate", portfolio(src), "--as-of", AS_OF, "--format", "html", rc=0)
    expect(re.search(r"<svg.*已超期", p.stdout, re.S), "a Gantt chart, then an overdue stage")


def scenario_bad_as_of(bin_, src, work):
    p = run(bin_, "evaluate", portfolio(src), "--as-of", "2026-02-30", rc=2)
    expect("2026-02-30" in p.stderr, f"names the bad date: {p.stderr}")


if __name__ == "__main__":
    main({"exit_codes": scenario_exit_codes, "bad_file": scenario_bad_file, "json": scenario_json,
          "table": scenario_table, "no_baseline_warning": scenario_no_baseline_warning, "html": scenario_html,
          "bad_as_of": scenario_bad_as_of})
