#!/usr/bin/env python3
"""Draws how cost grows, from growth.sh's measurements, as one SVG with no
dependencies: import time (aikb, sqlite3 .import and, when measured, the set-based
floor), the slowest report's time and
aikb's peak import memory against the number of rounds, each beside the straight line
through its smallest measurement (what linear growth would give), and writes the
figures as a Markdown table on stdout, with the growth per doubling.
A size measured several times (growth.sh given the sizes again, round-robin, so that
the machine's swings fall on every size alike) counts with the median of its times
and the largest of its peaks.
Usage: growth_chart.py GROWTH.tsv OUT.svg
"""
import sys
from collections import defaultdict
from statistics import median

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
sizes = sorted({int(r[0]) for r in rows})
measured = defaultdict(lambda: defaultdict(list))
for rounds, what, secs, kib in rows:
    measured[what][int(rounds)].append((float(secs), int(kib)))
seconds = defaultdict(dict)
peak = defaultdict(dict)
runs = defaultdict(dict)
for what, by_size in measured.items():
    for n, values in by_size.items():
        seconds[what][n] = median(v[0] for v in values)
        peak[what][n] = max(v[1] for v in values)
        runs[what][n] = len(values)
reports = [w for w in seconds if w.startswith("report ")]
# The slowest report at each size that has reports measured (a size may have the import only).
report_sizes = [n for n in sizes if any(n in seconds[w] for w in reports)]
# Among the reports measured at every one of those sizes (a report stopped at one size
# is left out of the line, and said so in the text beside the chart).
complete = [w for w in reports if all(n in seconds[w] for n in report_sizes)]
slowest = {n: max(complete, key=lambda w: seconds[w][n]) for n in report_sizes}

series = [
    ("Import, seconds", [
        ("aikb import", "#1f77b4", {n: seconds["aikb import"][n] for n in sizes}),
        ("sqlite3 .import", "#7f7f7f", {n: seconds["sqlite3 .import"][n] for n in sizes}),
    ] + ([("set-based floor (sql_floor.sh)", "#ff7f0e", {n: seconds["set-based floor"][n] for n in sizes})]
         if all(n in seconds.get("set-based floor", {}) for n in sizes) else [])),
    ("Slowest report, seconds", [
        ("slowest built-in report", "#d62728", {n: seconds[slowest[n]][n] for n in report_sizes}),
    ]),
    ("aikb import peak memory, MiB", [
        ("peak resident memory", "#2ca02c", {n: peak["aikb import"][n] / 1024 for n in sizes}),
    ]),
]

# A run of the import alone (GROWTH_REPORTS=none) has no report to draw: no panel for it.
series = [(title, [line for line in lines if line[2]]) for title, lines in series]
series = [(title, lines) for title, lines in series if lines]

width, height, margin = 360, 260, 52
panels = len(series)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{panels * width}" height="{height + 40}" '
       f'font-family="Helvetica, Arial, sans-serif" font-size="11">',
       f'<rect width="{panels * width}" height="{height + 40}" fill="white"/>']
xmax = max(sizes)
for index, (title, lines) in enumerate(series):
    x0 = index * width + margin
    plot_w, plot_h = width - margin - 16, height - 2 * margin + 10
    y0 = margin + plot_h
    ymax = max(max(values.values()) for _, _, values in lines)
    # the linear reference reaches further than the data where growth is sublinear
    for _, _, values in lines:
        first = min(values)
        ymax = max(ymax, values[first] / first * max(values))
    ymax *= 1.08

    def px(n):
        return x0 + plot_w * n / xmax

    def py(v):
        return y0 - plot_h * v / ymax

    svg.append(f'<text x="{x0}" y="{margin - 22}" font-size="13" font-weight="bold">{title}</text>')
    svg.append(f'<line x1="{x0}" y1="{y0}" x2="{x0 + plot_w}" y2="{y0}" stroke="#333"/>')
    svg.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{margin - 6}" stroke="#333"/>')
    for n in sizes:
        svg.append(f'<line x1="{px(n):.1f}" y1="{y0}" x2="{px(n):.1f}" y2="{y0 + 4}" stroke="#333"/>')
        svg.append(f'<text x="{px(n):.1f}" y="{y0 + 16}" text-anchor="middle">{n / 1e6:g}M</text>')
    for k in range(5):
        v = ymax * k / 4
        svg.append(f'<text x="{x0 - 6}" y="{py(v) + 4:.1f}" text-anchor="end">{v:.3g}</text>')
        svg.append(f'<line x1="{x0}" y1="{py(v):.1f}" x2="{x0 + plot_w}" y2="{py(v):.1f}" stroke="#eee"/>')
    svg.append(f'<text x="{x0 + plot_w / 2}" y="{y0 + 32}" text-anchor="middle">rounds</text>')
    for row, (label, colour, values) in enumerate(lines):
        measured = sorted(values)
        slope = values[measured[0]] / measured[0]
        svg.append(f'<line x1="{px(0):.1f}" y1="{py(0):.1f}" x2="{px(measured[-1]):.1f}" y2="{py(slope * measured[-1]):.1f}" '
                   f'stroke="{colour}" stroke-dasharray="4 4" stroke-opacity="0.6"/>')
        points = " ".join(f"{px(n):.1f},{py(values[n]):.1f}" for n in measured)
        svg.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for n in measured:
            svg.append(f'<circle cx="{px(n):.1f}" cy="{py(values[n]):.1f}" r="3" fill="{colour}"/>')
        svg.append(f'<text x="{x0 + 8}" y="{margin + 4 + 14 * row}" fill="{colour}">{label}</text>')
    svg.append(f'<text x="{x0 + 8}" y="{margin + 4 + 14 * len(lines)}" fill="#666">dashed: linear from the smallest size</text>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg) + "\n")

floor = seconds.get("set-based floor", {})
print("| rounds | runs | aikb import | sqlite3 .import | ratio | set-based floor | aikb / floor | aikb peak memory | slowest report | its time |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
for n in sizes:
    a, s = seconds["aikb import"][n], seconds["sqlite3 .import"][n]
    f = f"{floor[n]:.1f} s | {a / floor[n]:.2f}×" if n in floor else "(not measured) | "
    report = f"`{slowest[n][7:]}` | {seconds[slowest[n]][n]:.2f} s" if n in slowest else "(not measured) |"
    print(f"| {n:,} | {runs['aikb import'][n]} | {a:.1f} s | {s:.1f} s | {a / s:.2f}× | {f} | {peak['aikb import'][n] / 1024:.1f} MiB | {report} |")
# Growth per step between sizes (×2.00 at a doubling is linear).
print()
for what in ["aikb import", "sqlite3 .import", "set-based floor"]:
    if all(n in seconds.get(what, {}) for n in sizes) and len(sizes) > 1:
        steps = ", ".join(f"×{seconds[what][b] / seconds[what][a]:.2f}" for a, b in zip(sizes, sizes[1:]))
        print(f"{what}: {steps} per step ({sizes[-1] / sizes[0]:g}× the rows: ×{seconds[what][sizes[-1]] / seconds[what][sizes[0]]:.2f})")
