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
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
STORE="$DATA/progress.sqlite"

answer() {  # number of the answer in the store after it
  xdotool key --window "$WINDOW" 1
  xdotool key --window "$WINDOW" 2
  wait_until "answer $1 in the store" answers_stored Resume "$1"
  xdotool key --window "$WINDOW" space
}

start_app --profile Resume --window 1280x800
wait_until "the first card" screen_is card
for n in 1 2 3; do answer "$n"; done
# The card the session would show next, as the store keeps it.
NEXT=$(sqlite3 "$STORE" "SELECT value FROM settings WHERE key LIKE 'open_session/%'" |
       sed -n 's/.*"queue":\[{"card":"\([^"]*\)".*/\1/p')
[ -n "$NEXT" ] || fail "no unfinished session in the store after three answers"
close_app

start_app --profile Resume --window 1280x800
wait_until "the card after the restart" screen_is card
answer 4
close_app

FOURTH=$(sqlite3 "$STORE" "SELECT card_id FROM reviews ORDER BY id DESC LIMIT 1")
[ "$FOURTH" = "$NEXT" ] || fail "after the restart the card answered was $FOURTH, expected $NEXT"
SESSIONS=$(sqlite3 "$STORE" "SELECT COUNT(DISTINCT session_id) FROM reviews")
[ "$SESSIONS" = 1 ] || fail "the four answers are in $SESSIONS sessions, expected one"
REPEATS=$(sqlite3 "$STORE" "SELECT COUNT(*) - COUNT(DISTINCT card_id) FROM reviews")
[ "$REPEATS" = 0 ] || fail "$REPEATS cards were asked again after the restart"
echo "after a restart the session went on with $NEXT, in the same session"
