#!/usr/bin/env bash
# The registry workflow end to end on a real MLflow tracking server (PyPI mlflow, sqlite store in
# a temporary folder, 127.0.0.1): register a model and its version 1 over MLflow's REST API,
# draft a card, link it (details filled from MLflow), review it, approve the version with the
# alias `champion`, register version 2, `registry scan --clone`, push, and show the tags and
# description MLflow now returns. Leaves this checkout untouched; stops the server (its whole
# process group: it starts workers of its own) when done. Run by scripts/demo-registry.sh.
source "$(dirname "$0")/demo-registry-setup.sh"
demo_repository mlflow-demo
store=$(mktemp -d "${TMPDIR:-/tmp}/cardigan-mlflow-store.XXXXXX")
start_server "$store/server.log" mlflow server --backend-store-uri "sqlite:///$store/mlflow.db" \
  --default-artifact-root "$store/artifacts" --host 127.0.0.1 --port "$port" --workers 1
export MLFLOW_TRACKING_URI="http://127.0.0.1:$port"
wait_until 240 0.5 python3 -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('$MLFLOW_TRACKING_URI/health', timeout=1).read() != b'OK')"
export MLFLOW_TRACKING_TOKEN=demo-token-not-printed
unset MLFLOW_TRACKING_USERNAME MLFLOW_TRACKING_PASSWORD
echo "scratch repository: $scratch; MLflow tracking server: $MLFLOW_TRACKING_URI"
printf 'registry:\n  kind: mlflow\n  approved_alias: champion\n' >"$scratch/.cardigan.yaml"
mlflow_rest() { printf '$ mlflow REST %s\n' "$*"; python3 "$peer" mlflow "$MLFLOW_TRACKING_URI" "$@"; }
mlflow_rest group churn
mlflow_rest version churn "Gradient-boosted churn model, trained on October data"
run init
run new churn --template full
run commit churn -m "Draft the churn card"
run link churn --model-package "Churn Model/1" || true
run link churn --model-package churn/1
sed -n '/^model_package_details:/,$p' "$scratch/cards/churn.yaml"
run status churn PendingReview -m "Ready for review"
run status churn Approved -m "Reviewed by the risk team"
mlflow_rest approve churn 1 champion
mlflow_rest version churn "Retrained on November data"
run registry status || true
run registry pull churn
run registry scan --clone
run registry push --dry-run
run registry push
run registry push
run registry status || true
mlflow_rest show-cards churn
echo "\$ MLflow returns for churn/1 (tags and the first lines of the description):"
python3 "$peer" mlflow "$MLFLOW_TRACKING_URI" version-json churn 1 | python3 -c '
import json, sys
v = json.load(sys.stdin)
for key, value in sorted(v["tags"].items()):
    print(f"  tag {key} = {value[:72]}")
print("  registered model tags:", v["model_tags"])
print("  description:")
for line in v["description"].splitlines()[:8]:
    print("    " + line)'
run packages
run verify
echo "the scratch repository is left at $scratch for you to explore (git log, git tag -n9)"
