#!/usr/bin/env python3
"""The markdown table of `make bench` from the raw figures tests/bench/run.sh wrote.

  bench_table.py RAW_DIR

Every figure measured in several runs is shown as "median (min–max)"; a ratio is the ratio of
the medians. The bars are DESIGN.md §7's. Nothing here judges pass or fail: it prints figures.
"""
import glob
import os
import re
import statistics
import sys


def read_pairs(path):
    pairs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition(" ")
            pairs[key] = value
    return pairs


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def spread(values, digits):
    values = [v for v in values if v is not None]
    if not values:
        return "–", None
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}", median
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})", median


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    value = a / b
    # Below 1, also as "1/N", the form the bars are written in.
    return f"{value:.3f} (1/{1 / value:.0f})" if 0 < value < 0.5 else f"{value:.2f}"


NAMES = {
    "keiji": "keiji (renderer SDL picks)",
    "keiji-software": "keiji, no OpenGL",
    "chromium": "Chromium kiosk",
}


def steady_section(raw, meta, lines):
    runs = {}
    for path in sorted(glob.glob(os.path.join(raw, "steady-*-*.txt"))):
        pairs = read_pairs(path)
        runs.setdefault(pairs["program"], []).append(pairs)
    if not runs:
        return
    programs = [p for p in NAMES if p in runs]
    keijis = [p for p in programs if p.startswith("keiji")]
    compare = "chromium" in runs
    lines.append(f"### Steady state: 3 slides × 5 s, 1 s crossfade, header clock, 1920×1080 "
                 f"under Xvfb, {meta.get('steady_seconds', '?')} s window")
    lines.append("")
    header = "| figure | " + " | ".join(NAMES[p] for p in programs) + " |"
    divider = "| --- | " + " | ".join("---:" for _ in programs) + " |"
    if compare:
        header += "".join(f" {NAMES[p]} / Chromium |" for p in keijis) + " bar (DESIGN §7) |"
        divider += "".join(" ---: |" for _ in keijis) + " --- |"
    lines += [header, divider]
    rows = [
        ("CPU, whole process tree (s per minute)", "cpu_s_per_min", 2, "≤ 1/10"),
        ("PSS, whole process tree (MiB, mean of the window)", "pss_mib", 1, "≤ 1/10"),
        ("start → first frame with content (ms)", "first_frame_ms", 0, "≤ 1/10"),
        ("start → first complete frame, photo and text (ms)", "full_frame_ms", 0, "≤ 1/10"),
        ("X server CPU while it shows them (s per minute)", "xserver_cpu_s_per_min", 2, "–"),
        ("PSS, highest sample (MiB)", "pss_max_mib", 1, "–"),
    ]
    for title, key, digits, bar in rows:
        cells = []
        medians = {}
        for program in programs:
            text, median = spread([number(r.get(key)) for r in runs[program]], digits)
            cells.append(text)
            medians[program] = median
        line = f"| {title} | " + " | ".join(cells) + " |"
        if compare:
            line += "".join(f" {ratio(medians[p], medians['chromium'])} |" for p in keijis)
            line += f" {bar} |"
        lines.append(line)
    processes = " | ".join(
        "/".join(sorted({r.get("processes", "?") for r in runs[p]})) for p in programs)
    lines.append(f"| processes in the tree | {processes} |" +
                 ("".join(" |" for _ in keijis) + " |" if compare else ""))
    lines.append("")
    for program in keijis:
        renderer = {r.get("renderer") for r in runs[program]} - {None, "-"}
        if renderer:
            lines.append(f"- {NAMES[program]}: {', '.join(sorted(renderer))}.")
    if keijis:
        lines.append("")


