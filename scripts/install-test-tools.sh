#!/usr/bin/env bash
# Installs the real peers the registry tests check cardigan against, from PyPI: botocore (SigV4
# signer and SageMaker's service model), boto3 and moto's server (SageMaker's API emulation).
# Safe to run again: does nothing when they are present.
set -euo pipefail
if python3 -c "import moto.server, boto3, botocore" 2>/dev/null && command -v moto_server >/dev/null 2>&1; then
  exit 0
fi
echo "install-test-tools: installing moto[server] and boto3 from PyPI" >&2
python3 -m pip install --quiet "moto[server]" boto3
command -v moto_server >/dev/null 2>&1 || { command -v pyenv >/dev/null 2>&1 && pyenv rehash; }
command -v moto_server >/dev/null 2>&1 || { echo "install-test-tools: moto_server is not on PATH" >&2; exit 1; }
