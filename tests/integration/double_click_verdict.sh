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
WINDOW_SIZE=390x844

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
DATA="$WORK_DIR/data"

# Where Contested is drawn: the answer bar is fixed at the window's bottom on
# a phone-sized window, so a scripted run on another folder shows the place.
"$CLAIMDECK" --deck "$DECK" --data-dir "$WORK_DIR/measure" --profile Measure --window "$WINDOW_SIZE" \
  --quit-after-frames 3 > "$WORK_DIR/measure.log"
read -r X Y W H < <(sed -n 's/^verdict-button-contested: //p' "$WORK_DIR/measure.log")
[ -n "${H:-}" ] || { echo "the app did not report where Contested is" >&2; cat "$WORK_DIR/measure.log" >&2; exit 1; }

"$CLAIMDECK" --deck "$DECK" --data-dir "$DATA" --profile Clicks --window "$WINDOW_SIZE" > "$WORK_DIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT

# Conditions, not sleeps: each wait polls for what the learner would see.
wait_until() {  # description, command...
  local description="$1"; shift
  for _ in $(seq 200); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP" 2>/dev/null || { echo "the app exited while waiting for: $description" >&2; cat "$WORK_DIR/app.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "timed out waiting for: $description" >&2
  exit 1
}

answers_stored() {
  [ "$("$CLI" stats --data-dir "$DATA" --profile Clicks --json 2>/dev/null | sed -n 's/^ *"reviews": \([0-9]*\),*/\1/p')" = "$1" ]
}

WINDOW=$(xdotool search --sync --onlyvisible --name '^ClaimDeck$' | head -1)
xdotool windowfocus --sync "$WINDOW"
xdotool mousemove --window "$WINDOW" $((X + W / 2)) $((Y + H / 2))
xdotool click --repeat 2 --delay 120 1
xdotool key --window "$WINDOW" 3
wait_until "the answer in the store" answers_stored 1

kill -TERM "$APP"
wait "$APP" || { echo "the app did not close cleanly" >&2; cat "$WORK_DIR/app.log" >&2; exit 1; }
trap - EXIT
"$CLI" export-progress --data-dir "$DATA" --profile Clicks --out "$WORK_DIR/export.json" >/dev/null
STORED=$(paste -d ' ' <(sed -n 's/^ *"picked": "\([a-z]*\)",*$/\1/p' "$WORK_DIR/export.json") \
                      <(sed -n 's/^ *"confidence": \([0-9]*\),*$/\1/p' "$WORK_DIR/export.json"))
[ "$STORED" = "contested 90" ] || { printf 'the answer is stored as "%s", expected "contested 90"\n' "$STORED" >&2; exit 1; }
echo "a double click on Contested picked it once; the confidence came from the key"
