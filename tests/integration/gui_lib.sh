# What the GUI test scripts share: waiting for the window and for what the
# user would see, clicking a control where the app drew it, and closing the
# app. Sourced after `set -euo pipefail`; the script sets WORK_DIR, writes
# the app's output to $WORK_DIR/app.log and keeps its pid in APP. The
# scripts run under xvfb-run (ctest starts it), so there is always a display.

APP=""
# Whatever happens, the app started last does not outlive the script.
trap '[ -n "$APP" ] && kill -9 "$APP" 2>/dev/null || true' EXIT

fail() {
  echo "$*" >&2
  [ -f "$WORK_DIR/app.log" ] && cat "$WORK_DIR/app.log" >&2
  exit 1
}

# Conditions, not sleeps: polls for what the user would see, for up to 20 s.
wait_until() {  # description, command...
  local description="$1"; shift
  for _ in $(seq 400); do
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
  awk '/^controls:$/ { block = ""; next }
       /^controls-end$/ { last = block; next }
       { block = block $0 "\n" }
       END { printf "%s", last }' "$WORK_DIR/app.log"
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
