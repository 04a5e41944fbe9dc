#!/usr/bin/env python3
"""Load test: N committer processes x M commits each on one repository (default 16 x 50).

    python3 Benchmarks/load.py [--committers 16] [--commits 50] [--cardigan PATH]

Each committer owns one card and, M times, edits it and runs `cardigan commit <card>` in the same
working tree while the others do the same; cardigan queues them on its lock and recomputes on a
moved branch. Afterwards: every card has versions 1..M+1 exactly once (0 lost, 0 duplicated), one
tag per version, `cardigan verify` and `git fsck --strict` are clean. Runs in a temporary folder
with its own HOME; prints the figures and exits 1 when any property fails.
"""
import argparse
import collections
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

CARD = """name: {name}
status: Draft
model_overview:
  model_name: {name}-model
  model_description: Revision {revision}.
intended_uses:
  risk_rating: Medium
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--committers", type=int, default=16)
    parser.add_argument("--commits", type=int, default=50)
    parser.add_argument("--cardigan", default=str(ROOT / ".build" / "debug" / "cardigan"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cardigan-load-") as scratch:
        home = pathlib.Path(scratch) / "home"
        home.mkdir()
        env = dict(os.environ, HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"), GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_NAME="Load", GIT_AUTHOR_EMAIL="load@example.com", GIT_COMMITTER_NAME="Load",
                   GIT_COMMITTER_EMAIL="load@example.com", NO_COLOR="1")
        repo = pathlib.Path(scratch) / "repo"
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True, env=env)
        names = [f"card-{index:02d}" for index in range(args.committers)]
        for name in names:
            (repo / "cards").mkdir(exist_ok=True)
            (repo / "cards" / f"{name}.yaml").write_text(CARD.format(name=name, revision=0))
        subprocess.run([args.cardigan, "commit", "-m", "cards"], cwd=repo, env=env, check=True, capture_output=True)
        # Each committer is a shell loop, so all of them run at once.
        script = 'for i in $(seq 1 {m}); do sed -i "s/Revision [0-9]*\\./Revision $i./" cards/{n}.yaml; ' \
                 '"{c}" commit {n} -m "{n} revision $i" >/dev/null 2>>"{log}" || echo "FAILED $i" >>"{log}"; done'
        started = time.perf_counter()
        workers = [subprocess.Popen(["bash", "-c", script.format(m=args.commits, n=name, c=args.cardigan,
                                                                  log=f"{scratch}/{name}.log")], cwd=repo, env=env)
                   for name in names]
        for worker in workers:
            worker.wait()
        elapsed = time.perf_counter() - started
        logs = [pathlib.Path(f"{scratch}/{name}.log").read_text() for name in names]
        failures = sum(text.count("FAILED") for text in logs)
        reasons = collections.Counter(line for text in logs for line in text.splitlines()
                                      if not line.startswith("FAILED"))
        for reason, count in reasons.most_common(5):
            print(f"load: {count} x {reason}")
        log = subprocess.run(["git", "log", "--format=%x00%(trailers:only,unfold)", "main"], cwd=repo, env=env,
                             check=True, capture_output=True, text=True).stdout
        versions = collections.Counter()
        for commit in log.split("\0"):
            card = version = None
            for line in commit.splitlines():
                if line.startswith("Card: "):
                    card = line[6:]
                elif line.startswith("Card-Version: "):
                    version = int(line[14:])
                elif line == "Card-Change: version" and card:
                    versions[(card, version)] += 1
        expected = {(name, version) for name in names for version in range(1, args.commits + 2)}
        lost = len(expected - set(versions))
        duplicated = sum(count - 1 for count in versions.values() if count > 1)
        tags = subprocess.run(["git", "tag", "-l", "cards/*"], cwd=repo, env=env, capture_output=True,
                              text=True).stdout.split()
        verify = subprocess.run([args.cardigan, "verify"], cwd=repo, env=env, capture_output=True, text=True)
        fsck = subprocess.run(["git", "fsck", "--strict"], cwd=repo, env=env, capture_output=True, text=True)
        status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, env=env, capture_output=True, text=True)
        commits = args.committers * args.commits
        print(f"load: {args.committers} committers x {args.commits} commits = {commits} in {elapsed:.1f} s "
              f"({commits / elapsed:.1f} commits/s); failed commands: {failures}")
        print(f"load: versions lost {lost}, duplicated {duplicated}, version tags {len(tags)} of {len(expected)}")
        print(f"load: verify exit {verify.returncode} ({verify.stdout.strip().splitlines()[-1]}); "
              f"git fsck --strict exit {fsck.returncode}; git status clean: {not status.stdout.strip()}")
        ok = (failures == 0 and lost == 0 and duplicated == 0 and len(tags) == len(expected)
              and verify.returncode == 0 and fsck.returncode == 0 and not status.stdout.strip())
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
