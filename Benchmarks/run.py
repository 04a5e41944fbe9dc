#!/usr/bin/env python3
"""cardigan's benchmarks, run on demand (never in CI): `python3 Benchmarks/run.py [workload ...]`.

Workloads:
  validate   cardigan validate on 1, 100 and N generated cards, beside check-jsonschema on the
             same files against the same schema (installed from PyPI into Benchmarks/.venv).

Every figure is the median of --repeat runs, measured in the same run as its peer, with wall
time and peak memory (maximum resident set size) from GNU time. The machine is noisy: compare
the ratios, not the absolute numbers.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "Benchmarks" / "work"
VENV = ROOT / "Benchmarks" / ".venv"
SCHEMA = ROOT / "templates" / "model-card.schema.json"


def sh(*args, cwd=None, env=None, check=True):
    return subprocess.run(args, cwd=cwd, env=env, check=check, capture_output=True, text=True)


def build():
    sh("swift", "build", "-c", "release", "--product", "cardigan", cwd=ROOT)
    return str(ROOT / ".build" / "release" / "cardigan")


def venv_tool(name, package):
    exe = VENV / "bin" / name
    if not exe.exists():
        if not VENV.exists():
            sh(sys.executable, "-m", "venv", str(VENV))
        sh(str(VENV / "bin" / "pip"), "install", "--quiet", package)
    return str(exe)


def measure(argv, repeat, cwd=None, env=None, ok_codes=(0,)):
    """Median wall seconds and median peak RSS (MiB) of `argv` over `repeat` runs."""
    walls, peaks = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", *argv], cwd=cwd, env=env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        if result.returncode not in ok_codes:
            raise SystemExit(f"{argv[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
        _, rss = result.stderr.strip().splitlines()[-1].split()
        walls.append(elapsed)
        peaks.append(int(rss) / 1024)
    return statistics.median(walls), statistics.median(peaks)


def generate_cards(directory, count):
    """`count` realistic cards made from the bundled examples, each with its own name and figures."""
    examples = sorted((ROOT / "cards").glob("*.yaml"))
    directory.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source = examples[index % len(examples)]
        name = f"{source.stem}-{index:05d}"
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^name: .*$", f"name: {name}", text, count=1)
        text = re.sub(r"0\.(\d{2})(\d*)", lambda m: f"0.{(int(m.group(1)) + index) % 90 + 10}{m.group(2)}", text)
        (directory / f"{name}.yaml").write_text(text, encoding="utf-8")


def validate_workload(args, cardigan):
    check = venv_tool("check-jsonschema", "check-jsonschema")
    print(f"{'cards':>6} {'cardigan s':>11} {'MiB':>6} {'check-jsonschema s':>19} {'MiB':>6} {'ratio':>7}")
    for count in (1, 100, args.cards):
        directory = WORK / f"validate-{count}" / "cards"
        if directory.parent.exists():
            shutil.rmtree(directory.parent)
        generate_cards(directory, count)
        files = sorted(str(p) for p in directory.glob("*.yaml"))
        ours = measure([cardigan, "validate", *files], args.repeat, cwd=directory.parent)
        peer = measure([check, "--schemafile", str(SCHEMA), *files], args.repeat, cwd=directory.parent)
        print(f"{count:>6} {ours[0]:>11.3f} {ours[1]:>6.1f} {peer[0]:>19.3f} {peer[1]:>6.1f} {peer[0] / max(ours[0], 1e-3):>6.1f}x")


WORKLOADS = {"validate": validate_workload}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", nargs="*", default=list(WORKLOADS), choices=list(WORKLOADS) + [[]])
    parser.add_argument("--cards", type=int, default=1000, help="N, the largest number of cards (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    cardigan = build()
    for name in args.workloads or list(WORKLOADS):
        print(f"\n== {name}")
        WORKLOADS[name](args, cardigan)


if __name__ == "__main__":
    main()
