# What the GUI test scripts share: a fresh work folder, starting the app,
# waiting for the window and for what the user would see, clicking a control
# where the app drew it, and closing the app. Sourced after
# `set -euo pipefail`; the script sets WORK_DIR (and CLAIMDECK and DECK for
# start_app); the app's output goes to $WORK_DIR/app.log and its pid is kept
# in APP. The scripts run under xvfb-run (ctest starts it), so there is
# always a display.

APP=""
OTHERS=()  # other processes the script started (end_on_exit)
# Whatever happens, the app started last and the others do not outlive the script.
trap '[ -n "$APP" ] && kill -9 "$APP" 2>/dev/null; for pid in "${OTHERS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

# Another process the script started (a browser's driver) is ended with it.
end_on_exit() { OTHERS+=("$1"); }

# Empties $WORK_DIR (and makes the folders named, inside it); the app's data
# folder is to be $DATA, not made yet, as on a first start.
fresh_work_dir() {  # folders to make in it...
  rm -rf "$WORK_DIR"
  mkdir -p "$WORK_DIR"
  local folder
  for folder in "$@"; do mkdir -p "$WORK_DIR/$folder"; done
  DATA="$WORK_DIR/data"
}

# Starts the app on $DECK and $DATA with every frame traced (screens,
# controls and paragraphs; see last_controls) into $WORK_DIR/app.log, and
# waits for its window. Variables set before the call (PATH=..., HOME=...)
# reach the app only.
start_app() {  # app arguments...
  CLAIMDECK_TRACE_SCREENS=1 "$CLAIMDECK" --deck "$DECK" --data-dir "$DATA" "$@" > "$WORK_DIR/app.log" 2>&1 &
  APP=$!
  wait_for_window
}

# Logs besides the app's that a failure prints (print_on_failure).
FAILURE_LOGS=()
print_on_failure() { FAILURE_LOGS+=("$1"); }

# The reason is said again after the logs: a CI log keeps only the start
# and the end of a long output, and the app's trace alone can be long.
fail() {
  echo "$*" >&2
  [ -f "$WORK_DIR/app.log" ] && cat "$WORK_DIR/app.log" >&2
  local log
  for log in "${FAILURE_LOGS[@]}"; do
    echo "--- $log:" >&2
    cat "$log" >&2 || true
  done
  echo "failed: $*" >&2
  exit 1
}

# Conditions, not sleeps: polls for what the user would see, for up to
# WAIT_SECONDS (20 unless set for the call).
wait_until() {  # description, command...
  local description="$1"; shift
  for _ in $(seq $((${WAIT_SECONDS:-20} * 20))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    [ -z "$APP" ] || kill -0 "$APP" 2>/dev/null || fail "the app exited while waiting for: $description"
    sleep 0.05
  done
  fail "timed out waiting for: $description"
}

# Waits for the app's window to be shown and gives it the keyboard; sets WINDOW.
wait_for_window() {
  WINDOW=$(xdotool search --sync --onlyvisible --name '^ClaimDeck$' | head -1)
  xdotool windowfocus --sync "$WINDOW"
}

# What the app printed, with Unix line ends (claimdeck.exe under Wine ends
# its lines as Windows does, with CR LF).
app_output() { tr -d '\r' < "$WORK_DIR/app.log"; }

# Whether the screen shown last is NAME (the trace's "screen: NAME" lines).
screen_is() { [ "$(app_output | sed -n 's/^screen: //p' | tail -1)" = "$1" ]; }

# Whether the store in $DATA holds COUNT answers of the learner, as
# `claimdeck-cli stats` counts them (the script sets CLI).
answers_stored() {  # learner, count
  [ "$("$CLI" stats --data-dir "$DATA" --profile "$1" --json 2>/dev/null |
       sed -n 's/^ *"reviews": \([0-9]*\),*/\1/p')" = "$2" ]
}

# The learner's answers as stored, "VERDICT CONFIDENCE" a line, oldest
# first (`claimdeck-cli export-progress`).
stored_answers() {  # learner
  "$CLI" export-progress --data-dir "$DATA" --profile "$1" --out "$WORK_DIR/export.json" >/dev/null
  paste -d ' ' <(sed -n 's/^ *"picked": "\([a-z]*\)",*$/\1/p' "$WORK_DIR/export.json") \
               <(sed -n 's/^ *"confidence": \([0-9]*\),*$/\1/p' "$WORK_DIR/export.json")
}

# Ends the app as the window manager would and checks it closed cleanly.
close_app() {
  kill -TERM "$APP"
  wait "$APP" || fail "the app did not close cleanly"
  APP=""
}

# With CLAIMDECK_TRACE_SCREENS set the app prints, whenever they change,
# every control it drew ("control: x y width height LABEL") between
# "controls:" and "controls-end", with the Studio's summary line. These read
# the last complete block of $WORK_DIR/app.log.
last_controls() {
  app_output | awk '/^controls:$/ { block = ""; next }
                    /^controls-end$/ { last = block; next }
                    { block = block $0 "\n" }
                    END { printf "%s", last }'
}

# "x y width height" of the first control whose label matches the regex; fails when none is drawn.
control_box() {  # label regex
  last_controls | awk -v pattern="$1" '
    /^control: / { label = $0; sub(/^control: -?[0-9]+ -?[0-9]+ [0-9]+ [0-9]+ /, "", label)
                   if (label ~ pattern) { print $2, $3, $4, $5; found = 1; exit } }
    END { exit !found }'
}

# The Studio's summary ("2 articles, 1 claims, 0 problems, edit 9") as last drawn.
studio_summary() { last_controls | sed -n 's/^studio: //p'; }
studio_summary_matches() { studio_summary | grep -Eq "$1"; }

# Clicks the middle of the control, once it is drawn.
click_control() {  # label regex
  local x y width height
  wait_until "the control /$1/ to be drawn" control_box "$1"
  read -r x y width height < <(control_box "$1")
  xdotool mousemove --window "$WINDOW" $((x + width / 2)) $((y + height / 2)) click 1
}

# A regex for a label exactly as written.
exactly() { printf '^%s$' "$(printf '%s' "$1" | sed 's/[][\.*^$()+?{}|]/\\&/g')"; }

# Whether a paragraph the user reads, as last drawn ("text: ..." lines), matches the regex.
text_shown() {  # regex
  last_controls | sed -n 's/^text: //p' | grep -Eq "$1"
}

# Home → For teachers → Run a live class → Start the class, on the settings
# the screen opens with; sets LINK to the join link the projector shows
# (http://ADDRESS:PORT/?join=CODE) and CODE to its join code.
join_link() { last_controls | sed -n 's|^text: \(http://[^ ]*/?join=[A-Z0-9]*\)$|\1|p' | head -1; }
has_join_link() { [ -n "$(join_link)" ]; }
start_live_class() {
  click_control "$(exactly 'Run a live class')"
  wait_until "the Run a live class screen" text_shown '^Run a live class$'
  click_control "$(exactly 'Start the class')"
  wait_until "the join link on the projector" has_join_link
  LINK=$(join_link)
  CODE=${LINK##*=}
}
