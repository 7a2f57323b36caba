#!/usr/bin/env python3
"""The portfolio pipeline and the output path, through the real binary (ARCHITECTURE.md, "Portfolios"):
every portfolio command reports an unusable file or path with the one code `unusable-input`, keeps
going with the other files, in input order, exits 2; `--format` and `--lang` mean the same in every
command.

usage: pipeline_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR
"""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, finish, run  # noqa: E402

BIN, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
orders = os.path.join(WORK, "orders")
shutil.copytree(os.path.join(SRC, "examples", "portfolio"), orders)
# A file with errors of its own (file:line:col, their own codes) and a path that does not exist
# (the one code).
bad = os.path.join(orders, "zz-bad.toml")
with open(bad, "w", encoding="utf-8") as f:
    f.write('[project]\nid = "ZZ"\nname = "x"\napplied = 1800-01-01\ntarget = 1800-02-01\n')
missing = os.path.join(WORK, "gone")
AS_OF = "2026-06-18"

good_files = sorted(p for p in os.listdir(orders) if p.endswith(".toml") and p != "zz-bad.toml"
                    and not p.endswith(".baseline.toml"))
expect(len(good_files) >= 3, f"the shipped portfolio has orders: {good_files}")

for command in ("evaluate", "remind", "assess"):
    r = run(BIN, command, orders, missing, "--as-of", AS_OF, "--format", "json")
    expect_eq(r.returncode, 2, f"{command}: a bad file or path exits 2")
    lines = [l for l in r.stderr.splitlines() if ": error: " in l]
    expect(any(l.startswith(missing + ": error:") and l.endswith("[unusable-input]") for l in lines),
           f"{command}: the missing path has the one code: {r.stderr}")
    expect(any(l.startswith(bad + ":4:11: error:") and l.endswith("[date-out-of-range]") for l in lines),
           f"{command}: the bad file's own error, at its place: {r.stderr}")
    expect(all(l.endswith("]") for l in lines), f"{command}: every error has a code: {lines}")
    # Input order: the bad file (last of the directory) before the missing path (discovery problems last).
    named = [l.split(": error:")[0] for l in lines]
    expect(named.index(missing) > max(k for k, n in enumerate(named) if n.startswith(bad)),
           f"{command}: files first, unreadable paths last: {named}")
    try:
        doc = json.loads(r.stdout)
        expect(isinstance(doc, dict), f"{command}: JSON written for the good files")
    except ValueError as e:
        expect(False, f"{command}: JSON on stdout: {e}")

# publish: the same errors on stderr, the same bad inputs listed on the index page, exit 2.
site = os.path.join(WORK, "site")
r = run(BIN, "publish", orders, missing, "--out", site, "--as-of", AS_OF, "-j", "2")
expect_eq(r.returncode, 2, "publish: a bad file or path exits 2")
expect(any(l.startswith(missing + ": error:") and l.endswith("[unusable-input]") for l in r.stderr.splitlines()),
       f"publish: the missing path has the one code: {r.stderr}")
index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
expect(missing in index and "zz-bad.toml:4:11" in index, "publish: both bad inputs listed on the index page")
expect("2 个文件有误" in index, "publish: two bad inputs counted on the index page")

# The good files alone: exit 0, and the bad ones did not change what the good ones say.
for command in ("evaluate", "remind", "assess"):
    good = [os.path.join(orders, p) for p in good_files]
    alone = run(BIN, command, *good, "--as-of", AS_OF, "--format", "csv")
    with_bad = run(BIN, command, *good, bad, "--as-of", AS_OF, "--format", "csv")
    expect_eq(alone.returncode, 0, f"{command}: good files alone")
    expect_eq(with_bad.returncode, 2, f"{command}: with a bad file")

# --format and --lang: the same names everywhere, case-insensitive, refused with a clear message.
plan_file = os.path.join(SRC, "examples", "110kv-reference-2010.toml")
for args in (["plan", plan_file], ["evaluate", orders, "--as-of", AS_OF], ["remind", orders, "--as-of", AS_OF],
             ["assess", orders, "--as-of", AS_OF]):
    name = args[0]
    for fmt, marker in (("table", None), ("MD", "|"), ("markdown", "|"), ("csv", ","), ("HTML", "<!DOCTYPE html>"),
                        ("json", "{")):
        r = run(BIN, *args, "--format", fmt, "--lang", "EN")
        expect(r.returncode in (0, 2), f"{name} --format {fmt}: ran ({r.returncode}) {r.stderr[-300:]}")
        if marker:
            expect(marker in r.stdout, f"{name} --format {fmt}: output looks like {fmt}")
    r = run(BIN, *args, "--format", "text")
    expect_eq(r.returncode, 2, f"{name} --format text is refused")
    expect("table, md, csv, html" in r.stderr and "json" in r.stderr, f"{name}: the refusal names the formats: {r.stderr}")
    r = run(BIN, *args, "--lang", "fr")
    expect(r.returncode != 0 and "zh or en" in r.stderr, f"{name} --lang fr is refused: {r.stderr}")
    # English labels in English, Chinese by default.
    en = run(BIN, *args, "--format", "md", "--lang", "en").stdout
    zh = run(BIN, *args, "--format", "md").stdout
    expect(en != zh, f"{name}: --lang en changes the labels")

r = run(BIN, "calendar", "--add", "2010-01-11", "5", "--lang", "en")
expect_eq(r.stdout.strip(), "2010-01-11 Mon +5 working days = 2010-01-18 Mon", "calendar --lang en")
r = run(BIN, "calendar", "--add", "2010-01-11", "5")
expect("周一" in r.stdout, f"calendar in Chinese by default: {r.stdout}")

# Colour only for a table on a terminal: forced colour never reaches a file or another format.
force = {"CLICOLOR_FORCE": "1"}
expect("\x1b[" in run(BIN, "plan", plan_file, env=force).stdout, "forced colour in a table")
for fmt in ("md", "csv", "json"):
    r = run(BIN, "plan", plan_file, "--format", fmt, env=force)
    expect("\x1b[" not in r.stdout, f"no colour in --format {fmt}")
out = os.path.join(WORK, "plan.txt")
run(BIN, "plan", plan_file, "-o", out, env=force, rc=0)
with open(out, encoding="utf-8") as f:
    expect("\x1b[" not in f.read(), "no colour in --out FILE")

sys.exit(finish())
