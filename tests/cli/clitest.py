"""The small shared helper of the CLI check scripts (tests/cli/*_checks.py): collect failures, run
the real binary, read files, and end with the plain 'N passed, N failed' line."""
import os
import subprocess
import sys

FAILURES = []
PASSED = [0]


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def expect(cond, msg):
    if cond:
        PASSED[0] += 1
    else:
        fail(msg)


def expect_eq(got, want, what):
    expect(got == want, f"{what}: got {got!r}, want {want!r}")


def run(bin_, *args, today=None, timeout=120):
    """Runs the binary; YEKUO_TODAY fixes 'today' (Asia/Shanghai) when given."""
    env = dict(os.environ)
    if today:
        env["YEKUO_TODAY"] = today
    return subprocess.run([bin_, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def finish():
    """The exit code of the script: 0 when nothing failed."""
    print(f"{PASSED[0]} passed, {len(FAILURES)} failed")
    return 1 if FAILURES else 0
