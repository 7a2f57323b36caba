#!/usr/bin/env python3
"""yekuo export on examples/portfolio as of Thu 2026-06-18 (hand-checked facts in evaluate_checks.py:
SZ-2026-0157's grid_design is due Mon 06-15 and 3 working days overdue; SZ-2026-0101 was energized on
05-14), read back with Python's csv and sqlite3 modules and compared with `yekuo evaluate --format json`.

usage: export_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  csv        a folder of four CSV files (BOM, RFC 4180, neutralized cells); a second run replaces it
  sqlite     one database: typed columns, primary keys, the meta table; a second run replaces it
  bad-input  a bad file and a duplicate order id: exit 2, printed with their codes, the good ones exported
  refused    a foreign folder, file or database, and a missing parent, are never replaced
"""
import csv
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, read, run, run_json, stage, write  # noqa: E402

AS_OF = "2026-06-18"
TABLES = ("orders", "stages", "delays", "revisits")


def portfolio(src, *order):
    return os.path.join(src, "examples", "portfolio", *order)


def export(bin_, paths, fmt, out, rc=0):
    return run(bin_, "export", *paths, "--format", fmt, "--out", out, "--as-of", AS_OF, rc=rc)


def evaluated_stage(bin_, src, project, sid):
    doc = run_json(bin_, "evaluate", portfolio(src), "--as-of", AS_OF)
    for p in doc.get("projects", []):
        if p["id"] == project:
            return stage(p, sid)
    return {}


