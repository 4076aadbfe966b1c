#!/usr/bin/env bash
# A learner's day in the real window, with a daily limit of 2 new cards on a
# deck of 5, clicking controls by the labels the app traces and reading what
# it says from the paragraphs it traces:
#   1. Home states the session's size before it starts ("2 cards: 2 new");
#   2. every card carries the one-line rule, and the verdicts' definitions
#      are one press away on the card and on the answer;
#   3. the count keeps its goal: a card answered wrongly comes back as
#      "again · 2 / 2" and waits apart ("2 / 2 · +1 again"); "End session
#      now" ends it on a summary that lists the mistake;
#   4. Home says the day's new cards are done and what tomorrow brings, and
#      offers more new cards now and practice; practice leaves the store as
#      it was; "Study 3 more new cards now" studies a card never seen, whose
#      verdict, picked wrongly, stays shown and is changed with a click;
#   5. with the daily limit off (Settings, for a workshop) Home offers the
#      rest of the new cards at once.
# The store is read back with sqlite3 after each step. Run it under xvfb-run.
#
#   study_loop.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
STORE="$DATA/progress.sqlite"
RULE='^Judge what is claimed: is it true\? Not: did the article say it\?$'

# The learner, made as on another day (no answers), with a limit of 2 new cards a day.
"$CLI" study --plain --data-dir "$DATA" --profile Sam --deck "$DECK" < /dev/null > /dev/null
sqlite3 "$STORE" "INSERT INTO settings(profile_id, key, value)
                  SELECT id, 'new_cards_per_day', '2' FROM profiles WHERE name = 'Sam'"
# Each claim's verdict and text, to answer a card right or wrong on purpose.
sqlite3 -separator $'\t' :memory: \
  "SELECT json_extract(value, '$.verdict'), json_extract(value, '$.text')
   FROM json_each(readfile('$DECK'), '$.claims')" > "$WORK_DIR/claims.tsv"
[ "$(wc -l < "$WORK_DIR/claims.tsv")" = 5 ] || fail "the test deck should hold 5 claims: $(cat "$WORK_DIR/claims.tsv")"

limit_off() { [ "$(sqlite3 "$STORE" "SELECT value FROM settings WHERE key = 'daily_limit'")" = 0 ]; }
reviews() { sqlite3 "$STORE" "SELECT COUNT(*) FROM reviews"; }
reviews_are() { [ "$(reviews)" = "$1" ]; }
schedule() { sqlite3 "$STORE" "SELECT * FROM card_states ORDER BY card_id"; }
# The card screen (not its answer) is drawn: it alone has "End session now".
card_shown() { control_box "$(exactly "End session now")"; }
claim_on_screen() {  # prints "VERDICT<TAB>TEXT" of the claim drawn
  local verdict text
  while IFS=$'\t' read -r verdict text; do
    if text_shown "$(exactly "$text")"; then printf '%s\t%s\n' "$verdict" "$text"; return 0; fi
  done < "$WORK_DIR/claims.tsv"
  return 1
}
expect_text() {  # regex, what it shows
  text_shown "$1" || fail "the window does not show $2 (/$1/)"
}
# Answers the card on screen with the keys, right or wrong, 90 % sure, and
# waits for its answer; sets CLAIM to the card's text.
answer() {  # right | wrong
  local verdict key
  wait_until "a card" card_shown
  expect_text "$RULE" "the rule on the card"
  IFS=$'\t' read -r verdict CLAIM < <(claim_on_screen) || fail "no claim of the deck on the card"
  case "$verdict" in verified) key=1 ;; contested) key=2 ;; *) key=3 ;; esac
  [ "$1" = right ] || key=$((key % 3 + 1))
  xdotool key --window "$WINDOW" "$key"
  xdotool key --window "$WINDOW" 3
  wait_until "the answer" control_box "^Undo"
}
next_card() { xdotool key --window "$WINDOW" space; wait_until "the next card" card_shown; }
# Home, drawn: the Done screen shows the day's end and its buttons too.
home_shown() { screen_is home && text_shown '^Learners$'; }
go_home() { click_control "$(exactly "Home")"; wait_until "Home" home_shown; }
definitions_one_press_away() {  # where
  click_control "$(exactly "What the verdicts mean")"
  wait_until "the definitions on $1" text_shown '^Verified: the articles agree'
  expect_text '^Contested: the sources disagree' "Contested's definition on $1"
  expect_text '^Propaganda: worded to move you' "Propaganda's definition on $1"
  click_control "$(exactly "Close")"
  wait_until "the definitions closed on $1" eval '! text_shown "^Verified: the articles agree"'
}

