#!/usr/bin/env bash
# The registry workflow end to end on a local SageMaker emulation (moto, PyPI): create a model
# package group, register version 1, draft a card, link it (details filled from the registry),
# review and approve it, register version 2, `registry scan --clone`, push, and list what the
# registry now shows. Leaves this checkout untouched; stops the emulator when done.
source "$(dirname "$0")/demo-registry-setup.sh"
demo_repository registry-demo
start_server "$scratch.moto.log" moto_server -H 127.0.0.1 -p "$port"
wait_until 100 0.2 python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)"
export AWS_ENDPOINT_URL_SAGEMAKER="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=demo-secret-not-printed
unset AWS_PROFILE AWS_SESSION_TOKEN
echo "scratch repository: $scratch; SageMaker emulation: $AWS_ENDPOINT_URL_SAGEMAKER"
printf 'registry:\n  kind: sagemaker\n  region: eu-west-1\n' >"$scratch/.cardigan.yaml"
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
