#!/usr/bin/env python3
"""yekuo check through the real binary: directories, summaries, quiet mode, the organization
calendar, missing paths. Per-fixture checks are in fixture_checks.py.

usage: check_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, run  # noqa: E402


def fixture(src, *path):
    return os.path.join(src, "tests", "fixtures", *path)


def scenario_valid_dir(bin_, src, work):
    p = run(bin_, "check", fixture(src, "valid"), rc=0)
    expect("3 files checked: 3 ok, 0 with errors, 1 warning\n" in p.stdout, f"summary:\n{p.stdout}")


def scenario_errors_dir(bin_, src, work):
    run(bin_, "check", fixture(src, "errors"), rc=2)


def scenario_errors_dir_summary(bin_, src, work):
    p = run(bin_, "check", fixture(src, "errors"), rc=2)
    expect(re.search(r"[0-9]+ files checked: 0 ok, [0-9]+ with errors", p.stdout), f"summary:\n{p.stdout}")


def scenario_mixed(bin_, src, work):
    # One bad file does not stop the others: the valid ones are still reported ok.
    p = run(bin_, "check", fixture(src, "errors", "cycle.toml"), fixture(src, "valid", "minimal.toml"), rc=2)
    expect(re.search(r"minimal\.toml: ok\n.*2 files checked: 1 ok, 1 with errors, 0 warnings", p.stdout, re.S),
           f"output:\n{p.stdout}")


def scenario_missing_path(bin_, src, work):
    run(bin_, "check", fixture(src, "no-such-file.toml"), rc=2)


def scenario_missing_path_message(bin_, src, work):
    p = run(bin_, "check", fixture(src, "no-such-file.toml"), rc=2)
    expect("no-such-file.toml: no such file or directory" in p.stderr, f"message: {p.stderr}")


def scenario_quiet(bin_, src, work):
    p = run(bin_, "check", "-q", fixture(src, "valid", "minimal.toml"), rc=0)
    expect(p.stdout + p.stderr == "", f"-q printed: {p.stdout}{p.stderr}")


def scenario_no_args(bin_, src, work):
    run(bin_, "check", rc=2)


def vouched_2027(p):
    """The organization's calendar vouches for 2027: no provisional warning."""
    expect("1 file checked: 1 ok, 0 with errors, 0 warnings" in p.stdout, f"summary:\n{p.stdout}")
    expect("provisional-calendar" not in p.stdout + p.stderr, f"a provisional-calendar warning:\n{p.stderr}")


def scenario_org_calendar(bin_, src, work):
    vouched_2027(run(bin_, "check", "--calendar", fixture(src, "calendar", "org-2027.toml"),
                     fixture(src, "valid", "provisional_2027.toml"), rc=0))


def scenario_org_calendar_env(bin_, src, work):
    vouched_2027(run(bin_, "check", fixture(src, "valid", "provisional_2027.toml"), rc=0,
                     env={"YEKUO_CALENDAR": fixture(src, "calendar", "org-2027.toml")}))


def scenario_bad_calendar(bin_, src, work):
    run(bin_, "check", "--calendar", fixture(src, "calendar", "bad-calendar.toml"),
        fixture(src, "valid", "minimal.toml"), rc=2)


def scenario_bad_calendar_message(bin_, src, work):
    p = run(bin_, "check", "--calendar", fixture(src, "calendar", "bad-calendar.toml"),
            fixture(src, "valid", "minimal.toml"), rc=2)
    expect(re.search(r'bad-calendar\.toml:3:1: error: unknown key "holiday" in \[calendar\] '
                     r'\(did you mean "holidays"\?\) \[unknown-key\]', p.stderr), f"message: {p.stderr}")


def scenario_directory_as_file(bin_, src, work):
    run(bin_, "check", fixture(src, "calendar") + "/", rc=2)


if __name__ == "__main__":
    main({"valid_dir": scenario_valid_dir, "errors_dir": scenario_errors_dir,
          "errors_dir_summary": scenario_errors_dir_summary, "mixed": scenario_mixed,
          "missing_path": scenario_missing_path, "missing_path_message": scenario_missing_path_message,
          "quiet": scenario_quiet, "no_args": scenario_no_args, "org_calendar": scenario_org_calendar,
          "org_calendar_env": scenario_org_calendar_env, "bad_calendar": scenario_bad_calendar,
          "bad_calendar_message": scenario_bad_calendar_message, "directory_as_file": scenario_directory_as_file})
