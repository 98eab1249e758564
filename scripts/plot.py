#!/usr/bin/env python3
"""Turns a bench results CSV into PNG charts.

    scripts/plot.py results/<run>/samples.csv [--out DIR]
    scripts/plot.py history/history.json [--out DIR]      (written by bench history --out)

Writes, next to the CSV unless --out says otherwise:
  wall.png       median wall time per model and workload, with the min-max range of the samples;
  speedup.png    speedup over serial against workers, one line per model, with the ideal
                 (when the run has several worker counts, e.g. from bench sweep), and each
                 model's fitted scalability law (USL or Amdahl, from results.json beside the CSV)
                 as a dotted curve through its points;
  crossover.png  a heatmap of event-loop's time over the best parallel model's, per I/O fraction and
                 workers: above 1 parallelism wins, at or below 1 one thread keeps up (sweeps);
  timeline.png   each model's tasks on the lanes that ran them, from trace.json beside the CSV
                 (written by --trace or a workload file with trace: true).
  trend.png      from a history.json: each cell's median over the results, oldest first, with
                 its 95% interval, and the latest result's verdict (regressed cells in red).
Only samples with status ok are plotted; failed ones are never averaged in.
"""
import argparse
import csv
import json
import os
import statistics
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MODEL_ORDER = ["serial", "threads", "async", "async-blocking", "event-loop", "processes", "spawn"]


def load(path):
    with open(path, newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("status") == "ok"]
    if not rows:
        sys.exit(f"plot.py: {path} has no successful samples to plot.")
    for column in ("workload", "model", "workers", "wall_s", "speedup"):
        if column not in rows[0]:
            sys.exit(f"plot.py: {path} lacks the column '{column}'; give a samples.csv written by bench.")
    return rows


# The columns that name an experiment (a cell without its model and workers), as bench writes them;
# older CSVs lack some, which then read as empty.
EXPERIMENT_COLUMNS = ("workload", "io_fraction", "io_kind", "file_bytes", "alloc_objects", "alloc_bytes", "allocator",
                      "runtime", "interpreter", "gil", "function", "arguments", "start_method", "machine")


def experiment(row):
    """The experiment a sample belongs to: every dimension of its cell but the model and workers."""
    return tuple(row.get(column) or "" for column in EXPERIMENT_COLUMNS)


def experiment_name(key, varying):
    """A label for people: the workload, then only the dimensions that vary across the file."""
    parts = [key[0]]
    for index, column in enumerate(EXPERIMENT_COLUMNS[1:], start=1):
        if column in varying and key[index]:
            parts.append("I/O fraction " + key[index] if column == "io_fraction" else f"{column} {key[index]}")
    return " · ".join(parts)


def cells(rows):
    """Median wall time and speedup per cell: (experiment, io_fraction, model, workers)."""
    groups = defaultdict(list)
    for row in rows:
        key = (experiment(row), float(row.get("io_fraction") or 0), row["model"], int(row["workers"]))
        groups[key].append(row)
    out = {}
    for key, group in groups.items():
        walls = [float(r["wall_s"]) for r in group]
        out[key] = {
            "wall": statistics.median(walls), "min": min(walls), "max": max(walls),
            "speedup": statistics.median(float(r["speedup"]) for r in group),
            "tasks": int(group[0]["tasks"]), "task_ms": float(group[0]["task_ms"]),
            "cores": int(group[0]["cores_available"]), "kind": group[0]["kind"],
        }
    return out


def ordered(models):
    return sorted(models, key=lambda m: MODEL_ORDER.index(m) if m in MODEL_ORDER else len(MODEL_ORDER))


def varying(data):
    """The experiment columns whose values differ across the file."""
    keys = {k[0] for k in data}
    return {column for index, column in enumerate(EXPERIMENT_COLUMNS) if len({key[index] for key in keys}) > 1}


