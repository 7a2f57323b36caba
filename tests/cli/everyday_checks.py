#!/usr/bin/env python3
"""Everyday use through the real binary (issue 13): shell globs that name baseline files, the
organization calendar on every command that shows dates, the 35 kV template, and the texts users
read (docs/commands.md, docs/baseline.md, docs/diagnostics.md).

usage: everyday_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO

A shell expands `orders/*.toml` before yekuo starts; the glob scenarios do the same with Python's
glob (sorted, as bash does) and compare with the directory form, which always skipped baselines.
The portfolios are examples/portfolio (as of Thu 2026-06-18, tests/cli/evaluate_checks.py) and
examples/assessed (tests/cli/assess_checks.py); both keep NAME.baseline.toml next to their orders.
"""
import glob
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, finish, read, run, run_json, scenario_args, write  # noqa: E402

AS_OF = "2026-06-18"
TODAY = "2026-11-30"  # every run: `new` and runs without --as-of must not depend on the real day
BIN = SRC = WORK = ""


def yekuo(*args, env=None):
    return run(BIN, *args, today=TODAY, env=env)


def orders_dir(*examples):
    """A fresh copy of examples/<name> for each name, in one directory."""
    d = os.path.join(WORK, "orders")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name in examples:
        for f in glob.glob(os.path.join(SRC, "examples", name, "*.toml")):
            shutil.copy(f, d)
    return d


def star_toml(d):
    """What the shell gives for d/*.toml."""
    return sorted(glob.glob(os.path.join(d, "*.toml")))


def no_project_errors_about_baselines(p, what):
    # What the bug looked like: baselines read as broken projects.
    for bad in ("no-stages", "the project has no stages", "unknown key \"revision\"", "unknown-key"):
        expect(bad not in p.stderr, f"{what}: a baseline was read as a project ('{bad}'):\n{p.stderr[:2000]}")


def same_as_directory(command, d, *extra):
    """`command GLOB` gives the same exit code and JSON as `command DIR`."""
    by_dir = yekuo(command, d, *extra, "--format", "json")
    by_glob = yekuo(command, *star_toml(d), *extra, "--format", "json")
    no_project_errors_about_baselines(by_glob, f"{command} *.toml")
    expect(by_glob.returncode == by_dir.returncode,
           f"{command} *.toml exited {by_glob.returncode}, {command} DIR {by_dir.returncode}:\n{by_glob.stderr[:2000]}")
    expect(json.loads(by_glob.stdout) == json.loads(by_dir.stdout), f"{command} *.toml and {command} DIR differ")
    return by_glob


def plan_json(path, *extra, env=None):
    return run_json(BIN, "plan", path, *extra, today=TODAY, env=env)


def scenario_glob_check():
    d = orders_dir("portfolio", "assessed")
    files = star_toml(d)
    baselines = [f for f in files if f.endswith(".baseline.toml")]
    expect(len(baselines) == 6, f"the example portfolios keep 6 baselines: {baselines}")
    p = yekuo("check", *files)
    no_project_errors_about_baselines(p, "check *.toml")
    expect(p.returncode == 0, f"check *.toml exited {p.returncode}:\n{p.stderr[:2000]}")
    for b in baselines:
        expect(re.search(re.escape(b) + r": ok \(baseline of order '[^']+', \d+ revisions?\)", p.stdout),
               f"check does not report {b} as a sound baseline:\n{p.stdout}")
    expect(f"{len(files)} files checked: {len(files)} ok, 0 with errors" in p.stdout, f"summary:\n{p.stdout}")
    # One baseline alone: validated as a baseline, exit 0.
    one = yekuo("check", baselines[0])
    expect(one.returncode == 0 and "baseline of order" in one.stdout, f"check BASELINE: {one.returncode} {one.stdout}")
    # A broken baseline: file:line:col.
    broken = baselines[0]
    text = read(broken)
    write(broken, text.replace("number = 1", "number = \"one\"", 1))
    p = yekuo("check", broken)
    expect(p.returncode == 2, f"check of a broken baseline exited {p.returncode}")
    expect(re.search(re.escape(broken) + r":\d+:\d+: error: baseline: 'number' must be an integer \[baseline-invalid\]",
                     p.stderr), f"no file:line:col for the broken baseline:\n{p.stderr}")


