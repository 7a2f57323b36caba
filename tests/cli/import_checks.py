#!/usr/bin/env python3
"""yekuo import through the real binary: a ledger (台账) of orders in, one order file per good row out,
each passing `yekuo check` and planned by `yekuo plan` (docs/import.md).

usage: import_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  good-and-bad     a ledger as Excel saves it (BOM, CRLF, quoted fields) with good and bad rows: the good
                   ones are written, each bad one is reported at the line where it starts, exit 2
  existing         an existing order file is never overwritten; the other rows are still imported, and
                   importing the same ledger again changes nothing
  chinese-headers  Chinese headers in another order, extra columns, the same ledger saved as GBK
  example          the shipped examples/ledger/ ledger imports cleanly
  refused          workbooks, a ledger without its columns, an unknown template, a missing file
"""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, read, run, main, write  # noqa: E402

BOM = b"\xef\xbb\xbf"


def excel_csv(rows, encoding="utf-8", bom=True):
    """The bytes Excel writes for rows of cells: CRLF, quotes only where needed."""
    def cell(c):
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\r\n') else c
    text = "".join(",".join(cell(c) for c in row) + "\r\n" for row in rows)
    return (BOM if bom else b"") + text.encode(encoding)


def toml_files(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".toml")) if os.path.isdir(d) else []


def no_temporaries(d):
    left = [f for f in os.listdir(d) if ".tmp-" in f]
    expect(not left, f"temporary files left in {d}: {left}")