def plot_wall(data, out):
    workloads = sorted({k[0] for k in data})
    vary = varying(data)
    fig, axes = plt.subplots(1, len(workloads), figsize=(5 * len(workloads), 4), squeeze=False)
    for ax, workload in zip(axes[0], workloads):
        keys = [k for k in data if k[0] == workload]
        keys.sort(key=lambda k: (MODEL_ORDER.index(k[2]) if k[2] in MODEL_ORDER else 99, k[3]))
        labels = [f"{k[2]}\n×{k[3]}" for k in keys]
        medians = [data[k]["wall"] * 1000 for k in keys]
        low = [(data[k]["wall"] - data[k]["min"]) * 1000 for k in keys]
        high = [(data[k]["max"] - data[k]["wall"]) * 1000 for k in keys]
        ax.bar(range(len(keys)), medians, yerr=[low, high], capsize=3, color="#4C72B0")
        ax.set_xticks(range(len(keys)), labels, fontsize=8)
        ax.set_ylabel("median wall time (ms)")
        ax.set_title(f"{experiment_name(workload, vary)}: wall time per model (bars: min–max)", fontsize=9)
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    path = os.path.join(out, "wall.png")
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def ideal_speedup(cell_serial, workers, io_fraction, cores):
    serial = cell_serial["wall"]
    usable = min(workers, cores)
    compute = serial * (1 - io_fraction) / usable
    rounds = -(-cell_serial["tasks"] // workers) * cell_serial["task_ms"] / 1000
    return serial / max(compute, rounds) if max(compute, rounds) > 0 else 1


def load_fits(csv_path):
    """The scalability fits bench wrote into results.json beside the CSV, if any."""
    path = os.path.join(os.path.dirname(os.path.abspath(csv_path)), "results.json")
    try:
        with open(path) as handle:
            return json.load(handle).get("scalability", [])
    except (OSError, ValueError):
        return []


def fitted(fits, key, fraction, model):
    """The fit for this panel's experiment and model: same workload, I/O fraction and runtime."""
    runtime = key[EXPERIMENT_COLUMNS.index("runtime")] or "swift"
    interpreter = key[EXPERIMENT_COLUMNS.index("interpreter")] or None
    gil = key[EXPERIMENT_COLUMNS.index("gil")] or None
    for fit in fits:
        cell = fit["experiment"]
        if (fit["model"] == model and cell["workload"] == key[0] and abs(cell.get("ioFraction", 0) - fraction) < 1e-9
                and cell.get("runtime", "swift") == runtime and cell.get("interpreter") == interpreter
                and cell.get("gil") == gil):
            return fit
    return None


def plot_speedup(data, out, fits=()):
    panels = sorted({(k[0], k[1]) for k in data})
    workers_all = sorted({k[3] for k in data if k[2] != "serial"})
    if len(workers_all) < 2:
        return None
    fig, axes = plt.subplots(1, len(panels), figsize=(4.5 * len(panels), 4), squeeze=False, sharey=True)
    for ax, (workload, fraction) in zip(axes[0], panels):
        models = ordered({k[2] for k in data if k[0] == workload and k[2] != "serial"})
        for model in models:
            points = sorted((k[3], data[k]["speedup"]) for k in data if k[0] == workload and k[2] == model)
            line, = ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=model)
            fit = fitted(fits, workload, fraction, model)
            if fit:
                top = max(workers_all)
                xs = [1 + i * (top - 1) / 99 for i in range(100)]
                ys = [n / (1 + fit["sigma"] * (n - 1) + fit["kappa"] * n * (n - 1)) for n in xs]
                law = "USL" if fit["law"] == "usl" else "Amdahl"
                ax.plot(xs, ys, linestyle=":", color=line.get_color(),
                        label=f"{model} {law} fit (σ {fit['sigma']:.3f}, κ {fit['kappa']:.4f})")
        serial = data.get((workload, fraction, "serial", 1))
        if serial:
            ax.plot(workers_all, [ideal_speedup(serial, w, fraction, serial["cores"]) for w in workers_all],
                    linestyle="--", color="grey", label="ideal")
        ax.set_xscale("log", base=2)
        ax.set_xticks(workers_all, [str(w) for w in workers_all])
        ax.set_xlabel("workers")
        ax.set_title(experiment_name(workload, varying(data) | {"io_fraction"}), fontsize=9)
        ax.grid(alpha=0.3)
    axes[0][0].set_ylabel("speedup over serial (×)")
    axes[0][-1].legend(fontsize=8)
    fig.tight_layout()
    path = os.path.join(out, "speedup.png")
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_crossover(data, out):
    fractions = sorted({k[1] for k in data})
    workers_all = sorted({k[3] for k in data if k[2] != "serial"})
    if len(fractions) < 2 or not any(k[2] == "event-loop" for k in data):
        return None
    grid = []
    for fraction in fractions:
        row = []
        for workers in workers_all:
            loop = [v["wall"] for k, v in data.items() if k[1] == fraction and k[2] == "event-loop" and k[3] == workers]
            parallel = [v["wall"] for k, v in data.items()
                        if k[1] == fraction and k[3] == workers and k[2] not in ("serial", "event-loop")]
            row.append(loop[0] / min(parallel) if loop and parallel else float("nan"))
        grid.append(row)
    fig, ax = plt.subplots(figsize=(1.2 * len(workers_all) + 3, 0.7 * len(fractions) + 2))
    image = ax.imshow(grid, cmap="RdYlGn_r", vmin=0.5, vmax=2.5, aspect="auto", origin="lower")
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=9)
    ax.set_xticks(range(len(workers_all)), [str(w) for w in workers_all])
    ax.set_yticks(range(len(fractions)), [f"{f:g}" for f in fractions])
    ax.set_xlabel("workers")
    ax.set_ylabel("I/O fraction (share of each task waiting)")
    ax.set_title("event-loop time ÷ best parallel model's time\n(> 1: parallelism wins; ≤ 1: one thread keeps up)")
    fig.colorbar(image, ax=ax, label="time ratio (×)")
    fig.tight_layout()
    path = os.path.join(out, "crossover.png")
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_timeline(trace_path, out):
    with open(trace_path) as handle:
        events = json.load(handle)["traceEvents"]
    names = {e["pid"]: e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "process_name"}
    tasks = [e for e in events if e["ph"] == "X"]
    # One sample per model: the first repetition found. The model is each task event's category.
    models_of = {e["pid"]: e["cat"] for e in tasks}
    chosen = {}
    for pid in sorted(names):
        if pid in models_of:
            chosen.setdefault(models_of[pid], pid)
    if not chosen:
        return None
    models = ordered(chosen)
    fig, axes = plt.subplots(len(models), 1, figsize=(9, 1.3 * len(models) + 1), squeeze=False, sharex=True)
    for ax, model in zip(axes[:, 0], models):
        pid = chosen[model]
        mine = [e for e in tasks if e["pid"] == pid]
        lanes = sorted({e["tid"] for e in mine})
        for event in mine:
            lane = lanes.index(event["tid"])
            ax.barh(lane, event["dur"] / 1000, left=event["ts"] / 1000, height=0.6, edgecolor="white", color="#55A868")
        ax.set_yticks(range(len(lanes)), [f"lane {lane + 1}" for lane in lanes], fontsize=8)
        ax.set_title(names[pid], fontsize=9, loc="left")
        ax.grid(axis="x", alpha=0.3)
    axes[-1][0].set_xlabel("time since the sample started (ms)")
    fig.suptitle("task timeline: each bar is one task, on the thread or process that ran it")
    fig.tight_layout()
    path = os.path.join(out, "timeline.png")
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_trend(path, out):
    """Each cell's median over time, with its interval; the latest point marked by its verdict."""
    with open(path) as handle:
        history = json.load(handle)
    series = history.get("series", [])
    if not series:
        sys.exit(f"plot.py: {path} holds no cells to plot.")
    sources = history["sources"]
    metric = history["settings"]["metric"]
    scale = 1000 if metric in ("wall", "cpu") else 1
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(sources) + 3), 4.5))
    for entry in series:
        cell = entry["cell"]
        label = f"{cell['workload']} · {cell['model']} × {cell['workers']}"
        points = entry["points"]
        xs = [p["source"] + 1 for p in points]
        ys = [p["median"] * scale for p in points]
        line, = ax.plot(xs, ys, marker="o", label=label)
        low = [(p["median"] - p["low"]) * scale if p.get("low") is not None else 0 for p in points]
        high = [(p["high"] - p["median"]) * scale if p.get("high") is not None else 0 for p in points]
        ax.errorbar(xs, ys, yerr=[low, high], fmt="none", ecolor=line.get_color(), capsize=3, alpha=0.6)
        verdict = (entry.get("latest") or {}).get("verdict")
        if verdict == "regressed" and xs:
            ax.plot(xs[-1], ys[-1], marker="o", markersize=12, markerfacecolor="none", markeredgecolor="red")
    ax.set_xticks(range(1, len(sources) + 1), [str(i) for i in range(1, len(sources) + 1)])
    ax.set_xlabel("result, oldest first")
    ax.set_ylabel(f"median {metric} (ms)" if metric in ("wall", "cpu") else f"median {metric}")
    ax.set_title(f"bench history: the latest against the previous {history['window']} (red ring: regressed)",
                 fontsize=9)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    target = os.path.join(out, "trend.png")
    fig.savefig(target, dpi=120)
    plt.close(fig)
    return target


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", help="a samples.csv written by bench run or bench sweep, or a history.json")
    parser.add_argument("--out", help="folder for the PNGs (default: the CSV's folder)")
    args = parser.parse_args()
    out = args.out or os.path.dirname(os.path.abspath(args.csv))
    os.makedirs(out, exist_ok=True)
    if args.csv.endswith(".json"):
        print(plot_trend(args.csv, out))
        return
    data = cells(load(args.csv))
    written = [plot_wall(data, out), plot_speedup(data, out, load_fits(args.csv)), plot_crossover(data, out)]
    trace = os.path.join(os.path.dirname(os.path.abspath(args.csv)), "trace.json")
    if os.path.exists(trace):
        written.append(plot_timeline(trace, out))
    for path in filter(None, written):
        print(path)


if __name__ == "__main__":
    main()
