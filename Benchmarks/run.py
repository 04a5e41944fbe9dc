#!/usr/bin/env python3
"""cardigan's benchmarks, run on demand (never in CI): `python3 Benchmarks/run.py [workload ...]`.

Workloads:
  validate   cardigan validate on 1, 100 and N generated cards, beside check-jsonschema on the
             same files against the same schema (installed from PyPI into Benchmarks/.venv).
  commit     1,000 successive versions of one card, and 1 version each of 1,000 cards, made by
             `cardigan commit`, against the same work done with the git CLI (git add + git
             commit + git tag -a), in the same run.
  queries    `log`, `list`, `verify`, the pre-commit hook and `check` on a repository of N cards x
             10 versions, as cardigan wrote it (loose objects) and packed by `git gc` (as a
             clone has it); "cold" runs start without the snapshot cache.
  approvals  `verify` of a repository where N cards were each approved by a signed approval
             (`cardigan approve`, an Ed25519 key), beside the same repository whose N cards were
             moved to Approved by plain status commits, without an approval policy.
  site       `cardigan site` on a repository of N cards x 10 versions: cold (an empty output
             folder), after one card changed (a new version of one card, committed untimed
             before each run), and with nothing changed.

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
    # Statically linked Swift runtime: about half the start-up time, which every hook pays.
    sh("swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-static",
       "--product", "cardigan", cwd=ROOT)
    return str(ROOT / ".build-static" / "release" / "cardigan")


def venv_tool(name, package):
    exe = VENV / "bin" / name
    if not exe.exists():
        if not VENV.exists():
            sh(sys.executable, "-m", "venv", str(VENV))
        sh(str(VENV / "bin" / "pip"), "install", "--quiet", package)
    return str(exe)


def measure(argv, repeat, cwd=None, env=None, ok_codes=(0,), before=None):
    """Median wall seconds and median peak RSS (MiB) of `argv` over `repeat` runs; `before`
    runs ahead of each one, untimed."""
    walls, peaks = [], []
    for _ in range(repeat):
        if before:
            before()
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
        # One card per model: each card documents its own model.
        text = re.sub(r"(?m)^(  model_name: )(.*)$", lambda m: f"{m.group(1)}{m.group(2)}-{index:05d}", text, count=1)
        text = re.sub(r"0\.(\d{2})(\d*)", lambda m: f"0.{(int(m.group(1)) + index) % 90 + 10}{m.group(2)}", text)
        # One model package version per card: a package links to one card.
        text = re.sub(r"(?m)^(  model_package_version: )\d+$", lambda m: f"{m.group(1)}{index + 1}", text)
        text = re.sub(r"(model-package/[a-z0-9-]+/)\d+", lambda m: f"{m.group(1)}{index + 1}", text)
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


def git_env():
    env = dict(os.environ)
    env.update({"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
                "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com", "NO_COLOR": "1"})
    return env


def fresh_repo(name):
    path = WORK / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    sh("git", "init", "-q", "-b", "main", cwd=path)
    return path


def edit_card(path, round_index):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(  model_description: ).*$", lambda m: f"{m.group(1)}Revision {round_index}.", text, count=1)
    path.write_text(text, encoding="utf-8")


def timed(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def commit_workload(args, cardigan):
    """N successive versions of one card, and one version each of N cards, by cardigan and by git."""
    env = git_env()
    n = args.versions
    card = "cards/one.yaml"
    minimal = (ROOT / "templates/cards/minimal.yaml").read_text().replace("{{name}}", "one")

    def ours_versions():
        repo = fresh_repo("commit-ours")
        (repo / "cards").mkdir()
        (repo / card).write_text(minimal)
        for index in range(n):
            edit_card(repo / card, index)
            subprocess.run([cardigan, "commit", "-m", f"v{index}"], cwd=repo, env=env, check=True, capture_output=True)

    def git_versions():
        repo = fresh_repo("commit-git")
        (repo / "cards").mkdir()
        (repo / card).write_text(minimal)
        for index in range(n):
            edit_card(repo / card, index)
            subprocess.run(["git", "add", card], cwd=repo, env=env, check=True)
            subprocess.run(["git", "commit", "-q", "-m", f"v{index}"], cwd=repo, env=env, check=True)
            subprocess.run(["git", "tag", "-a", "-m", f"v{index}", f"cards/one/v{index + 1}"], cwd=repo, env=env, check=True)

    def many_cards(name):
        # Made before the clock starts: only the committing is timed, on both sides.
        repo = fresh_repo(name)
        (repo / "cards").mkdir()
        generate_cards(repo / "cards", n)
        return repo

    def ours_cards(repo):
        subprocess.run([cardigan, "commit", "-m", "all"], cwd=repo, env=env, check=True, capture_output=True)

    def git_cards(repo):
        subprocess.run(["git", "add", "cards"], cwd=repo, env=env, check=True)
        subprocess.run(["git", "commit", "-q", "-m", "all"], cwd=repo, env=env, check=True)
        for path in sorted((repo / "cards").glob("*.yaml")):
            subprocess.run(["git", "tag", "-a", "-m", "v1", f"cards/{path.stem}/v1"], cwd=repo, env=env, check=True)

    print(f"{'workload':<34} {'cardigan s':>11} {'git CLI s':>10} {'ratio':>7}")
    ours_repo, git_repo = many_cards("cards-ours"), many_cards("cards-git")
    for label, ours, peer in ((f"{n} versions of one card", ours_versions, git_versions),
                              (f"1 version each of {n} cards", lambda: ours_cards(ours_repo),
                               lambda: git_cards(git_repo))):
        a, b = timed(ours), timed(peer)
        print(f"{label:<34} {a:>11.2f} {b:>10.2f} {b / a:>6.1f}x")


def history_repo(args, cardigan, name):
    """A repository of C cards x 10 versions made by cardigan (each commit versions 10 cards)."""
    env = git_env()
    cards, versions = args.cards, 10
    repo = fresh_repo(name)
    (repo / "cards").mkdir()
    generate_cards(repo / "cards", cards)
    paths = sorted((repo / "cards").glob("*.yaml"))
    started = time.perf_counter()
    subprocess.run([cardigan, "commit", "-m", "v1 of every card"], cwd=repo, env=env, check=True, capture_output=True)
    for round_index in range(1, versions):
        for start in range(0, cards, 10):
            batch = paths[start:start + 10]
            for path in batch:
                edit_card(path, round_index)
            subprocess.run([cardigan, "commit", *[p.stem for p in batch], "-m", f"round {round_index}"],
                           cwd=repo, env=env, check=True, capture_output=True)
    commits = sh("git", "rev-list", "--count", "main", cwd=repo).stdout.strip()
    print(f"built {cards} cards x {versions} versions ({commits} commits) in {time.perf_counter() - started:.0f} s")
    return repo, paths


def query_workload(args, cardigan):
    """log, list and verify on a repository of C cards x V versions (each commit versions 10 cards)."""
    env = git_env()
    repo, paths = history_repo(args, cardigan, "queries")
    base = sh("git", "rev-parse", "HEAD", cwd=repo).stdout.strip()

    # A 20-commit pull request on a branch, and one staged card change for the pre-commit hook.
    sh("git", "checkout", "-q", "-b", "pr", cwd=repo)
    for index in range(20):
        path = paths[(index * 37) % len(paths)]
        edit_card(path, 100 + index)
        subprocess.run([cardigan, "commit", path.stem, "-m", f"pr {index}"], cwd=repo, env=env, check=True,
                       capture_output=True)
    sh("git", "checkout", "-q", "main", cwd=repo)
    # A card the pull request does not touch: its next version is free on main.
    edit_card(paths[1], 999)
    sh("git", "add", str(paths[1]), cwd=repo)

    # The same repository as cardigan left it (loose objects and refs) and as a clone or
    # `git gc` leaves it (one pack, packed refs).
    packed = WORK / "queries-packed"
    if packed.exists():
        shutil.rmtree(packed)
    shutil.copytree(repo, packed, symlinks=True)
    sh("git", "gc", "-q", cwd=packed)

    def cold(path):
        # The snapshot cache is what a previous list/verify/check learned; "cold" runs start without it.
        return lambda: shutil.rmtree(path / ".git" / "cardigan", ignore_errors=True)

    middle = paths[len(paths) // 2].stem
    rows = (("log " + middle, ["log", middle], False), ("list, cold", ["list"], True), ("list", ["list"], False),
            ("verify, cold", ["verify"], True), ("verify", ["verify"], False),
            ("hook pre-commit (1 card)", ["hook", "pre-commit"], False),
            ("check (20-commit PR)", ["check", "--base", base, "--head", "pr"], False))
    print(f"{'command':<26} {'loose s':>8} {'MiB':>6} {'packed s':>9} {'MiB':>6}")
    for label, argv, is_cold in rows:
        figures = []
        for where in (repo, packed):
            figures += measure([cardigan, *argv], args.repeat, cwd=where, env=env, before=cold(where) if is_cold else None)
        print(f"{label:<26} {figures[0]:>8.3f} {figures[1]:>6.1f} {figures[2]:>9.3f} {figures[3]:>6.1f}")


def approval_workload(args, cardigan):
    """verify with N signed approvals against the same history made of plain status commits."""
    env = git_env()
    count = args.cards
    keys = WORK / "approval-keys"
    if keys.exists():
        shutil.rmtree(keys)
    keys.mkdir(parents=True)
    sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "approver", "-f", str(keys / "approver"))
    public = (keys / "approver.pub").read_text().strip()

    def build_repo(name, signed):
        repo = fresh_repo(name)
        if signed:
            (repo / ".cardigan").mkdir()
            (repo / ".cardigan" / "allowed_signers").write_text(f"approver@example.com {public}\n")
            (repo / ".cardigan.yaml").write_text(
                "approval:\n  signers: .cardigan/allowed_signers\n  rules:\n    - cards: \"*\"\n      approvers: 1\n")
        else:
            (repo / ".cardigan.yaml").write_text("branch: main\n")
        sh("git", "add", "-A", cwd=repo, env=env)
        sh("git", "commit", "-q", "-m", "settings", cwd=repo, env=env)
        generate_cards(repo / "cards", count)
        for path in (repo / "cards").glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^status: .*$", "status: PendingReview", text, count=1), encoding="utf-8")
        subprocess.run([cardigan, "commit", "-m", "every card"], cwd=repo, env=env, check=True, capture_output=True)
        for path in sorted((repo / "cards").glob("*.yaml")):
            argv = ["approve", path.stem, "--key", str(keys / "approver")] if signed else \
                ["status", path.stem, "Approved"]
            subprocess.run([cardigan, *argv], cwd=repo, env=env, check=True, capture_output=True)
        return repo

    started = time.perf_counter()
    signed, plain = build_repo("approvals-signed", True), build_repo("approvals-plain", False)
    print(f"built 2 repositories of {count} approved cards in {time.perf_counter() - started:.0f} s")
    print(f"{'verify':<22} {'signed s':>9} {'plain s':>8} {'ratio':>6}")
    for label, argv in (("verify", ["verify"]), ("verify --no-cache", ["verify", "--no-cache"])):
        ours = measure([cardigan, *argv], args.repeat, cwd=signed, env=env)
        peer = measure([cardigan, *argv], args.repeat, cwd=plain, env=env)
        print(f"{label:<22} {ours[0]:>9.3f} {peer[0]:>8.3f} {ours[0] / peer[0]:>5.2f}x")


def site_workload(args, cardigan):
    """cardigan site on C cards x 10 versions: cold, after one card changed, and unchanged."""
    env = git_env()
    repo, paths = history_repo(args, cardigan, "site")
    out = repo.parent / "site-out"
    rounds = iter(range(200, 10_000))

    def empty_output():
        shutil.rmtree(out, ignore_errors=True)

    def one_card_changed():
        # A new version of one card, committed before the clock starts.
        path = paths[len(paths) // 3]
        edit_card(path, next(rounds))
        subprocess.run([cardigan, "commit", path.stem, "-m", "one change"], cwd=repo, env=env, check=True,
                       capture_output=True)

    argv = [cardigan, "site", "-o", str(out)]
    print(f"{'site':<26} {'s':>8} {'MiB':>6}")
    for label, before in (("cold (empty folder)", empty_output), ("one card changed", one_card_changed),
                          ("nothing changed", None)):
        wall, peak = measure(argv, args.repeat, cwd=repo, env=env, before=before)
        print(f"{label:<26} {wall:>8.3f} {peak:>6.1f}")
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"{pages} pages, {sum(f.stat().st_size for f in out.rglob('*') if f.is_file()) / 2**20:.0f} MiB")


WORKLOADS = {"validate": validate_workload, "commit": commit_workload, "queries": query_workload,
             "approvals": approval_workload, "site": site_workload}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", nargs="*", help=f"any of {', '.join(WORKLOADS)} (default: all)")
    parser.add_argument("--cards", type=int, default=1000, help="N, the largest number of cards (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported")
    parser.add_argument("--versions", type=int, default=1000, help="versions and cards in the commit workload")
    args = parser.parse_args()
    unknown = [name for name in args.workloads if name not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload {', '.join(unknown)}: choose from {', '.join(WORKLOADS)}")
    WORK.mkdir(parents=True, exist_ok=True)
    cardigan = build()
    for name in args.workloads or list(WORKLOADS):
        print(f"\n== {name}")
        WORKLOADS[name](args, cardigan)


if __name__ == "__main__":
    main()
