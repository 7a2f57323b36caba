#!/usr/bin/env python3
"""Hostile and broken input through the real binary (SPEC §5, docs/security.md).

    python3 hostile_checks.py YEKUO SOURCE_DIR WORK_DIR SCENARIO [SANITIZED]

Every run has a timeout; an exit code >= 128 or a negative one (killed by a signal) is a crash
and fails the test. Bad input must give exit 2 and a message naming file:line:col where there is
a position; good but extreme input must give the correct result. Big files are generated here,
in WORK_DIR/SCENARIO (the build tree), never committed. SANITIZED=1 (an ASan/UBSan build) relaxes the
time bounds: the sanitizers make the program several times slower.
"""
import csv
import datetime
import html.parser
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import finish, require, scenario_args, write  # noqa: E402

YEKUO, SRC, WORK, SCENARIO = scenario_args()
SANITIZED = sys.argv[5] if len(sys.argv) > 5 else "0"
SLOW = 6 if SANITIZED == "1" else 1
REF = os.path.join(SRC, "examples", "110kv-reference-2010.toml")
LOG = []


def run(*args, expect_rc=None, timeout=30, cwd=None, preexec=None, what=None, binary=None):
    """Runs the binary; never lets a crash or hang pass. Returns (rc, stdout bytes, stderr text, CPU seconds)."""
    t0 = time.monotonic()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        p = clitest.run(binary or YEKUO, *args, text=False, timeout=timeout * SLOW, cwd=cwd, preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        require(False, f"yekuo {' '.join(args)[:200]}: no answer within {timeout * SLOW} s (hang)")
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds (user + system) of this run: a load-independent measure on a shared machine.
    dt = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    err = p.stderr.decode("utf-8", errors="replace")
    label = what or " ".join(args)[:120]
    LOG.append(f"  {label}: exit {p.returncode}, {dt:.2f} s CPU, {wall:.2f} s wall")
    require(p.returncode >= 0 and p.returncode < 128,
            f"yekuo {label}: crashed (exit {p.returncode})\n{err[-3000:]}")
    require("AddressSanitizer" not in err and "runtime error:" not in err,
            f"yekuo {label}: sanitizer report\n{err[-3000:]}")
    if expect_rc is not None:
        require(p.returncode == expect_rc, f"yekuo {label}: exit {p.returncode}, expected {expect_rc}\n"
                                           f"stdout: {p.stdout[:1500].decode(errors='replace')}\nstderr: {err[:3000]}")
    return p.returncode, p.stdout, err, dt


HEADER = ('schema = 1\n[project]\nid = "H-1"\nname = "hostile"\ncapacity_kva = 5000\n'
          'applied = 2010-01-11\ntarget = 2010-05-31\n')
STAGE = '[[stage]]\nid = "a"\nname = "a"\ndept = "营销部"\ndays = 5\n'


def expect_error_at(path, err, line, code=None):
    """The message names file:line:col (the column is whatever the parser says, but > 0)."""
    m = re.search(re.escape(path) + r":(\d+):(\d+): error", err)
    require(m is not None, f"no file:line:col error for {path}:\n{err[:2000]}")
    require(int(m.group(1)) == line and int(m.group(2)) > 0,
            f"error at {m.group(1)}:{m.group(2)}, expected line {line}: {err[:1500]}")
    if code:
        require(f"[{code}]" in err, f"diagnostic code {code} missing:\n{err[:1500]}")


def tracking(path, expect_rc=2, as_of="2010-03-01", culprit=None):
    """`evaluate`, `remind` and `assess` on one file or directory; returns evaluate's stderr."""
    _, _, err, _ = run("evaluate", path, "--as-of", as_of, expect_rc=expect_rc)
    if expect_rc == 2:
        require((culprit or path) in err, f"evaluate names the bad input {culprit or path}: {err[:1500]}")
    run("remind", path, "--as-of", as_of, expect_rc=expect_rc)
    run("assess", path, "--as-of", as_of, expect_rc=expect_rc)
    return err


def both(path, expect_rc=2):
    """`check` and `plan` on one file (and the tracking commands); returns (check's, plan's) stderr."""
    _, _, err, _ = run("check", path, expect_rc=expect_rc)
    _, out, perr, _ = run("plan", path, expect_rc=expect_rc)
    if expect_rc == 2:
        require(out == b"", "no table for bad input")
    tracking(path, expect_rc)
    return err, perr


# Working days from the repository's holiday data, counted day by day here (the program uses a
# precomputed index): an independent check of the 100,000-stage plan.
def load_official_days():
    days = {}
    with open(os.path.join(SRC, "data", "cn-calendar.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            days[datetime.date.fromisoformat(row["date"])] = row["kind"]
    return days


def is_working(d, official):
    kind = official.get(d)
    if kind == "holiday":
        return False
    if kind == "workday":
        return True
    return d.weekday() < 5


def nth_working_day_after(d, n, official):
    while n > 0:
        d += datetime.timedelta(days=1)
        if is_working(d, official):
            n -= 1
    return d


def last_working_day_on_or_before(d, official):
    while not is_working(d, official):
        d -= datetime.timedelta(days=1)
    return d


# ---------------------------------------------------------------------------------------------
if SCENARIO == "empty-and-garbage":
    d = WORK
    empty = write(os.path.join(d, "empty.toml"), b"")
    err, _ = both(empty)
    require(empty in err and "schema" in err, f"empty file: says what is missing: {err}")
    rnd = random.Random(20100111)
    garbage = write(os.path.join(d, "garbage.toml"), b"schema = 1\n" + bytes(rnd.randrange(256) for _ in range(65536)))
    err, perr = both(garbage)
    expect_error_at(garbage, err, 2, "invalid-utf8")
    expect_error_at(garbage, perr, 2, "invalid-utf8")
    # Valid UTF-8 but nonsense; NUL bytes; a lone CR; a BOM and then nothing.
    for name, data in [("text", "ж" * 5000 + "\n= = =\n"), ("nul", b"schema = 1\x00\n"),
                       ("cr", b"schema = 1\r[project]\r"), ("bom", b"\xef\xbb\xbf")]:
        f = write(os.path.join(d, name + ".toml"), data)
        err, _ = both(f)
        require(f in err, f"{name}: names the file: {err}")

elif SCENARIO == "big-files":
    d = WORK
    # 50 MB of valid TOML (a project plus comment lines): under the 64 MiB cap, must load and
    # plan correctly in bounded time and memory.
    big = os.path.join(d, "big.toml")
    with open(big, "w", encoding="utf-8") as f:
        f.write(HEADER + STAGE)
        line = "# " + "填充" * 30 + "\n"
        n = (50 * 1000 * 1000) // len(line.encode("utf-8")) + 1
        f.write(line * n)
    require(os.path.getsize(big) >= 50_000_000, "50 MB generated")
    _, out, _, dt = run("check", big, expect_rc=0, timeout=60)
    require(b"ok" in out, "50 MB file of comments is valid")
    rss_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    _, out, _, dt = run("plan", big, "--format", "json", expect_rc=0, timeout=60)
    require(json.loads(out)["stages"][0]["latest_finish"] == "2010-05-31", "the one stage ends on the target")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest child so far
    LOG.append(f"  peak RSS of any child so far: {rss // 1024} MiB")
    require(rss < (2048 if SLOW > 1 else 600) * 1024, f"memory stays bounded ({rss // 1024} MiB)")
    # 50 MB on one line of garbage text: a syntax error at 1:x, quickly.
    junk = write(os.path.join(d, "junk.toml"), b"x" * 50_000_000)
    _, _, err, _ = run("check", junk, expect_rc=2, timeout=60)
    expect_error_at(junk, err, 1, "toml-syntax")
    require(len(err) < 20000, "the source excerpt of a 50 MB line is cut")
    # Over the 64 MiB limit (a sparse file: no disk used): rejected before reading.
    huge = os.path.join(d, "huge.toml")
    with open(huge, "wb") as f:
        f.truncate(65 * 1024 * 1024)
    _, _, err, dt = run("check", huge, expect_rc=2, timeout=10)
    require("file-too-large" in err and huge in err, f"too large: {err}")
    run("plan", huge, expect_rc=2, timeout=10)

elif SCENARIO == "deep-nesting":
    d = WORK
    n = 100_000
    cases = {
        "arrays": "schema = 1\nx = " + "[" * n + "\n",
        "arrays-closed": "schema = 1\nx = " + "[" * n + "]" * n + "\n",
        "inline-tables": "schema = 1\nx = " + "{a = " * n + "1" + "}" * n + "\n",
        "header-keys": "schema = 1\n[" + ".".join(["a"] * n) + "]\n",
        "dotted-keys": "schema = 1\n" + ".".join(["a"] * n) + " = 1\n",
        "array-of-tables": "schema = 1\n" + "[[stage]]\n" * n,
        "brackets-only": "[" * n,
    }
    for name, text in cases.items():
        f = write(os.path.join(d, name + ".toml"), text)
        _, _, err, _ = run("check", f, expect_rc=2, timeout=30, what=f"check {name}")
        require(re.search(re.escape(f) + r":\d+:\d+: error", err), f"{name}: file:line:col error: {err[:1500]}")
        run("plan", f, expect_rc=2, timeout=30, what=f"plan {name}")

elif SCENARIO == "many-stages":
    d = WORK
    official = load_official_days()
    n = 100_000
    # A chain: every 100th stage takes one working day, the others are milestones (0 days), so
    # the chain needs 1,000 working days and fits the calendar.
    parts = [HEADER.replace("2010-05-31", "2016-12-30")]
    for i in range(n):
        days = 1 if i % 100 == 99 else 0
        after = f'after = ["s{i - 1}"]\n' if i else ""
        parts.append(f'[[stage]]\nid = "s{i}"\nname = "环节{i}"\ndept = "部门{i % 9}"\ndays = {days}\n{after}')
    chain = write(os.path.join(d, "chain.toml"), "".join(parts))
    _, out, _, dt = run("plan", chain, "--format", "json", expect_rc=0, timeout=60)
    LOG.append(f"  plan of {n} stages (JSON): {dt:.2f} s CPU")
    require(dt < 10 * SLOW, f"100,000 stages planned in bounded time ({dt:.1f} s CPU)")
    doc = json.loads(out)
    require(len(doc["stages"]) == n, "every stage in the plan")
    applied = datetime.date(2010, 1, 11)
    earliest = nth_working_day_after(applied, 1000, official)
    require(doc["earliest_energization"] == earliest.isoformat(),
            f"earliest {doc['earliest_energization']}, expected {earliest} (1,000th working day after applied)")
    target = last_working_day_on_or_before(datetime.date(2016, 12, 30), official)
    last = next(s for s in doc["stages"] if s["id"] == f"s{n - 1}")
    require(last["latest_finish"] == target.isoformat(), f"last stage ends on the target: {last}")
    require(doc["feasible"] is True, "feasible")
    floats = {s["float"] for s in doc["stages"]}
    require(len(floats) == 1, f"a chain has one float value: {sorted(floats)[:5]}")
    # The same chain rendered as a table and as HTML, and an infeasible target (compression).
    _, out, _, dt = run("plan", chain, expect_rc=0, timeout=60, what="plan 100k table")
    require(out.count("环节".encode()) >= n, "table lists every stage")
    _, _, _, dt = run("plan", chain, "--format", "html", "--out", os.path.join(d, "chain.html"),
                      expect_rc=0, timeout=60, what="plan 100k html")
    _, out, _, dt = run("plan", chain, "--format", "json", "--target", "2012-01-04", expect_rc=3, timeout=120,
                        what="plan 100k infeasible")
    require(json.loads(out)["shortfall_days"] > 0, "infeasible target: shortfall")
    require(dt < 30 * SLOW, f"compression of 100,000 stages in bounded time ({dt:.1f} s CPU)")
    # 100,000 independent stages (no dependencies): all finish on the target.
    flat = write(os.path.join(d, "flat.toml"), HEADER + "".join(
        f'[[stage]]\nid = "p{i}"\nname = "p"\ndept = "营销部"\ndays = {1 + i % 20}\n' for i in range(n)))
    _, out, _, dt = run("plan", flat, "--format", "json", expect_rc=0, timeout=60, what="plan 100k parallel")
    doc = json.loads(out)
    require(all(s["latest_finish"] == "2010-05-31" for s in doc["stages"]), "every stage finishes on the target")

elif SCENARIO == "cycle":
    d = WORK
    n = 10_000
    parts = [HEADER]
    for i in range(n):
        parts.append(f'[[stage]]\nid = "c{i}"\nname = "c"\ndept = "营销部"\ndays = 1\nafter = ["c{(i - 1) % n}"]\n')
    f = write(os.path.join(d, "cycle.toml"), "".join(parts))
    _, _, err, dt = run("check", f, expect_rc=2)
    require(dt < 5 * SLOW, f"a 10,000-stage cycle is found in bounded time ({dt:.1f} s CPU)")
    run("plan", f, expect_rc=2)
    require("[cycle]" in err or "cycle" in err, f"the cycle is named: {err[:1500]}")
    m = re.search(re.escape(f) + r":(\d+):(\d+): error", err)
    require(m is not None, f"file:line:col of the cycle: {err[:1500]}")
    require("c0" in err and "c9999" in err, f"names the cycle's stages: {err[:2000]}")
    require(len(err) < 200_000, f"the message stays readable ({len(err)} bytes)")
    # A self-loop and a two-stage cycle hidden behind a long acyclic chain.
    self_loop = write(os.path.join(d, "self.toml"), HEADER + STAGE + 'after = ["a"]\n')
    err, _ = both(self_loop)
    require("a" in err and "cycle" in err, f"self loop: {err}")

elif SCENARIO == "far-dates":
    d = WORK
    cases = [("1900-01-01", 6), ("9999-12-31", 6), ("0001-01-01", 6), ("1969-12-31", 6), ("2199-12-31", 6)]
    for date, line in cases:
        f = write(os.path.join(d, f"applied-{date}.toml"), HEADER.replace("2010-01-11", date) + STAGE)
        err, perr = both(f)
        expect_error_at(f, err, line, "date-out-of-range")
        expect_error_at(f, perr, line, "date-out-of-range")
        f = write(os.path.join(d, f"target-{date}.toml"), HEADER.replace("2010-05-31", date) + STAGE)
        err, _ = both(f)
        require(re.search(re.escape(f) + r":7:\d+: error", err), f"target {date}: {err[:800]}")
    # Not dates at all, or impossible ones.
    for bad in ["0000-01-01", "2010-02-30", "2010-13-01", "99999-01-01", "2010-01-11T25:00:00", "-2010-01-11"]:
        f = write(os.path.join(d, "bad.toml"), HEADER.replace("2010-01-11", bad) + STAGE)
        _, _, err, _ = run("check", f, expect_rc=2, what=f"check applied={bad}")
        require(re.search(re.escape(f) + r":\d+:\d+: error", err), f"{bad}: file:line:col: {err[:800]}")
    # A progress date far away and --target far away.
    f = write(os.path.join(d, "progress.toml"), HEADER + STAGE + '[[progress]]\nstage = "a"\nstarted = 9999-01-01\n')
    _, _, err, _ = run("check", f, expect_rc=2)
    expect_error_at(f, err, 15, "date-out-of-range")
    ok = write(os.path.join(d, "ok.toml"), HEADER + STAGE)
    for t in ["9999-12-31", "2199-12-31", "2101-01-01"]:
        _, _, err, _ = run("plan", ok, "--target", t, expect_rc=2, what=f"plan --target {t}")
        require("outside" in err, f"--target {t}: {err}")
    run("plan", ok, "--target", "0001-01-01", expect_rc=2)
    for as_of in ["9999-12-31", "0001-01-01", "1970-01-01", "2199-12-31"]:
        for cmd in ["evaluate", "remind", "assess"]:
            rc, _, err, _ = run(cmd, REF, "--as-of", as_of, what=f"{cmd} --as-of {as_of}")
            require(rc in (0, 2), f"{cmd} --as-of {as_of}: exit {rc}")
    run("assess", REF, "--from", "0001-01-01", "--to", "9999-12-31", "--as-of", "2010-07-01", expect_rc=0)
    run("calendar", "9999", expect_rc=None)
    run("calendar", "0", expect_rc=None)

elif SCENARIO == "huge-numbers":
    d = WORK
    # Line 11 of HEADER + STAGE is `days = 5`.
    for key, value in [("days", "1000000000"), ("days", "9223372036854775807"), ("days", "-9223372036854775808"),
                       ("days", "-1"), ("days", "1.5"), ("days", "inf"), ("days", "nan"), ("days", '"5"'),
                       ("calendar_days", "1000000000"), ("min_days", "-1000000000")]:
        text = HEADER + STAGE.replace("days = 5", f"{key} = {value}" if key != "min_days" else f"days = 5\nmin_days = {value}")
        f = write(os.path.join(d, "n.toml"), text)
        err, _ = both(f)
        require(re.search(re.escape(f) + r":1[23]:\d+: error", err), f"{key} = {value}: file:line:col: {err[:800]}")
    # Integer overflow in lags: +/-2^63 (2^63 itself is not a TOML integer: a syntax error).
    two = STAGE + STAGE.replace('"a"', '"b"')
    for lag in ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                "1000000000", "-1000000000", "0x7fffffffffffffff"]:
        f = write(os.path.join(d, "lag.toml"),
                  HEADER + two + f'after = [{{ stage = "a", type = "SS", lag = {lag} }}]\n')
        err, _ = both(f)
        require(re.search(re.escape(f) + r":18:\d+: error", err), f"lag {lag}: file:line:col: {err[:800]}")
    # Within the per-value limits but together beyond the calendar: 60 stages of the longest
    # duration and lag. A clean error, not an overflow.
    parts = [HEADER]
    for i in range(60):
        after = f'after = [{{ stage = "s{i - 1}", lag = 2000 }}]\n' if i else ""
        parts.append(f'[[stage]]\nid = "s{i}"\nname = "s"\ndept = "营销部"\ndays = 2000\n{after}')
    f = write(os.path.join(d, "long.toml"), "".join(parts))
    _, _, err, _ = run("plan", f, expect_rc=2)
    require("outside the calendar" in err or "edge of the calendar" in err or "out-of-range" in err,
            f"runs off the calendar: {err[:1500]}")
    # Negative lags everywhere: stages overlap, nothing starts before the application date.
    parts = [HEADER]
    for i in range(60):
        after = f'after = [{{ stage = "s{i - 1}", type = "FF", lag = -2000 }}]\n' if i else ""
        parts.append(f'[[stage]]\nid = "s{i}"\nname = "s"\ndept = "营销部"\ndays = 1\n{after}')
    f = write(os.path.join(d, "overlap.toml"), "".join(parts))
    _, out, _, _ = run("plan", f, "--format", "json", expect_rc=0)
    doc = json.loads(out)
    require(all(s["earliest_start"] >= "2010-01-12" for s in doc["stages"]), "no stage starts before the project")

elif SCENARIO == "bad-utf8":
    d = WORK
    # Line 4 is `name = "..."`.
    for label, raw in [("ff", b"\xff"), ("overlong", b"\xc0\x80"), ("surrogate", b"\xed\xa0\x80"),
                       ("truncated", "业".encode()[:2]), ("above-max", b"\xf4\x90\x80\x80"), ("latin1", "é".encode("latin-1"))]:
        text = HEADER.encode().replace(b'name = "hostile"', b'name = "abc' + raw + b'"') + STAGE.encode()
        f = write(os.path.join(d, f"{label}.toml"), text)
        err, perr = both(f)
        expect_error_at(f, err, 4, "invalid-utf8")
        expect_error_at(f, perr, 4, "invalid-utf8")
        require(re.search(re.escape(f) + r":4:12: error", err), f"{label}: column of the bad byte: {err[:600]}")
    # A surrogate written as a TOML escape is not a valid string either.
    f = write(os.path.join(d, "escape.toml"), HEADER.replace('name = "hostile"', r'name = "\uD800"') + STAGE)
    err, _ = both(f)
    expect_error_at(f, err, 4)
    # Valid but unusual text: bidi override, zero-width, combining marks, emoji, NUL and ESC escapes.
    tricky = r"\u202Eevil\u200B\u0301😀\u0000\u001b[2J\u0007"
    f = write(os.path.join(d, "tricky.toml"),
              HEADER.replace('name = "hostile"', f'name = "{tricky}"') + STAGE.replace('name = "a"', f'name = "{tricky}"'))
    run("check", f, expect_rc=0)
    for fmt in ["table", "md", "csv", "html", "json"]:
        _, out, _, _ = run("plan", f, "--format", fmt, expect_rc=0, what=f"plan tricky --format {fmt}")
        if fmt == "json":
            json.loads(out)
        else:
            # Control characters from the file never reach a terminal or a document raw.
            require(b"\x1b[2J" not in out and b"\x07" not in out and b"\x00" not in out,
                    f"{fmt}: control characters from the file are not written raw")

elif SCENARIO == "unreadable":
    def nobody():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)

    def place_for_nobody():
        """As root: a fresh directory that uid 65534 can enter, holding a copy of the binary it can
        run. The checkout and the build tree may be where nobody cannot go (/root is 0700): the test
        brings what it needs instead of depending on where it lives. Returns (dir, binary, why-not)."""
        tried = []
        for base in dict.fromkeys([tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"]):
            if not os.path.isdir(base):
                continue
            place = tempfile.mkdtemp(prefix="yekuo-nobody-", dir=base)
            os.chmod(place, 0o755)
            exe = os.path.join(place, "yekuo")
            shutil.copy2(YEKUO, exe)
            os.chmod(exe, 0o755)
            try:
                probe = clitest.run(exe, "--version", text=False, preexec_fn=nobody, timeout=30 * SLOW)
                if probe.returncode == 0:
                    return place, exe, None
                tried.append(f"{base}: exit {probe.returncode} {probe.stderr.decode(errors='replace').strip()[:200]}")
            except (OSError, subprocess.SubprocessError) as e:  # e.g. a noexec mount: exec fails in the child
                tried.append(f"{base}: {e}")
            shutil.rmtree(place, ignore_errors=True)
        return None, None, "; ".join(tried) or "no temporary directory"

    def make_tree(d):
        os.chmod(d, 0o755)
        shutil.copy(REF, os.path.join(d, "ok.toml"))
        os.chmod(os.path.join(d, "ok.toml"), 0o644)
        secret = os.path.join(d, "secret.toml")
        shutil.copy(REF, secret)
        os.chmod(secret, 0)
        sub = os.path.join(d, "locked")
        os.makedirs(sub)
        shutil.copy(REF, os.path.join(sub, "inner.toml"))
        os.chmod(sub, 0)
        return secret, sub

    def denied_checks(d, secret, sub, as_user, exe):
        rc, out, err, _ = run("check", d, preexec=as_user, binary=exe)
        require(rc == 2, f"unreadable file is an error (exit {rc})")
        require(secret in err and "ermission denied" in err, f"names the unreadable file: {err}")
        require(sub in err, f"names the unreadable directory: {err}")
        require(f"{os.path.join(d, 'ok.toml')}: ok" in out.decode(), "the readable file is still checked")
        _, _, err, _ = run("plan", secret, expect_rc=2, preexec=as_user, binary=exe)
        require(secret in err and "ermission denied" in err, f"plan names the unreadable file: {err}")
        for cmd in ["evaluate", "remind", "assess"]:
            _, _, err, _ = run(cmd, d, "--as-of", "2010-03-01", expect_rc=2, preexec=as_user, what=f"{cmd} DIR",
                               binary=exe)
            require(secret in err and sub in err, f"{cmd}: unreadable file and directory reported: {err[:1500]}")

    d = WORK
    secret, sub = make_tree(d)
    try:
        with open(secret, "rb"):
            pass
        privileged = True  # root (CAP_DAC_OVERRIDE): chmod 000 does not stop reads
    except PermissionError:
        privileged = False
    place = None
    try:
        if privileged:
            rc, out, err, _ = run("check", d)
            LOG.append("  running with CAP_DAC_OVERRIDE (root): chmod 000 does not block reads; "
                       "the files are read normally")
            require(rc == 0 and out.decode().count(": ok") == 3, f"all three files read as root: {out}{err}")
            # The permission path for real: as uid 65534 (nobody), for whom chmod 000 does block
            # reads, with a copy of the binary and of the files in a directory nobody can enter.
            place, exe, why = place_for_nobody()
            if place is None:
                LOG.append("  SKIPPED the permission-denied path: no directory where uid 65534 (nobody) can run "
                           f"a copy of the binary ({why})")
            else:
                pd = os.path.join(place, "orders")
                os.makedirs(pd)
                psecret, psub = make_tree(pd)
                LOG.append(f"  and again as uid 65534 (nobody) with a copy of the binary in {place}")
                try:
                    denied_checks(pd, psecret, psub, nobody, exe)
                finally:
                    os.chmod(psub, 0o755)
        else:
            denied_checks(d, secret, sub, None, None)  # already an ordinary user
    finally:
        os.chmod(sub, 0o755)
        os.chmod(secret, 0o644)
        if place is not None:
            shutil.rmtree(place, ignore_errors=True)

elif SCENARIO == "symlinks":
    d = WORK
    shutil.copy(REF, os.path.join(d, "ok.toml"))
    os.symlink("b.toml", os.path.join(d, "a.toml"))
    os.symlink("a.toml", os.path.join(d, "b.toml"))
    os.symlink("self.toml", os.path.join(d, "self.toml"))
    os.symlink(".", os.path.join(d, "here"))        # directory loop
    os.symlink("..", os.path.join(d, "up"))
    os.makedirs(os.path.join(d, "sub"))
    os.symlink("../sub", os.path.join(d, "sub", "again"))
    rc, out, err, _ = run("check", d, timeout=20)
    require(rc == 2, f"the link loops are errors (exit {rc})")
    require(out.decode().count("ok.toml: ok") == 1, f"the real file is checked once: {out}")
    for name in ["a.toml", "b.toml", "self.toml"]:
        require(os.path.join(d, name) in err, f"{name} reported: {err}")
    for cmd in ["evaluate", "remind", "assess"]:
        _, _, err, _ = run(cmd, d, "--as-of", "2010-03-01", expect_rc=2, timeout=20, what=f"{cmd} DIR with link loops")
        require("a.toml" in err and "self.toml" in err, f"{cmd}: link loops reported: {err[:1500]}")
    for name in ["a.toml", "self.toml"]:
        _, _, err, _ = run("check", os.path.join(d, name), expect_rc=2, timeout=20)
        require("symbolic link" in err, f"a link loop is called one: {err}")
        run("plan", os.path.join(d, name), expect_rc=2, timeout=20)

elif SCENARIO == "special-files":
    d = WORK
    fifo = os.path.join(d, "x.toml")
    os.mkfifo(fifo)
    _, _, err, _ = run("check", fifo, expect_rc=2, timeout=10)
    require(fifo in err and "not a regular file" in err, f"FIFO: {err}")
    _, _, err, _ = run("plan", fifo, expect_rc=2, timeout=10)
    require("not a regular file" in err, f"plan on a FIFO: {err}")
    tracking(fifo)
    shutil.copy(REF, os.path.join(d, "ok.toml"))
    rc, out, err, _ = run("check", d, timeout=10)
    require(rc == 0 and b"ok.toml: ok" in out, f"a FIFO inside a directory is not opened: {rc} {out} {err}")
    for cmd in ["evaluate", "remind", "assess"]:
        run(cmd, d, "--as-of", "2010-03-01", expect_rc=0, timeout=10, what=f"{cmd} DIR with a FIFO")
    # A FIFO where the baseline belongs: an error, not a hang, and not "no baseline".
    os.mkfifo(os.path.join(d, "ok.baseline.toml"))
    ok = os.path.join(d, "ok.toml")
    _, _, err, _ = run("plan", ok, expect_rc=2, timeout=10, what="plan with a FIFO baseline")
    require("ok.baseline.toml" in err and "not a regular file" in err, f"FIFO baseline: {err}")
    err = tracking(ok, culprit=os.path.join(d, "ok.baseline.toml"))
    require("not a regular file" in err, f"evaluate with a FIFO baseline: {err}")
    os.unlink(os.path.join(d, "ok.baseline.toml"))
    for dev in ["/dev/zero", "/dev/null", "/dev/urandom"]:
        if os.path.exists(dev):
            run("check", dev, expect_rc=2, timeout=10)
            run("plan", dev, expect_rc=2, timeout=10)
    # A directory where a file is expected, including one named like a project file.
    dirlike = os.path.join(d, "dir.toml")
    os.makedirs(dirlike)
    _, _, err, _ = run("plan", dirlike, expect_rc=2, timeout=10)
    _, _, err, _ = run("plan", REF, "--out", d, expect_rc=2, timeout=10)
    require("directory" in err, f"--out DIR: {err}")
    _, _, err, _ = run("plan", REF, "--out", os.path.join(d, "no", "such", "dir", "x.html"), expect_rc=2)
    require("does not exist" in err, f"--out in a missing directory: {err}")
    run("check", os.path.join(d, "missing.toml"), expect_rc=2)

elif SCENARIO == "html-escape":
    d = WORK
    payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)",
                '</title><svg onload=alert(1)>', '&lt;b&gt;already escaped&amp;', ']]><!--', '<![CDATA[x]]>']
    p = iter(payloads * 4)

    def s(text=None):
        return json.dumps(text if text is not None else next(p), ensure_ascii=False)
    text = (f'schema = 1\n[project]\nid = {s("<script>alert(1)</script>")}\nname = {s("<script>alert(1)</script>")}\n'
            f'customer = {s()}\ncustomer_manager = {s()}\ncapacity_kva = 5000\napplied = 2010-01-11\n'
            f'target = 2010-05-31\ncustomer_items = [{s()}]\ncustomer_payments = [{s()}]\nnotes = [{s()}, {s()}]\n'
            f'[[stage]]\nid = "a"\nname = {s()}\ndept = {s()}\ndays = 5\nnote = {s()}\n'
            f'[[stage]]\nid = "b"\nname = {s()}\ndept = "客户"\ndays = 5\nafter = ["a"]\nnote = {s()}\n')
    f = write(os.path.join(d, "xss.toml"), text)
    run("check", f, expect_rc=0)

    class Collector(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.attrs, self.text = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.attrs.extend(a for a, _ in attrs)

        def handle_data(self, data):
            self.text.append(data)

    for args in [("--format", "html"), ("--format", "html", "--lang", "en"), ("--format", "html", "--target", "2010-03-01")]:
        rc, out, _, _ = run("plan", f, *args, what="plan xss " + " ".join(args))
        require(rc in (0, 3), f"plan html: exit {rc}")
        page = out.decode("utf-8")
        c = Collector()
        c.feed(page)
        bad_tags = {"script", "img", "iframe", "object", "embed"} & set(c.tags)
        require(not bad_tags, f"{args}: no active tags from the file: {bad_tags}")
        require(c.tags.count("svg") <= 1, f"{args}: only the Gantt's own svg element")
        require(not [a for a in c.attrs if a.startswith("on")], f"{args}: no event-handler attributes")
        require("<script" not in page.lower(), f"{args}: no raw <script")
        shown = "".join(c.text)
        require("<script>alert(1)</script>" in shown, f"{args}: the payload shows as text")
        require('"><img src=x onerror=alert(1)>' in shown, f"{args}: attribute-breaking payload shows as text")
        require("&lt;b&gt;already escaped&amp;" in shown, f"{args}: entities are escaped again, not passed through")
    # The tracking reports: the same order in progress (evaluate, remind) and energized (assess),
    # with payloads in progress notes, delay reasons and revisit issues too.
    done = write(os.path.join(d, "xss_done.toml"), text + (
        f'[[progress]]\nstage = "a"\nstarted = 2010-01-12\nfinished = 2010-01-25\nnote = {s()}\n'
        f'[[progress]]\nstage = "b"\nstarted = 2010-01-26\nfinished = 2010-03-01\nnote = {s()}\n'
        f'[[delay]]\nstage = "b"\nfrom = 2010-02-01\nto = 2010-02-03\nreported = 2010-02-02\nreason = {s()}\n'
        f'[revisit]\ndate = 2010-03-10\nsatisfied = false\nissues = [{s()}]\n'))
    run("check", done, expect_rc=0)
    pages = []
    for args in [("evaluate", f, "--as-of", "2010-05-27"), ("remind", f, "--as-of", "2010-05-27"),
                 ("evaluate", done, "--as-of", "2010-02-02"), ("assess", done, "--as-of", "2010-06-01"),
                 ("assess", done, "--as-of", "2010-06-01", "--lang", "en")]:
        rc, out, err, _ = run(*args, "--format", "html", what=" ".join(args[:1] + args[2:]) + " html")
        require(rc == 0, f"{args}: exit {rc}: {err[:800]}")
        pages.append((args, out.decode("utf-8")))
    for args, page in pages:
        c = Collector()
        c.feed(page)
        bad_tags = {"script", "img", "iframe", "object", "embed"} & set(c.tags)
        require(not bad_tags, f"{args}: no active tags from the file: {bad_tags}")
        require(not [a for a in c.attrs if a.startswith("on")], f"{args}: no event-handler attributes")
        require("<script" not in page.lower(), f"{args}: no raw <script")
        require("<script>alert(1)</script>" in "".join(c.text), f"{args}: the payload shows as text")
    # Markdown too: no raw HTML tag from the file reaches a Markdown page.
    _, out, _, _ = run("plan", f, "--format", "md", expect_rc=0)
    require(b"<script>" not in out and b"<img" not in out, "markdown escapes HTML from the file")

elif SCENARIO == "csv-neutralize":
    d = WORK
    dangerous = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)",
                 "\tstarts with tab", "\rstarts with cr", "  =padded", "＝fullwidth", "-"]
    names = iter(dangerous * 3)

    def s():
        return json.dumps(next(names), ensure_ascii=False)
    text = (f'schema = 1\n[project]\nid = "CSV-1"\nname = {s()}\ncustomer = {s()}\ncustomer_manager = {s()}\n'
            f'capacity_kva = 5000\napplied = 2010-01-11\ntarget = 2010-05-31\ncustomer_items = [{s()}]\n'
            f'customer_payments = [{s()}]\nnotes = [{s()}]\n')
    for i in range(9):
        text += f'[[stage]]\nid = "s{i}"\nname = {s()}\ndept = {s()}\ndays = 3\n'
    text += (f'[[progress]]\nstage = "s0"\nstarted = 2010-01-12\nfinished = 2010-01-14\nnote = {s()}\n'
             f'[[progress]]\nstage = "s1"\nstarted = 2010-01-12\nnote = {s()}\n')
    f = write(os.path.join(d, "csv.toml"), text)
    run("check", f, expect_rc=0)
    for args in [("plan", f), ("plan", f, "--lang", "en"), ("plan", f, "--target", "2010-01-20"),
                 ("evaluate", f, "--as-of", "2010-05-27"), ("remind", f, "--as-of", "2010-05-28"),
                 ("evaluate", f, "--as-of", "2010-05-27", "--lang", "en")]:
        rc, out, _, _ = run(*args, "--format", "csv", what=" ".join(args[:1] + args[2:]) + " csv")
        require(rc in (0, 3), f"plan csv exit {rc}")
        rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
        cells = [c for r in rows for c in r if c]
        require(len(cells) > (50 if args[0] == "plan" else 20), f"{args}: CSV has content ({len(cells)} cells)")
        for c in cells:
            first = c.lstrip(" \t\r\n")
            require(not (c[0] in "\t\r" or (first and first[0] in "=+-@＝＋－＠")),
                    f"{args}: cell Excel would run as a formula: {c!r}")
        joined = "\n".join(cells)
        for payload in dangerous if args[0] == "plan" else []:
            if payload != "-":
                # A CR inside a cell may be written as a line break; the quote must lead all the same.
                require("'" + payload in joined or "'" + payload.replace("\r", "\n") in joined,
                        f"{args}: {payload!r} kept, behind a quote")

