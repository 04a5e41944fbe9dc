#!/usr/bin/env bash
# Generates cardigan's man page (cardigan.1, every subcommand with its examples) with
# swift-argument-parser's generate-manual plugin, from the debug build, and prints its path.
# scripts/test.sh runs it after building, so the man page test reads what it wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package generate-manual --configuration debug >/dev/null
echo ".build/plugins/GenerateManual/outputs/cardigan/cardigan.1"
