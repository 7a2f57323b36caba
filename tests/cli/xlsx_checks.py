#!/usr/bin/env python3
"""yekuo plan / evaluate / assess --format xlsx through the real binary, read back with Debian's
python3-openpyxl (docs/output-formats.md#excel-xlsx).

usage: xlsx_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
  plan      examples/110kv-reference-2010.toml: one sheet, dates as dates, counts as numbers, the
            header row frozen and repeated, one A4 landscape page wide, the signature lines below
            the table.
  evaluate  examples/portfolio as of 2026-06-18 (streamed): the head on a first sheet of its own,
            then a sheet per department whose rows are the stages of `evaluate --format json`
            that matter this week in that department (order id and name first, dates as dates),
            then the department summary, the escalations and the follow-ups; valid unique names,
            overdue cells filled like the HTML page.
  assess    examples/assessed as of 2026-06-30: typed cells and print settings on every sheet.
  terminal  binary to a terminal is refused (exit 2, nothing written), to a pipe or a file it is
            not; remind and publish do not offer xlsx.
  many-orders  300 active orders: still a sheet per department (not per order), every row there.
  many-sheets  a report that would need more than 250 sheets (260 departments) is refused (exit 2),
            the previous workbook kept, no temporary file left.
"""
import datetime
import io
import os
import pty
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, expect_eq, main, require, run, run_json  # noqa: E402

import openpyxl  # noqa: E402  (python3-openpyxl, scripts/install-deps.sh)

OVERDUE_FILL = "FFEBE9"  # the HTML page's .s-overdue background
FORBIDDEN = set('[]:*?/\\')


def workbook(path):
    with open(path, "rb") as f:
        data = f.read()
    require(data.startswith(b"PK\x03\x04"), f"{path} is not a zip: {data[:20]!r}")
    return openpyxl.load_workbook(io.BytesIO(data))


def cells(ws):
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def header_row(ws):
    """The frozen header: the row above the top-left cell of the frozen pane ("A15" -> 14)."""
    require(ws.freeze_panes, f"sheet {ws.title}: no frozen pane")
    return int(ws.freeze_panes[1:]) - 1


def check_print_setup(ws):
    """One A4 landscape page wide, the header row repeated on every page."""
    ps = ws.page_setup
    expect_eq(ps.orientation, "landscape", f"{ws.title}: orientation")
    expect_eq(str(ps.paperSize), "9", f"{ws.title}: paper size (9 = A4)")
    expect(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
           f"{ws.title}: fit to page is on")
    # 1 is the attribute's default, which libxlsxwriter leaves out.
    expect_eq(int(ps.fitToWidth if ps.fitToWidth is not None else 1), 1, f"{ws.title}: fit to one page wide")
    expect_eq(int(ps.fitToHeight), 0, f"{ws.title}: as many pages tall as needed")
    if ws.freeze_panes:
        h = header_row(ws)
        expect(ws.print_title_rows is not None and ws.print_title_rows.replace("$", "") == f"{h}:{h}",
               f"{ws.title}: the header row {h} repeats on every page, got {ws.print_title_rows}")


def check_names(wb):
    names = wb.sheetnames
    expect_eq(len(set(n.lower() for n in names)), len(names), "sheet names are unique")
    for n in names:
        expect(0 < len(n) <= 31 and not (FORBIDDEN & set(n)), f"valid sheet name {n!r}")


