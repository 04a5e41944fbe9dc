#!/usr/bin/env bash
# The registry workflow end to end on a local SageMaker emulation (moto, PyPI): create a model
# package group, register version 1, draft a card, link it (details filled from the registry),
# review and approve it, register version 2, `registry scan --clone`, push, and list what the
# registry now shows. Leaves this checkout untouched; stops the emulator when done.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-test-tools.sh
swift build --product cardigan >&2
cardigan="$PWD/.build/debug/cardigan"
peer="$PWD/scripts/registry-peer.py"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/cardigan-registry-demo.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The emulator in a process group of its own (setsid), stopped as a whole on exit.
setsid moto_server -H 127.0.0.1 -p "$port" >"$scratch.moto.log" 2>&1 &
moto_group=$!
trap 'kill -- -"$moto_group" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.2
done
export AWS_ENDPOINT_URL_SAGEMAKER="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=demo-secret-not-printed
unset AWS_PROFILE AWS_SESSION_TOKEN
echo "scratch repository: $scratch; SageMaker emulation: $AWS_ENDPOINT_URL_SAGEMAKER"
git -C "$scratch" init -q -b main
git -C "$scratch" config user.name "cardigan demo"
git -C "$scratch" config user.email "demo@cardigan.invalid"
printf 'registry:\n  kind: sagemaker\n  region: eu-west-1\n' >"$scratch/.cardigan.yaml"
run() { printf '$ cardigan'; printf ' %q' "$@"; echo; "$cardigan" -C "$scratch" "$@"; }
registry() { printf '$ registry %s\n' "$*"; python3 "$peer" setup "$AWS_ENDPOINT_URL_SAGEMAKER" "$@"; }
registry group churn
registry version churn "Gradient-boosted churn model, trained on October data"
run init
run new churn --template full
run commit churn -m "Draft the churn card"
run link churn --model-package churn/1
sed -n '/^model_package_details:/,$p' "$scratch/cards/churn.yaml"
run status churn PendingReview -m "Ready for review"
run status churn Approved -m "Reviewed by the risk team"
registry approve churn 1
registry version churn "Retrained on November data"
run registry status || true
run registry scan
run registry scan --clone
run registry push --dry-run
run registry push
run registry push
run registry status || true
registry show-cards
run packages
run verify
echo "the scratch repository is left at $scratch for you to explore (git log, git tag -n9)"
# The same workflow on MLflow's Model Registry (a real MLflow server).
scripts/demo-registry-mlflow.sh
