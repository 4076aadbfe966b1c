#!/usr/bin/env bash
# A class quiz round trip, as teacher and pupil would do it in the window:
#   1. the teacher opens Build quiz and clicks "Save the quiz file";
#   2. a pupil drops that file on the window, starts it with Enter and
#      answers every card with the keyboard (3 = propaganda, 2 = 70 % sure,
#      Space for the next card);
#   3. the teacher's report, in the app and from claimdeck-cli, reads the
#      pupil's results: every card answered, propaganda ones right.
# Run it under xvfb-run with a screen of at least 1600x1500.
#
#   class_round_trip.sh CLAIMDECK CLAIMDECK_CLI CLAIMDECK_DROP_FILE DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DROP_FILE="$3" DECK="$4" WORK_DIR="$5"
source "$(dirname "$0")/gui_lib.sh"
TEACHER="$WORK_DIR/teacher" PUPIL="$WORK_DIR/pupil"
WINDOW_SIZE=1600x1700  # tall enough for the Save button of Build quiz without scrolling

fresh_work_dir

one_file() { ls "$1"/*.json 2>/dev/null | head -1; }

# 1. The teacher saves the quiz, clicked where the running app drew the
#    button once it has drawn it (a click before the first frame is lost).
DATA="$TEACHER" start_app --window "$WINDOW_SIZE" --screen build-quiz
click_control "$(exactly "Save the quiz file")"
wait_until "the quiz file" one_file "$TEACHER/quizzes"
close_app
QUIZ=$(one_file "$TEACHER/quizzes")
# The claim ids, one a line between "claims": [ and ] (cereal writes JSON indented).
CARDS=$(sed -n '/"claims": \[/,/\]/{/"claims"/d;/\]/d;p}' "$QUIZ" | wc -l)
[ "$CARDS" -gt 0 ] || fail "the saved quiz $QUIZ holds no claims"

# 2. The pupil drops the quiz file on the window, starts it with Enter once
#    the quiz has opened, and answers. Keys queue up and the window takes
#    one press a frame, in order.
DATA="$PUPIL" start_app --window "$WINDOW_SIZE" --profile Pupil
wait_until "the first card" screen_is card
"$DROP_FILE" "$WINDOW" "$QUIZ" || fail "the window did not take the dropped quiz file"
wait_until "the dropped quiz" screen_is class-quiz
xdotool key --window "$WINDOW" Return
for _ in $(seq "$CARDS"); do
  xdotool key --window "$WINDOW" 3 2 space
done
wait_until "the results file" one_file "$PUPIL/results"
close_app
RESULTS=$(one_file "$PUPIL/results")

# 3. The teacher's report. Every card was called propaganda, so exactly the
#    propaganda claims of the quiz are right.
PROPAGANDA=$(grep -o '"truth": *"propaganda"' "$RESULTS" | wc -l)
REPORT=$("$CLI" report "$RESULTS")
echo "$REPORT" | grep -q "^1 pupil, 1 results file: $PROPAGANDA of $CARDS right" ||
  fail "unexpected report for $CARDS cards, $PROPAGANDA of them propaganda: $REPORT"
"$CLAIMDECK" --deck "$DECK" --data-dir "$TEACHER" --report "$PUPIL/results" --quit-after-frames 2 |
  grep -q "^screen: report$" || fail "the app did not open the report"
echo "quiz of $CARDS cards built, taken and reported through the window"