def scenario_plan(bin_, src, work):
    order = os.path.join(src, "examples", "110kv-reference-2010.toml")
    out = os.path.join(work, "plan.xlsx")
    run(bin_, "plan", order, "--format", "xlsx", "--out", out, rc=0)
    expect_eq(os.listdir(work), ["plan.xlsx"], "no temporary file left next to the workbook")
    wb = workbook(out)
    expect_eq(wb.sheetnames, ["业扩工程计划安排确认表"], "one sheet, named after the document")
    ws = wb.active
    check_print_setup(ws)
    h = header_row(ws)
    header = [c.value for c in ws[h] if c.value is not None]
    expect(len(header) >= 5 and all(isinstance(v, str) for v in header), f"a header row of labels: {header}")
    expect(all(c.font.b for c in ws[h] if c.value is not None), "the header is bold")

    plan = run_json(bin_, "plan", order)
    stages = plan.get("stages", [])
    require(stages, "plan JSON has stages")
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=h + 1, max_row=h + len(stages))]
    dates = {v.date() for row in body for v in row if isinstance(v, datetime.datetime)}
    # The table's planned start and deadline of a stage are its latest start and finish.
    want = {datetime.date.fromisoformat(s[k]) for s in stages for k in ("latest_start", "latest_finish")}
    expect(want and want <= dates, f"every planned date is a date cell: missing {sorted(want - dates)[:5]}")
    ints = [v for row in body for v in row if isinstance(v, int) and not isinstance(v, bool)]
    expect(len(ints) >= len(stages), f"numbers are numbers (row numbers, working days): {ints[:10]}")
    expect(not any(isinstance(v, str) and v.strip().lstrip("-").isdigit() for row in body for v in row),
           "no number left as text")
    date_cell = next(c for row in ws.iter_rows(min_row=h + 1, max_row=h + len(stages)) for c in row
                     if isinstance(c.value, datetime.datetime))
    expect(date_cell.number_format.startswith("yyyy-mm-dd"), f"dates show as ISO dates: {date_cell.number_format}")

    sign = [c for c in cells(ws) if isinstance(c.value, str) and c.value.startswith("客户确认")]
    expect(len(sign) == 1 and sign[0].row > h + len(stages), "the signature lines are rows below the table")
    expect(ws.column_dimensions["B"].width and ws.column_dimensions["B"].width > 12,
           "the stage names' column is widened for CJK text")


STAGE_HEADER = ["工程编号", "工程名称", "工作阶段", "责任部门", "工作时限", "实际开始", "实际完成", "状态", "超期工作日",
                "预测完成", "说明"]


def matters_this_week(stage, as_of):
    """track::StageEvaluation::matters_this_week() from the stage's JSON."""
    due_today = stage["finished"] is None and stage["effective_deadline"] == as_of
    return (stage["status"] in ("overdue", "due_soon", "in_progress") or due_today or stage["due_this_week"]
            or stage["finished_this_week"])


def date_or(text, other):
    return datetime.datetime.fromisoformat(text) if text else other


def week_rows_by_department(doc):
    """{(customer, dept): [rows]} of the stages that matter this week, orders in input order, then
    each order's stages in order: id, name, stage, dept, deadline, started, finished (what the
    sheet holds in its first seven columns, dates as datetimes)."""
    rows = {}
    for p in doc.get("projects", []):
        for s in p["stages"]:
            if not matters_this_week(s, doc["as_of"]):
                continue
            deadline = (date_or(s["deadline"], None) if s["deadline"] == s["effective_deadline"]
                        else f"{s['deadline']} → {s['effective_deadline']}")
            rows.setdefault((s["customer"], s["dept"]), []).append(
                [p["id"], p["name"], s["name"], s["dept"], deadline, date_or(s["started"], "—"),
                 date_or(s["finished"], "—")])
    return rows


def check_active_orders_sheet(wb, doc):
    """The second sheet: one row per active order, its figures those of `evaluate --format json`."""
    ws = wb[wb.sheetnames[1]]
    expect_eq(ws.title, "在办工程", "the active orders come before the departments")
    h = header_row(ws)
    expect_eq([c.value for c in ws[h]][:7], ["工程编号", "工程名称", "客户经理", "计划接电日期", "预测接电日期",
                                            "滞后工作日", "状态"], "the orders' columns")
    got = [[c.value for c in row[:6]] for row in ws.iter_rows(min_row=h + 1, max_row=ws.max_row)]
    want = [[p["id"], p["name"], p["customer_manager"] or "—", date_or(p["planned_energization"], None),
             date_or(p["forecast_energization"], "—"), p["slip_days"]] for p in doc.get("projects", [])]
    expect_eq(got, want, "a row per active order, dates as dates, the slip a number")
    check_print_setup(ws)


