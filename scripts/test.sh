#!/usr/bin/env bash
# Runs cardigan's tests on a fresh machine: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-site-tools.sh   # chromium and vnu for the site's browser and validator tests
swift build --build-tests
swift test --skip-build
