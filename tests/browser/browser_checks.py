#!/usr/bin/env python3
"""Browser tests of the published HTML (docs/publishing.md), with Debian's chromium, headless.

usage: browser_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO [--keep]

Scenarios: plan (plan --format html of the 110 kV reference), index, evaluation, assessment,
orders (every order page), escaping (an order named <script>alert(1)</script>), links.

Each scenario publishes examples/portfolio (+ a bad file + the hostile order) into WORK_DIR and
checks its pages in chromium: PNG screenshots at 1280 and 375 px (right size, not blank), a PDF
(A4 landscape, at least one page), no console errors, no page-level horizontal overflow on a phone
(measured by a wrapper page that loads the page in an iframe of exactly that width; the
published pages have no script), the Gantt has exactly one planned bar per stage, all text escaped.

Exit 77 (CTest SKIP_RETURN_CODE) only when chromium is not installed.
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import tomllib
import zlib

AS_OF = "2026-06-18"  # the day tests/cli/evaluate_checks.py hand-checks the portfolio on
HOSTILE_NAME = "<script>alert(1)</script>"
CHROMIUM_TIMEOUT = 90  # seconds per chromium run; a hung browser fails the test, never blocks CI
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def find_chromium():
    for name in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if name and os.path.isfile(name) and os.access(name, os.X_OK):
            return name
    return None


class Chromium:
    def __init__(self, exe, work):
        self.exe = exe
        self.work = work

    def run(self, url, extra, width, height):
        profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=self.work)
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
               "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing may come from the network
               "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
               f"--window-size={width},{height}", "--force-device-scale-factor=1"] + extra + [url]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=CHROMIUM_TIMEOUT, text=True, errors="replace")
        except subprocess.TimeoutExpired:
            fail(f"chromium timed out after {CHROMIUM_TIMEOUT}s on {url} {extra}")
            return None
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        self.check_console(url, p.stderr)
        return p

    @staticmethod
    def check_console(url, stderr):
        for line in stderr.splitlines():
            if ("CONSOLE" in line and ("ERROR" in line or "Uncaught" in line)) or "Uncaught" in line \
                    or "Failed to load resource" in line or "Refused to" in line:
                fail(f"{url}: console error: {line.strip()}")

    def dump_dom(self, path, width=1280, height=900, probe=False):
        # The probe wrapper reads its iframe's document: same-origin only with this flag.
        extra = ["--allow-file-access-from-files"] if probe else []
        p = self.run(file_url(path), ["--dump-dom", "--virtual-time-budget=2000"] + extra, width, height)
        return p.stdout if p else ""

    def screenshot(self, path, png, width, height):
        self.run(file_url(path), [f"--screenshot={png}"], width, height)
        check_png(png, width, height)

    def pdf(self, path, pdf):
        self.run(file_url(path), [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], 1280, 900)
        check_pdf(pdf)


def file_url(path):
    return "file://" + os.path.abspath(path)


# --- PNG and PDF -------------------------------------------------------------------------------

def png_pixels(path):
    """Width, height and rows of RGB(A) bytes of an 8-bit non-interlaced PNG (what chromium writes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or ctype not in (2, 6):
                return width, height, None
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, (rows, bpp)


def check_png(path, width, height):
    if not os.path.isfile(path) or os.path.getsize(path) == 0:
        fail(f"no screenshot {path}")
        return
    try:
        w, h, pixels = png_pixels(path)
    except (ValueError, zlib.error, struct.error) as e:
        fail(f"{path}: unreadable PNG: {e}")
        return
    if (w, h) != (width, height):
        fail(f"{path}: {w}x{h} px, expected {width}x{height}")
    if pixels is None:
        return
    rows, bpp = pixels
    # Rendered means ink: a fair share of the top of the page is not background white.
    top = rows[: min(len(rows), 300)]
    dark = sum(1 for r in top for x in range(0, len(r), bpp * 4) if r[x] < 128)
    if dark < 200:
        fail(f"{path}: looks blank ({dark} dark samples in the top 300 rows)")


def check_pdf(path):
    if not os.path.isfile(path):
        fail(f"no PDF {path}")
        return
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"%PDF-"):
        fail(f"{path}: not a PDF")
        return
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if pages < 1:
        fail(f"{path}: no pages")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if not boxes:
        fail(f"{path}: no MediaBox")
    for w, h in boxes:
        w, h = float(w), float(h)
        # A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt
        if abs(w - 841.9) > 3 or abs(h - 595.3) > 3:
            fail(f"{path}: page {w:.1f}x{h:.1f} pt is not A4 landscape")
            break
    return pages