def csv_rows(path):
    with open(path, "rb") as f:
        data = f.read()
    expect(data.startswith(b"\xef\xbb\xbf"), f"{path}: no byte-order mark")
    expect(b"\r\n" in data, f"{path}: records do not end with CRLF")
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def scenario_csv(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(portfolio(src), orders)
    # A name Excel would run as a formula is neutralized, as by the csv renderer.
    path = os.path.join(orders, "sz-2026-0163.toml")
    text = read(path)
    write(path, text.replace('name = "', 'name = "=HYPERLINK(1)', 1))
    out = os.path.join(work, "tables")
    p = export(bin_, [orders], "csv", out)
    expect("exported 5 orders" in p.stderr, f"summary: {p.stderr}")
    expect_eq(sorted(os.listdir(out)), sorted([".yekuo-export"] + [f"{t}.csv" for t in TABLES]), "files")

    orders_csv = {r["id"]: r for r in csv_rows(os.path.join(out, "orders.csv"))}
    expect_eq(sorted(orders_csv), ["SZ-2026-0101", "SZ-2026-0142", "SZ-2026-0157", "SZ-2026-0163", "SZ-2026-0170"],
              "order ids")
    expect_eq(orders_csv["SZ-2026-0101"]["energized"], "2026-05-14", "0101 energized")
    expect_eq(orders_csv["SZ-2026-0101"]["state"], "energized", "0101 state")
    expect_eq(orders_csv["SZ-2026-0157"]["state"], "late", "0157 state")
    expect(orders_csv["SZ-2026-0163"]["name"].startswith("'=HYPERLINK(1)"),
           f"not neutralized: {orders_csv['SZ-2026-0163']['name']}")

    stages = {(r["project"], r["id"]): r for r in csv_rows(os.path.join(out, "stages.csv"))}
    grid = stages[("SZ-2026-0157", "grid_design")]
    want = evaluated_stage(bin_, src, "SZ-2026-0157", "grid_design")
    expect_eq((grid["deadline"], grid["status"], grid["days_late"]),
              (want.get("deadline"), want.get("status"), str(want.get("days_late"))), "grid_design")
    expect_eq((grid["deadline"], grid["status"], grid["days_late"]), ("2026-06-15", "overdue", "3"), "grid_design")
    delays = csv_rows(os.path.join(out, "delays.csv"))
    expect(any(d["project"] == "SZ-2026-0157" and d["stage"] == "grid_design" and d["verdict"] == "reported_late"
               for d in delays), f"delays: {delays}")
    revisits = {r["project"]: r for r in csv_rows(os.path.join(out, "revisits.csv"))}
    expect_eq(revisits.get("SZ-2026-0101", {}).get("status"), "missing", "0101 revisit")

    # An earlier export is replaced as a whole.
    export(bin_, [portfolio(src, "sz-2026-0157.toml")], "csv", out)
    expect_eq([r["id"] for r in csv_rows(os.path.join(out, "orders.csv"))], ["SZ-2026-0157"], "replaced")
    expect(not [n for n in os.listdir(work) if n.startswith(".tables")], f"temporary left: {os.listdir(work)}")


def scenario_sqlite(bin_, src, work):
    out = os.path.join(work, "portfolio.sqlite")
    export(bin_, [portfolio(src)], "sqlite", out)
    db = sqlite3.connect(out)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    expect_eq((meta.get("format"), meta.get("as_of")), ("yekuo-export", AS_OF), "meta")
    for table in TABLES:
        expect(db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] == 1,
               f"no table {table}")
    types = {r[1]: (r[2], r[5]) for r in db.execute("PRAGMA table_info(stages)")}
    expect_eq(types["days_late"], ("INTEGER", 0), "stages.days_late")
    expect_eq(types["deadline"], ("TEXT", 0), "stages.deadline")
    expect_eq(types["customer"], ("INTEGER", 0), "stages.customer")
    expect_eq((types["project"][1], types["id"][1]), (1, 2), "stages primary key (project, id)")
    expect_eq({r[1]: r[5] for r in db.execute("PRAGMA table_info(orders)")}["id"], 1, "orders primary key")
    expect_eq(db.execute("SELECT count(*) FROM orders").fetchone()[0], 5, "orders")

    row = db.execute("SELECT deadline, status, days_late, typeof(days_late), customer, overrun_days FROM stages "
                     "WHERE project = 'SZ-2026-0157' AND id = 'grid_design'").fetchone()
    want = evaluated_stage(bin_, src, "SZ-2026-0157", "grid_design")
    expect_eq(row, (want.get("deadline"), want.get("status"), want.get("days_late"), "integer", 0, None), "grid_design")
    expect_eq(row[:3], ("2026-06-15", "overdue", 3), "grid_design hand-checked")
    # The customer's own stages are flagged 1; a boolean is 0 or 1, nothing else.
    expect_eq(db.execute("SELECT DISTINCT customer FROM stages ORDER BY 1").fetchall(), [(0,), (1,)], "customer flags")
    energized = db.execute("SELECT energized, typeof(voltage_kv) FROM orders WHERE id = 'SZ-2026-0101'").fetchone()
    expect_eq(energized, ("2026-05-14", "real"), "0101")
    # Pivoting is a query: the overdue stages by department.
    by_dept = dict(db.execute("SELECT dept, count(*) FROM stages WHERE status = 'overdue' GROUP BY dept"))
    expect(by_dept.get("基建部", 0) >= 1, f"overdue by department: {by_dept}")
    db.close()

    # An earlier export is replaced.
    export(bin_, [portfolio(src, "sz-2026-0157.toml")], "sqlite", out)
    db = sqlite3.connect(out)
    expect_eq(db.execute("SELECT id FROM orders").fetchall(), [("SZ-2026-0157",)], "replaced")
    db.close()
    expect_eq(os.listdir(work), ["portfolio.sqlite"], "nothing else left beside the database")


def scenario_xlsx(bin_, src, work):
    import datetime
    import openpyxl  # python3-openpyxl (scripts/install-deps.sh)
    out = os.path.join(work, "portfolio.xlsx")
    export(bin_, [portfolio(src)], "xlsx", out)
    wb = openpyxl.load_workbook(out)
    expect_eq(wb.sheetnames, list(TABLES), "a sheet per table, in order")
    stages = wb["stages"]
    header = [c.value for c in stages[1]]
    expect(stages.freeze_panes == "A2", f"header row frozen: {stages.freeze_panes}")
    expect(stages.auto_filter.ref is not None and stages.auto_filter.ref.startswith("A1:"), "autofilter on the header")
    rows = [dict(zip(header, (c.value for c in r))) for r in stages.iter_rows(min_row=2)]
    row = next((r for r in rows if r["project"] == "SZ-2026-0157" and r["id"] == "grid_design"), None)
    want = evaluated_stage(bin_, src, "SZ-2026-0157", "grid_design")
    expect(row is not None, "grid_design exported")
    if row:
        expect_eq(row["deadline"], datetime.datetime.fromisoformat(want["deadline"]), "deadline is a date cell")
        expect_eq((row["status"], row["days_late"]), (want["status"], want["days_late"]), "grid_design verdict")
        expect(type(row["days_late"]) is int, f"days_late is a number: {type(row['days_late'])}")
        expect(row["customer"] is False, f"a boolean cell: {row['customer']!r}")
        expect(row["overrun_days"] is None, "no value: an empty cell")
    orders = wb["orders"]
    expect_eq(orders.max_row, 6, "five orders and the header")
    # Replaced by a later export; a folder at PATH is refused.
    export(bin_, [portfolio(src, "sz-2026-0157.toml")], "xlsx", out)
    expect_eq(openpyxl.load_workbook(out)["orders"].max_row, 2, "replaced")
    expect_eq(os.listdir(work), ["portfolio.xlsx"], "nothing else left beside the workbook")
    folder = os.path.join(work, "folder.xlsx")
    os.mkdir(folder)
    export(bin_, [portfolio(src)], "xlsx", folder, rc=2)
    expect(os.path.isdir(folder) and not os.listdir(folder), "a folder is never replaced")


