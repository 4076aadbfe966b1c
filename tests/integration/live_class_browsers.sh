#!/usr/bin/env bash
# A live class through the real clients: the teacher's desktop app and three
# pupils' phones in Chromium, with nothing simulated between them.
#   1. The app starts a class on the claimdeck-server it runs; the projector
#      shows the join link, with no note that phones cannot open it.
#   2. Three phone-sized pages (tests/web/live-class-phones.mjs) open that
#      link, served by that server, join as Ada, Ben and Cleo and answer the
#      card shown with the first, second and third verdict.
#   3. The dashboard counts three pupils and one answer of each verdict; its
#      screenshot (ImageMagick's import) shows drawn text where the answers
#      are counted.
#   4. "End class": every phone says the class has ended; each pupil's
#      results file holds the verdict that pupil gave, and `claimdeck-cli
#      report` reads the three (exit 0) and counts them and who was right.
#   5. "Open the class report": the Report screen counts the same.
# The pupil whose verdict is right is the one that picked the card's true
# verdict, as the dashboard says it ("It is verified.").
# Run it under xvfb-run, after the web app is built (WEB_BUILD_DIR/site; the
# app finds it there, as it is the build's own web/site folder).
#
#   live_class_browsers.sh CLAIMDECK CLI PNG_CHECK DECK WORK_DIR WEB_BUILD_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" PNG_CHECK="$3" DECK="$4" WORK_DIR="$5" WEB_BUILD_DIR="$6"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$(dirname "$0")/gui_lib.sh"
fresh_work_dir
command -v import >/dev/null || fail "ImageMagick's import is missing: install imagemagick (./dev test does)"

"$ROOT/tests/web/prepare.sh" "$WEB_BUILD_DIR"

# The verdict each pupil gives, in the order of the card's verdict buttons.
NICKNAMES=(Ada Ben Cleo)
VERDICTS=(verified contested propaganda)

# The colour the app draws text in, as a scripted run of it reports it.
TEXT_COLOUR=$("$CLAIMDECK" --deck "$DECK" --data-dir "$WORK_DIR/colour-probe" --quit-after-frames 2 |
              sed -n 's/^text-colour: //p')

# 1. Home → For teachers → Run a live class → Start the class.
start_app --window 1280x1600
start_live_class
! text_shown '^Phones cannot open this link' || fail "the projector says phones cannot open the join link"

# 2. The phones open the link as shown and answer; their log says when.
node "$ROOT/tests/web/live-class-phones.mjs" "$LINK" "$WORK_DIR" > "$WORK_DIR/phones.log" 2>&1 &
PHONES=$!
end_on_exit "$PHONES"
print_on_failure "$WORK_DIR/phones.log"
phones_say() { grep -qx "$1" "$WORK_DIR/phones.log"; }
phones_say_or_stopped() { phones_say "$1" || ! kill -0 "$PHONES"; }
# Each phone starts a browser and the web app, on two cores shared with the
# app. Each of the phones' steps has its own time limit, and a phone that
# fails stops them all with its reason, so this wait is a last resort only.
WAIT_SECONDS=300 wait_until "three phones to join and answer" phones_say_or_stopped 'all answered'
phones_say 'all answered' || fail "the phones did not all join and answer"

# 3. The dashboard, as the app traces it and as it looks.
click_control "$(exactly 'Show the dashboard')"
wait_until "three answers on the dashboard" text_shown '^3 of 3 pupils answered$'
text_shown '^3 pupils joined  ·  3 answers$' || fail "the dashboard does not count 3 pupils and 3 answers"
text_shown '^1 verified  ·  1 contested  ·  1 propaganda$' || fail "the dashboard does not show one answer of each verdict"
for nickname in "${NICKNAMES[@]}"; do
  text_shown "^$nickname: [01] of 1 answer right\$" || fail "the dashboard does not list $nickname with one answer"
done
TRUTH=$(last_controls | sed -n 's/^text: It is \([a-z]*\)\.  1 of 3 answers right  ·  .*/\1/p' | head -1)
[ -n "$TRUTH" ] || fail "the dashboard does not say the card's true verdict with 1 of 3 answers right"

import -window "$WINDOW" "$WORK_DIR/dashboard.png"
# The answers are counted in the lines just above "Next card": drawn text there, in the app's text colour.
read -r x y width height < <(control_box "$(exactly 'Next card')")
"$PNG_CHECK" "$WORK_DIR/dashboard.png" --text-in "$x" $((y - 100)) "$width" 100 --text-colour "$TEXT_COLOUR" ||
  fail "the dashboard's screenshot does not show the answers' lines"

# 4. End class: every phone hears of it; each pupil's answer is a results file.
click_control "$(exactly 'End class')"
wait_until "the class ended" text_shown ': the class has ended$'
WAIT_SECONDS=60 wait_until "the phones to hear the class ended" phones_say_or_stopped 'all told the class ended'
wait "$PHONES" && phones_say 'all told the class ended' ||
  fail "the phones were not all told the class ended"

results_files() { ls "$DATA"/results/live-"$CODE"-*/*.json 2>/dev/null | wc -l; }
three_results_files() { [ "$(results_files)" = 3 ]; }
wait_until "three results files" three_results_files
RIGHT=""
for i in 0 1 2; do
  file=$(grep -l "\"${NICKNAMES[$i]}\"" "$DATA"/results/live-"$CODE"-*/*.json) ||
    fail "no results file for ${NICKNAMES[$i]}"
  picked=$(jq -r '[.answers[].picked] | join(" ")' "$file")
  [ "$picked" = "${VERDICTS[$i]}" ] || fail "${NICKNAMES[$i]}'s results file holds \"$picked\", not ${VERDICTS[$i]}"
  [ "${VERDICTS[$i]}" = "$TRUTH" ] && RIGHT=${NICKNAMES[$i]}
done

set +e
"$CLI" report "$DATA"/results/live-"$CODE"-*/*.json --deck "$DECK" > "$WORK_DIR/report.txt" 2>&1
REPORT_CODE=$?
set -e
[ "$REPORT_CODE" = 0 ] || fail "claimdeck-cli report exited $REPORT_CODE: $(cat "$WORK_DIR/report.txt")"
report_says() { grep -Eq "$1" "$WORK_DIR/report.txt" || fail "claimdeck-cli report does not say /$1/: $(cat "$WORK_DIR/report.txt")"; }
report_says '^3 pupils, 3 results files: 1 of 3 right \(33 %\)$'
for nickname in "${NICKNAMES[@]}"; do
  if [ "$nickname" = "$RIGHT" ]; then report_says "^$nickname +[^ ]+ +100%"; else report_says "^$nickname +[^ ]+ +0%"; fi
done

# 5. The class report in the app.
click_control "$(exactly 'Open the class report')"
wait_until "the report on three pupils" text_shown '^3 pupils  ·  3 results files  ·  1 of 3 answers right$'
close_app
echo "a live class from the desktop app with three phones in Chromium: joined by the link shown, answered, counted on the dashboard, and reported the same by the app and claimdeck-cli ($RIGHT right)"