def check_department_sheets(wb, doc):
    """The sheets after the first two (the head, the active orders): one per department with stages
    that matter this week, in the department summary's order, named after it, holding exactly those
    stages; then the summary. Returns the department sheets."""
    check_active_orders_sheet(wb, doc)
    want = week_rows_by_department(doc)
    require(want, "the portfolio has stages that matter this week")
    order = [(d["customer"], d["dept"]) for d in doc.get("departments", []) if (d["customer"], d["dept"]) in want]
    expect_eq(len(order), len(want), "every department with rows is in the department summary")
    names = wb.sheetnames
    expect_eq(names[2:len(order) + 2], [dept for _, dept in order], "a sheet per department, in the summary's order")
    expect_eq(names[len(order) + 2], "各部门汇总", "the department summary follows the departments")
    sheets = []
    for key, name in zip(order, names[2:]):
        ws = wb[name]
        sheets.append(ws)
        expect_eq(ws["A1"].value, key[1], f"{name}: titled with the department")
        h = header_row(ws)
        expect_eq(h, 2, f"{name}: the header row, frozen, right under the title")
        expect_eq([c.value for c in ws[h]], STAGE_HEADER, f"{name}: the order, then the stage's columns")
        expect(all(c.font.b for c in ws[h]), f"{name}: the header is bold")
        expect_eq(ws.auto_filter.ref, f"A{h}:K{ws.max_row}", f"{name}: the header filters the whole table")
        got = [[c.value for c in row[:7]] for row in ws.iter_rows(min_row=h + 1, max_row=ws.max_row)]
        expect_eq(got, want[key], f"{name}: the stages that matter this week, order by order")
        check_print_setup(ws)
    return sheets


def scenario_evaluate(bin_, src, work):
    orders = os.path.join(src, "examples", "portfolio")
    out = os.path.join(work, "evaluate.xlsx")
    run(bin_, "evaluate", orders, "--as-of", "2026-06-18", "--format", "xlsx", "--out", out, rc=0)
    wb = workbook(out)
    check_names(wb)
    names = wb.sheetnames
    expect_eq(names[0], "概要", "the head, known at the end, has the first sheet")
    expect_eq(wb[names[0]]["A1"].value, "“订单式”服务工作考评表", "the title on the first sheet")
    doc = run_json(bin_, "evaluate", orders, "--as-of", "2026-06-18")
    depts = check_department_sheets(wb, doc)
    expect(not any(n.startswith("SZ-") for n in names), f"no sheet per order: {names}")
    for ws in wb.worksheets[1:]:
        check_print_setup(ws)

    ws = next(s for s in depts if s.title == "基建部")
    h = header_row(ws)
    overdue = [c for c in cells(ws) if c.row > h and isinstance(c.value, str) and "超期" in c.value]
    expect(overdue, "基建部 has an overdue stage (SZ-2026-0157)")
    for c in overdue:
        expect(c.fill.fgColor.rgb and c.fill.fgColor.rgb.upper().endswith(OVERDUE_FILL),
               f"{c.coordinate} {c.value!r} is filled like .s-overdue: {c.fill.fgColor.rgb}")
    row = [c.value for c in ws[overdue[0].row]]
    expect(row[0] == "SZ-2026-0157" and datetime.datetime(2026, 6, 15) in row,
           f"the overdue stage of SZ-2026-0157, its deadline 2026-06-15 a date: {row}")
    expect(isinstance(row[8], int) and row[8] > 0, f"days late is a number: {row}")

    summary = wb["各部门汇总"]
    h = header_row(summary)
    counts = [c.value for row in summary.iter_rows(min_row=h + 1, min_col=2, max_col=4) for c in row]
    expect(counts and all(isinstance(v, int) for v in counts), f"department counts are numbers: {counts}")
    expect(any(n.startswith("第 1 级") for n in names), f"the escalations have their sheet: {names}")
    expect_eq(names[-1], "送电后回访及回头看（待办）", "the follow-ups come last")


