#!/usr/bin/env bash
# End to end, as a teacher running a live class from the desktop app with
# three pupils answering from their phones (curl, as the web app's requests):
#   1. on "Run a live class" the teacher starts a class on a server this
#      computer runs: the projector shows the join code, its link and QR code;
#   2. three pupils join with the code and answer the first card over HTTP;
#   3. the dashboard shows the three pupils and their three answers within
#      seconds, without a click;
#   4. "End class": the dashboard says the class has ended, the server the
#      app started still tells a pupil asking for a card that it has, and
#      each pupil's answers are a results file;
#   5. "Open the class report": the Report screen counts the three pupils;
#      the server stops when the app quits.
# What the window says is read from the paragraphs the app traces
# (CLAIMDECK_TRACE_SCREENS). The pupils reach the server on 127.0.0.1, at the
# port of the join link (whose address is this machine's network address).
# Run it under xvfb-run.
#
#   live_class_teacher.sh CLAIMDECK DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" DECK="$2" WORK_DIR="$3"
source "$(dirname "$0")/gui_lib.sh"

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"

# The window is tall enough for Home's For teachers card without scrolling.
CLAIMDECK_TRACE_SCREENS=1 "$CLAIMDECK" --deck "$DECK" --data-dir "$WORK_DIR/data" --window 1280x1600 \
  > "$WORK_DIR/app.log" 2>&1 &
APP=$!
wait_for_window

# 1. Home → For teachers → Run a live class → Start.
start_live_class
PORT=$(printf '%s' "$LINK" | sed 's|^http://[^:/]*:\([0-9]*\)/.*|\1|')
SERVER="http://127.0.0.1:$PORT"
text_shown "^$CODE\$" || fail "the join code $CODE is not shown on its own"
text_shown '^No one has joined yet\.$' || fail "the projector does not say no one has joined"

# 2. Three pupils join and answer the card the class is on.
api() {  # method path [body] [token]
  curl -sS --fail-with-body -X "$1" "$SERVER$2" -H 'Content-Type: application/json' \
    ${4:+-H "Authorization: Bearer $4"} ${3:+--data "$3"}
}
verdicts=(verified contested propaganda)
for i in 0 1 2; do
  token=$(api POST /api/join "{\"code\":\"$CODE\",\"nickname\":\"Pupil $i\"}" | jq -r .token)
  card=$(api GET "/api/classes/$CODE/card" "" "$token" | jq -r .card.id)
  api POST /api/answers \
    "{\"token\":\"$token\",\"card\":\"$card\",\"verdict\":\"${verdicts[$i]}\",\"key\":\"answer-$i\"}" > /dev/null
done

# 3. The projector counts them; the dashboard shows their answers.
wait_until "three pupils on the projector" text_shown '^3 pupils have joined\.$'
click_control "$(exactly 'Show the dashboard')"
wait_until "three answers on the dashboard" text_shown '^3 of 3 pupils answered$'
text_shown '^3 pupils joined  ·  3 answers$' || fail "the dashboard does not count 3 pupils and 3 answers"
text_shown '^1 verified  ·  1 contested  ·  1 propaganda$' || fail "the class's verdicts are not shown"
text_shown '^Telling propaganda from the rest: d′ ' || fail "d′ and c are not shown"

# 4. End class: the class ends, and a pupil still asking is told so.
click_control "$(exactly 'End class')"
wait_until "the class ended" text_shown ': the class has ended$'
[ "$(api GET "/api/classes/$CODE/card" "" "$token" | jq -r .ended)" = true ] ||
  fail "a pupil asking for a card after End class is not told the class has ended"
results_files() { ls "$WORK_DIR"/data/results/live-"$CODE"-*/*.json 2>/dev/null | wc -l; }
three_results_files() { [ "$(results_files)" = 3 ]; }
wait_until "three results files" three_results_files

# 5. The class report on them.
click_control "$(exactly 'Open the class report')"
wait_until "the report on three pupils" text_shown '^3 pupils  ·  3 results files  ·  1 of 3 answers right$'
close_app
server_stopped() { ! curl -s -o /dev/null "$SERVER/api/health"; }
wait_until "the class server to stop with the app" server_stopped
echo "a live class run from the app: 3 pupils joined and answered, the dashboard showed it, End class told the pupils, the report counts them and the server stopped with the app"
