#!/usr/bin/env python3
"""yekuo calendar through the real binary: working-day arithmetic, a year's list, provisional years,
bad input.

usage: calendar_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, run  # noqa: E402


def quiet_answer(bin_, args, answer):
    """`-q` prints the answer alone: one line, nothing on stderr."""
    p = run(bin_, "calendar", *args, "-q", rc=0)
    expect_eq((p.stdout, p.stderr), (answer + "\n", ""), f"calendar {' '.join(args)} -q")


def scenario_add(bin_, src, work):
    quiet_answer(bin_, ["--add", "2010-01-11", "5"], "2010-01-18")


def scenario_add_negative(bin_, src, work):
    quiet_answer(bin_, ["--add", "2010-02-20", "-1"], "2010-02-12")


def scenario_between(bin_, src, work):
    quiet_answer(bin_, ["--between", "2010-01-11", "2010-05-28"], "94")


def scenario_year(bin_, src, work):
    p = run(bin_, "calendar", "2010", "--lang", "en", rc=0)
    expect(re.search(r"2010: 250 working days.*2010-02-20 Sat  working day \(adjusted\)  Spring Festival", p.stdout,
                     re.S), f"calendar 2010:\n{p.stdout}")


def scenario_provisional(bin_, src, work):
    p = run(bin_, "calendar", "2027", rc=0)
    expect("2027 holiday schedule not published yet" in p.stderr, f"calendar 2027: {p.stderr}")


def scenario_bad_date(bin_, src, work):
    p = run(bin_, "calendar", "--add", "2010-02-30", "1", rc=2)
    expect("2010-02-30" in p.stderr, f"names the bad date: {p.stderr}")


def scenario_out_of_range(bin_, src, work):
    p = run(bin_, "calendar", "1900", rc=2)
    expect("year 1900 is outside" in p.stderr, f"says the year is out of range: {p.stderr}")


if __name__ == "__main__":
    main({"add": scenario_add, "add_negative": scenario_add_negative, "between": scenario_between,
          "year": scenario_year, "provisional": scenario_provisional, "bad_date": scenario_bad_date,
          "out_of_range": scenario_out_of_range})