# --- DOM -----------------------------------------------------------------------------------------

class Dom(html.parser.HTMLParser):
    """The parts of a DOM dump the checks need."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = {}
        self.hrefs = []
        self.external = []
        self.svgs = []          # per <svg class="gantt">: {"rows": set, "planned": [...], "baseline": [...]}
        self.text = []
        self.probe = {}
        self._svg = None
        self._stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag not in ("br", "meta", "line", "rect", "path", "img", "link", "input"):
            self._stack.append(tag)
        for key in ("src", "href", "xlink:href", "action", "data"):
            v = a.get(key)
            if v is None:
                continue
            if key == "href" and tag == "a":
                self.hrefs.append(v)
            if re.match(r"^\s*(https?:|//|javascript:)", v, re.I):
                self.external.append(f"<{tag} {key}={v}>")
        if tag == "link" or tag == "img" or tag == "iframe" or tag == "object":
            self.external.append(f"<{tag}>")
        if tag == "svg" and "gantt" in (a.get("class") or "").split():
            self._svg = {"rows": set(), "planned": [], "baseline": [], "actual": []}
            self.svgs.append(self._svg)
        if tag == "g" and self._svg is not None and "row" in (a.get("class") or "").split():
            self._svg["rows"].add(a.get("data-row"))
        if tag == "rect" and self._svg is not None:
            cls = (a.get("class") or "").split()
            if "bar" in cls:
                for kind in ("planned", "baseline", "actual"):
                    if kind in cls:
                        self._svg[kind].append(a.get("data-row"))
        if tag == "body":
            for k, v in a.items():
                if k.startswith("data-probe-"):
                    self.probe[k[len("data-probe-"):]] = v

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg = None
        while self._stack:
            if self._stack.pop() == tag:
                break

    def handle_data(self, data):
        if "script" not in self._stack and "style" not in self._stack:
            self.text.append(data)


def parse_dom(text):
    d = Dom()
    d.feed(text)
    d.all_text = "".join(d.text)
    return d


# The page is measured inside an iframe of exactly the given width (a headless window cannot be
# narrower than 500 px); the wrapper, not the published page, carries the measuring script.
PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="%(src)s" style="border:0;width:%(width)dpx;height:800px"></iframe>
<script>
document.getElementById('f').addEventListener('load', () => {
  const b = document.body, d = document.getElementById('f').contentDocument, de = d.documentElement;
  b.setAttribute('data-probe-scroll-width', String(de.scrollWidth));
  b.setAttribute('data-probe-viewport', String(de.clientWidth));
  b.setAttribute('data-probe-scripts', String(d.querySelectorAll('script').length));
  const over = [];
  for (const el of d.querySelectorAll('main *')) {
    if (el.closest('.table-wrap, .gantt-wrap')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > de.clientWidth + 1) over.push(el.tagName + '.' + el.className);
  }
  b.setAttribute('data-probe-overflowing', over.slice(0, 5).join(' '));
});
</script></body></html>"""


def probed_copy(page, width):
    """A wrapper page next to the page that loads it in an iframe `width` px wide and measures it."""
    wrapper = os.path.join(os.path.dirname(page), f".probe-{width}-" + os.path.basename(page))
    with open(wrapper, "w", encoding="utf-8") as f:
        f.write(PROBE % {"src": os.path.basename(page), "width": width})
    return wrapper


# --- the checks ----------------------------------------------------------------------------------

def check_page(chrome, page, shots, name, pdf=True):
    """Everything every page must satisfy; returns the parsed DOM (at 1280 px)."""
    with open(page, encoding="utf-8") as f:
        source = f.read()
    # Self-contained: no scripts, no external stylesheet, font or image (checked in the source).
    for pat, what in ((r"<script", "a script"), (r"<link\b", "a <link>"), (r"@import", "an @import"),
                      (r"url\(\s*['\"]?(https?:|//)", "an external url()"), (r"<img\b", "an image"),
                      (r"@font-face", "a web font")):
        if re.search(pat, source, re.I):
            fail(f"{name}: the page contains {what}")
    dom_text = chrome.dump_dom(page)
    dom = parse_dom(dom_text)
    if dom.tags.get("main", 0) != 1 or dom.tags.get("h1", 0) < 1:
        fail(f"{name}: the DOM has no <main> with an <h1> (did it render?)")
    if dom.tags.get("script", 0) != 0:
        fail(f"{name}: the DOM contains a <script> element")
    for e in dom.external:
        fail(f"{name}: external reference {e}")
    # No horizontal overflow of the page itself on a phone: wide tables and pictures scroll in their box.
    for width in (375, 1280):
        probe = parse_dom(chrome.dump_dom(probed_copy(page, width), max(width, 500) + 40, 900, probe=True)).probe
        sw, vw = int(probe.get("scroll-width", "0")), int(probe.get("viewport", "0"))
        if vw != width:
            fail(f"{name}: the probe did not measure at {width} px (viewport {vw})")
        if probe.get("scripts") != "0":
            fail(f"{name}: the page's DOM has {probe.get('scripts')} <script> elements")
        elif sw > vw:
            fail(f"{name} at {width} px: page is {sw} px wide for a {vw} px viewport "
                 f"(overflowing: {probe.get('overflowing', '')})")
    for width, height in ((1280, 900), (375, 812)):
        png = os.path.join(shots, f"{name}-{width}.png")
        chrome.screenshot(page, png, width, height)
    if pdf:
        chrome.pdf(page, os.path.join(shots, f"{name}.pdf"))
    return dom


