#!/usr/bin/env bash
# What every browser test needs before it runs: Chromium, node and npm
# (installed with apt when missing), the web app built into BUILD_DIR/site
# (platform/web/build.sh; run again, it redoes only what changed) and
# playwright-core at the version package-lock.json pins. Shared by run.sh and
# tests/integration/live_class_browsers.sh, and by ./dev bench.
#
#   tests/web/prepare.sh BUILD_DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD_DIR="$(realpath -m "$1")"

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
