#!/usr/bin/env bash
# A teacher makes a deck in the Studio through the real window, then a
# learner studies it. In the window, with xdotool (and xclip for the
# clipboard):
#   1. a new deck, named; an article pasted with Ctrl+V;
#   2. Ctrl+F, the words of a phrase and Enter select it ("Find words");
#      "New claim from selection" makes the claim: card text, the verdict
#      Contested, a new topic, and the technique "Exaggeration, Minimisation"
#      with the words in the quote that carry it (found the same way);
#   3. a second article pasted; on Evidence, words found in it are added as
#      evidence that contradicts the claim;
#   4. the live checks say the rationale is missing: a click on that problem
#      opens the field, the rationale is typed and the problem goes;
#   5. Save.
# The saved deck must hold every one of those steps' results, pass
# `claimdeck-cli validate` (not `deck check`: one claim cannot meet the
# house style's verdict balance), and open on its card for a learner.
# Controls are clicked where the app reports drawing them (gui_lib.sh).
# Run it under xvfb-run with a screen of 1600x1800.
#
#   studio_make_deck.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
SAVED="$DATA/studio/valley-test/decks/valley-test.json"
ARTICLE_ONE=$'Valley falls\n\nThe Taliban said on Monday that their fighters had captured the whole of the Panjshir valley.\n'
ARTICLE_TWO=$'Resistance holds out\n\nThe National Resistance Front said its fighters still held strategic positions across the valley.\n'
QUOTE="their fighters had captured the whole of the Panjshir valley"
TECHNIQUE_WORDS="the whole of"
EVIDENCE="still held strategic positions across the valley"
CARD="The Taliban captured the whole of the Panjshir valley on Monday."
RATIONALE="The Front said it still held positions across the valley. Only the Taliban said it had fallen."
TOPIC="Control of the valley"

# The modifier held down around the key, through XTEST.
ctrl_key() { xdotool keydown ctrl key "$1" keyup ctrl; }
focused() { last_controls | grep -Eq "^focused: $1"; }
type_into_focused() {  # field label regex, text: replaces what the field holds
  wait_until "the field /$1/ to take the keyboard" focused "$1"
  ctrl_key a
  xdotool type --delay 20 "$2"
}
# Keys reach the app one a frame, a click at once: before the next click,
# every key typed into a field of the deck must have made its edit.
edits() { studio_summary | sed -n 's/.*, edit \([0-9]*\)$/\1/p'; }
edits_reach() { [ "$(edits)" -ge "$1" ]; }
type_edit() {  # field label regex, text
  local before
  wait_until "the field /$1/ to take the keyboard" focused "$1"
  before=$(edits)
  type_into_focused "$1" "$2"
  wait_until "every key typed into /$1/" edits_reach $((before + ${#2}))
}
paste_article() {  # text, how many articles there are then
  printf '%s' "$1" | xclip -selection clipboard
  ctrl_key v
  wait_until "article $2 pasted" studio_summary_matches "^$2 articles"
}
find_words() {  # words: selected with Ctrl+F, the words and Enter
  ctrl_key f
  type_into_focused "Find words" "$1"
  xdotool key Return
  wait_until "\"$1\" selected" text_shown "^Selected: .*$1"
  # The field takes the keyboard back a frame later, for the next Enter; a
  # click landing in that very frame would be lost to it.
  wait_until "the find field to take the keyboard again" focused "Find words"
}
problem_count() { studio_summary | sed -n 's/.* claims, \([0-9]*\) problems.*/\1/p'; }

start_app --screen studio --window 1600x1800

# 1. A new deck, named, and the first article.
click_control "$(exactly "New deck")"
click_control "$(exactly "Deck title")"
type_edit "Deck title" "Valley test deck"
click_control "^Deck id"
type_edit "Deck id" "valley-test"
click_control "$(exactly "Articles")"  # out of the field, so Ctrl+V pastes an article
paste_article "$ARTICLE_ONE" 1

# 2. The claim, from the words found in the article.
find_words "$QUOTE"
click_control "$(exactly "New claim from selection")"
wait_until "the claim" studio_summary_matches "^1 articles, 1 claims"
click_control "^Card text"
type_edit "Card text" "$CARD"
click_control "$(exactly "Contested")"
click_control "$(exactly "A new topic, then Enter")"
type_into_focused "A new topic" "$TOPIC"
xdotool key Return
find_words "$TECHNIQUE_WORDS"
click_control "$(exactly "technique")"
click_control "$(exactly "Exaggeration, Minimisation")"
click_control "$(exactly "Add technique words")"

# 3. Evidence from a second article.
paste_article "$ARTICLE_TWO" 2
click_control "$(exactly "Evidence")"
find_words "$EVIDENCE"
click_control "$(exactly "contradicts")"
click_control "$(exactly "Add as evidence")"
wait_until "the evidence listed" control_box "$(exactly "Remove")"

# 4. The problem the live checks raise, fixed from its entry.
click_control "$(exactly "Checks")"
click_control 'field "rationale"'
BEFORE=$(problem_count)
type_edit "Rationale" "$RATIONALE"
wait_until "the rationale problem to go" test "$(problem_count)" -lt "$BEFORE"

# 5. Saved.
click_control "$(exactly "Save")"
wait_until "the saved deck" test -f "$SAVED"
close_app

must_hold() {  # what, text the saved deck must contain
  grep -qF -- "$2" "$SAVED" || fail "the saved deck lacks $1 ($2): $(cat "$SAVED")"
}
must_hold "the deck's title" '"title": "Valley test deck"'
must_hold "the quote" "\"quote\": \"$QUOTE\""
must_hold "the card text" "\"text\": \"$CARD\""
must_hold "the verdict" '"verdict": "contested"'
must_hold "the rationale" "\"rationale\": \"$RATIONALE\""
must_hold "the topic" "\"title\": \"$TOPIC\""
must_hold "the technique" '"Exaggeration, Minimisation"'
must_hold "the technique's words" "\"$TECHNIQUE_WORDS\""
must_hold "the evidence" "\"quote\": \"$EVIDENCE\""
must_hold "the evidence's stance" '"stance": "contradicts"'
"$CLI" validate "$SAVED" || fail "the saved deck does not pass claimdeck-cli validate"

# A learner opens it and gets its card.
STUDIED=$("$CLAIMDECK" --deck "$SAVED" --data-dir "$WORK_DIR/learner" --profile Pupil --quit-after-frames 3)
grep -qF "claim: valley-falls-1: $CARD" <<< "$STUDIED" || fail "the learner did not get the card: $STUDIED"
echo "a deck made in the Studio's window passes validate and is studied"
