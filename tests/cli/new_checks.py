#!/usr/bin/env python3
"""yekuo new through the real binary: the template list, new files, refusing to overwrite,
--force, escaping, bad invocations.

usage: new_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, read, run  # noqa: E402


def scenario_list(bin_, src, work):
    p = run(bin_, "new", "--list", rc=0)
    expect(re.search(r"10kv .*10kv-ordinary .*110kv .*受理后 190 个工作日", p.stdout, re.S), f"new --list:\n{p.stdout}")


def scenario_list_en(bin_, src, work):
    p = run(bin_, "new", "--list", "--lang", "en", rc=0)
    expect(re.search(r"110kv +110 kV with grid-side works", p.stdout), f"new --list --lang en:\n{p.stdout}")


def scenario_unknown_template(bin_, src, work):
    p = run(bin_, "new", os.path.join(work, "unused.toml"), "--template", "220kv", rc=2)
    expect("220kv" in p.stderr, f"names the unknown template: {p.stderr}")
    expect(not os.path.exists(os.path.join(work, "unused.toml")), "a file was written for an unknown template")


def scenario_files(bin_, src, work):
    f = os.path.join(work, "WX-T-1.toml")

    def expect_in(path, text):
        content = read(path)
        expect(text in content, f"{path} does not contain: {text}\n---\n{content}")

    # 1. A new 110 kV order; the target defaults to 190 working days after acceptance. 2010-01-11 +
    #    185 working days = Mon 2010-10-11 (reference §2.3), +5 more with no holiday = Mon 2010-10-18.
    p = run(bin_, "new", f, "--template", "110kv", "--applied", "2010-01-11", "--customer", "某电子有限公司",
            "--manager", "王工", rc=0)
    expect("22 个环节" in p.stdout and re.search(r"yekuo plan .*WX-T-1\.toml", p.stdout, re.S),
           f"unexpected summary: {p.stdout}")
    expect_in(f, 'id = "WX-T-1"\n')
    expect_in(f, 'name = "某电子有限公司110千伏新装"\n')
    expect_in(f, 'customer_manager = "王工"\n')
    expect_in(f, "applied = 2010-01-11 ")
    expect_in(f, "target = 2010-10-18 ")
    expect_in(f, "capacity_kva = 48000\n")

    # 2. The file exists: refused with exit 2, and it is left as it was.
    before = read(f)
    p = run(bin_, "new", f, "--template", "10kv", "--customer", "另一个客户", rc=2)
    expect(re.search(r"already exists.*--force", p.stderr, re.S), f"unexpected refusal message: {p.stderr}")
    expect(read(f) == before, f"{f} changed although new refused to overwrite it")

    # 3. --force replaces it (atomically: no temporary file is left behind).
    p = run(bin_, "new", f, "--template", "10kv", "--force", "--id", "HZ-1", "--customer", "另一个客户",
            "--applied", "2026-03-11", "--target", "2026-07-15", "--capacity", "5000", "--voltage", "20",
            "--lang", "en", rc=0)
    expect("11 stages, applied 2026-03-11, target 2026-07-15\n" in p.stdout, f"unexpected summary: {p.stdout}")
    expect_in(f, 'id = "HZ-1"\n')
    expect_in(f, 'name = "另一个客户20千伏新装"\n')
    expect_in(f, "voltage_kv = 20\n")
    expect_in(f, "capacity_kva = 5000\n")
    expect(os.listdir(work) == ["WX-T-1.toml"], f"expected only {f} in {work}, found: {os.listdir(work)}")

    # 4. Quotes, backslashes and newlines in a name stay inside the TOML string.
    hostile = os.path.join(work, "hostile.toml")
    run(bin_, "new", hostile, "--template", "10kv-ordinary", "--applied", "2026-03-11",
        "--name", 'a"b\\c\nevil = 1', "--manager", "x\\", rc=0)
    expect_in(hostile, r'name = "a\"b\\c\nevil = 1"' + "\n")
    expect_in(hostile, r'customer_manager = "x\\"' + "\n")
    evil = [line for line in read(hostile).split("\n") if line.startswith("evil")]
    expect(not evil, f"a value escaped its string: {evil}")

    # 5. Bad invocations are exit 2 and write nothing.
    run(bin_, "new", os.path.join(work, "b1.toml"), "--template", "10kv", "--capacity", "many", rc=2)
    run(bin_, "new", os.path.join(work, "b2.toml"), "--template", "10kv", "--applied", "2010-05-31",
        "--target", "2010-01-11", rc=2)
    run(bin_, "new", os.path.join(work, "b3.toml"), rc=2)
    run(bin_, "new", os.path.join(work, "b4.toml"), "--template", "10kv", "--applied", "2010-02-30", rc=2)
    run(bin_, "new", os.path.join(work, "no-such-dir", "b5.toml"), "--template", "10kv", rc=2)
    run(bin_, "new", work, "--template", "10kv", rc=2)
    for b in ("b1", "b2", "b3", "b4"):
        expect(not os.path.exists(os.path.join(work, f"{b}.toml")), f"{b}.toml was written by a failing invocation")


if __name__ == "__main__":
    main({"list": scenario_list, "list_en": scenario_list_en, "unknown_template": scenario_unknown_template,
          "files": scenario_files})
