#!/usr/bin/env python3
"""Keeps #include lines in the house order (.clang-format says the same to clang-format):

  1. a .cpp file's own header (<yekuo/x/y.hpp> for lib/src/x/y.cpp, "y.hpp" beside it), alone;
  2. local headers: "..." ;
  3. the library: <yekuo/...> ;
  4. everything else: the standard library and third-party headers (CLI11, doctest, fmt, toml++ ...);

each group sorted and separated by one blank line. Only the first run of #include lines of a file
(the one at its top, blank lines and comments between includes allowed) is touched; an #include
after other code (e.g. inside #if) is left where it is.

  scripts/include-order.py --check FILE...   exit 1 and name the files out of order
  scripts/include-order.py --fix FILE...     rewrite them in order
"""
import os
import re
import sys

INCLUDE = re.compile(r'^#include\s+([<"][^>"]+[>"])\s*(//.*)?$')


def own_header(path, target):
    stem = os.path.splitext(os.path.basename(path))[0]
    name = target[1:-1]
    return path.endswith(".cpp") and os.path.splitext(os.path.basename(name))[0] == stem and (
        target.startswith('"') or name.startswith("yekuo/"))


def group(path, target):
    if own_header(path, target):
        return 0
    if target.startswith('"'):
        return 1
    if target.startswith("<yekuo/"):
        return 2
    return 3


def ordered(path, lines):
    """Returns the file's lines with its top include block in order."""
    first = next((k for k, l in enumerate(lines) if INCLUDE.match(l)), None)
    if first is None:
        return lines
    last = first
    k = first
    while k < len(lines):
        line = lines[k]
        if INCLUDE.match(line):
            last = k
        elif line.strip() and not line.startswith("//"):
            break
        k += 1
    block = lines[first:last + 1]
    if any(l.startswith("//") for l in block):
        return lines  # a commented block: its author arranged it on purpose
    includes = [l for l in block if INCLUDE.match(l)]
    groups = {}
    for l in includes:
        target = INCLUDE.match(l).group(1)
        groups.setdefault(group(path, target), []).append(l)
    out = []
    for g in sorted(groups):
        if out:
            out.append("")
        out.extend(sorted(set(groups[g]), key=lambda l: INCLUDE.match(l).group(1)))
    return lines[:first] + out + lines[last + 1:]


def main(argv):
    if len(argv) < 2 or argv[0] not in ("--check", "--fix"):
        print(__doc__)
        return 2
    bad = []
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        fixed = ordered(path, lines)
        if fixed != lines:
            bad.append(path)
            if argv[0] == "--fix":
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(fixed))
    if argv[0] == "--check" and bad:
        for p in bad:
            print(f"{p}: includes out of order (scripts/include-order.py --fix {p})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
