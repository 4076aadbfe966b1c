#!/usr/bin/env bash
# End to end, as a pupil who is too slow on a timed class quiz and the
# teacher who reads the report, in the real window:
#   1. a two-card quiz with a 4-second limit, verdicts at the end: the pupil
#      lets card 1 run out, is told so on card 2 and answers it with the
#      keys; the end screen counts the card that ran out, and the verdict
#      shown for it says its time ran out;
#   2. the report on the pupil's results file says time ran out on 1 of 2
#      cards for them;
#   3. a one-card quiz that reveals after each card: the reveal of a card
#      whose time ran out says so.
# What the window says is read from the paragraphs the app traces
# (CLAIMDECK_TRACE_SCREENS). Run it under xvfb-run.
#
#   quiz_time_out.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
make_quiz() {  # file, number of cards, reveal
  "$CLI" quiz create --deck "$DECK" --out "$1" --count "$2" --time-limit 4 --reveal "$3" --title "Timed quiz" \
    > /dev/null
}
results_files() { ls "$DATA"/results/*.json 2>/dev/null | wc -l; }
one_results_file() { [ "$(results_files)" = 1 ]; }

# 1. The pupil, verdicts at the end.
make_quiz "$WORK_DIR/at-end.json" 2 at_end
start_app --window 1280x800 --quiz "$WORK_DIR/at-end.json" --profile Slow
wait_until "card 1 of 2" text_shown 'card 1 of 2$'
wait_until "the note that time ran out on card 1" text_shown '^⌛  Time ran out on card 1: it counts as not answered'
text_shown 'card 2 of 2$' || fail "the note is not shown on card 2"
xdotool key --window "$WINDOW" 3
xdotool key --window "$WINDOW" 2
wait_until "the results file" one_results_file
wait_until "the score" text_shown '^You got [0-9] of 2 right; time ran out on 1 card\.$'
text_shown '^⌛  Time ran out — it is ' || fail "the verdicts at the end do not say which card ran out of time"
close_app
grep -q '"timed_out": true' "$DATA"/results/*.json || fail "the results file holds no card that timed out"

# 2. The teacher's report on that file.
start_app --window 1280x800 --report "$DATA/results"
wait_until "the pupil's row" text_shown '^⌛ Time ran out on 1 of 2 cards$'
close_app

# 3. Verdicts after each card.
make_quiz "$WORK_DIR/after-each.json" 1 after_each
start_app --window 1280x800 --quiz "$WORK_DIR/after-each.json" --profile Slow
wait_until "the reveal of the card that ran out" text_shown '^⌛  Time ran out — it is '
close_app
echo "time ran out on a quiz card: the pupil was told on the next card, at the end and on the reveal; the report says so"
