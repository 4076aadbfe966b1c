#!/usr/bin/env bash
# End to end, as a learner whose app is closed half-way through a session:
# starts the real app on a fresh data folder with --profile (which starts
# studying), answers three cards with the keys (xdotool), closes the window
# and starts the app again the same way. The next answer must
# be to the card that was next when the app closed, in the same session (one
# session row holds all the answers), and no card answered before the
# restart is asked again. Run it under xvfb-run.
#
#   session_restart.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
DATA="$WORK_DIR/data"
STORE="$DATA/progress.sqlite"
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null || true' EXIT

start_app() {  # log file
  CLAIMDECK_TRACE_SCREENS=1 "$CLAIMDECK" --deck "$DECK" --data-dir "$DATA" --profile Resume --window 1280x800 \
    > "$1" 2>&1 &
  APP=$!
}

# Conditions, not sleeps: each wait polls for what the learner would see.
wait_until() {  # description, command...
  local description="$1"; shift
  for _ in $(seq 200); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP" 2>/dev/null || { echo "the app exited while waiting for: $description" >&2; exit 1; }
    sleep 0.05
  done
  echo "timed out waiting for: $description" >&2
  exit 1
}

answers_stored() {
  [ "$("$CLI" stats --data-dir "$DATA" --profile Resume --json 2>/dev/null | sed -n 's/^ *"reviews": \([0-9]*\),*/\1/p')" = "$1" ]
}
screen_shown() { grep -q "^screen: $2\$" "$1"; }
close_app() {
  kill -TERM "$APP"
  wait "$APP" || { echo "the app did not close cleanly" >&2; exit 1; }
  APP=""
}
answer() {  # window, number of the answer in the store after it
  xdotool key --window "$1" 1
  xdotool key --window "$1" 2
  wait_until "answer $2 in the store" answers_stored "$2"
  xdotool key --window "$1" space
}
focused_window() {
  local window
  window=$(xdotool search --sync --onlyvisible --name '^ClaimDeck$' | head -1)
  xdotool windowfocus --sync "$window"
  echo "$window"
}

start_app "$WORK_DIR/first.log"
WINDOW=$(focused_window)
wait_until "the first card" screen_shown "$WORK_DIR/first.log" card
for n in 1 2 3; do answer "$WINDOW" "$n"; done
# The card the session would show next, as the store keeps it.
NEXT=$(sqlite3 "$STORE" "SELECT value FROM settings WHERE key LIKE 'open_session/%'" |
       sed -n 's/.*"queue":\[{"card":"\([^"]*\)".*/\1/p')
[ -n "$NEXT" ] || { echo "no unfinished session in the store after three answers" >&2; exit 1; }
close_app

start_app "$WORK_DIR/second.log"
WINDOW=$(focused_window)
wait_until "the card after the restart" screen_shown "$WORK_DIR/second.log" card
answer "$WINDOW" 4
close_app
trap - EXIT

FOURTH=$(sqlite3 "$STORE" "SELECT card_id FROM reviews ORDER BY id DESC LIMIT 1")
[ "$FOURTH" = "$NEXT" ] || { echo "after the restart the card answered was $FOURTH, expected $NEXT" >&2; exit 1; }
SESSIONS=$(sqlite3 "$STORE" "SELECT COUNT(DISTINCT session_id) FROM reviews")
[ "$SESSIONS" = 1 ] || { echo "the four answers are in $SESSIONS sessions, expected one" >&2; exit 1; }
REPEATS=$(sqlite3 "$STORE" "SELECT COUNT(*) - COUNT(DISTINCT card_id) FROM reviews")
[ "$REPEATS" = 0 ] || { echo "$REPEATS cards were asked again after the restart" >&2; exit 1; }
echo "after a restart the session went on with $NEXT, in the same session"