def scenario_bad_input(bin_, src, work):
    orders = os.path.join(work, "orders")
    shutil.copytree(portfolio(src), orders)
    shutil.copy(os.path.join(src, "tests", "fixtures", "errors", "cycle.toml"), orders)
    # The same order under another name: its id is the orders' key.
    shutil.copy(os.path.join(orders, "sz-2026-0157.toml"), os.path.join(orders, "zz-copy.toml"))
    for fmt, out in (("csv", os.path.join(work, "tables")), ("sqlite", os.path.join(work, "p.sqlite"))):
        p = export(bin_, [orders], fmt, out, rc=2)
        expect("cycle.toml" in p.stderr and "[dependency-cycle]" in p.stderr, f"{fmt}: the bad file: {p.stderr}")
        expect("zz-copy.toml" in p.stderr and "[duplicate-id]" in p.stderr, f"{fmt}: the duplicate: {p.stderr}")
        expect("exported 5 orders" in p.stderr, f"{fmt}: summary: {p.stderr}")
    with open(os.path.join(work, "tables", "orders.csv"), encoding="utf-8-sig", newline="") as f:
        expect_eq(len(list(csv.DictReader(f))), 5, "csv orders")
    db = sqlite3.connect(os.path.join(work, "p.sqlite"))
    expect_eq(db.execute("SELECT count(*) FROM orders").fetchone()[0], 5, "sqlite orders")
    db.close()


def scenario_refused(bin_, src, work):
    orders = portfolio(src, "sz-2026-0157.toml")
    folder = os.path.join(work, "mine")
    os.makedirs(folder)
    write(os.path.join(folder, "notes.txt"), "keep me")
    p = export(bin_, [orders], "csv", folder, rc=2)
    expect("not written by yekuo export" in p.stderr, f"foreign folder: {p.stderr}")
    expect_eq(read(os.path.join(folder, "notes.txt")), "keep me", "foreign folder kept")

    plain = write(os.path.join(work, "notes.sqlite"), "not a database")
    p = export(bin_, [orders], "sqlite", plain, rc=2)
    expect("not a database written by yekuo export" in p.stderr, f"foreign file: {p.stderr}")
    expect_eq(read(plain), "not a database", "foreign file kept")

    other = os.path.join(work, "other.sqlite")
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    export(bin_, [orders], "sqlite", other, rc=2)
    db = sqlite3.connect(other)
    expect_eq(db.execute("SELECT name FROM sqlite_master").fetchall(), [("t",)], "foreign database kept")
    db.close()

    export(bin_, [orders], "sqlite", os.path.join(work, "missing", "p.sqlite"), rc=2)
    export(bin_, [orders], "csv", plain, rc=2)  # a file where the folder should be
    # An empty folder may be filled.
    empty = os.path.join(work, "empty")
    os.makedirs(empty)
    export(bin_, [orders], "csv", empty, rc=0)
    expect(os.path.exists(os.path.join(empty, "orders.csv")), "empty folder not filled")


if __name__ == "__main__":
    main({"csv": scenario_csv, "sqlite": scenario_sqlite, "xlsx": scenario_xlsx, "bad-input": scenario_bad_input, "refused": scenario_refused})
