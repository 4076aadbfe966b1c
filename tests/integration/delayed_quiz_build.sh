#!/usr/bin/env bash
# Build quiz's delayed posttest, as a teacher makes it in the window: they
# pick "Pretest + posttest", then "Add form C", and save; three quiz files
# land side by side, form C meant for 14 days after the posttest, and a
# pupil who opens form C is told so.
#
#   delayed_quiz_build.sh CLAIMDECK DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" DECK="$2" WORK_DIR="$3"
source "$(dirname "$0")/gui_lib.sh"
QUIZZES="$WORK_DIR/data/quizzes"

fresh_work_dir

quiz_files() { ls "$QUIZZES"/*.json 2>/dev/null | wc -l; }
three_quiz_files() { [ "$(quiz_files)" -eq 3 ]; }

DATA="$WORK_DIR/data" start_app --window 1600x1800 --screen build-quiz  # tall enough for the Save button
click_control "$(exactly "Pretest + posttest")"
click_control "$(exactly "Add form C")"
click_control "$(exactly "Save all three quiz files")"
wait_until "three quiz files" three_quiz_files
close_app

FORM_C=$(ls "$QUIZZES"/*-C.json 2>/dev/null | head -1)
[ -n "$FORM_C" ] || fail "no form C among the saved quizzes: $(ls "$QUIZZES")"
grep -q '"form": "C"' "$FORM_C" || fail "$FORM_C is not form C"
grep -q '"days_after_post": 14' "$FORM_C" || fail "$FORM_C is not meant for 14 days after the posttest"
for form in A B; do
  ls "$QUIZZES"/*-"$form".json >/dev/null 2>&1 || fail "no form $form beside form C: $(ls "$QUIZZES")"
done

DATA="$WORK_DIR/pupil" start_app --window 1600x1000 --quiz "$FORM_C"
wait_until "form C to say when it is meant to be taken" \
  text_shown "^A delayed posttest, meant for 14 days after the posttest"
close_app
echo "forms A, B and C built and saved through the window"
