#!/usr/bin/env bash
# Runs cardigan's tests on a fresh machine: installs what is missing (the build's and the tests'
# tools), builds, runs every test. With CARDIGAN_REQUIRE_TOOLS=1 a test whose tool is missing
# fails instead of showing as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-test-tools.sh
scripts/install-site-tools.sh   # chromium and vnu for the site's browser and validator tests
swift build --build-tests
swift test --skip-build
