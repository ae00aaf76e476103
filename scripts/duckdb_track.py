#!/usr/bin/env python3
"""The DuckDB reference of `goals track` (SPEC.md section 9): the bare sum of an actuals CSV by
rep, metric and month, joined to a plan table of a quota per rep, metric and month.

    python3 scripts/duckdb_track.py ACTUALS.csv REPS THREADS

Prints the number of result rows and the query's own time; run it under /usr/bin/time for the
whole process (start-up, reading, memory).
"""
import sys
import time

import duckdb

path, reps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = duckdb.connect()
con.execute(f"SET threads = {threads}")
con.execute(
    "CREATE TABLE plan AS SELECT 'r' || lpad(i::VARCHAR, 4, '0') AS rep, metric, m AS month, "
    "1000::DECIMAL(18, 2) AS quota FROM range(?) t(i), (VALUES ('deals'), ('revenue')) v(metric), "
    "range(1, 13) s(m)",
    [reps],
)
started = time.time()
rows = con.execute(
    "SELECT a.rep, a.metric, month(a.date) AS month, sum(a.value) AS actual, "
    "any_value(p.quota) AS plan FROM read_csv(?, header = true, columns = {'date': 'DATE', "
    "'rep': 'VARCHAR', 'metric': 'VARCHAR', 'value': 'DECIMAL(18, 2)'}) a JOIN plan p "
    "ON p.rep = a.rep AND p.metric = a.metric AND p.month = month(a.date) GROUP BY ALL",
    [path],
).fetchall()
print(f"{len(rows)} rows in {time.time() - started:.3f} s (threads={threads})")