elif SCENARIO == "write-failures":
    d = WORK
    order = os.path.join(d, "wx.toml")
    shutil.copy(REF, order)
    out_file = os.path.join(d, "plan.html")
    write(out_file, "previous version\n")

    def limit_fsize(ignore_signal):
        def pre():
            if ignore_signal:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # inherited across exec: write() gets EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        return pre

    def temps():
        return sorted(x for x in os.listdir(d) if ".tmp-" in x)

    # A "full disk": the write fails with EFBIG, the error is reported, the previous file is intact.
    rc, _, err, _ = run("plan", order, "--format", "html", "--out", out_file, preexec=limit_fsize(True),
                        what="plan --out under RLIMIT_FSIZE (EFBIG)")
    require(rc == 1 and "cannot write" in err, f"write failure reported as an internal error: {rc} {err}")
    require(open(out_file).read() == "previous version\n", "previous --out file intact")
    require(temps() == [], f"temporary file removed: {temps()}")
    # The baseline: a first confirmation, then a second one that cannot be written.
    run("plan", order, "--confirm", expect_rc=0)
    baseline = os.path.join(d, "wx.baseline.toml")
    first = open(baseline, "rb").read()
    big_reason = "理由" * 3000  # makes the new baseline larger than the limit
    rc, _, err, _ = run("plan", order, "--confirm", "--reason", big_reason, preexec=limit_fsize(True),
                        what="plan --confirm under RLIMIT_FSIZE (EFBIG)")
    require(rc == 1 and "cannot write" in err, f"baseline write failure reported: {rc} {err}")
    require(open(baseline, "rb").read() == first, "previous baseline intact")
    require(temps() == [], f"temporary file removed: {temps()}")
    # Killed in the middle of writing (SIGXFSZ's default action terminates the process): the
    # previous file is intact; the hidden temporary file stays behind (nothing runs after a
    # kill) and is ignored by every command.
    p = clitest.run(YEKUO, "plan", order, "--format", "html", "--out", out_file, text=False,
                    preexec_fn=limit_fsize(False), timeout=60 * SLOW)
    require(p.returncode == -signal.SIGXFSZ, f"killed by SIGXFSZ (got {p.returncode})")
    require(open(out_file).read() == "previous version\n", "previous file intact after a kill")
    left = temps()
    require(len(left) == 1 and left[0].startswith(".plan.html.tmp-"), f"one hidden temporary file: {left}")
    require(os.path.getsize(os.path.join(d, left[0])) <= 4096, "the partial data is only in the temporary file")
    rc, out, err, _ = run("check", d)
    require(rc == 0 and out.decode().count(": ok") == 1, f"check DIR ignores the leftover temporary file: {out} {err}")
    # After the failures a normal run works and replaces the file.
    run("plan", order, "--format", "html", "--out", out_file, expect_rc=0)
    require(open(out_file, encoding="utf-8").read().lstrip().lower().startswith("<!doctype html>"), "file replaced")

