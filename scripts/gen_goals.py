#!/usr/bin/env python3
"""Generates a large, valid goal file for benchmarks: REPS reps in TEAMS teams and TARGETS
targets (one goal each, owned by a team, cycling through count, money and level metrics).
Reps are put into teams in blocks (the first REPS/TEAMS reps in team-0, and so on).

    python3 scripts/gen_goals.py REPS TEAMS TARGETS [--funnel] [--capacity] [--rep-goals]

With --funnel every count target works back through an outbound funnel (calls -> meetings ->
deals) and every rep gets selling hours, sized so that the activity mostly fits. With --capacity
the count and money metrics get a `capacity` and the file a [hiring] table, for `goals capacity`.
With --rep-goals goal g is owned by rep g % REPS instead of a team (the section 9 case of 10,000
reps each owning a goal; a goal of a rep who joins in April starts then). Deterministic: no
randomness."""
import sys

FUNNEL = '''[[funnels]]
id = "outbound"
stages = [
  { activity = "calls", rate = 0.10, minutes = 5 },
  { activity = "meetings", rate = 0.25, minutes = 45 },
  { activity = "deals" },
]
cycle_days = 14

'''


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    flags = [a for a in sys.argv[1:] if a.startswith('--')]
    if len(args) != 3 or any(f not in ('--funnel', '--capacity', '--rep-goals') for f in flags):
        sys.exit('usage: gen_goals.py REPS TEAMS TARGETS [--funnel] [--capacity] [--rep-goals]')
    reps, teams, targets = (int(a) for a in args)
    funnel = '--funnel' in flags
    capacity = '--capacity' in flags
    rep_goals = '--rep-goals' in flags
    out = sys.stdout
    out.write('[plan]\nname = "Benchmark"\nstart = 2027-01-01\nend = 2027-12-31\ncurrency = "EUR"\n')
    out.write('holidays = [2027-01-01, 2027-01-06, 2027-04-25, 2027-05-01, 2027-06-02, 2027-08-15, 2027-11-01, 2027-12-08, 2027-12-25, 2027-12-26]\n')
    out.write('max_goals_per_rep = 1000\n\n[[objectives]]\nid = "grow"\ntitle = "Grow revenue"\n\n')
    if funnel:
        out.write(FUNNEL)
    for t in range(teams):
        out.write(f'[[teams]]\nid = "team-{t}"\nname = "Team {t}"\n\n')
    for r in range(reps):
        extra = ''
        hours = 40
        if r % 10 == 3:
            extra = 'fte = 0.5\n'
            hours = 20
        elif r % 10 == 7:
            extra = 'start = 2027-04-01\nramp = [0.25, 0.5, 0.75]\n'
        if funnel:
            extra += f'hours_per_week = {hours}\nselling_share = 0.5\n'
        out.write(f'[[reps]]\nid = "rep-{r}"\nname = "Rep {r}"\nteam = "team-{r * teams // reps}"\n{extra}\n')
    deals_cap, revenue_cap = ('capacity = 5\n', 'capacity = 250000\n') if capacity else ('', '')
    out.write(f'[metrics.deals]\nkind = "count"\nsource = "CRM"\n{deals_cap}\n[metrics.revenue]\nkind = "money"\nsource = "CRM"\n{revenue_cap}\n')
    if capacity:
        out.write('[hiring]\nramp = [0, 0.3, 0.6, 0.9]\ntime_to_fill_days = 60\nattainment = 0.85\nattrition = 0.1\n\n')
    out.write('[metrics.hours]\nkind = "level"\nbetter = "lower"\nsource = "Time sheets"\n\n')
    for g in range(targets):
        kind = ('deals', 'revenue', 'hours')[g % 3]
        amount = {'deals': f'{40 + g % 50}\n  per = "month"', 'revenue': f'"{1000000 + g * 137}.50"', 'hours': '8\n  baseline = 15'}[kind]
        if funnel and kind == 'deals':
            amount += '\n  funnel = "outbound"'
        out.write(f'[[goals]]\nid = "goal-{g}"\ntitle = "Reach the {kind} target number {g}"\nfamily = "product"\n')
        owner = f'rep:rep-{g % reps}' if rep_goals else f'team:team-{g % teams}'
        out.write(f'objective = "grow"\nowner = "{owner}"\nreview = "monthly"\nsteps = ["Work the pipeline"]\n\n')
        if rep_goals and (g % reps) % 10 == 7:
            amount += '\n  start = 2027-04-01'  # the rep joins in April
        out.write(f'  [[goals.targets]]\n  metric = "{kind}"\n  target = {amount}\n\n')


if __name__ == '__main__':
    main()
