#!/usr/bin/env bash
# Runs a Windows program of this build under Wine (Debian's wine64):
#
#   wine-run PROGRAM.exe ARGS...
#   wine-run --start    makes the prefix and starts Wine for a test run
#   wine-run --stop     ends Wine
#
# The Wine prefix (Wine's C: drive and registry) lives in the build folder
# and is made once, on first use, with no Mono or Gecko prompts; two runs
# starting at once wait for one to make it. Unix paths in ARGS work as they
# are: Wine's Z: drive is the root of this machine.
#
# Wine's server and its system programs take seconds to start and end with
# the last program, so a test run starts them once (--start, ctest's
# fixture) and keeps them until --stop, or 30 seconds after the last
# program should --stop never come: each program then starts in a fraction
# of a second.
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

case "${1:-}" in
  --start)
    wineserver -k >/dev/null 2>&1 || true  # one left from an interrupted run
    wineserver -w
    wineserver -p30 </dev/null >/dev/null 2>&1
    # Starts the system programs, which stay, so without our output: ctest
    # would wait for them to close it.
    exec "$WINE" cmd.exe /c exit </dev/null >/dev/null 2>&1 ;;
  --stop)
    wineserver -k >/dev/null 2>&1 || true
    exec wineserver -w ;;
esac
exec "$WINE" "$@"
