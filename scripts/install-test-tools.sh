#!/usr/bin/env bash
# Installs the outside programs tests check cardigan's output with, so those tests run instead of
# showing as skipped (the one entry point; scripts/test.sh and .ci/run call it):
#   Debian: poppler-utils (pdftotext, pdffonts), qpdf, fonts-dejavu-core (the PDF font), strace
#     (fault injection), python3 with venv.
#   PyPI, into the python3 on PATH (the registry tests start them): moto[server], boto3, botocore
#     (SageMaker's API emulation, SigV4 signer and service model) and mlflow (a real MLflow
#     tracking server with its Model Registry; about 850 MB, one to five minutes).
#   PyPI, into .tools/venv (ignored by git): check-jsonschema with rfc3986-validator (SARIF, GitHub
#     Action and workflow schemas, formats checked), the pre-commit framework, rfc8785 (the JCS
#     reference for digests), huggingface_hub (model card metadata), cfn-lint, jsonschema, PyYAML.
# Debian packages and PyPI only. Safe to run again: does nothing when everything is present. Tests
# that need a tool that is still missing are skipped with the reason, or fail when
# CARDIGAN_REQUIRE_TOOLS=1 (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
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
# rfc3986-validator gives jsonschema its `uri-reference` format check (without it the check passes anything).
packages=(check-jsonschema rfc3986-validator pre-commit rfc8785 huggingface_hub cfn-lint jsonschema PyYAML)
if ! "$venv/bin/python3" -c "import check_jsonschema, rfc3986_validator, pre_commit, rfc8785, huggingface_hub, cfnlint, jsonschema, yaml" >/dev/null 2>&1 ||
  [ ! -x "$venv/bin/pre-commit" ]; then
  echo "install-test-tools: installing ${packages[*]} into $venv" >&2
  [ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
fi
if ! python3 -c "import moto.server, boto3, botocore" 2>/dev/null || ! command -v moto_server >/dev/null 2>&1; then
  echo "install-test-tools: installing moto[server] and boto3 from PyPI" >&2
  python3 -m pip install --quiet --disable-pip-version-check "moto[server]" boto3
  command -v moto_server >/dev/null 2>&1 || { command -v pyenv >/dev/null 2>&1 && pyenv rehash; }
  command -v moto_server >/dev/null 2>&1 || { echo "install-test-tools: moto_server is not on PATH" >&2; exit 1; }
fi
if ! command -v mlflow >/dev/null 2>&1; then
  echo "install-test-tools: installing mlflow from PyPI" >&2
  python3 -m pip install --quiet --disable-pip-version-check mlflow
  command -v mlflow >/dev/null 2>&1 || { command -v pyenv >/dev/null 2>&1 && pyenv rehash; }
  command -v mlflow >/dev/null 2>&1 || { echo "install-test-tools: mlflow is not on PATH" >&2; exit 1; }
fi
# The site's browser and HTML validator (chromium, vnu) have their own script; this one entry point runs it.
scripts/install-site-tools.sh