def stage_count(toml_path):
    with open(toml_path, "rb") as f:
        return len(tomllib.load(f).get("stage", []))


def check_one_bar_per_stage(name, svg, stages, kind):
    bars = svg[kind]
    if len(bars) != stages:
        fail(f"{name}: {len(bars)} {kind} bars for {stages} stages")
    if len(set(bars)) != len(bars):
        fail(f"{name}: a stage has more than one {kind} bar (rows {sorted(bars)})")
    if len(svg["rows"]) != stages:
        fail(f"{name}: {len(svg['rows'])} Gantt rows for {stages} stages")


def prepare(bin_, src, work):
    """The portfolio, a bad file and the hostile order; published into work/site."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    orders = os.path.join(work, "orders")
    shutil.copytree(os.path.join(src, "examples", "portfolio"), orders)
    with open(os.path.join(src, "examples", "portfolio", "sz-2026-0163.toml"), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'(?m)^id = "SZ-2026-0163"', 'id = "SZ-2026-0999"', text, count=1)
    text = re.sub(r'(?m)^name = ".*"', 'name = "<script>alert(1)</script>"', text, count=1)
    text = re.sub(r'(?m)^customer_manager = ".*"', 'customer_manager = "\\"王&工\\" <b>"', text, count=1)
    with open(os.path.join(orders, "sz-2026-0999.toml"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(orders, "zz-broken.toml"), "w", encoding="utf-8") as f:
        f.write('schema = 1\n[project]\nid = "ZZ-1"\nname = "x"\napplied = 2026-13-40\n')
    site = os.path.join(work, "site")
    p = subprocess.run([bin_, "publish", orders, "--out", site, "--as-of", AS_OF],
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 2:
        fail(f"publish exited {p.returncode}, expected 2 (one bad file):\n{p.stderr}")
    if not re.search(r"zz-broken\.toml:\d+:\d+", p.stderr):
        fail(f"publish did not report the bad file as file:line:col:\n{p.stderr}")
    return site, orders


def order_pages(site):
    d = os.path.join(site, "orders")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".html") and not f.startswith("."))


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    bin_, src, work, scenario = argv[1:5]
    exe = find_chromium()
    if exe is None:
        print("SKIP: chromium is not installed (apt-get install chromium, or YEKUO_WITH_BROWSER=1 "
              "scripts/install-deps.sh); the browser tests did not run", file=sys.stderr)
        return 77
    work = os.path.join(os.path.abspath(work), scenario)
    site, orders = prepare(bin_, src, work)
    shots = os.path.join(work, "screenshots")
    os.makedirs(shots, exist_ok=True)
    chrome = Chromium(exe, work)

    if scenario == "plan":
        example = os.path.join(src, "examples", "110kv-reference-2010.toml")
        page = os.path.join(work, "plan-110kv.html")
        p = subprocess.run([bin_, "plan", example, "--format", "html", "--out", page], capture_output=True, text=True,
                           timeout=60)
        if p.returncode != 0:
            fail(f"plan --format html exited {p.returncode}: {p.stderr}")
        dom = check_page(chrome, page, shots, "plan-110kv")
        if len(dom.svgs) != 1:
            fail(f"plan page: {len(dom.svgs)} Gantt pictures, expected 1")
        else:
            check_one_bar_per_stage("plan page", dom.svgs[0], stage_count(example), "planned")
        for needle in ("业扩工程计划安排确认表", "WX-2010-0117"):
            if needle not in dom.all_text:
                fail(f"plan page: '{needle}' is not on the page")

    elif scenario in ("index", "evaluation", "assessment"):
        dom = check_page(chrome, os.path.join(site, scenario + ".html"), shots, scenario)
        text = dom.all_text
        if scenario == "index":
            for needle in ("SZ-2026-0157", "SZ-2026-0101", "zz-broken.toml", "已送电", "滞后", "陈静"):
                if needle not in text:
                    fail(f"index: '{needle}' is not on the page")
            if not re.search(r"zz-broken\.toml:\d+:\d+", text):
                fail("index: the bad file is not listed as file:line:col")
            if len([h for h in dom.hrefs if h.startswith("orders/")]) < 2 * 6:
                fail(f"index: links to the 6 order pages missing: {dom.hrefs}")
        elif scenario == "evaluation":
            for needle in ("“订单式”服务工作考评表", "各部门汇总", "提请主任协调", "SZ-2026-0157"):
                if needle not in text:
                    fail(f"evaluation: '{needle}' is not on the page")
        else:
            for needle in ("考核报告", "SZ-2026-0101"):
                if needle not in text:
                    fail(f"assessment: '{needle}' is not on the page")

    elif scenario == "orders":
        pages = order_pages(site)
        if len(pages) != 6:
            fail(f"{len(pages)} order pages, expected 6 (5 examples + the hostile one)")
        ids = {}
        for f in os.listdir(orders):
            if f.endswith(".toml") and not f.endswith(".baseline.toml") and f != "zz-broken.toml":
                with open(os.path.join(orders, f), "rb") as fh:
                    data = tomllib.load(fh)
                ids[data["project"]["id"]] = len(data["stage"])
        for k, page in enumerate(pages):
            name = "order-" + os.path.splitext(os.path.basename(page))[0]
            dom = check_page(chrome, page, shots, name, pdf=(k == 0))
            pid = next((i for i in ids if i in dom.all_text), None)
            if pid is None:
                fail(f"{name}: no known order id on the page")
                continue
            if not dom.svgs:
                fail(f"{name}: no Gantt picture")
                continue
            # The plan Gantt: one planned bar per stage. The evaluation Gantt (active orders): one baseline bar each.
            check_one_bar_per_stage(name + " plan", dom.svgs[0], ids[pid], "planned")
            if pid != "SZ-2026-0101":
                if len(dom.svgs) < 2:
                    fail(f"{name}: no evaluation Gantt")
                else:
                    check_one_bar_per_stage(name + " evaluation", dom.svgs[1], ids[pid], "baseline")

    elif scenario == "escaping":
        hostile = [p for p in order_pages(site) if "sz-2026-0999" in p]
        if len(hostile) != 1:
            fail(f"no page for the hostile order: {order_pages(site)}")
            return report()
        for page, name in ((hostile[0], "hostile-order"), (os.path.join(site, "index.html"), "hostile-index")):
            dom_text = chrome.dump_dom(page)
            dom = parse_dom(dom_text)
            if dom.tags.get("script", 0) != 0 or dom.tags.get("b", 0) != 0:
                fail(f"{name}: user text became markup (script: {dom.tags.get('script', 0)}, b: {dom.tags.get('b', 0)})")
            if HOSTILE_NAME not in dom.all_text:
                fail(f"{name}: the name '{HOSTILE_NAME}' is not shown as text")
            if '"王&工" <b>' not in dom.all_text:
                fail(f"{name}: the customer manager is not shown as text")
            if "&lt;script&gt;alert(1)&lt;/script&gt;" not in dom_text:
                fail(f"{name}: the DOM dump does not carry the escaped name")
        # And the page passes every general check (no <script> in the source or the DOM).
        check_page(chrome, hostile[0], shots, "hostile-order", pdf=False)

    elif scenario == "links":
        pages = [os.path.join(site, p) for p in ("index.html", "evaluation.html", "assessment.html")] + order_pages(site)
        for page in pages:
            with open(page, encoding="utf-8") as f:
                dom = parse_dom(f.read())
            for href in dom.hrefs:
                if re.match(r"^[a-z]+:|^/", href):
                    fail(f"{page}: link {href} is not relative")
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(page), href.split("#")[0]))
                if not target.startswith(os.path.abspath(site)) or not os.path.isfile(target):
                    fail(f"{page}: broken link {href}")
        if not os.path.isfile(os.path.join(site, ".yekuo-site")):
            fail("the site has no .yekuo-site marker")
    else:
        print(f"unknown scenario {scenario}", file=sys.stderr)
        return 2

    return report()


def report():
    if FAILURES:
        print(f"{len(FAILURES)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
