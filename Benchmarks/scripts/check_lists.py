#!/usr/bin/env python3
"""What a CHECK (x IN (...)) list costs a statement executed once per row, as the
importers' are: ROWS rows (default 300,000) inserted one execution each (executemany)
into a table with four such checks of five words, the same checks written as OR
chains (the same truth for every value, NULL included), and none. Interleaved; prints
seconds per variant and run (docs/benchmarks.md, third sitting).
Usage: check_lists.py   (ROWS: the rows per run)
"""
import os
import sqlite3
import tempfile
import time

ROWS = int(os.environ.get("ROWS", "300000"))
WORDS = ["'confirmed'", "'reported'", "'estimated'", "'up_to'", "'disputed'"]
COLUMNS = ["a", "b", "c", "d"]


def definition(variant, column):
    if variant == "in":
        return f"{column} TEXT CHECK ({column} IN ({', '.join(WORDS)}))"
    if variant == "or":
        return f"{column} TEXT CHECK ({' OR '.join(f'{column} = {w}' for w in WORDS)})"
    return f"{column} TEXT"


def run(variant, directory):
    path = os.path.join(directory, f"{variant}.sqlite")
    for suffix in ("", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(definition(variant, c) for c in COLUMNS)}) STRICT")
    rows = [(None, "confirmed", "reported", None, "estimated")] * ROWS
    start = time.time()
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    seconds = time.time() - start
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == ROWS
    db.close()
    return seconds


with tempfile.TemporaryDirectory() as directory:
    for variant in ["none", "in", "or", "in", "or", "none"]:
        print(f"{variant}\t{run(variant, directory):.3f} s", flush=True)