def checked_and_planned(bin_, orders):
    """Every written file passes `yekuo check`, and `yekuo plan` plans it (0 feasible, 3 infeasible)."""
    p = run(bin_, "check", orders)
    expect(p.returncode == 0, f"yekuo check {orders}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    for f in toml_files(orders):
        p = run(bin_, "plan", os.path.join(orders, f), "--format", "json")
        expect(p.returncode in (0, 3) and '"stages"' in p.stdout, f"yekuo plan {f}: exit {p.returncode}: {p.stderr}")


def scenario_good_and_bad(bin_, src, work):
    ledger = write(os.path.join(work, "ledger.csv"), excel_csv([
        ["id", "name", "customer", "voltage_kv", "capacity_kva", "applied", "target", "customer_manager"],
        ["WX-2026-0301", "某电子有限公司新厂区110千伏新装", "某电子有限公司", "110kV", "48,000", "2026/3/2",
         "2026/12/18", "王工"],                                                                       # 2
        ["WX-2026-0302", '名称带"引号",逗号\n和换行', "某公司", "10 kV", "5000", "2026-3-9", "2026-8-31", "李工"],  # 3-4
        ["WX-2026-0303", "", "", "10", "", "2026/2/30", "", ""],                                        # 5: no such date
        ["", "无编号", "", "10", "", "2026/3/2", "", ""],                                                # 6: no id
        ["WX-2026-0305", "", "", "20kV", "", "2026/3/2", "", ""],                                        # 7: no template
        ["WX-2026-0306", "", "", "35", "", "2026/7/1", "2026/3/1", ""],                                  # 8: target first
        ["WX-2026-0307", "", "", "35千伏", "12500", "2026年3月16日", "", "赵工"],                        # 9
        ["WX-2026-0301", "", "", "10", "", "2026/3/2", "", ""],                                          # 10: repeated id
    ]))
    orders = os.path.join(work, "orders")
    p = run(bin_, "import", ledger, "--out", orders, rc=2)
    expect_eq(toml_files(orders), ["WX-2026-0301.toml", "WX-2026-0302.toml", "WX-2026-0307.toml"], "files written")
    for line, code in ((5, "bad-date"), (6, "missing-value"), (7, "no-template"), (8, "target-before-applied"),
                       (10, "duplicate-id")):
        expect(re.search(rf"^{re.escape(ledger)}:{line}: error: .*\[{code}\]\n  hint: ", p.stderr, re.M),
               f"line {line} reported as {code}:\n{p.stderr}")
    expect_eq(len(re.findall(r": error: ", p.stderr)), 5, "one error per bad row")
    expect("3 个订单已写入" in p.stdout and "5 行有错误未导入" in p.stdout, f"summary: {p.stdout}")
    text = read(os.path.join(orders, "WX-2026-0302.toml"))
    expect('name = "名称带\\"引号\\",逗号\\n和换行"\n' in text, f"quoted name not kept:\n{text[:600]}")
    expect('capacity_kva = 48000\n' in read(os.path.join(orders, "WX-2026-0301.toml")), "48,000 kVA")
    expect("target = 2026-12-18" in read(os.path.join(orders, "WX-2026-0301.toml")), "target kept")
    expect("applied = 2026-03-16" in read(os.path.join(orders, "WX-2026-0307.toml")), "2026年3月16日")
    no_temporaries(orders)
    checked_and_planned(bin_, orders)


def scenario_existing(bin_, src, work):
    ledger = write(os.path.join(work, "ledger.csv"), excel_csv([
        ["id", "applied", "voltage_kv"],
        ["EX-1", "2026-03-02", "10"],
        ["EX-2", "2026-03-03", "10"],
        ["EX-3", "2026-03-04", "35"],
    ]))
    orders = os.path.join(work, "orders")
    os.makedirs(orders)
    mine = write(os.path.join(orders, "EX-2.toml"), "# the customer manager's own file, edited by hand\n")
    p = run(bin_, "import", ledger, "--out", orders, rc=0)
    expect_eq(read(mine), "# the customer manager's own file, edited by hand\n", "the existing file")
    expect(re.search(r"ledger\.csv:3: warning: .*EX-2\.toml already exists; not overwritten \[file-exists\]", p.stderr),
           f"the kept file is reported at its row:\n{p.stderr}")
    expect_eq(toml_files(orders), ["EX-1.toml", "EX-2.toml", "EX-3.toml"], "the other rows")
    before = {f: read(os.path.join(orders, f)) for f in toml_files(orders)}
    stamps = {f: os.stat(os.path.join(orders, f)).st_mtime_ns for f in toml_files(orders)}

    # The same ledger again (a ledger grows week by week): nothing changes, every row is reported as kept.
    p = run(bin_, "import", ledger, "--out", orders, rc=0)
    expect_eq(len(re.findall(r"\[file-exists\]", p.stderr)), 3, "each row kept")
    expect("0 个订单已写入" in p.stdout and "3 个订单文件已存在未覆盖" in p.stdout, f"summary: {p.stdout}")
    expect_eq({f: read(os.path.join(orders, f)) for f in toml_files(orders)}, before, "contents")
    expect_eq({f: os.stat(os.path.join(orders, f)).st_mtime_ns for f in toml_files(orders)}, stamps, "mtimes")

    # A symbolic link where an order file would go is not followed or replaced either.
    target = write(os.path.join(work, "elsewhere.txt"), "not an order\n")
    os.symlink(target, os.path.join(orders, "EX-4.toml"))
    more = write(os.path.join(work, "more.csv"), excel_csv([["id", "applied", "voltage_kv"], ["EX-4", "2026-03-05", "10"]]))
    run(bin_, "import", more, "--out", orders, rc=0)
    expect_eq(read(target), "not an order\n", "the link's target")
    expect(os.path.islink(os.path.join(orders, "EX-4.toml")), "the link is still a link")
    no_temporaries(orders)


def scenario_chinese_headers(bin_, src, work):
    rows = [
        ["客户经理", "受理日期", "工程编号", "联系电话", "电压等级(kV)", "工程名称", "报装容量（kVA）", "期望接电日期", "客户名称", "备注"],
        ["王磊", "2026/4/1", "SZ-2026-0401", "0512-65550101", "交流10kV", "某精密机械10千伏新装", "5000", "2026/9/30",
         "某精密机械有限公司", "先土建"],
        ["李娜", "2026/4/7", "SZ-2026-0402", "", "35 kV", "", "12500", "", "某生物医药有限公司", ""],
    ]
    for name, data in (("utf8", excel_csv(rows)), ("gbk", excel_csv(rows, "gbk", bom=False))):
        ledger = write(os.path.join(work, f"{name}.csv"), data)
        orders = os.path.join(work, name)
        p = run(bin_, "import", ledger, "--out", orders, rc=0)
        expect_eq(len(re.findall(r"\[ignored-column\]", p.stderr)), 1, f"{name}: extra columns said once")
        expect(re.search(r"columns not imported: 联系电话, 备注", p.stderr), f"{name}: names them: {p.stderr}")
        expect(("GB18030" in p.stderr) == (name == "gbk"), f"{name}: encoding note: {p.stderr}")
        expect_eq(toml_files(orders), ["SZ-2026-0401.toml", "SZ-2026-0402.toml"], f"{name}: files")
        first = read(os.path.join(orders, "SZ-2026-0401.toml"))
        for want in ('customer_manager = "王磊"', 'name = "某精密机械10千伏新装"', 'customer = "某精密机械有限公司"',
                     "applied = 2026-04-01", "target = 2026-09-30", "capacity_kva = 5000"):
            expect(want in first, f"{name}: {want} not in the file:\n{first[:500]}")
        second = read(os.path.join(orders, "SZ-2026-0402.toml"))
        expect('name = "某生物医药有限公司35千伏新装"' in second, f"{name}: default name")
        checked_and_planned(bin_, orders)
    for f in toml_files(os.path.join(work, "utf8")):
        expect_eq(read(os.path.join(work, "gbk", f)), read(os.path.join(work, "utf8", f)), f"GBK and UTF-8 give the same {f}")


def scenario_example(bin_, src, work):
    ledger = os.path.join(src, "examples", "ledger", "sz-2026-q2-ledger.csv")
    with open(ledger, "rb") as f:
        expect(f.read(3) == BOM, "the example is saved as Excel's CSV UTF-8 (with a BOM)")
    orders = os.path.join(work, "orders")
    p = run(bin_, "import", ledger, "--out", orders, "--lang", "en", rc=0)
    expect_eq(re.findall(r"\[([a-z-]+)\]", p.stderr), ["ignored-column"], "only the extra columns are mentioned")
    expect("5 rows: 5 orders written" in p.stdout, f"summary: {p.stdout}")
    expect_eq(len(toml_files(orders)), 5, "one file per row")
    checked_and_planned(bin_, orders)
    for f in toml_files(orders):
        p = run(bin_, "plan", os.path.join(orders, f))
        expect(p.returncode == 0, f"the example's {f} is feasible: exit {p.returncode}\n{p.stdout[-800:]}")


def scenario_refused(bin_, src, work):
    orders = os.path.join(work, "orders")
    xlsx = write(os.path.join(work, "ledger.xlsx"), b"PK\x03\x04" + b"\0" * 60)
    p = run(bin_, "import", xlsx, "--out", orders, rc=2)
    expect("[ledger-workbook]" in p.stderr and "CSV UTF-8" in p.stderr, f"workbook: {p.stderr}")
    utf16 = write(os.path.join(work, "unicode.txt"), "\ufeffid\tapplied\r\n".encode("utf-16-le"))
    p = run(bin_, "import", utf16, "--out", orders, rc=2)
    expect("[ledger-encoding]" in p.stderr, f"UTF-16: {p.stderr}")
    no_columns = write(os.path.join(work, "no-columns.csv"), excel_csv([["id", "name"], ["X-1", "某工程"]]))
    p = run(bin_, "import", no_columns, "--out", orders, rc=2)
    expect(re.search(r"no-columns\.csv:1: error: no column applied .*\[missing-column\]", p.stderr), p.stderr)
    no_header = write(os.path.join(work, "no-header.csv"), excel_csv([["X-1", "2026-03-02", "10"]]))
    p = run(bin_, "import", no_header, "--out", orders, rc=2)
    expect(re.search(r"no-header\.csv:1: error: .*\[no-header\]", p.stderr), p.stderr)
    good = write(os.path.join(work, "good.csv"), excel_csv([["id", "applied", "voltage_kv"], ["X-1", "2026-03-02", "10"]]))
    p = run(bin_, "import", good, "--out", orders, "--template", "220kv", rc=2)
    expect("220kv" in p.stderr, f"unknown template: {p.stderr}")
    run(bin_, "import", os.path.join(work, "missing.csv"), "--out", orders, rc=2)
    run(bin_, "import", good, rc=2)  # --out is required
    expect(not os.path.exists(orders), "nothing was written, not even the directory")

    # Ids that are no file names stay inside --out.
    hostile = write(os.path.join(work, "hostile.csv"), excel_csv([
        ["id", "applied", "voltage_kv"], ["../../escape", "2026-03-02", "10"], [".hidden", "2026-03-02", "10"],
        ["a/b\\c", "2026-03-02", "10"]]))
    run(bin_, "import", hostile, "--out", orders, rc=0)
    names = toml_files(orders)
    expect_eq(len(names), 3, f"three files in {orders}: {names}")
    expect(all(not n.startswith((".", "-")) and "/" not in n and ".." not in n for n in names), f"names: {names}")
    expect_eq(sorted(os.listdir(work)), sorted(["ledger.xlsx", "unicode.txt", "no-columns.csv", "no-header.csv",
                                                "good.csv", "hostile.csv", "orders"]), "nothing outside --out")
    expect('id = "../../escape"' in "".join(read(os.path.join(orders, n)) for n in names), "the id itself is kept")
    checked_and_planned(bin_, orders)
    shutil.rmtree(orders)


if __name__ == "__main__":
    main({"good-and-bad": scenario_good_and_bad, "existing": scenario_existing,
          "chinese-headers": scenario_chinese_headers, "example": scenario_example, "refused": scenario_refused})
