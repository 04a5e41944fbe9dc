#!/usr/bin/env bash
# Installs the outside programs some tests check cardigan's output with, so those tests run
# instead of showing as skipped: poppler-utils (PDF export), strace (fault injection), and in a
# virtual environment at .tools/venv (ignored by git) the pre-commit framework, huggingface_hub,
# cfn-lint, jsonschema and PyYAML; and, for the registry tests, botocore (SigV4 signer and
# SageMaker's service model), boto3 and moto's server (SageMaker's API emulation) into the
# python3 on PATH, which the tests start. Debian packages and PyPI only. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-tools: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
fi
venv=.tools/venv
packages=(pre-commit huggingface_hub cfn-lint jsonschema PyYAML)
if ! "$venv/bin/python3" -c "import huggingface_hub, cfnlint, jsonschema, yaml" >/dev/null 2>&1 ||
  [ ! -x "$venv/bin/pre-commit" ]; then
  echo "install-test-tools: installing ${packages[*]} into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
fi
if ! python3 -c "import moto.server, boto3, botocore" 2>/dev/null || ! command -v moto_server >/dev/null 2>&1; then
  echo "install-test-tools: installing moto[server] and boto3 from PyPI" >&2
  python3 -m pip install --quiet --disable-pip-version-check "moto[server]" boto3
  command -v moto_server >/dev/null 2>&1 || { command -v pyenv >/dev/null 2>&1 && pyenv rehash; }
  command -v moto_server >/dev/null 2>&1 || { echo "install-test-tools: moto_server is not on PATH" >&2; exit 1; }
fi
