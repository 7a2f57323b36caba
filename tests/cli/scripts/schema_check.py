#!/usr/bin/env python3
"""Validates what yekuo writes, and the files it reads, against the JSON Schemas in schemas/.

  schema_check.py schema SCHEMA                                 the schema itself: JSON, a valid draft-07 schema
  schema_check.py output SCHEMA EXPECTED_RC -- YEKUO ARGS...   runs the binary, validates its stdout
  schema_check.py toml SCHEMA FILE...                            validates project files (TOML)
  schema_check.py new SCHEMA YEKUO WORKDIR TEMPLATE...           validates what `yekuo new` writes

The JSON contracts (SPEC §4) are interfaces other systems rely on: every report the tests
produce must follow its schema. TOML dates become ISO strings, as editors with the schema see them.
"""
import datetime
import json
import os
import subprocess
import sys
import tomllib

import jsonschema


def as_json(value):
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def validate(document, schema, what):
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors[:10]:
        print(f"{what}: {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}", file=sys.stderr)
    return not errors


def main():
    mode, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    ok = True
    if mode == "schema":  # check_schema above did the rest
        ok = schema.get("$schema") == "http://json-schema.org/draft-07/schema#"
        print(f"{schema_path}: {'a' if ok else 'NOT a'} draft-07 JSON Schema")
    elif mode == "output":
        expected_rc = int(sys.argv[3])
        assert sys.argv[4] == "--"
        cmd = sys.argv[5:]
        run = subprocess.run(cmd, capture_output=True)
        if run.returncode != expected_rc:
            print(f"{' '.join(cmd)}: exit {run.returncode}, expected {expected_rc}\n{run.stderr.decode()}", file=sys.stderr)
            return 1
        document = json.loads(run.stdout.decode("utf-8"))
        ok = validate(document, schema, " ".join(cmd[1:]))
        print(f"{' '.join(cmd[1:])}: {len(run.stdout)} bytes of JSON {'follow' if ok else 'do NOT follow'} {schema_path}")
    elif mode in ("toml", "new"):
        paths = sys.argv[3:]
        if mode == "new":
            yekuo, workdir, templates = sys.argv[3], sys.argv[4], sys.argv[5:]
            os.makedirs(workdir, exist_ok=True)
            paths = []
            for t in templates:
                path = os.path.join(workdir, f"{t}.toml")
                if os.path.exists(path):
                    os.remove(path)
                run = subprocess.run([yekuo, "new", path, "--template", t], capture_output=True)
                if run.returncode != 0:
                    print(f"yekuo new --template {t}: exit {run.returncode}\n{run.stderr.decode()}", file=sys.stderr)
                    return 1
                paths.append(path)
        for path in paths:
            with open(path, "rb") as f:
                document = as_json(tomllib.load(f))
            ok = validate(document, schema, path) and ok
        print(f"{len(paths)} project files checked against {schema_path}")
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
