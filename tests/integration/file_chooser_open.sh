#!/usr/bin/env bash
# Opening a class quiz through the real window, two ways:
#   1. a pupil on Home clicks "Open…" and picks the quiz file in the system
#      file chooser: a fake `zenity` first on PATH (no D-Bus session bus, so
#      the desktop portal is passed over, as on a desktop without one) that
#      notes its arguments and answers with the path;
#   2. a pupil types "~/…" in the quiz path field: "~" is their home folder.
# Each then starts the quiz with Enter and answers every card; the results
# file left behind, for that quiz, proves the file was opened.
# Run it under xvfb-run.
#
#   file_chooser_open.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"
WINDOW_SIZE=1600x1000

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR/bin" "$WORK_DIR/runtime" "$WORK_DIR/quizzes" "$WORK_DIR/home"
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
run_app() {  # pupil's data folder, app arguments...
  local data="$1"; shift
  exec env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$WORK_DIR/runtime" PATH="$WORK_DIR/bin:$PATH" \
    HOME="$WORK_DIR/home" CLAIMDECK_TRACE_SCREENS=1 "$CLAIMDECK" --deck "$DECK" --data-dir "$data" --profile Pupil --window "$WINDOW_SIZE" "$@"
}

QUIZ_ID=$(sed -n 's/^ *"id": *"\(.*\)",$/\1/p' "$QUIZ")
take_quiz() {  # pupil's data folder; the quiz is being opened
  wait_until "the quiz's screen" grep -q "^screen: class-quiz$" "$WORK_DIR/app.log"
  # Clicked, not Enter: on the quiz screen's first frame the path field typed
  # in on Home still has the keyboard, and takes an Enter sent that early.
  click_control "$(exactly 'Start the quiz')"
  for _ in 1 2 3; do
    xdotool key --window "$WINDOW" 3 2 space
  done
  wait_until "the results file" one_file "$1/results"
  close_app
  grep -q "\"quiz_id\": *\"$QUIZ_ID\"" "$(one_file "$1/results")" || fail "the results in $1 are not for $QUIZ_ID"
}
start_app() {  # pupil's data folder
  run_app "$1" --screen home > "$WORK_DIR/app.log" 2>&1 &
  APP=$!
  wait_for_window
}

# 1. Open… in the file chooser.
start_app "$WORK_DIR/chooser"
# Clicked where the app says it drew it now: Home's rows move when, say, a
# session to continue appears, so a layout measured in another run can miss.
click_control "$(exactly "Open…")"
wait_until "the chooser to be asked" test -s "$WORK_DIR/zenity-arguments"
take_quiz "$WORK_DIR/chooser"
grep -qx -- "--file-selection" "$WORK_DIR/zenity-arguments" || fail "zenity was not asked for a file"
grep -qx -- "--file-filter=ClaimDeck files (.json) | \*.json" "$WORK_DIR/zenity-arguments" ||
  fail "zenity was not offered quiz files: $(cat "$WORK_DIR/zenity-arguments")"

# 2. "~/…" typed in the field, then Enter.
cp "$QUIZ" "$WORK_DIR/home/typed quiz.json"
start_app "$WORK_DIR/typed"
click_control "$(exactly "Path of a quiz file (.json)")"
xdotool type --window "$WINDOW" "~/typed quiz.json"
xdotool key --window "$WINDOW" Return
take_quiz "$WORK_DIR/typed"
[ ! -e "$WORK_DIR/typed/~" ] && [ ! -e "./~" ] || fail "a folder named ~ was made"
echo "the quiz was opened from the file chooser and from a path typed as ~/…"
