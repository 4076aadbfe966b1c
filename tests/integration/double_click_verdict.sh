#!/usr/bin/env bash
# End to end, as a learner on a phone-sized window who double-clicks a
# verdict: the second click must land on the same verdict again, never on a
# confidence button that appeared under the pointer. Starts the real app on
# a fresh data folder, double-clicks Contested where the app reports it,
# then answers "how sure" with the key 3 (90 %), and finds the answer stored
# as contested at 90 % (`claimdeck-cli export-progress`). Had the second
# click answered the confidence, the store would hold contested at another
# confidence. Run it under xvfb-run.
#
#   double_click_verdict.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"
WINDOW_SIZE=390x844

fresh_work_dir

start_app --profile Clicks --window "$WINDOW_SIZE"
# Where the app drew Contested, once it has drawn it: a click that reaches
# the window before its first frame is laid out has no button to land on.
wait_until "the verdict Contested" control_box "$(exactly Contested)"
read -r X Y W H < <(control_box "$(exactly Contested)")
xdotool mousemove --window "$WINDOW" $((X + W / 2)) $((Y + H / 2))
xdotool click --repeat 2 --delay 120 1
xdotool key --window "$WINDOW" 3
wait_until "the answer in the store" answers_stored Clicks 1

close_app
STORED=$(stored_answers Clicks)
[ "$STORED" = "contested 90" ] || fail "the answer is stored as \"$STORED\", expected \"contested 90\""
echo "a double click on Contested picked it once; the confidence came from the key"