def crossfade_section(raw, lines):
    figures = {}
    pattern = re.compile(r"crossfade (\d+x\d+) frames (\d+) p50 ([\d.]+) ms p99 ([\d.]+) ms")
    for path in sorted(glob.glob(os.path.join(raw, "crossfade-*.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                match = pattern.match(line)
                if match:
                    size, frames, p50, p99 = match.groups()
                    entry = figures.setdefault(size, {"frames": frames, "p50": [], "p99": []})
                    entry["p50"].append(float(p50))
                    entry["p99"].append(float(p99))
    if not figures:
        return
    lines.append("### Crossfade frame, SDL software renderer (compose + present in memory)")
    lines.append("")
    lines.append("| size | frames per run | p50 (ms) | p99 (ms) | bar (DESIGN §7) |")
    lines.append("| --- | ---: | ---: | ---: | --- |")
    for size, entry in figures.items():
        bar = "≤ 8 ms" if size == "1920x1080" else "–"
        lines.append(f"| {size.replace('x', '×')} | {entry['frames']} | "
                     f"{spread(entry['p50'], 2)[0]} | {spread(entry['p99'], 2)[0]} | {bar} |")
    lines.append("")


def slope_per_hour(samples):
    if len(samples) < 2:
        return None
    ts = [t for t, _ in samples]
    ps = [p for _, p in samples]
    mean_t = statistics.fmean(ts)
    mean_p = statistics.fmean(ps)
    denominator = sum((t - mean_t) ** 2 for t in ts)
    if denominator == 0:
        return None
    slope = sum((t - mean_t) * (p - mean_p) for t, p in zip(ts, ps)) / denominator
    return slope * 3600


def soak_section(raw, meta, lines):
    soaks = []
    for path in sorted(glob.glob(os.path.join(raw, "soak-*.txt"))):
        samples = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[0] == "sample":
                    samples.append((float(parts[1]), float(parts[2])))
        if samples:
            soaks.append(samples)
    if not soaks:
        return
    lines.append(f"### Memory soak: keiji, 50 promos with photos, 5 s each, "
                 f"{meta.get('soak_seconds', '?')} s, PSS every {meta.get('soak_interval', '?')} s")
    lines.append("")
    lines.append("| PSS start (MiB) | end (MiB) | max (MiB) | slope (MiB per hour) "
                 "| slope, second half (MiB per hour) | samples |")
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    starts = [s[0][1] for s in soaks]
    ends = [s[-1][1] for s in soaks]
    maxima = [max(p for _, p in s) for s in soaks]
    slopes = [slope_per_hour(s) for s in soaks]
    # The first minutes include warming up (glyph and photo caches filling); a leak shows in
    # the second half too.
    late = [slope_per_hour(s[len(s) // 2:]) for s in soaks]
    lines.append(f"| {spread(starts, 1)[0]} | {spread(ends, 1)[0]} | {spread(maxima, 1)[0]} | "
                 f"{spread(slopes, 1)[0]} | {spread(late, 1)[0]} | "
                 f"{'/'.join(str(len(s)) for s in soaks)} |")
    lines.append("")


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    raw = argv[1]
    meta_path = os.path.join(raw, "meta.txt")
    meta = read_pairs(meta_path) if os.path.exists(meta_path) else {}
    lines = ["## keiji benchmarks", ""]
    lines.append(f"{meta.get('date', '?')}; {meta.get('host', '?')}; load average at start "
                 f"{meta.get('load_at_start', '?')}.  ")
    lines.append(f"{meta.get('keiji', 'keiji ?')}; {meta.get('chromium', 'Chromium not run')}.  ")
    soak = ("skipped" if meta.get("soak_seconds") == "0"
            else f"{meta.get('soak_runs', '?')} run(s)")
    lines.append(f"Figures: median (min–max) of {meta.get('runs', '?')} runs; soak: {soak}.")
    lines.append("")
    steady_section(raw, meta, lines)
    crossfade_section(raw, lines)
    soak_section(raw, meta, lines)
    print("\n".join(lines).rstrip() + "\n")


if __name__ == "__main__":
    main(sys.argv)
