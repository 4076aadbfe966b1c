#!/usr/bin/env bash
# Runs the browser tests: builds the web app (platform/web/build.sh, into
# BUILD_DIR, default build-web/), installs Chromium and playwright-core when
# missing, and runs every *.test.mjs here with node's test runner, one file
# after the other (each starts a browser of its own).
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

# Node and npm may come from elsewhere than Debian: only what is absent is installed.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$ROOT/platform/web/build.sh" "$BUILD_DIR" >/dev/null

# playwright-core only drives the browser: it downloads none.
wanted="$(node -p "require('$HERE/package-lock.json').packages['node_modules/playwright-core'].version")"
installed="$(node -p "require('$HERE/node_modules/playwright-core/package.json').version" 2>/dev/null || true)"
if [ "$wanted" != "$installed" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

cd "$HERE"
export SCREENSHOT="${SCREENSHOT:-$BUILD_DIR/web-card.png}"
# The class quiz test makes its quiz and reads the results with the real CLI
# (ctest names the one it built; by hand, ./dev run's build).
export CLAIMDECK_CLI="${CLAIMDECK_CLI:-$ROOT/build/app/cli/claimdeck-cli}"
SITE_DIR="$BUILD_DIR/site" exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
