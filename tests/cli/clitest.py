"""The small shared helper of the CLI check scripts (tests/cli/*_checks.py): the scenario command
line, running the real binary, collecting failures, files, and the closing 'N passed, N failed'
line. Standard library only: the tests run with Debian's python3 (tests/CMakeLists.txt)."""
import json
import os
import shutil
import subprocess
import sys

FAILURES = []
PASSED = [0]


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def expect(cond, msg):
    """Counts a check; returns whether it held."""
    if cond:
        PASSED[0] += 1
    else:
        fail(msg)
    return bool(cond)


def expect_eq(got, want, what):
    return expect(got == want, f"{what}: got {got!r}, want {want!r}")


def require(cond, msg):
    """expect, but a failure ends the script: what follows depends on it."""
    if not expect(cond, msg):
        sys.exit(finish())


def shown(data, limit=3000):
    """Output for a failure message, whether the run captured text or bytes."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="replace")
    return data[:limit]


def run(bin_, *args, rc=None, today=None, env=None, timeout=120, text=True, **kwargs):
    """Runs the binary. The caller's YEKUO_CALENDAR and YEKUO_TODAY are left out (a developer's shell
    must not change a result); today= fixes 'today' (Asia/Shanghai), env= adds variables. Output is
    UTF-8 text unless text=False. With rc=, another exit code ends the script (require)."""
    e = {k: v for k, v in os.environ.items() if k not in ("YEKUO_CALENDAR", "YEKUO_TODAY")}
    if today:
        e["YEKUO_TODAY"] = today
    e.update(env or {})
    p = subprocess.run([bin_, *map(str, args)], capture_output=True, timeout=timeout, env=e,
                       **({"encoding": "utf-8"} if text else {}), **kwargs)
    if rc is not None:
        require(p.returncode == rc, f"yekuo {' '.join(map(str, args))[:300]}: exit {p.returncode}, want {rc}\n"
                                    f"stdout: {shown(p.stdout, 1500)}\nstderr: {shown(p.stderr)}")
    return p


def run_json(bin_, *args, rc=0, **kwargs):
    """What `bin_ ARGS --format json` writes, parsed, after checking its exit code ({} when not JSON)."""
    p = run(bin_, *args, "--format", "json", **kwargs)
    what = " ".join(map(str, args))
    expect(p.returncode == rc, f"{what}: exit {p.returncode}, want {rc}: {p.stderr}")
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError as e:
        fail(f"{what}: not JSON ({e}): {p.stdout[:200]}")
        return {}


def stage(doc, sid):
    """The stage `sid` of a JSON report or of one project in it ({} and a failure when absent)."""
    for s in doc.get("stages", []):
        if s.get("id") == sid:
            return s
    fail(f"no stage {sid}")
    return {}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, data):
    """Writes text (as UTF-8) or bytes; returns the path."""
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def fresh_dir(path):
    """An empty directory at path, made anew (undoing a chmod 000 an earlier run left inside)."""
    if os.path.isdir(path):
        for root, dirs, _ in os.walk(path):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def scenario_args():
    """SCRIPT YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO: (bin, src, work, scenario), where work is a
    fresh WORK_DIR/SCENARIO, so that scenarios run in parallel never share files."""
    bin_, src, work, scenario = sys.argv[1:5]
    return bin_, src, fresh_dir(os.path.join(os.path.abspath(work), scenario)), scenario


def main(scenarios):
    """Runs scenarios[SCENARIO](bin, src, work) (see scenario_args) and exits with finish()."""
    bin_, src, work, scenario = scenario_args()
    if scenario in scenarios:
        scenarios[scenario](bin_, src, work)
    else:
        fail(f"unknown scenario {scenario}")
    sys.exit(finish())


def finish():
    """The exit code of the script: 0 when nothing failed."""
    print(f"{PASSED[0]} passed, {len(FAILURES)} failed")
    return 1 if FAILURES else 0
