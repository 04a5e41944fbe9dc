#!/usr/bin/env python3
"""cardigan's benchmarks, run on demand (never in CI): `python3 Benchmarks/run.py [workload ...]`.

Workloads:
  startup    `cardigan --version` beside `git --version`: what every command and hook pays first.
  floor      --versions successive versions of one card, a process each, by `cardigan commit` (with
             and without `fsync`) and by git's three commands (with git's default flushing and
             with `core.fsync=committed`, which flushes objects and references as cardigan does),
             interleaved version by version, beside what no cardigan process can go under: a
             process that only loads and initialises libgit2 (Benchmarks/libgit2-init.c).
  validate   cardigan validate on 1, 100 and N generated cards, beside check-jsonschema on the
             same files against the same schema (installed from PyPI into Benchmarks/.venv).
  commit     --versions successive versions of one card (a process each), 1 version each of
             --cards new cards in one commit, and 1 new version each of --cards versioned cards in
             one commit, made by `cardigan commit`, against the same work done with the git CLI
             (git add + git commit + git tag -a), in the same run.
  updates    the last of those at each of --sizes (default 1000,2000,4000,10000), cardigan only,
             to show how a commit of many changed cards grows.
  queries    `log`, `list`, `verify`, the pre-commit hook and `check` on a repository of N cards x
             10 versions, as cardigan wrote it (loose objects) and packed by `git gc` (as a
             clone has it); "cold" runs start without the snapshot cache. Each round of versions
             is 100 commits (10 cards each at 1,000 cards, 100 each at 10,000), written with
             `fsync: false`; the repository is kept in Benchmarks/work and reused by later runs.
  approvals  `verify` of a repository where N cards were each approved by a signed approval
             (`cardigan approve`, an Ed25519 key), beside the same repository whose N cards were
             moved to Approved by plain status commits, without an approval policy.
  gto        GTO's `show` (PyPI `gto`, in Benchmarks/.venv) beside `cardigan list` on 10, 100, ...
             up to N cards x 10 versions: GTO reads its own annotated tags (`<card>@v<n>.0.0`,
             `<card>#production#1`) in a clone; sizes stop at the first one GTO cannot show in 60 s.
  site       `cardigan site` on a repository of N cards x 10 versions: cold (an empty output
             folder), after one card changed (a new version of one card, committed untimed
             before each run), and with nothing changed.

Every figure is the median of --repeat runs, measured in the same run as its peer, with wall
time and peak memory (maximum resident set size) from GNU time. The machine is noisy: compare
the ratios, not the absolute numbers.

`--callgrind` runs every measured process once under `valgrind --tool=callgrind` and prints
instructions executed (Ir, summed over the processes a figure needs) instead of seconds: counts
that do not move with the machine's load, to judge an optimisation by. Valgrind runs some 50x
slower, so give it small sizes (`--callgrind --versions 20 --cards 200 commit`).
`--binary PATH` measures that cardigan instead of building one (a before/after comparison).
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
    # What users install (scripts/install.sh): release, the Swift runtime linked statically.
    return sh(str(ROOT / "scripts" / "install.sh"), "--build-only", cwd=ROOT).stdout.strip().splitlines()[-1]


CALLGRIND = False
INSTRUCTIONS = [0]


def run(argv, cwd=None, env=None, ok_codes=(0,)):
    """Runs `argv`, output captured; under --callgrind through valgrind, adding what it
    executed to INSTRUCTIONS."""
    if CALLGRIND:
        out = WORK / "callgrind.out"
        argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv]
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode not in ok_codes:
        raise SystemExit(f"{argv[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    if CALLGRIND:
        counts = re.findall(r"Collected : (\d+)", result.stderr)
        if not counts:
            raise SystemExit(f"no instruction count from valgrind for {argv}: {result.stderr[-500:]}")
        INSTRUCTIONS[0] += int(counts[-1])
        out.unlink(missing_ok=True)
    return result


def unit():
    return "Ir" if CALLGRIND else "s"


def show(value):
    """A figure: seconds, or under --callgrind millions of instructions."""
    return f"{value / 1e6:.1f}M" if CALLGRIND else f"{value:.3f}"


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
    if CALLGRIND:
        if before:
            before()
        INSTRUCTIONS[0] = 0
        run(argv, cwd=cwd, env=env, ok_codes=ok_codes)
        return INSTRUCTIONS[0], 0.0
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
    """Wall seconds of `fn`, or under --callgrind the instructions its processes executed."""
    INSTRUCTIONS[0] = 0
    started = time.perf_counter()
    fn()
    return INSTRUCTIONS[0] if CALLGRIND else time.perf_counter() - started


def startup_workload(args, cardigan):
    """`cardigan --version` beside `git --version`: start-up alone."""
    ours = measure([cardigan, "--version"], args.repeat * 4)
    peer = measure(["git", "--version"], args.repeat * 4)
    print(f"{'command':<22} {unit():>10} {'MiB':>6}")
    print(f"{'cardigan --version':<22} {show(ours[0]):>10} {ours[1]:>6.1f}")
    print(f"{'git --version':<22} {show(peer[0]):>10} {peer[1]:>6.1f}")


def git_commit_and_tag(repo, env, paths, version, message, config=()):
    """git's three commands for one version; `config` is `-c name=value` options for each."""
    run(["git", *config, "add", *paths], cwd=repo, env=env)
    run(["git", *config, "commit", "-q", "-m", message], cwd=repo, env=env)
    for path in paths:
        tag = f"cards/{pathlib.Path(path).stem}/v{version}"
        run(["git", *config, "tag", "-a", "-m", f"v{version}", tag], cwd=repo, env=env)