# Tall and wide enough for every control used without scrolling.
start_app --window 1600x1500
click_control '^(▸ )?Sam$'

# 1. The size, said before it starts.
wait_until "the session's size on Home" text_shown '^2 cards: 2 new$'
click_control "$(exactly "Start studying")"

# 2 and 3. The first card, answered wrongly, comes back apart from the count.
wait_until "the first card" card_shown
expect_text '^1 / 2$' "the count 1 / 2"
definitions_one_press_away "the card"
answer wrong
MISSED="$CLAIM"
expect_text '^1 / 2 · \+1 again$' "the count on the answer, with the missed card apart"
definitions_one_press_away "the answer"
next_card
expect_text '^2 / 2 · \+1 again$' "the second card's count with the missed card apart"
answer right
next_card
expect_text '^again · 2 / 2$' "the missed card's count, its goal unchanged"
answer wrong
[ "$CLAIM" = "$MISSED" ] || fail "the card that came back is \"$CLAIM\", expected \"$MISSED\""
next_card
expect_text '^again · 2 / 2$' "the missed card's second comeback"
click_control "$(exactly "End session now")"
wait_until "the summary" screen_is done
wait_until "the summary's count" text_shown '^You answered 3 cards and got 1 right\.$'
expect_text '^Your mistake$' "the mistakes' heading"
expect_text "$(exactly "$MISSED")" "the missed claim among the mistakes"
reviews_are 3 || fail "after ending the session the store holds $(reviews) answers, expected 3"

# 4. The day's new cards are done: Home says so, and what comes next.
go_home
wait_until "the day done on Home" text_shown '^Done for today$'
expect_text '^Tomorrow: .*2 new\.$' "what tomorrow brings"
expect_text '^Practice asks about cards you have seen and leaves your schedule as it is\.$' "what practice does"
control_box "$(exactly "Study 3 more new cards now")" > /dev/null || fail "Home offers no more new cards"

BEFORE=$(schedule)
click_control "$(exactly "Practise 2 cards")"
answer right
next_card
click_control "$(exactly "End session now")"
wait_until "the practice's summary" text_shown 'This was practice: your schedule is as it was\.$'
reviews_are 3 || fail "practice wrote $(($(reviews) - 3)) answers to the store"
[ "$(schedule)" = "$BEFORE" ] || fail "practice changed the schedule: $(schedule)"

go_home
click_control "$(exactly "Study 3 more new cards now")"
wait_until "the first of 3 more" text_shown '^1 / 3$'
# A verdict pressed by mistake stays shown and is changed with a click.
wait_until "a card" card_shown
IFS=$'\t' read -r TRUTH CLAIM < <(claim_on_screen) || fail "no claim of the deck on the card"
case "$TRUTH" in verified) WRONG=Propaganda ;; contested) WRONG=Verified ;; *) WRONG=Contested ;; esac
click_control "$(exactly "$WRONG")"
wait_until "the verdict picked shown" control_box "$(exactly "$WRONG  — your verdict")"
click_control "$(exactly "${TRUTH^}")"
wait_until "the verdict changed" control_box "$(exactly "${TRUTH^}  — your verdict")"
xdotool key --window "$WINDOW" 3
wait_until "the answer" control_box "^Undo"
reviews_are 4 || fail "the card studied beyond the limit is not in the store ($(reviews) answers)"
PICKED=$(sqlite3 "$STORE" "SELECT picked FROM reviews ORDER BY id DESC LIMIT 1")
[ "$PICKED" = "$TRUTH" ] || fail "the verdict changed to $TRUTH was stored as $PICKED"
SEEN=$(sqlite3 "$STORE" "SELECT COUNT(DISTINCT card_id) FROM reviews")
[ "$SEEN" = 3 ] || fail "the card studied beyond the limit was not a new one ($SEEN cards seen)"
next_card
click_control "$(exactly "End session now")"
go_home

# 5. No daily limit, for a workshop: the two cards left are on offer.
click_control "^Settings$"
click_control "$(exactly "No limit (workshop)")"
wait_until "the limit off in the store" limit_off
xdotool key --window "$WINDOW" Escape
wait_until "Home" home_shown
wait_until "the rest of the new cards on Home" text_shown '^2 cards: 2 new$'
close_app
echo "Home said the size and the day's end; the count kept its goal; more cards, practice and no limit did as said"
