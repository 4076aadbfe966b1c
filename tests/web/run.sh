#!/usr/bin/env bash
# Runs the browser tests: builds the web app (platform/web/build.sh, into
# BUILD_DIR, default build-web/), installs Chromium and playwright-core when
# missing (prepare.sh), and runs every *.test.mjs here with node's test
# runner, one file after the other (each starts a browser of its own).
#
#   tests/web/run.sh [BUILD_DIR]
#
# The card screenshot goes to BUILD_DIR/web-card.png, so a test run leaves the
# committed screenshots alone; SCREENSHOT=docs/screenshots/web-card.png
# tests/web/run.sh retakes the one in the README.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD_DIR="$(realpath -m "${1:-$ROOT/build-web}")"

"$HERE/prepare.sh" "$BUILD_DIR"

cd "$HERE"
export SCREENSHOT="${SCREENSHOT:-$BUILD_DIR/web-card.png}"
# The class quiz test makes its quiz and reads the results with the real CLI
# (ctest names the one it built; by hand, ./dev run's build).
export CLAIMDECK_CLI="${CLAIMDECK_CLI:-$ROOT/build/app/cli/claimdeck-cli}"
SITE_DIR="$BUILD_DIR/site" exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