elif SCENARIO == "single-writer":
    # Every file the tool writes goes through yekuo::write_file_atomically: no other code in lib/
    # or cli/ opens a file for writing, renames or copies files.
    allowed = os.path.join("lib", "src", "util", "atomic_file.cpp")
    directory_swap = os.path.join("lib", "src", "util", "atomic_directory.cpp")
    xlsx_scratch = os.path.join("lib", "src", "render", "xlsx_workbook.cpp")
    patterns = [r"\bofstream\b", r"std::fstream\b", r"\bfopen\s*\(", r"\bfreopen\s*\(", r"\bcreat\s*\(", r"::open\s*\(",
                r"\bopenat\s*\(", r"\brename\s*\(", r"filesystem::copy", r"\bfs::copy", r"\bmkstemp\s*\(",
                r"\btruncate\s*\(", r"O_WRONLY|O_RDWR|O_CREAT"]
    offenders = []
    for top in ["lib", "cli"]:
        for root, _, files in os.walk(os.path.join(SRC, top)):
            for name in files:
                if not name.endswith((".cpp", ".hpp", ".h", ".cc")):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, SRC)
                for no, line in enumerate(open(path, encoding="utf-8"), 1):
                    code = line.split("//")[0]
                    if rel == allowed:
                        continue
                    # replace_directory_atomically (`yekuo publish`) writes each file with
                    # write_file_atomically into a fresh directory and swaps the whole directory in:
                    # renames and a read-only open of the directory (for fsync) are its reviewed
                    # exception, nothing else.
                    if rel == directory_swap and (re.search(r"\brename\s*\(", code) or
                                           (re.search(r"::open\s*\(", code) and "O_DIRECTORY" in code
                                            and not re.search(r"O_WRONLY|O_RDWR|O_CREAT", code))):
                        continue
                    # libxlsxwriter writes only to a path: the workbook goes to a scratch file made
                    # with mkstemp, read back and removed; the report itself is then written like
                    # any other (docs/output-formats.md#excel-xlsx). That mkstemp is the exception.
                    if rel == xlsx_scratch and re.search(r"\bmkstemp\s*\(", code) and not any(
                            re.search(pat, code) for pat in patterns if pat != r"\bmkstemp\s*\("):
                        continue
                    if any(re.search(pat, code) for pat in patterns):
                        offenders.append(f"{rel}:{no}: {line.strip()}")
                    if re.search(r"\bfwrite\s*\(|\bfputs\s*\(", code) and not re.search(r"\bstd(out|err)\b", code):
                        offenders.append(f"{rel}:{no}: {line.strip()}")
    require(not offenders, "files written outside write_file_atomically:\n" + "\n".join(offenders))
    calls = subprocess.run(["grep", "-rn", "write_file_atomically", os.path.join(SRC, "cli")], capture_output=True,
                           text=True).stdout
    require(calls.strip() != "", "the CLI writes through write_file_atomically")

else:
    require(False, f"unknown scenario {SCENARIO}")
print("\n".join(LOG))
sys.exit(finish())
