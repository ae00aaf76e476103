#!/usr/bin/env python3
"""Benchmark data for `goals track`: a goal file with REPS reps in teams of 20 and an actuals
CSV of ROWS rows (standard columns date,rep,metric,value) spread over 2027.

    python3 scripts/gen_actuals.py OUT_DIR [ROWS] [REPS]

Writes OUT_DIR/bench.toml and OUT_DIR/actuals.csv. Deterministic (fixed seed).
"""
import os
import random
import sys
from datetime import date, timedelta


def goal_file(reps: int) -> str:
    teams = (reps + 19) // 20
    out = [
        "[plan]",
        'name = "Benchmark"',
        "start = 2027-01-01",
        "end = 2027-12-31",
        'currency = "EUR"',
        "",
    ]
    for t in range(teams):
        out += ["[[teams]]", f'id = "t{t:03}"', f'name = "Team {t}"', ""]
    for r in range(reps):
        out += ["[[reps]]", f'id = "r{r:04}"', f'name = "Rep {r}"', f'team = "t{r // 20:03}"', ""]
    out += [
        "[metrics.deals]", 'kind = "count"', 'unit = "deals"', 'source = "CRM"', "",
        "[metrics.revenue]", 'kind = "money"', 'unit = "EUR"', 'source = "CRM"', "",
    ]
    for t in range(teams):
        out += [
            "[[goals]]", f'id = "deals-t{t:03}"', f'title = "Close 2000 deals in team {t}"',
            'family = "customers"', f'owner = "team:t{t:03}"', 'review = "monthly"',
            'steps = ["Review the pipeline every Monday"]',
            "  [[goals.targets]]", '  metric = "deals"', "  target = 2000", "",
            "  [[goals.targets]]", '  metric = "revenue"', "  target = 4000000", "",
        ]
    return "\n".join(out) + "\n"


def main() -> None:
    out_dir = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "bench.toml"), "w") as f:
        f.write(goal_file(reps))
    rng = random.Random(2027)
    days = [(date(2027, 1, 1) + timedelta(d)).isoformat() for d in range(365)]
    with open(os.path.join(out_dir, "actuals.csv"), "w") as f:
        f.write("date,rep,metric,value\n")
        for i in range(rows):
            day = days[rng.randrange(365)]
            rep = rng.randrange(reps)
            if i % 2:
                f.write(f"{day},r{rep:04},revenue,{rng.randrange(100, 500000) / 100:.2f}\n")
            else:
                f.write(f"{day},r{rep:04},deals,1\n")


if __name__ == "__main__":
    main()