def scenario_assess(bin_, src, work):
    out = os.path.join(work, "assess.xlsx")
    run(bin_, "assess", os.path.join(src, "examples", "assessed"), "--as-of", "2026-06-30", "--format", "xlsx",
        "--out", out, "--lang", "en", rc=0)
    wb = workbook(out)
    check_names(wb)
    expect(len(wb.sheetnames) >= 3, f"a sheet per table: {wb.sheetnames}")
    kinds = set()
    for ws in wb.worksheets:
        check_print_setup(ws)
        for c in cells(ws):
            kinds.add(type(c.value))
            if isinstance(c.value, datetime.datetime):
                expect(c.value.time() == datetime.time(0), f"{ws.title}!{c.coordinate}: a date without a time")
    expect(datetime.datetime in kinds and int in kinds and str in kinds, f"dates, numbers and text: {kinds}")


def on_terminal(bin_, *args, cwd):
    """Runs the binary with standard output on a pseudo-terminal; (exit code, what reached it, stderr)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.run([os.path.abspath(bin_), *args], stdout=slave, stderr=subprocess.PIPE, timeout=60, cwd=cwd)
    finally:
        os.close(slave)
    shown = b""
    os.set_blocking(master, False)
    try:
        while chunk := os.read(master, 65536):
            shown += chunk
    except (BlockingIOError, OSError):
        pass
    os.close(master)
    return p.returncode, shown, p.stderr.decode("utf-8", "replace")


def scenario_terminal(bin_, src, work):
    order = os.path.join(src, "examples", "110kv-reference-2010.toml")
    for args in (["plan", order], ["evaluate", os.path.join(src, "examples", "portfolio"), "--as-of", "2026-06-18"],
                 ["assess", os.path.join(src, "examples", "assessed"), "--as-of", "2026-06-30"]):
        rc, shown, err = on_terminal(bin_, *args, "--format", "xlsx", cwd=work)
        expect_eq(rc, 2, f"{args[0]} --format xlsx to a terminal: exit code")
        expect("--out" in err and "xlsx" in err, f"{args[0]}: the message says what to do: {err}")
        expect(b"PK" not in shown, f"{args[0]}: nothing binary reached the terminal: {shown[:80]!r}")
        rc, _, err = on_terminal(bin_, *args, "--format", "xlsx", "--out", os.path.join(work, f"{args[0]}.xlsx"),
                                 cwd=work)
        expect_eq(rc, 0, f"{args[0]} --format xlsx --out on a terminal: exit code ({err})")
        workbook(os.path.join(work, f"{args[0]}.xlsx"))

    # Standard output to a pipe or a file is not a terminal: the bytes go there.
    p = run(bin_, "plan", order, "--format", "XLSX", text=False, rc=0)
    expect(p.stdout.startswith(b"PK\x03\x04"), "xlsx to a pipe")
    with open(os.path.join(work, "redirected.xlsx"), "wb") as f:
        expect_eq(subprocess.run([bin_, "plan", order, "--format", "xlsx"], stdout=f, timeout=60).returncode, 0,
                  "xlsx redirected to a file")
    workbook(os.path.join(work, "redirected.xlsx"))
    # plan --confirm refuses before it records anything.
    copy = os.path.join(work, "order.toml")
    with open(order, "rb") as f, open(copy, "wb") as g:
        g.write(f.read())
    rc, _, _ = on_terminal(bin_, "plan", copy, "--confirm", "--format", "xlsx", cwd=work)
    expect_eq(rc, 2, "plan --confirm --format xlsx to a terminal")
    expect(not any(n.endswith(".baseline.toml") for n in os.listdir(work)), "nothing was confirmed")

    for args in (["remind", os.path.join(src, "examples", "portfolio")], ["publish", os.path.join(src, "examples"),
                                                                         "--out", os.path.join(work, "site")]):
        p = run(bin_, *args, "--format", "xlsx")
        # remind names the formats it offers; publish has no --format at all.
        expect(p.returncode == 2 and ("xlsx" in p.stderr or "--format" in p.stderr) and not p.stdout,
               f"{args[0]} does not offer xlsx: {p.returncode} {p.stderr}")


def copies(src, work, n, edit=lambda text, k: text):
    """`n` active orders in WORK/orders: the example portfolio's active orders in turn, each under
    an id of its own (SZ-2026-9000, …), `edit`ed."""
    portfolio = os.path.join(src, "examples", "portfolio")
    texts = []
    for name in ("sz-2026-0142.toml", "sz-2026-0157.toml", "sz-2026-0163.toml", "sz-2026-0170.toml"):
        with open(os.path.join(portfolio, name), encoding="utf-8") as f:
            texts.append((name[:-5].upper(), f.read()))
    orders = os.path.join(work, "orders")
    os.makedirs(orders)
    for k in range(n):
        order_id, text = texts[k % len(texts)]
        require(text.count(f'"{order_id}"') == 1, f"{order_id} appears once in its file")
        with open(os.path.join(orders, f"o{k:03}.toml"), "w", encoding="utf-8") as f:
            f.write(edit(text.replace(f'"{order_id}"', f'"SZ-2026-9{k:03}"'), k))
    return orders


def scenario_many_orders(bin_, src, work):
    # 300 active orders, more than the 250 sheets a workbook holds (one open temporary file each):
    # the week's rows are by department, so the workbook has a sheet per department, not per order.
    orders = copies(src, work, 300)
    out = os.path.join(work, "evaluate.xlsx")
    run(bin_, "evaluate", orders, "--as-of", "2026-06-18", "--format", "xlsx", "--out", out, rc=0)
    expect_eq(sorted(os.listdir(work)), ["evaluate.xlsx", "orders"], "no temporary file left")
    wb = workbook(out)
    check_names(wb)
    doc = run_json(bin_, "evaluate", orders, "--as-of", "2026-06-18")
    expect_eq(len(doc.get("projects", [])), 300, "300 active orders")
    sheets = check_department_sheets(wb, doc)
    expect(len(wb.sheetnames) < 20, f"a few sheets: {wb.sheetnames}")
    ids = {ws.cell(row=r, column=1).value for ws in sheets for r in range(3, ws.max_row + 1)}
    expect_eq(len(ids), 300, "every order has rows on the department sheets")


def scenario_many_sheets(bin_, src, work):
    # Every order's departments its own (每个工程一套部门): 260 orders with stages that matter this
    # week give more than 250 sheets, refused with a clear error (exit 2), never an internal error
    # from running out of open files; the previous workbook stays.
    orders = copies(src, work, 260, lambda text, k: re.sub(r'^dept = "(?!客户")([^"]+)"', rf'dept = "\1 {k:03}"',
                                                           text, flags=re.M))
    out = os.path.join(work, "evaluate.xlsx")
    with open(out, "wb") as f:
        f.write(b"previous")
    r = run(bin_, "evaluate", orders, "--as-of", "2026-06-18", "--format", "xlsx", "--out", out, rc=2)
    expect("more than 250 sheets" in r.stderr and "yekuo export --format xlsx" in r.stderr,
           f"the refusal says why and what to do: {r.stderr[-400:]}")
    with open(out, "rb") as f:
        expect_eq(f.read(), b"previous", "the previous workbook is kept")
    expect_eq(sorted(os.listdir(work)), ["evaluate.xlsx", "orders"], "no temporary file left")


if __name__ == "__main__":
    main({"plan": scenario_plan, "evaluate": scenario_evaluate, "assess": scenario_assess,
          "terminal": scenario_terminal, "many-orders": scenario_many_orders, "many-sheets": scenario_many_sheets})
