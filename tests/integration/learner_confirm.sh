#!/usr/bin/env bash
# End to end, on a computer two learners share: in the real window, renaming
# a learner and deleting one each ask first. Ada and Ben have studied (with
# claimdeck-cli); the app opens on Home with Ben chosen. Clicking controls by
# the labels the app traces, the test renames Ben to Bea and cancels at the
# question, then renames him and confirms; it asks to delete Bea and keeps
# her, then asks again and confirms. After each step the store is read back
# with sqlite3 (the window is tall enough for the Learners card without
# scrolling): a cancelled step changed nothing, a confirmed one did, and
# deleting Bea took her answers with her and left Ada's. Run it under
# xvfb-run.
#
#   learner_confirm.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
STORE="$DATA/progress.sqlite"

# Two learners who have each answered two cards (verdict, then confidence).
for learner in Ada Ben; do
  printf '1\n2\n3\n1\n' | "$CLI" study --plain --data-dir "$DATA" --profile "$learner" --deck "$DECK" > /dev/null
done

learners() { sqlite3 "$STORE" "SELECT name FROM profiles ORDER BY name" | paste -sd ' '; }
answers_of() { sqlite3 "$STORE" "SELECT COUNT(*) FROM reviews JOIN profiles ON profiles.id = reviews.profile_id
                                  WHERE profiles.name = '$1'"; }
learners_are() { [ "$(learners)" = "$1" ]; }
expect_learners() {  # expected names, what was just done
  learners_are "$1" || fail "after $2 the store holds the learners \"$(learners)\", expected \"$1\""
}

[ "$(learners)" = "Ada Ben" ] && [ "$(answers_of Ben)" = 2 ] && [ "$(answers_of Ada)" = 2 ] ||
  fail "the set-up did not give Ada and Ben two answers each: $(learners)"

start_app --profile Ben --screen home --window 1280x1500

name_field_focused() { last_controls | grep -qx "focused: Name"; }
type_new_name() {  # name
  click_control "$(exactly Rename)"
  wait_until "the name field to take the keyboard" name_field_focused
  # The old name out, a key at a time, as a learner would.
  xdotool key --window "$WINDOW" End
  xdotool key --window "$WINDOW" --repeat 10 BackSpace
  # Enter, not a click on "Save name": a click in the frame that types the
  # last letter takes the field's focus before the letter reaches it.
  xdotool type --window "$WINDOW" "$1"
  xdotool key --window "$WINDOW" Return
}

# Renaming, cancelled at the question.
type_new_name Bea
wait_until "the question before renaming" text_shown '^Rename “Ben” to “Bea”\?'
click_control "$(exactly Keep\ the\ old\ name)"
wait_until "Home without the question" control_box "$(exactly Delete…)"
expect_learners "Ada Ben" "cancelling the rename"

# Renaming, confirmed.
type_new_name Bea
wait_until "the question before renaming" text_shown '^Rename “Ben” to “Bea”\?'
click_control "$(exactly Rename)"
wait_until "Bea in the store" learners_are "Ada Bea"

# Deleting, cancelled at the question (which counts what goes with her).
click_control "$(exactly Delete…)"
wait_until "the question before deleting" text_shown '^Delete “Bea” and their 2 answers\?'
click_control "$(exactly Keep)"
wait_until "Home without the question" control_box "$(exactly Delete…)"
expect_learners "Ada Bea" "cancelling the deletion"

# Deleting, confirmed.
click_control "$(exactly Delete…)"
wait_until "the question before deleting" text_shown '^Delete “Bea”'
click_control "$(exactly Delete)"
wait_until "Bea gone from the store" learners_are "Ada"
close_app

[ "$(answers_of Ada)" = 2 ] || fail "Ada's answers were touched: $(answers_of Ada) left"
ORPHANS=$(sqlite3 "$STORE" "SELECT COUNT(*) FROM reviews WHERE profile_id NOT IN (SELECT id FROM profiles)")
[ "$ORPHANS" = 0 ] || fail "$ORPHANS answers of the deleted learner are still in the store"
echo "renaming and deleting a learner each asked first; cancelled, nothing changed; confirmed, the store changed"
