#!/usr/bin/env python3
"""yekuo remind on examples/portfolio as of Thu 2026-06-18 (the hand-checked facts are in
evaluate_checks.py, whose scenarios also check remind's exit codes and JSON).

usage: remind_checks.py YEKUO_BIN SOURCE_DIR WORK_DIR SCENARIO
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import expect, main, run  # noqa: E402

AS_OF = "2026-06-18"


def portfolio(src, *order):
    return os.path.join(src, "examples", "portfolio", *order)


def scenario_table(bin_, src, work):
    # 发展策划部 first (SPEC order), then 基建部; the due-soon deadline is the Monday after the holiday.
    p = run(bin_, "remind", portfolio(src), "--as-of", AS_OF, rc=0)
    expect(re.search(r"发展策划部.*SZ-2026-0163 \| 供电方案答复 \| 2026-06-22 周一 \| 即将到期.*基建部.*"
                     r"SZ-2026-0157 \| 配套工程设计 \| 2026-06-15 周一 \| 已超期 \| 超期 3 个工作日", p.stdout, re.S),
           f"remind table:\n{p.stdout}")


def scenario_weekend(bin_, src, work):
    # On Fri 06-12 grid_design's deadline (Mon 06-15) is the next working day: due soon.
    p = run(bin_, "remind", portfolio(src, "sz-2026-0157.toml"), "--as-of", "2026-06-12", "--lang", "en", rc=0)
    expect("SZ-2026-0157 | 配套工程设计 | 2026-06-15 Mon | due soon" in p.stdout, f"remind:\n{p.stdout}")


def scenario_nothing(bin_, src, work):
    p = run(bin_, "remind", portfolio(src, "sz-2026-0142.toml"), "--as-of", AS_OF, "--lang", "en",
            "--fail-on-overdue", rc=0)
    expect("Nothing to chase today" in p.stdout, f"remind:\n{p.stdout}")


if __name__ == "__main__":
    main({"table": scenario_table, "weekend": scenario_weekend, "nothing": scenario_nothing})
