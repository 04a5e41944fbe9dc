#!/usr/bin/env bash
# Runs cardigan's tests on a fresh machine: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-tools.sh   # check-jsonschema, pre-commit, rfc8785, huggingface_hub, poppler, qpdf
swift build --build-tests
scripts/generate-manual.sh >/dev/null   # the man page, for its test
swift test --skip-build
