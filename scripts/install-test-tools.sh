#!/usr/bin/env bash
# Installs the real peers the registry tests check cardigan against, from PyPI: botocore (SigV4
# signer and SageMaker's service model), boto3 and moto's server (SageMaker's API emulation), and
# mlflow (a real MLflow tracking server with its Model Registry; about 50 s and 850 MB).
# Safe to run again: installs only what is missing.
set -euo pipefail
rehash() { command -v pyenv >/dev/null 2>&1 && pyenv rehash || true; }
if ! { python3 -c "import moto.server, boto3, botocore" 2>/dev/null && command -v moto_server >/dev/null 2>&1; }; then
  echo "install-test-tools: installing moto[server] and boto3 from PyPI" >&2
  python3 -m pip install --quiet "moto[server]" boto3
  rehash
  command -v moto_server >/dev/null 2>&1 || { echo "install-test-tools: moto_server is not on PATH" >&2; exit 1; }
fi
if ! command -v mlflow >/dev/null 2>&1; then
  echo "install-test-tools: installing mlflow from PyPI" >&2
  python3 -m pip install --quiet mlflow
  rehash
  command -v mlflow >/dev/null 2>&1 || { echo "install-test-tools: mlflow is not on PATH" >&2; exit 1; }
fi