def floor_workload(args, cardigan):
    """One version per process (issue 18, goal 2: at least 0.8x git's three commands), and the
    floor under it. Each round makes one version on every side, so the machine's load at that
    moment falls on all of them; the figures are medians per version."""
    env = git_env()
    init = WORK / "libgit2-init"
    sh("cc", "-O2", "-o", str(init), str(ROOT / "Benchmarks" / "libgit2-init.c"), "-lgit2")
    card = "cards/one.yaml"
    minimal = (ROOT / "templates/cards/minimal.yaml").read_text().replace("{{name}}", "one")
    durable = ("-c", "core.fsync=committed", "-c", "core.fsyncMethod=fsync")
    sides = {"git, default flushing": ("git", ()), "git, core.fsync=committed": ("git", durable),
             "cardigan commit": ("cardigan", True), "cardigan commit, fsync: false": ("cardigan", False)}
    repos = {}
    for label, (tool, setting) in sides.items():
        repo = fresh_repo("floor-" + re.sub(r"[^a-z]+", "-", label).strip("-"))
        (repo / "cards").mkdir()
        (repo / card).write_text(minimal)
        if setting is False:
            (repo / ".cardigan.yaml").write_text("fsync: false\n")  # untracked: read, never committed
        repos[label] = repo
    figures = {label: [] for label in [*sides, "libgit2 loaded and initialised", "cardigan --version"]}
    for index in range(args.versions):
        for label, (tool, setting) in sides.items():
            repo = repos[label]
            edit_card(repo / card, index)
            if tool == "git":
                figures[label].append(timed(lambda: git_commit_and_tag(repo, env, [card], index + 1, f"v{index}", setting)))
            else:
                figures[label].append(timed(lambda: run([cardigan, "commit", "-m", f"v{index}"], cwd=repo, env=env)))
        figures["libgit2 loaded and initialised"].append(timed(lambda: run([str(init)])))
        figures["cardigan --version"].append(timed(lambda: run([cardigan, "--version"])))
    medians = {label: statistics.median(values) for label, values in figures.items()}
    budget = medians["git, default flushing"] / 0.8
    print(f"{'per version (median of ' + str(args.versions) + ')':<34} {unit():>10} {'of 0.8x budget':>15}")
    for label, value in medians.items():
        print(f"{label:<34} {show(value):>10} {value / budget:>14.0%}")
    print(f"ratio, git default / cardigan: {medians['git, default flushing'] / medians['cardigan commit']:.2f}x;"
          f" both flushing: {medians['git, core.fsync=committed'] / medians['cardigan commit']:.2f}x;"
          f" neither: {medians['git, default flushing'] / medians['cardigan commit, fsync: false']:.2f}x (goal >= 0.8x)")


