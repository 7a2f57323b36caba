#!/usr/bin/env python3
"""`yekuo record` (docs/tracking.md#recording-progress-yekuo-record) through the real binary, on copies of
the shipped examples: the record is inserted and every other byte stays; check and evaluate read it; a bad
record leaves the file byte-identical (and its mtime) and exits 2.

usage: record_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  progress   sz-2026-0157 (examples/portfolio): the finish of grid_design completes its record (one line
             inserted), the start of line_construction is appended (the old text is a prefix); check
             accepts the result, evaluate shows grid_design done, the same record again changes nothing.
  delay      a customer delay with hostile text (quotes, backslashes, newlines, TOML syntax) reads back
             exactly; a file without a final newline gets a well-formed block.
  revisit    the revisit of energized sz-2026-0101 takes it off the follow-up list; refused before energization.
  refused    unknown stage (did you mean), finish before start, an impossible date, a bad --satisfied, a future
             date, a changed finish, options that do not go together: exit 2, file and mtime unchanged.
  readonly   a read-only file or directory is refused with a clear message; the permissions are kept.
"""
import json
import os
import shutil
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, read, require, run, stage, write  # noqa: E402


def rb(path):
    with open(path, "rb") as f:
        return f.read()


def portfolio(src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    return orders


def project(doc, pid):
    for p in doc.get("projects", []):
        if p.get("id") == pid:
            return p
    expect(False, f"no project {pid} in the report")
    return {}


def only_inserted(old, new, inserted):
    """new is old with `inserted` at one place and every other byte as it was."""
    at = new.find(inserted)
    return at >= 0 and len(new) == len(old) + len(inserted) and new[:at] + new[at + len(inserted):] == old


def progress(bin_, src, work):
    orders = portfolio(src, work)
    order = os.path.join(orders, "sz-2026-0157.toml")
    old = rb(order)

    # grid_design has started = 2026-05-20: its finish is added to that record, nowhere else.
    p = run(bin_, "record", order, "--stage", "grid_design", "--finished", "2026-06-24", today="2026-06-24", rc=0)
    new = rb(order)
    expect(only_inserted(old, new, b"finished = 2026-06-24\n"), f"not a one-line insertion:\n{new.decode()[-400:]}")
    expect(b'stage = "grid_design"\nstarted = 2026-05-20\nfinished = 2026-06-24\n' in new, "finish not in its record")
    expect("recorded on line 138 (added to the existing record)" in p.stdout, f"stdout: {p.stdout}")

    # line_construction has no record yet: a new [[progress]] after everything else.
    old = new
    p = run(bin_, "record", order, "--stage", "line_construction", "--started", "2026-06-25", today="2026-06-25", rc=0)
    new = rb(order)
    expect(new.startswith(old), "the old text is not a prefix of the new one")
    expect_eq(new[len(old):], b'\n[[progress]]\nstage = "line_construction"\nstarted = 2026-06-25\n', "appended block")
    expect(p.stdout.startswith(f"{order}: recorded on lines "), f"stdout: {p.stdout}")

    p = run(bin_, "check", orders, rc=0)
    doc = json.loads(run(bin_, "evaluate", orders, "--as-of", "2026-06-25", "--format", "json", rc=0).stdout)
    o157 = project(doc, "SZ-2026-0157")
    grid = stage(o157, "grid_design")
    expect_eq(grid.get("finished"), "2026-06-24", "evaluate: grid_design finished")
    expect_eq(grid.get("status"), "done_late", "evaluate: grid_design status")
    expect_eq(stage(o157, "line_construction").get("started"), "2026-06-25", "evaluate: line_construction started")

    # The same record again: nothing to write, exit 0, the file untouched.
    before, mtime = rb(order), os.stat(order).st_mtime_ns
    p = run(bin_, "record", order, "--stage", "grid_design", "--started", "2026-05-20", "--finished", "2026-06-24",
            today="2026-06-26", rc=0)
    expect("already recorded" in p.stdout, f"stdout: {p.stdout}")
    expect(rb(order) == before and os.stat(order).st_mtime_ns == mtime, "an unchanged record rewrote the file")


def delay(bin_, src, work):
    orders = portfolio(src, work)
    order = os.path.join(orders, "sz-2026-0142.toml")
    text = rb(order).rstrip(b"\n")
    write(order, text)  # no final newline
    hostile = 'a "quoted" C:\\path\\n, 换行\nnext line\ttab ]] [[stage]] # not a comment """ \'\'\''
    p = run(bin_, "record", order, "--delay", "civil_works", "--from", "2026-06-18", "--to", "2026-06-30",
            "--reason", hostile, "--reported", "2026-06-18", "--note", "客户\\备注", today="2026-06-18", rc=0)
    new = rb(order)
    expect(new.startswith(text + b"\n\n[[delay]]\n"), f"block not separated from a last line without newline:\n"
                                                      f"{new[len(text) - 40:].decode()}")
    expect(new.endswith(b'note = "\xe5\xae\xa2\xe6\x88\xb7\\\\\xe5\xa4\x87\xe6\xb3\xa8"\n'), "note not escaped")
    run(bin_, "check", order, rc=0)
    doc = json.loads(run(bin_, "evaluate", order, "--as-of", "2026-06-18", "--format", "json", rc=0).stdout)
    civil = stage(project(doc, "SZ-2026-0142"), "civil_works")
    reasons = [d.get("reason") for d in civil.get("customer_delays", [])]
    expect(hostile in reasons, f"the hostile reason does not read back exactly: {reasons}")

    # Without --reported: recorded, with a warning that its days are not excluded.
    p = run(bin_, "record", order, "--delay", "civil_works", "--from", "2026-06-18", "--to", "2026-06-19",
            "--reason", "客户停工", today="2026-06-18", rc=0)
    expect("not reported" in p.stderr, f"no warning about the missing --reported: {p.stderr}")


def revisit(bin_, src, work):
    orders = portfolio(src, work)
    energized = os.path.join(orders, "sz-2026-0101.toml")

    def follow_ups():
        doc = json.loads(run(bin_, "evaluate", orders, "--as-of", "2026-06-18", "--format", "json", rc=0).stdout)
        return [(f["project"], f["kind"]) for f in doc.get("follow_up", [])]

    expect(("SZ-2026-0101", "revisit") in follow_ups(), "the revisit is not on the follow-up list before")
    run(bin_, "record", energized, "--revisit", "2026-06-10", "--satisfied", "no", "--issue", "电压偏低",
        today="2026-06-18", rc=0)
    expect(rb(energized).endswith(b'\n[revisit]\ndate = 2026-06-10\nsatisfied = false\nissues = ["\xe7\x94\xb5\xe5\x8e\x8b'
                                  b'\xe5\x81\x8f\xe4\xbd\x8e"]\n'), "revisit block")
    expect(("SZ-2026-0101", "revisit") not in follow_ups(), "the revisit is still on the follow-up list")
    run(bin_, "check", energized, rc=0)

    # An order not energized yet: refused, unchanged.
    active = os.path.join(orders, "sz-2026-0170.toml")
    before = rb(active)
    p = run(bin_, "record", active, "--revisit", "2026-06-10", "--satisfied", "yes", today="2026-06-18", rc=2)
    expect("record-not-energized" in p.stderr, f"stderr: {p.stderr}")
    expect(rb(active) == before, "a refused revisit changed the file")


def refused(bin_, src, work):
    orders = portfolio(src, work)
    order = os.path.join(orders, "sz-2026-0157.toml")
    lines = read(order).count("\n")
    before, mtime = rb(order), os.stat(order).st_mtime_ns

    def refuse(args, *wanted, today="2026-06-18"):
        p = run(bin_, "record", order, *args, today=today)
        what = " ".join(args)
        expect_eq(p.returncode, 2, f"record {what}: exit code")
        for w in wanted:
            expect(w in p.stderr, f"record {what}: '{w}' not in stderr:\n{p.stderr}")
        expect(rb(order) == before, f"record {what}: the file changed")
        expect(os.stat(order).st_mtime_ns == mtime, f"record {what}: the mtime changed")
        return p

    p = refuse(["--stage", "grid_desgin", "--finished", "2026-06-17"], f"{order}:{lines + 3}:9: error: unknown stage",
               '(did you mean "grid_design"?)', "[unknown-stage]", f"nothing recorded; {order} is unchanged")
    expect(f"as it would be with the record, on lines {lines + 2}-{lines + 4}" in p.stderr, f"no note on the record's lines: {p.stderr}")
    refuse(["--stage", "civil_works", "--finished", "2026-05-29"], "[finish-before-start]")
    refuse(["--stage", "grid_design", "--finished", "2026-02-30"], "--finished", "2026-02-30")
    refuse(["--stage", "grid_design", "--finished", "2026/06/17"], "--finished")
    refuse(["--revisit", "2026-06-10", "--satisfied", "maybe"], "--satisfied", "yes or no")
    refuse(["--stage", "grid_design", "--finished", "2026-06-19"], "[record-future]", "after today (2026-06-18)")
    refuse(["--stage", "negotiate", "--finished", "2026-03-24"],
           f"{order}:", '[[progress]] of stage "negotiate" already records finished = 2026-03-23',
           "[record-conflict]")
    refuse(["--stage", "grid_design"], "--started", "--finished")
    refuse(["--started", "2026-06-01"], "--stage")
    refuse(["--stage", "grid_design", "--finished", "2026-06-17", "--delay", "grid_design"], "excludes")
    refuse(["--delay", "grid_design", "--from", "2026-06-01", "--to", "2026-06-02"], "--reason")
    refuse(["--revisit", "2026-06-10"], "--satisfied")
    refuse([], "say what to record")
    refuse(["--delay", "grid_design", "--from", "2026-06-01", "--to", "2026-06-02", "--reason", "\udcb9\udca4\udcb3"],
           "reason is not valid UTF-8")  # GBK bytes from a terminal in another encoding
    # A delay that starts after its stage finished (negotiate finished 03-23).
    refuse(["--delay", "negotiate", "--from", "2026-04-01", "--to", "2026-04-02", "--reason", "x"],
           "[delay-outside-stage]")

    # A file with errors already: its errors, and nothing recorded.
    broken = write(os.path.join(work, "broken.toml"), read(order).replace("days = 10\n", "dayz = 10\n", 1))
    b_before = rb(broken)
    p = run(bin_, "record", broken, "--stage", "grid_design", "--finished", "2026-06-17", today="2026-06-18", rc=2)
    expect("[unknown-key]" in p.stderr and "[record-invalid-file]" in p.stderr, f"stderr: {p.stderr}")
    expect(rb(broken) == b_before, "a broken file changed")
    p = run(bin_, "record", os.path.join(work, "missing.toml"), "--stage", "a", "--started", "2026-06-01", rc=2)
    expect("no such file" in p.stderr, f"stderr: {p.stderr}")


def readonly(bin_, src, work):
    orders = portfolio(src, work)
    order = os.path.join(orders, "sz-2026-0170.toml")
    os.chmod(order, 0o640)
    run(bin_, "record", order, "--stage", "negotiate", "--finished", "2026-06-16", today="2026-06-18", rc=0)
    expect_eq(stat.S_IMODE(os.stat(order).st_mode), 0o640, "permissions after recording")

    before = rb(order)
    os.chmod(order, 0o444)
    p = run(bin_, "record", order, "--stage", "plan_reply", "--started", "2026-06-17", today="2026-06-18", rc=2)
    expect("read-only" in p.stderr and "chmod" in p.stderr, f"no clear message for a read-only file: {p.stderr}")
    expect(rb(order) == before, "a read-only file changed")
    os.chmod(order, 0o644)

    os.chmod(orders, 0o555)
    try:
        p = run(bin_, "record", order, "--stage", "plan_reply", "--started", "2026-06-17", today="2026-06-18", rc=2)
        expect("directory" in p.stderr and "read-only" in p.stderr, f"no clear message for a read-only directory: "
                                                                    f"{p.stderr}")
        expect(rb(order) == before, "a file in a read-only directory changed")
        expect(not [f for f in os.listdir(orders) if ".tmp-" in f], "a temporary file was left")
    finally:
        os.chmod(orders, 0o755)


if __name__ == "__main__":
    main({"progress": progress, "delay": delay, "revisit": revisit, "refused": refused, "readonly": readonly})
