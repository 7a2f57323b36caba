#!/usr/bin/env python3
"""yekuo publish through the real binary (docs/publishing.md).

usage: publish_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
The portfolio is examples/portfolio as of Thu 2026-06-18 (facts hand-checked in tests/cli/evaluate_checks.py:
SZ-2026-0157 late, SZ-2026-0101 energized, SZ-2026-0163 at risk or on track).
"""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, read, run, write  # noqa: E402

AS_OF = "2026-06-18"


def inputs(src, work):
    """The shipped portfolio, and where a scenario publishes it."""
    return os.path.join(src, "examples", "portfolio"), os.path.join(work, "site")


def leftovers(parent):
    return [f for f in os.listdir(parent) if re.match(r"^\..*\.(new|old)-", f)]


def scenario_site(bin_, src, work):
    portfolio, site = inputs(src, work)
    p = run(bin_, "publish", portfolio, "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 0, f"publish exited {p.returncode}: {p.stderr}")
    expected = ["index.html", "evaluation.html", "assessment.html", ".yekuo-site"] + [
        f"orders/sz-2026-{n}.html" for n in ("0101", "0142", "0157", "0163", "0170")]
    for f in expected:
        expect(os.path.isfile(os.path.join(site, f)), f"{f} missing")
    expect(sorted(os.listdir(os.path.join(site, "orders"))) == sorted(e[7:] for e in expected if e.startswith("orders/")),
           f"unexpected order pages: {os.listdir(os.path.join(site, 'orders'))}")
    index = read(os.path.join(site, "index.html"))
    # Every order linked, with its status in words (not colour alone) and its customer manager.
    for n in ("0101", "0142", "0157", "0163", "0170"):
        expect(f'href="orders/sz-2026-{n}.html"' in index, f"index does not link order {n}")
    # The status cell: its words, and the renderer's style class (s-overdue, s-ok) for the colour.
    expect(re.search(r"SZ-2026-0157</a>.*?<td class=\"[^\"]*\bs-overdue\" data-label=\"状态\">滞后</td>", index, re.S),
           "index: SZ-2026-0157 is not 'late' (滞后)")
    expect(re.search(r"SZ-2026-0101</a>.*?<td class=\"[^\"]*\bs-ok\" data-label=\"状态\">已送电</td>", index, re.S),
           "index: SZ-2026-0101 is not 'energized' (已送电)")
    # 0157's forecast is 07-16, 4 working days behind its planned 07-10 (tests/cli/evaluate_checks.py).
    expect(re.search(r"SZ-2026-0157</a>.*?2026-07-10</td><td class=\"s-overdue\" data-label=\"[^\"]*\">2026-07-16（滞后 4 个工作日）", index, re.S),
           "index: SZ-2026-0157 planned vs forecast energization")
    expect("陈静" in index, "index: the customer manager of SZ-2026-0101")
    order = read(os.path.join(site, "orders", "sz-2026-0157.html"))
    for needle in ("业扩工程计划安排确认表", "计划横道图", "本周考评", "计划与实际", 'href="../index.html"'):
        expect(needle in order, f"order page 0157: '{needle}' missing")
    energized = read(os.path.join(site, "orders", "sz-2026-0101.html"))
    expect("考核（已送电）" in energized, "order page 0101: no assessment block")
    evaluation = read(os.path.join(site, "evaluation.html"))
    for needle in ("各部门汇总", "提请主任协调", 'href="orders/sz-2026-0157.html"'):
        expect(needle in evaluation, f"evaluation page: '{needle}' missing")
    expect("SZ-2026-0101" in read(os.path.join(site, "assessment.html")), "assessment page: SZ-2026-0101 missing")
    for f in expected:
        if f.endswith(".html"):
            text = read(os.path.join(site, f))
            expect("<script" not in text.lower() and "<link" not in text.lower(), f"{f}: not self-contained")
    expect(not leftovers(work), f"temporary directories left: {leftovers(work)}")
    mask = os.umask(0)
    os.umask(mask)
    for f in ("index.html", "orders"):
        mode = os.stat(os.path.join(site, f)).st_mode
        expect(mode & 0o004 or mask & 0o004, f"{f} is not world-readable (a web server must read it)")


def scenario_bad_file(bin_, src, work):
    portfolio, site = inputs(src, work)
    orders = os.path.join(work, "orders")
    shutil.copytree(portfolio, orders)
    write(os.path.join(orders, "broken.toml"), 'schema = 1\n[project]\nid = 17\n')
    p = run(bin_, "publish", orders, "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 2, f"publish with a bad file exited {p.returncode}, expected 2")
    expect(re.search(r"broken\.toml:3:\d+: error", p.stderr), f"stderr does not name broken.toml:3:col:\n{p.stderr}")
    index = read(os.path.join(site, "index.html"))
    expect(re.search(r"<li class=\"s-overdue\">[^<]*broken\.toml:3:\d+: error", index), "index does not list the bad file")
    expect(len(os.listdir(os.path.join(site, "orders"))) == 5, "the good orders are not all published")


def scenario_replace(bin_, src, work):
    portfolio, site = inputs(src, work)
    p = run(bin_, "publish", portfolio, "--out", site + "/", "--as-of", AS_OF)
    expect(p.returncode == 0, f"first publish exited {p.returncode}: {p.stderr}")
    write(os.path.join(site, "orders", "stale.html"), "stale")
    p = run(bin_, "publish", os.path.join(portfolio, "sz-2026-0170.toml"), "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 0, f"second publish exited {p.returncode}: {p.stderr}")
    expect(os.listdir(os.path.join(site, "orders")) == ["sz-2026-0170.html"],
           f"the new site is not exactly the new pages: {os.listdir(os.path.join(site, 'orders'))}")
    expect(not leftovers(work), f"temporary directories left: {leftovers(work)}")
    # A failing run (bad --as-of is rejected before anything is written) keeps the previous site.
    before = read(os.path.join(site, "index.html"))
    p = run(bin_, "publish", portfolio, "--out", site, "--as-of", "2026-02-30")
    expect(p.returncode == 2, f"bad --as-of exited {p.returncode}")
    expect(read(os.path.join(site, "index.html")) == before, "a failed run changed the site")
    if os.geteuid() != 0:
        # The parent is not writable: the new site cannot be built; the old one stays intact.
        os.chmod(work, 0o555)
        try:
            p = run(bin_, "publish", portfolio, "--out", site, "--as-of", AS_OF)
        finally:
            os.chmod(work, 0o755)
        expect(p.returncode == 2, f"publish into a read-only parent exited {p.returncode}: {p.stderr}")
        expect(read(os.path.join(site, "index.html")) == before, "a failed run changed the site")


def scenario_refuse(bin_, src, work):
    portfolio, site = inputs(src, work)
    os.makedirs(site)
    write(os.path.join(site, "precious.txt"), "keep me")
    p = run(bin_, "publish", portfolio, "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 2, f"publish over a foreign directory exited {p.returncode}")
    expect("refusing" in p.stderr, f"no clear refusal: {p.stderr}")
    expect(os.listdir(site) == ["precious.txt"], "the foreign directory was touched")
    afile = os.path.join(work, "a-file")
    write(afile, "x")
    p = run(bin_, "publish", portfolio, "--out", afile, "--as-of", AS_OF)
    expect(p.returncode == 2 and "not a directory" in p.stderr, f"--out FILE: {p.returncode} {p.stderr}")
    p = run(bin_, "publish", portfolio, "--out", os.path.join(work, "no", "such", "site"), "--as-of", AS_OF)
    expect(p.returncode == 2 and "does not exist" in p.stderr, f"missing parent: {p.returncode} {p.stderr}")
    expect(not leftovers(work), f"temporary directories left: {leftovers(work)}")


def scenario_names(bin_, src, work):
    portfolio, site = inputs(src, work)
    orders = os.path.join(work, "orders")
    os.makedirs(orders)
    text = read(os.path.join(portfolio, "sz-2026-0170.toml"))
    # Hostile and colliding ids: traversal, case twins, a duplicate, non-ASCII.
    ids = ["../../etc/passwd", "SZ-2026-0170", "sz-2026-0170", "SZ-2026-0170", "业扩/一号"]
    for k, pid in enumerate(ids):
        t = re.sub(r'(?m)^id = ".*"', 'id = "' + pid + '"', text, count=1)
        write(os.path.join(orders, f"o{k}.toml"), t)
    p = run(bin_, "publish", orders, "--out", site, "--as-of", AS_OF)
    expect(p.returncode == 0, f"publish exited {p.returncode}: {p.stderr}")
    pages = sorted(os.listdir(os.path.join(site, "orders")))
    expect(len(pages) == len(ids), f"{len(pages)} pages for {len(ids)} orders: {pages}")
    for page in pages:
        expect(re.fullmatch(r"[a-z0-9][a-z0-9_-]*\.html", page), f"unsafe page name {page}")
    expect("sz-2026-0170.html" in pages and "sz-2026-0170-2.html" in pages and "sz-2026-0170-3.html" in pages,
           f"duplicate ids do not get -2, -3: {pages}")
    all_files = [os.path.relpath(os.path.join(d, f), work) for d, _, fs in os.walk(work) for f in fs]
    expect(all(f.startswith("site/") or f.startswith("orders/") for f in all_files),
           f"a file was written outside the site: {all_files}")
    index = read(os.path.join(site, "index.html"))
    for page in pages:
        expect(f'href="orders/{page}"' in index, f"index does not link {page}")
    expect("../../etc/passwd</a>" in index, "the id is shown as it is")


def scenario_english(bin_, src, work):
    portfolio, site = inputs(src, work)
    p = run(bin_, "publish", portfolio, "--out", site, "--as-of", AS_OF, "--lang", "en")
    expect(p.returncode == 0, f"publish --lang en exited {p.returncode}: {p.stderr}")
    index = read(os.path.join(site, "index.html"))
    for needle in ("All orders", "Weekly evaluation", ">late</td>", ">energized</td>", 'data-label="Status"' , '<html lang="en">'):
        expect(needle in index, f"english index: '{needle}' missing")
    p = run(bin_, "publish", portfolio, "--out", site, "--lang", "fr")
    expect(p.returncode == 2, f"--lang fr exited {p.returncode}")


if __name__ == "__main__":
    main({"site": scenario_site, "bad-file": scenario_bad_file, "replace": scenario_replace, "refuse": scenario_refuse,
          "names": scenario_names, "english": scenario_english})