def versioned_cards(name, count, env, cardigan):
    """A repository of `count` cards at version 1 (committed by `cardigan`, or by the git CLI
    without tags when `cardigan` is None), each edited since: the clock starts after this."""
    repo = fresh_repo(name)
    (repo / "cards").mkdir()
    generate_cards(repo / "cards", count)
    saved = CALLGRIND
    globals()["CALLGRIND"] = False  # setting up is not measured
    try:
        if cardigan:
            run([cardigan, "commit", "-m", "v1"], cwd=repo, env=env)
        else:
            run(["git", "add", "cards"], cwd=repo, env=env)
            run(["git", "commit", "-q", "-m", "v1"], cwd=repo, env=env)
    finally:
        globals()["CALLGRIND"] = saved
    for path in (repo / "cards").glob("*.yaml"):
        edit_card(path, 1)
    return repo


def commit_workload(args, cardigan):
    """Successive versions of one card, one version each of many new cards, and one new version
    each of many versioned cards, by cardigan and by git."""
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
            run([cardigan, "commit", "-m", f"v{index}"], cwd=repo, env=env)

    def git_versions():
        repo = fresh_repo("commit-git")
        (repo / "cards").mkdir()
        (repo / card).write_text(minimal)
        for index in range(n):
            edit_card(repo / card, index)
            git_commit_and_tag(repo, env, [card], index + 1, f"v{index}")

    def many_cards(name):
        # Made before the clock starts: only the committing is timed, on both sides.
        repo = fresh_repo(name)
        (repo / "cards").mkdir()
        generate_cards(repo / "cards", args.cards)
        return repo

    def cards_of(repo):
        return sorted(f"cards/{p.name}" for p in (repo / "cards").glob("*.yaml"))

    print(f"{'workload':<40} {'cardigan ' + unit():>12} {'git CLI ' + unit():>12} {'ratio':>7}")
    ours_new, git_new = many_cards("cards-ours"), many_cards("cards-git")
    ours_updated = versioned_cards("updates-ours", args.cards, env, cardigan)
    git_updated = versioned_cards("updates-git", args.cards, env, None)
    for label, ours, peer in (
        (f"{n} versions of one card", ours_versions, git_versions),
        (f"1 version each of {args.cards} new cards", lambda: run([cardigan, "commit", "-m", "all"], cwd=ours_new, env=env),
         lambda: git_commit_and_tag(git_new, env, cards_of(git_new), 1, "all")),
        (f"1 new version each of {args.cards} cards", lambda: run([cardigan, "commit", "-m", "v2"], cwd=ours_updated, env=env),
         lambda: git_commit_and_tag(git_updated, env, cards_of(git_updated), 2, "v2")),
    ):
        a, b = timed(ours), timed(peer)
        print(f"{label:<40} {show(a):>12} {show(b):>12} {b / a:>6.2f}x")
        if label.endswith("of one card"):
            print(f"{'  per version':<40} {show(a / n):>12} {show(b / n):>12}")


def updates_workload(args, cardigan):
    """One commit of a new version of each of N versioned cards, at growing N: linear or not."""
    env = git_env()
    print(f"{'changed cards':>13} {'cardigan ' + unit():>12} {'per card':>10} {'MiB':>6}")
    for count in args.sizes:
        repo = versioned_cards(f"updates-{count}", count, env, cardigan)
        value, peak = measure([cardigan, "commit", "-m", "v2"], 1, cwd=repo, env=env)
        print(f"{count:>13} {show(value):>12} {show(value / count):>10} {peak:>6.1f}")
        shutil.rmtree(repo)


