#!/usr/bin/env bash
# The system file chooser opens a class quiz, through the real window: a
# pupil on Home clicks "Open…", picks the quiz file, starts the quiz with
# Enter and answers every card; the results file it leaves proves the
# chosen file was opened. The chooser is a fake `zenity` first on PATH
# (no D-Bus session bus, so the desktop portal is passed over, as on a
# desktop without one): it notes its arguments and answers with the path.
# Run it under xvfb-run.
#
#   file_chooser_open.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
WINDOW_SIZE=1600x1000

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR/bin" "$WORK_DIR/runtime" "$WORK_DIR/quizzes"
APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null || true' EXIT

fail() { echo "$*" >&2; [ -f "$WORK_DIR/app.log" ] && cat "$WORK_DIR/app.log" >&2; exit 1; }

wait_until() {  # description, command...
  local description="$1"; shift
  for _ in $(seq 200); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP" 2>/dev/null || fail "the app exited while waiting for: $description"
    sleep 0.05
  done
  fail "timed out waiting for: $description"
}
one_file() { ls "$1"/*.json 2>/dev/null | head -1; }

QUIZ="$WORK_DIR/quizzes/Year 10 quiz.json"
"$CLI" quiz create --deck "$DECK" --out "$QUIZ" --count 3 --title "Chosen in the file chooser" >/dev/null
cat > "$WORK_DIR/bin/zenity" <<FAKE
#!/bin/sh
printf '%s\n' "\$@" > "$WORK_DIR/zenity-arguments"
printf '%s\n' "$QUIZ"
FAKE
chmod +x "$WORK_DIR/bin/zenity"

# No session bus: DBUS_SESSION_BUS_ADDRESS unset and none in the runtime folder.
# exec: run in the background, the app itself is $! (not a subshell).
run_app() {
  exec env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$WORK_DIR/runtime" PATH="$WORK_DIR/bin:$PATH" \
    "$CLAIMDECK" --deck "$DECK" --data-dir "$WORK_DIR/pupil" --profile Pupil --window "$WINDOW_SIZE" "$@"
}

# A scripted run of Home at the same size says where "Open…" is drawn.
read -r x y width height < <( (run_app --screen home --quit-after-frames 3) | sed -n 's/^chooser-button: //p')
[ -n "${height:-}" ] || fail "Home drew no file chooser button"

run_app --screen home > "$WORK_DIR/app.log" 2>&1 &
APP=$!
WINDOW=$(xdotool search --sync --onlyvisible --name '^ClaimDeck$' | head -1)
xdotool windowfocus --sync "$WINDOW"
xdotool mousemove --window "$WINDOW" $((x + width / 2)) $((y + height / 2)) click 1
wait_until "the chooser to be asked" test -s "$WORK_DIR/zenity-arguments"
xdotool key --window "$WINDOW" Return
for _ in 1 2 3; do
  xdotool key --window "$WINDOW" 3 2 space
done
wait_until "the results file" one_file "$WORK_DIR/pupil/results"
kill -TERM "$APP"
wait "$APP" || fail "the app did not close cleanly"
APP=""

grep -qx -- "--file-selection" "$WORK_DIR/zenity-arguments" || fail "zenity was not asked for a file"
grep -qx -- "--file-filter=ClaimDeck files (.json) | \*.json" "$WORK_DIR/zenity-arguments" ||
  fail "zenity was not offered quiz files: $(cat "$WORK_DIR/zenity-arguments")"
RESULTS=$(one_file "$WORK_DIR/pupil/results")
QUIZ_ID=$(sed -n 's/^ *"id": *"\(.*\)",$/\1/p' "$QUIZ")
grep -q "\"quiz_id\": *\"$QUIZ_ID\"" "$RESULTS" || fail "the results in $RESULTS are not for the chosen quiz $QUIZ_ID"
echo "the quiz chosen in the file chooser was opened and taken"
