#!/usr/bin/env bash
# Under Wine, as a learner at a keyboard: starts the real claimdeck.exe on a
# fresh data folder, answers the first card with the keys (1: verified, then
# 3: 90 % sure) sent by xdotool, waits for the reveal, closes the window the
# way Windows closes it, and finds that one answer in the store with sqlite3.
# The same helpers as the Linux GUI scripts (tests/integration/gui_lib.sh);
# only closing the app is Wine's own. Run it under xvfb-run.
#
#   keyboard_answer.sh CLAIMDECK WINE_RUN DECK WORK_DIR
#
# CLAIMDECK runs claimdeck.exe under Wine (the build's wine/claimdeck);
# WINE_RUN is the build's wine-run.
set -euo pipefail
CLAIMDECK="$1" WINE_RUN="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/../../tests/integration/gui_lib.sh"

# gui_lib's close_app sends SIGTERM, which under Wine ends the process as a
# kill would. taskkill without /f posts WM_CLOSE to the window, as Windows
# does when the learner closes it (Alt+F4 under Xvfb, with no window
# manager, makes Wine itself fault).
close_app() {
  "$WINE_RUN" taskkill /im claimdeck.exe >> "$WORK_DIR/taskkill.log" 2>&1 ||
    fail "taskkill could not ask claimdeck.exe to close: $(cat "$WORK_DIR/taskkill.log")"
  wait "$APP" || fail "claimdeck.exe did not close cleanly"
  APP=""
}

# The answers in the store, "LEARNER|VERDICT|CONFIDENCE" a line.
answers_in_store() {
  sqlite3 "$DATA/progress.sqlite" \
    "SELECT profiles.name, reviews.picked, reviews.confidence
       FROM reviews JOIN profiles ON profiles.id = reviews.profile_id ORDER BY reviews.id"
}

fresh_work_dir
start_app --profile Keys --window 1280x800
wait_until "the first card" screen_is card
xdotool key --window "$WINDOW" 1
wait_until "the question how sure" text_shown '^How sure are you\?'
xdotool key --window "$WINDOW" 3
wait_until "the reveal of the answer" screen_is reveal
close_app

EXPECTED="Keys|verified|90"
STORED=$(answers_in_store)
[ "$STORED" = "$EXPECTED" ] || fail "$(printf 'the store holds\n%s\nexpected\n%s' "$STORED" "$EXPECTED")"
echo "the answer given by keyboard in claimdeck.exe is in the store"