def scenario_glob_evaluate():
    d = orders_dir("portfolio")
    p = same_as_directory("evaluate", d, "--as-of", AS_OF)
    expect(p.returncode == 0, f"evaluate *.toml exited {p.returncode}")
    table = yekuo("evaluate", *star_toml(d), "--as-of", AS_OF)
    expect(table.returncode == 0 and "文件错误" not in table.stdout, f"evaluate table:\n{table.stdout[-1500:]}")


def scenario_glob_remind():
    d = orders_dir("portfolio")
    p = same_as_directory("remind", d, "--as-of", AS_OF)
    expect(p.returncode == 0, f"remind *.toml exited {p.returncode}")


def scenario_glob_assess():
    d = orders_dir("assessed", "portfolio")
    p = same_as_directory("assess", d, "--as-of", AS_OF)
    expect(p.returncode == 0, f"assess *.toml exited {p.returncode}")
    expect(json.loads(p.stdout)["errors"] == [], "assess *.toml: errors")


def scenario_glob_publish():
    d = orders_dir("portfolio")
    site = os.path.join(WORK, "site")
    shutil.rmtree(site, ignore_errors=True)
    p = yekuo("publish", *star_toml(d), "--out", site, "--as-of", AS_OF)
    no_project_errors_about_baselines(p, "publish *.toml")
    expect(p.returncode == 0, f"publish *.toml exited {p.returncode}:\n{p.stderr[:2000]}")
    index = read(os.path.join(site, "index.html"))
    expect("个文件有误" not in index, "index.html reports file errors for the baselines")
    expect(len(os.listdir(os.path.join(site, "orders"))) == 5, "all five orders published")
    # A bad file with three errors is one file in error, not three.
    write(os.path.join(d, "broken.toml"), 'schema = 1\nbogus = 1\n[project]\nid = 17\nname = 3\n')
    shutil.rmtree(site, ignore_errors=True)
    p = yekuo("publish", *star_toml(d), "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 2, f"publish with a bad file exited {p.returncode}")
    expect(p.stderr.count("broken.toml:") >= 3, f"several errors in broken.toml expected:\n{p.stderr}")
    expect("1 bad files" in p.stderr, f"publish counts files, not messages:\n{p.stderr}")
    index = read(os.path.join(site, "index.html"))
    expect("1 个文件有误" in index, "index: '1 个文件有误' (one file)")
    expect(re.search(r"文件错误</dt><dd[^>]*>1<", index), "index summary: 文件错误 1")
    evaluation = read(os.path.join(site, "evaluation.html"))
    expect("1 个工程文件有误" in evaluation, "evaluation page: one bad file")


def scenario_baseline_mismatch():
    d = orders_dir("portfolio")
    wrong = os.path.join(d, "sz-2026-0157.baseline.toml")
    shutil.copy(os.path.join(d, "sz-2026-0142.baseline.toml"), wrong)
    where = re.escape(wrong) + r":\d+:\d+: error: this baseline belongs to order 'SZ-2026-0142', not to 'SZ-2026-0157'"
    for args in (["check", *star_toml(d)], ["check", d], ["check", os.path.join(d, "sz-2026-0157.toml")],
                 ["plan", os.path.join(d, "sz-2026-0157.toml")],
                 ["plan", os.path.join(d, "sz-2026-0157.toml"), "--confirm", "--reason", "x"],
                 ["evaluate", d, "--as-of", AS_OF], ["remind", *star_toml(d), "--as-of", AS_OF],
                 ["assess", d, "--as-of", AS_OF]):
        p = yekuo(*args)
        what = " ".join(a if not a.startswith(WORK) else os.path.basename(a) for a in args[:2])
        expect(p.returncode == 2, f"{what}: a baseline of another order exited {p.returncode}, expected 2")
        expect(re.search(where, p.stderr) and "[baseline-mismatch]" in p.stderr,
               f"{what}: no baseline-mismatch at file:line:col:\n{p.stderr[:1500]}")
    expect(read(wrong) == read(os.path.join(d, "sz-2026-0142.baseline.toml")), "plan --confirm wrote into it")


def scenario_baseline_skipped():
    d = orders_dir("portfolio")
    copy = os.path.join(d, "copy-of-0142.toml")  # a baseline under another name: found by content
    shutil.copy(os.path.join(d, "sz-2026-0142.baseline.toml"), copy)
    orphan = os.path.join(d, "gone.baseline.toml")
    shutil.copy(os.path.join(d, "sz-2026-0142.baseline.toml"), orphan)
    p = yekuo("check", *star_toml(d))
    expect(p.returncode == 0, f"check: stray baselines are warnings, exit {p.returncode}:\n{p.stderr}")
    expect(re.search(re.escape(copy) + r":\d+:\d+: warning: .*\[baseline-name\]", p.stderr), f"baseline-name:\n{p.stderr}")
    expect(re.search(re.escape(orphan) + r":\d+:\d+: warning: .*\[baseline-orphan\]", p.stderr), f"baseline-orphan:\n{p.stderr}")
    for cmd in ("evaluate", "remind", "assess"):
        p = yekuo(cmd, *star_toml(d), "--as-of", AS_OF)
        no_project_errors_about_baselines(p, cmd)
        expect(p.returncode == 0, f"{cmd}: stray baselines exited {p.returncode}:\n{p.stderr}")
        expect(f"{copy}: a baseline file" in p.stderr and "skipped" in p.stderr, f"{cmd}: says it skips {copy}")
        expect(f"{orphan}: a baseline file" in p.stderr and "does not exist" in p.stderr, f"{cmd}: orphan")
    # Directories: baselines under another name are recognised there too.
    p = yekuo("evaluate", d, "--as-of", AS_OF)
    expect(p.returncode == 0 and f"{copy}: a baseline file" in p.stderr, f"evaluate DIR: {p.returncode} {p.stderr}")
    # Only the baseline named: its order is not evaluated behind the user's back.
    p = yekuo("evaluate", os.path.join(d, "sz-2026-0142.baseline.toml"), "--as-of", AS_OF)
    expect(p.returncode == 0 and "which is not among the inputs" in p.stderr, f"baseline alone: {p.stderr}")
    p = yekuo("plan", os.path.join(d, "sz-2026-0142.baseline.toml"))
    expect(p.returncode == 2 and "is a baseline file" in p.stderr and "sz-2026-0142.toml" in p.stderr,
           f"plan BASELINE: {p.returncode} {p.stderr}")


def scenario_calendar_option():
    cal = os.path.join(SRC, "tests", "fixtures", "calendar")
    bad, org = os.path.join(cal, "bad-calendar.toml"), os.path.join(cal, "org-2027.toml")
    d = orders_dir("portfolio")
    order = os.path.join(d, "sz-2026-0142.toml")
    commands = [["calendar", "2027"], ["calendar", "--add", "2027-02-05", "1"], ["plan", order], ["check", order],
                ["evaluate", d], ["remind", d], ["assess", d],
                ["publish", d, "--out", os.path.join(WORK, "site")], ["new", os.path.join(WORK, "new.toml"),
                                                                      "--template", "10kv", "--force"]]
    for args in commands:
        for how in ("--calendar", "YEKUO_CALENDAR"):
            p = yekuo(*args, "--calendar", bad) if how == "--calendar" else yekuo(*args, env={"YEKUO_CALENDAR": bad})
            expect(p.returncode == 2, f"{args[0]} with a bad calendar via {how}: exit {p.returncode}\n{p.stderr[:800]}")
            expect(re.search(re.escape(bad) + r":3:1: error: unknown key \"holiday\"", p.stderr),
                   f"{args[0]} via {how}: the calendar file's error is not shown:\n{p.stderr[:800]}")
    for p in (yekuo("calendar", "2027", "--lang", "en", "--calendar", org),
              yekuo("calendar", "2027", "--lang", "en", env={"YEKUO_CALENDAR": org})):
        expect(p.returncode == 0, f"calendar 2027 --calendar: exit {p.returncode} {p.stderr}")
        expect("2027-02-08 Mon  holiday  local" in p.stdout and "2027-02-06 Sat  working day (adjusted)  local" in p.stdout,
               f"calendar 2027 lists the organization's days:\n{p.stdout}")
        expect("not published yet" not in p.stderr, "the organization vouches for 2027: no provisional warning")
    # Fri 02-05 + 1 working day: Sat 02-06 is a working day in the organization's calendar.
    p = yekuo("calendar", "--add", "2027-02-05", "1", "-q", "--calendar", org)
    expect(p.stdout == "2027-02-06\n", f"calendar --add with the organization's calendar: {p.stdout!r}")


def scenario_calendar_changed():
    org = os.path.join(SRC, "tests", "fixtures", "calendar", "org-2027.toml")
    d = os.path.join(WORK, "changed")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    order = os.path.join(d, "o.toml")
    p = yekuo("new", order, "--template", "10kv", "--applied", "2026-11-02")
    expect(p.returncode == 0, f"new: {p.stderr}")
    p = yekuo("plan", order, "--confirm")  # against the guessed (Mon–Fri) 2027
    expect(p.returncode == 0, f"confirm: {p.stderr}")
    j = plan_json(order)
    expect(j.get("baseline", {}).get("matches_current_plan") is True and j["baseline"].get("changed") is None,
           f"unchanged: {j.get('baseline')}")
    # The organization's 2027 calendar arrives; the file is untouched.
    j = plan_json(order, "--calendar", org)
    expect(j.get("baseline", {}).get("changed") == "calendar", f"calendar added: {j.get('baseline')}")
    expect(not any("project file changed" in w for w in j.get("warnings", [])), f"false cause: {j.get('warnings')}")
    table = yekuo("plan", order, env={"YEKUO_CALENDAR": org}).stdout
    expect("工作日历在基线确认后有变动" in table and "工程文件在基线确认后有变动" not in table,
           f"the table blames the file:\n{table[:1200]}")
    # A changed duration is a file change (and with the new calendar, both).
    text = read(order)
    write(order, text.replace("days = 15 ", "days = 16 ", 1))
    expect(plan_json(order).get("baseline", {}).get("changed") == "file", "duration changed: file")
    expect(plan_json(order, "--calendar", org).get("baseline", {}).get("changed") == "file_and_calendar", "both")
    # Only a lag changed: the stages and durations are as confirmed.
    write(order, text.replace('after = [{ stage = "civil_works", lag = -5 }]', 'after = [{ stage = "civil_works", lag = -2 }]'))
    j = plan_json(order)
    expect(j.get("baseline", {}).get("changed") == "dependencies", f"a lag changed: {j.get('baseline')}")


def scenario_templates():
    d = os.path.join(WORK, "templates")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    f35 = os.path.join(d, "o35.toml")
    p = yekuo("new", f35, "--template", "35kv", "--applied", "2026-03-02", "--customer", "某公司")
    expect(p.returncode == 0, f"new --template 35kv: {p.stderr}")
    text = read(f35)
    expect("35千伏接入线路施工" in text and "110千伏" not in text and "voltage_kv = 35" in text, "35 kV text")
    expect("某公司35千伏新装" in text, "default name says 35千伏")
    expect(yekuo("check", f35).returncode == 0, "the 35 kV file checks")
    expect(yekuo("plan", f35).returncode == 0, "the default target of the 35 kV template is feasible")
    p = yekuo("new", os.path.join(d, "o110.toml"), "--template", "110kv", "--voltage", "35")
    expect(p.returncode == 0 and "use --template 35kv" in p.stderr, f"110kv --voltage 35 warns: {p.stderr}")
    listing = yekuo("new", "--list", "--lang", "en").stdout
    expect(re.search(r"^35kv\s+35 kV", listing, re.M), f"new --list shows 35kv:\n{listing}")


def scenario_texts():
    ref = os.path.join(SRC, "examples", "110kv-reference-2010.toml")
    out = yekuo("plan", ref, "--lang", "en").stdout
    expect("critical path" in out and "critical path；" not in out, "English joins use English punctuation")
    expect("critical path; " in out, "clauses joined with '; '")
    portfolio = os.path.join(SRC, "examples", "portfolio")
    zh = yekuo("remind", portfolio, "--as-of", AS_OF).stdout
    expect("超期 3 个工作日" in zh and "超期 3 天" not in zh, f"remind counts working days:\n{zh}")
    en = yekuo("remind", portfolio, "--as-of", AS_OF, "--lang", "en").stdout
    expect("3 working days late" in en, f"remind --lang en:\n{en}")
    p = yekuo("calendar", "2003")
    expect(p.returncode == 0 and "before the official holiday data" in p.stderr and "not published yet" not in p.stderr,
           f"calendar 2003: {p.stderr}")
    p = yekuo("calendar", "2027")
    expect("2027 holiday schedule not published yet" in p.stderr, f"calendar 2027: {p.stderr}")


def scenario_assess_report():
    d = orders_dir("assessed")
    # An order that will not be energized in 2025 and lies in a year without official holidays.
    p = yekuo("new", os.path.join(d, "future.toml"), "--template", "10kv", "--applied", "2027-03-01")
    expect(p.returncode == 0, f"new: {p.stderr}")
    p = yekuo("assess", d, "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", AS_OF, "--format", "json")
    j = json.loads(p.stdout)
    expect(all("future.toml" not in w["file"] for w in j["warnings"]), f"warnings of an order not assessed: {j['warnings']}")
    table = yekuo("assess", d, "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", AS_OF).stdout
    expect("future.toml" not in table, f"assess table mentions an order it did not assess:\n{table[:1500]}")
    # Incomplete orders list stage names (HZ-2025-0901 lacks the finish of 竣工检验, id inspection).
    m = re.search(r"实绩不完整、未考核的工程(.*?)(\n\n|$)", table, re.S)
    expect(m and "竣工检验" in m.group(1) and "inspection" not in m.group(1), f"incomplete list:\n{m and m.group(1)}")
    # The Gantt legend lists only what is drawn: no department colours (no planned bars).
    html = yekuo("assess", d, "--as-of", AS_OF, "--format", "html").stdout
    legends = re.findall(r'<g class="legend">(.*?)</g>\n</svg>', html, re.S) or re.findall(r'<g class="legend">(.*?)\n</g>', html, re.S)
    expect(legends, "assessment HTML has Gantt legends")
    for legend in legends:
        for dept in ("客户服务中心", "发展策划部", "基建部", "电力调度中心"):
            expect(dept not in legend, f"assessment legend lists a department colour no bar uses: {dept}")
    expect(("实际（超期）" in html) == bool(re.search(r'class="bar actual s-overdue"', html)),
           "the legend shows the overrun swatch exactly when an overrun bar is drawn")
    plan_html = yekuo("plan", os.path.join(SRC, "examples", "110kv-reference-2010.toml"), "--format", "html").stdout
    plan_legend = re.search(r'<g class="legend">(.*?)\n</g>', plan_html, re.S)
    expect(plan_legend and "客户服务中心" in plan_legend.group(1), "the plan's Gantt still lists department colours")


SCENARIOS = {
    "glob-check": scenario_glob_check,
    "glob-evaluate": scenario_glob_evaluate,
    "glob-remind": scenario_glob_remind,
    "glob-assess": scenario_glob_assess,
    "glob-publish": scenario_glob_publish,
    "baseline-mismatch": scenario_baseline_mismatch,
    "baseline-skipped": scenario_baseline_skipped,
    "calendar-option": scenario_calendar_option,
    "calendar-changed": scenario_calendar_changed,
    "templates": scenario_templates,
    "texts": scenario_texts,
    "assess-report": scenario_assess_report,
}


if __name__ == "__main__":
    BIN, SRC, WORK, scenario = scenario_args()
    SCENARIOS[scenario]()
    sys.exit(finish())
