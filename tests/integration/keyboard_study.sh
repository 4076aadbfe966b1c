#!/usr/bin/env bash
# End to end, as a learner at a keyboard: starts the real app on a fresh data
# folder, answers five cards with the keys (1-3 verdict, 1-3 confidence,
# Space for the next card) sent by xdotool, closes it, and finds the five
# answers with `claimdeck-cli stats --json`, each stored as the keys said
# (every verdict key and every confidence key is used). Run it under xvfb-run.
#
#   keyboard_study.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"
ANSWERS=5

fresh_work_dir
start_app --profile Keys --window 1280x800

# Verdict key, confidence key, and what they must be stored as.
VERDICT_KEYS=(1 2 3 1 2)
CONFIDENCE_KEYS=(3 2 1 1 3)
EXPECTED="verified 90
contested 70
propaganda 50
verified 50
contested 90"

for answer in $(seq "$ANSWERS"); do
  xdotool key --window "$WINDOW" "${VERDICT_KEYS[answer - 1]}"
  xdotool key --window "$WINDOW" "${CONFIDENCE_KEYS[answer - 1]}"
  # The answer is written before the reveal appears.
  wait_until "answer $answer in the store" answers_stored Keys "$answer"
  xdotool key --window "$WINDOW" space
done

close_app
answers_stored Keys "$ANSWERS" || fail "expected $ANSWERS answers in the store"
STORED=$(stored_answers Keys)
[ "$STORED" = "$EXPECTED" ] || fail "$(printf 'the answers are stored as\n%s\nexpected\n%s' "$STORED" "$EXPECTED")"
echo "$ANSWERS answers given by keyboard are in the store"
