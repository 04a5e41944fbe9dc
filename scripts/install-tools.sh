#!/usr/bin/env bash
# Installs the ecosystem tools that the interoperability tests run cardigan's outputs through:
#   PyPI (into .tools/venv, a throwaway virtual environment beside the checkout):
#     check-jsonschema with rfc3986-validator (SARIF, GitHub Action and workflow schemas, formats
#     checked), pre-commit (the framework),
#     rfc8785 (the JCS reference for digests), huggingface_hub (model card metadata)
#   Debian: poppler-utils (pdftotext, pdffonts), qpdf, fonts-dejavu-core (the PDF font).
# Safe to run again: does nothing when everything is present. Tests that need a tool that is
# still missing are skipped with the reason, or fail when CARDIGAN_REQUIRE_TOOLS=1 (CI).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_missing=()
command -v pdftotext >/dev/null 2>&1 || apt_missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || apt_missing+=(qpdf)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_missing+=(fonts-dejavu-core)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "install-tools: installing ${apt_missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y "${apt_missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${apt_missing[@]}" >/dev/null; } ||
    echo "install-tools: could not install ${apt_missing[*]}" >&2
fi

venv=.tools/venv
# rfc3986-validator gives jsonschema its `uri-reference` format check (without it the check passes anything).
packages=(check-jsonschema rfc3986-validator pre-commit rfc8785 huggingface_hub)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import check_jsonschema, rfc3986_validator, pre_commit, rfc8785, huggingface_hub" 2>/dev/null; then
  echo "install-tools: installing ${packages[*]} into $venv" >&2
  "$venv/bin/pip" install -q "${packages[@]}" ||
    echo "install-tools: could not install ${packages[*]}" >&2
fi
