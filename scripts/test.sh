#!/usr/bin/env bash
# Runs cardigan's tests on a fresh machine: installs what is missing (the build's and the tests'
# tools), builds, runs every test. With CARDIGAN_REQUIRE_TOOLS=1 a test whose tool is missing
# fails instead of showing as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-test-tools.sh   # every test tool (poppler, qpdf, strace, python packages, the site's chromium and vnu)
swift build --build-tests
scripts/generate-manual.sh >/dev/null   # the man page, for its test
swift test --skip-build