def history_repo(args, cardigan, name, cards=None):
    """A repository of C cards x 10 versions made by cardigan (100 commits per round of versions).

    Written with `fsync: false` in an untracked `.cardigan.yaml` (removed afterwards): flushing
    is not what is measured, and 10,000 cards x 10 versions would otherwise take an hour on a
    busy disk. A repository built completely is kept in Benchmarks/work and reused by later
    runs (its stamp names the cards, the versions and the binary's version)."""
    env = git_env()
    cards, versions = cards or args.cards, 10
    repo = WORK / name
    stamp = WORK / f"{name}.built"
    expected = f"{cards} cards x {versions} versions by {sh(cardigan, '--version').stdout.strip()}\n"
    paths = sorted(repo / "cards" / f"{stem}.yaml" for stem in card_stems(cards))
    if stamp.exists() and stamp.read_text() == expected and repo.exists():
        print(f"reused {repo.relative_to(ROOT)} ({expected.strip()})")
        return repo, paths, False
    stamp.unlink(missing_ok=True)
    repo = fresh_repo(name)
    (repo / "cards").mkdir()
    generate_cards(repo / "cards", cards)
    (repo / ".cardigan.yaml").write_text("fsync: false\n")
    started = time.perf_counter()
    # Setting up is never under valgrind; 100 commits per round whatever the size.
    saved = CALLGRIND
    globals()["CALLGRIND"] = False
    run([cardigan, "commit", "-m", "v1 of every card"], cwd=repo, env=env)
    size = max(1, cards // 100)
    for round_index in range(1, versions):
        for start in range(0, cards, size):
            batch = paths[start:start + size]
            for path in batch:
                edit_card(path, round_index)
            run([cardigan, "commit", *[p.stem for p in batch], "-m", f"round {round_index}"], cwd=repo, env=env)
    (repo / ".cardigan.yaml").unlink()
    commits = sh("git", "rev-list", "--count", "main", cwd=repo).stdout.strip()
    print(f"built {cards} cards x {versions} versions ({commits} commits) in {time.perf_counter() - started:.0f} s")
    globals()["CALLGRIND"] = saved
    stamp.write_text(expected)
    return repo, paths, True


def card_stems(count):
    """The names generate_cards gives `count` cards, in its order."""
    examples = sorted((ROOT / "cards").glob("*.yaml"))
    return [f"{examples[index % len(examples)].stem}-{index:05d}" for index in range(count)]


def pull_request(repo, paths, cardigan, env):
    """A 20-commit pull request on branch `pr` and one staged card change (for the pre-commit
    hook) in `repo`."""
    saved = CALLGRIND  # set up, not measured
    globals()["CALLGRIND"] = False
    sh("git", "checkout", "-q", "-b", "pr", cwd=repo)
    for index in range(20):
        path = paths[(index * 37) % len(paths)]
        edit_card(path, 100 + index)
        run([cardigan, "commit", path.stem, "-m", f"pr {index}"], cwd=repo, env=env)
    sh("git", "checkout", "-q", "main", cwd=repo)
    # A card the pull request does not touch: its next version is free on main.
    edit_card(paths[1], 999)
    sh("git", "add", str(paths[1]), cwd=repo)
    globals()["CALLGRIND"] = saved


def packed_copy(repo, packed):
    """A copy of `repo` packed by `git gc` (one pack, packed refs), as a clone has it."""
    started = time.perf_counter()
    if packed.exists():
        shutil.rmtree(packed)
    shutil.copytree(repo, packed, symlinks=True)
    sh("git", "gc", "-q", cwd=packed)
    print(f"copied and packed it in {time.perf_counter() - started:.0f} s")


def query_workload(args, cardigan):
    """log, list and verify on a repository of C cards x V versions (100 commits per round)."""
    env = git_env()
    repo, paths, built = history_repo(args, cardigan, f"queries-{args.cards}")
    base = sh("git", "rev-parse", "main", cwd=repo).stdout.strip()
    packed = WORK / f"queries-{args.cards}-packed"
    if built:
        pull_request(repo, paths, cardigan, env)
    if built or not packed.exists():
        packed_copy(repo, packed)

    def cold(path):
        # The snapshot cache is what a previous list/verify/check learned; "cold" runs start without it.
        return lambda: shutil.rmtree(path / ".git" / "cardigan", ignore_errors=True)

    middle = paths[len(paths) // 2].stem
    # "log, cold" builds log's index of which commits name which card (.git/cardigan) first.
    rows = (("log " + middle + ", cold", ["log", middle], True), ("log " + middle, ["log", middle], False),
            ("list, cold", ["list"], True), ("list", ["list"], False),
            ("verify, cold", ["verify"], True), ("verify", ["verify"], False),
            ("hook pre-commit (1 card)", ["hook", "pre-commit"], False),
            ("check (20-commit PR)", ["check", "--base", base, "--head", "pr"], False))
    print(f"{'command':<26} {'loose ' + unit():>9} {'MiB':>6} {'packed ' + unit():>10} {'MiB':>6}")
    for label, argv, is_cold in rows:
        figures = []
        for where in (repo, packed):
            figures += measure([cardigan, *argv], args.repeat, cwd=where, env=env, before=cold(where) if is_cold else None)
        print(f"{label:<26} {show(figures[0]):>9} {figures[1]:>6.1f} {show(figures[2]):>10} {figures[3]:>6.1f}")


def gto_tags(repo, clone, env):
    """A clone of `repo` without its tags, given GTO's own annotated tags for the same cards and
    versions: `<card>@v<version>.0.0` on each version's commit and `<card>#production#1` on
    each card's latest one (GTO's stage assignment), written by `git fast-import`."""
    if clone.exists():
        shutil.rmtree(clone)
    sh("git", "clone", "-q", "--no-tags", str(repo), str(clone), env=env)
    listing = sh("git", "for-each-ref", "--format=%(refname) %(*objectname)", "refs/tags/cards/", cwd=repo).stdout
    latest, stream = {}, []

    def tag(name, commit, message):
        data = message.encode()
        stream.append(f"tag {name}\nfrom {commit}\ntagger bench <bench@example.com> 1700000000 +0000\n"
                      f"data {len(data)}\n{message}\n")

    for line in listing.splitlines():
        reference, commit = line.split()
        match = re.fullmatch(r"refs/tags/cards/([a-z0-9-]+)/v(\d+)", reference)
        if not match:
            continue  # a link tag
        card, version = match.group(1), int(match.group(2))
        tag(f"{card}@v{version}.0.0", commit, f"Registering artifact {card} version v{version}.0.0")
        if version > latest.get(card, (0, ""))[0]:
            latest[card] = (version, commit)
    for card, (version, commit) in latest.items():
        tag(f"{card}#production#1", commit, f"Assigning stage production to artifact {card} version v{version}.0.0")
    subprocess.run(["git", "fast-import", "--quiet"], input="".join(stream), cwd=clone, env=env, text=True,
                   check=True, capture_output=True)
    return sum(1 for line in listing.splitlines() if re.fullmatch(r"refs/tags/cards/[a-z0-9-]+/v\d+ \S+", line))


def gto_workload(args, cardigan):
    """GTO's `show` beside `cardigan list` on the same cards and versions (10 per card), GTO
    reading its own annotated tags in a clone, at growing sizes up to --cards cards or the
    first size at which GTO takes over 60 s."""
    gto = venv_tool("gto", "gto")
    version = sh(gto, "--version").stdout.strip()
    env = git_env()
    print(f"{version}")
    print(f"{'versions':>8} {'gto show s':>11} {'MiB':>6} {'list s':>8} {'MiB':>6} {'list cold s':>12} "
          f"{'ratio':>7} {'ratio cold':>11}")
    cards = 10
    while cards <= args.cards:
        repo, _, _ = history_repo(args, cardigan, f"queries-{cards}", cards)
        clone = WORK / f"gto-{cards}"
        versions = gto_tags(repo, clone, env)
        started = time.perf_counter()
        try:
            probe = subprocess.run([gto, "show"], cwd=clone, env=env, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            print(f"{versions:>8} {'> 60':>11}: gto show stopped after 60 s; larger sizes not run")
            break
        first = time.perf_counter() - started
        if probe.returncode != 0:
            raise SystemExit(f"gto show failed: {probe.stderr[-2000:]}")
        shown = sum(1 for line in probe.stdout.splitlines() if "v10.0.0" in line)
        if shown != cards:
            raise SystemExit(f"gto show lists {shown} cards at v10.0.0, not {cards}: {probe.stdout[-1000:]}")
        repeat = args.repeat if first < 10 else 1
        peer = measure([gto, "show"], repeat, cwd=clone, env=env)
        ours = measure([cardigan, "list"], args.repeat, cwd=repo, env=env)
        cold = measure([cardigan, "list"], args.repeat, cwd=repo, env=env,
                       before=lambda: shutil.rmtree(repo / ".git" / "cardigan", ignore_errors=True))
        print(f"{versions:>8} {peer[0]:>11.3f} {peer[1]:>6.1f} {ours[0]:>8.3f} {ours[1]:>6.1f} {cold[0]:>12.3f} "
              f"{peer[0] / ours[0]:>6.0f}x {peer[0] / cold[0]:>10.0f}x")
        cards *= 10


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
    repo, paths, _ = history_repo(args, cardigan, f"site-{args.cards}")
    out = repo.parent / "site-out"
    rounds = iter(range(200, 10_000))

    trash = repo.parent / "site-out-old"

    def empty_output():
        # A new folder, as a fresh checkout has: deleting the 20,000 files of the last run just
        # before (rm -rf) made ext4 bill 1 to 15 s of system time to the next build's creates.
        if out.exists():
            out.rename(trash / f"{time.monotonic_ns()}")

    def one_card_changed():
        # A new version of one card, committed before the clock starts.
        path = paths[len(paths) // 3]
        edit_card(path, next(rounds))
        subprocess.run([cardigan, "commit", path.stem, "-m", "one change"], cwd=repo, env=env, check=True,
                       capture_output=True)

    argv = [cardigan, "site", "-o", str(out)]
    shutil.rmtree(trash, ignore_errors=True)
    trash.mkdir(parents=True)
    print(f"{'site':<26} {'s':>8} {'MiB':>6}")
    for label, before in (("cold (empty folder)", empty_output), ("one card changed", one_card_changed),
                          ("nothing changed", None)):
        wall, peak = measure(argv, args.repeat, cwd=repo, env=env, before=before)
        print(f"{label:<26} {wall:>8.3f} {peak:>6.1f}")
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"{pages} pages, {sum(f.stat().st_size for f in out.rglob('*') if f.is_file()) / 2**20:.0f} MiB")
    shutil.rmtree(trash, ignore_errors=True)


WORKLOADS = {"startup": startup_workload, "floor": floor_workload, "validate": validate_workload, "commit": commit_workload,
             "updates": updates_workload, "queries": query_workload, "approvals": approval_workload,
             "site": site_workload, "gto": gto_workload}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", nargs="*", help=f"any of {', '.join(WORKLOADS)} (default: all)")
    parser.add_argument("--cards", type=int, default=1000, help="N, the largest number of cards (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported")
    parser.add_argument("--versions", type=int, default=1000, help="successive versions of one card (commit)")
    parser.add_argument("--sizes", default="1000,2000,4000,10000", help="changed cards per commit (updates)")
    parser.add_argument("--callgrind", action="store_true", help="instructions executed instead of seconds")
    parser.add_argument("--binary", help="the cardigan to measure (default: build it with scripts/install.sh)")
    args = parser.parse_args()
    args.sizes = [int(size) for size in args.sizes.split(",")]
    globals()["CALLGRIND"] = args.callgrind
    unknown = [name for name in args.workloads if name not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload {', '.join(unknown)}: choose from {', '.join(WORKLOADS)}")
    WORK.mkdir(parents=True, exist_ok=True)
    cardigan = args.binary or build()
    if CALLGRIND:
        # Valgrind 3.19 cannot read the DWARF 5 that Swift writes: measure a copy without debug
        # information (its symbols stay, so callgrind_annotate still names the functions).
        stripped = WORK / "cardigan-for-valgrind"
        sh("objcopy", "--strip-debug", cardigan, str(stripped))
        cardigan = str(stripped)
    print(f"{cardigan}: {sh(cardigan, '--version').stdout.strip()}; load average {os.getloadavg()[0]:.1f}"
          f"{'; instructions by valgrind --tool=callgrind' if CALLGRIND else ''}")
    for name in args.workloads or list(WORKLOADS):
        print(f"\n== {name}")
        WORKLOADS[name](args, cardigan)


if __name__ == "__main__":
    main()
