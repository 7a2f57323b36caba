#!/usr/bin/env python3
"""`yekuo check FIXTURE` against the fixture's own expectations (TaskJuggler MARK style):

  # EXPECT: error LINE:COL CODE      one diagnostic "FIXTURE:LINE:COL: error: ... [CODE]"
  # EXPECT: warning LINE:COL CODE    the same for a warning
  # EXPECT-TEXT: some text           the output contains this text

Every expected diagnostic must be reported (in one run) and no unexpected error may appear.
Exit code: 2 when an error is expected, 0 otherwise.

usage: fixture_checks.py YEKUO_BIN FIXTURE
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, fail, finish, run, shown  # noqa: E402

DIAGNOSTIC = re.compile(r"[^ ]+:[0-9]+:[0-9]+: (error|warning): .*\[[a-z0-9-]+\]")
EXPECTATION = re.compile(r"# EXPECT: (error|warning) ([0-9]+):([0-9]+) ([a-z0-9-]+)")


def main():
    bin_, fixture = sys.argv[1:3]
    directory, name = os.path.split(os.path.abspath(fixture))
    with open(fixture, "rb") as f:  # some fixtures are not UTF-8 on purpose
        lines = [line.decode("utf-8", errors="replace").rstrip("\r") for line in f.read().split(b"\n")]
    expectations = [line for line in lines if line.startswith("# EXPECT: ")]
    texts = [line[len("# EXPECT-TEXT: "):] for line in lines if line.startswith("# EXPECT-TEXT: ")]
    expect(expectations or texts, f"{fixture}: no # EXPECT: or # EXPECT-TEXT: line")

    # Run from the fixture's directory so that the printed path is just the file name.
    p = run(bin_, "check", name, cwd=directory, text=False)
    output = shown(p.stdout + p.stderr, None)
    diagnostics = [line for line in output.split("\n") if DIAGNOSTIC.fullmatch(line)]
    errors_expected = 0
    for e in expectations:
        m = EXPECTATION.fullmatch(e)
        if not m:
            fail(f"{fixture}: malformed expectation: {e}")
            continue
        severity, line, column, code = m.groups()
        errors_expected += severity == "error"
        prefix = f"{name}:{line}:{column}: {severity}: "
        # Each expectation consumes one matching diagnostic.
        found = next((d for d in diagnostics if d.startswith(prefix) and d.endswith(f"[{code}]")), None)
        if expect(found is not None, f"{fixture}: missing: {prefix}... [{code}]\n--- output ---\n{output}"):
            diagnostics.remove(found)
    for d in diagnostics:
        expect(": error: " not in d, f"{fixture}: unexpected: {d}")
    for t in texts:
        expect(t in output, f"{fixture}: text not found: {t}\n--- output ---\n{output}")
    want = 2 if errors_expected else 0
    expect(p.returncode == want, f"{fixture}: exit code {p.returncode}, expected {want}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
