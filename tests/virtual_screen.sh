#!/usr/bin/env bash
# Runs a command on a virtual X screen (xvfb-run) and exits with the
# command's own exit code. xvfb-run's is not always the command's: after the
# command has ended it can fail to remove its temporary folder and exit 5
# (seen once in a CI run under load), which says nothing of what was tested.
# Used by every test that opens a window, so each reports only on itself.
#
#   virtual_screen.sh WIDTHxHEIGHT COMMAND [ARGUMENTS...]
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: virtual_screen.sh WIDTHxHEIGHT COMMAND [ARGUMENTS...]" >&2
  exit 2
fi
if ! command -v xvfb-run >/dev/null; then
  echo "xvfb-run was not found: install it (Debian: apt-get install xvfb) to run the GUI tests" >&2
  exit 1
fi
screen="$1"; shift
code_file="$(mktemp)"
trap 'rm -f "$code_file"' EXIT
# The command writes its exit code where this script reads it.
xvfb-run -a -s "-screen 0 ${screen}x24" sh -c '"$@"; echo $? > "$0"' "$code_file" "$@"
xvfb_code=$?
if [ ! -s "$code_file" ]; then
  echo "virtual_screen.sh: xvfb-run did not run the command (it exited $xvfb_code)" >&2
  exit "$((xvfb_code == 0 ? 1 : xvfb_code))"
fi
exit "$(cat "$code_file")"
