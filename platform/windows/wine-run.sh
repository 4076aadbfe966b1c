#!/usr/bin/env bash
# Runs a Windows program of this build under Wine (Debian's wine64):
#
#   wine-run PROGRAM.exe ARGS...
#
# The Wine prefix (Wine's C: drive and registry) lives in the build folder
# and is made once, on first use, with no Mono or Gecko prompts; two runs
# starting at once wait for one to make it. Unix paths in ARGS work as they
# are: Wine's Z: drive is the root of this machine.
set -euo pipefail
export WINEPREFIX="@CMAKE_BINARY_DIR@/wine-prefix"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Debian's wine64 package puts its programs in /usr/lib/wine (the wine
# package adds /usr/bin/wine).
PATH="$PATH:/usr/lib/wine"
WINE="$(command -v wine64 || true)"
if [ -z "$WINE" ]; then
  echo "wine-run: wine64 was not found: install it (Debian: apt-get install wine64)" >&2
  exit 127
fi
{
  flock 9
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    "$WINE" wineboot --init >/dev/null 2>&1
    wineserver -w
  fi
} 9>"@CMAKE_BINARY_DIR@/wine-prefix.lock"
exec "$WINE" "$@"
