#!/usr/bin/env bash
# A teacher saves the class report in the real window, clicking controls by
# the labels the app traces:
#   1. "Save HTML" writes <quiz title>-<day taken>.html in the reports
#      folder and says where; "Copy path" puts that path on the clipboard
#      (read back with xclip) and "Show in folder" asks the file manager for
#      its folder (a fake `xdg-open` first on PATH notes what it was asked);
#   2. saving again finds the file there and asks: "Save beside it" writes
#      a -2 copy and leaves the first as it was; "Replace it" replaces it.
# ("~/…" typed as a path is the home folder: file_chooser_open.sh.)
# Run it under xvfb-run with a screen of at least 1600x1500.
#
#   report_exports.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir bin results
MARK="<!-- kept by the teacher -->"

# A pupil's results on a quiz titled "Week 3 check".
"$CLI" quiz create --deck "$DECK" --out "$WORK_DIR/quiz.json" --count 3 --title "Week 3 check" > /dev/null
printf '1\n2\n2\n2\n3\n2\n' | "$CLI" quiz take "$WORK_DIR/quiz.json" --deck "$DECK" --data-dir "$WORK_DIR/pupil" \
  --profile Ana --out "$WORK_DIR/results/Ana.json" --plain > /dev/null
FINISHED_MS=$(sed -n 's/^ *"finished_ms": \([0-9]*\),*$/\1/p' "$WORK_DIR/results/Ana.json")
[ -n "$FINISHED_MS" ] || fail "the pupil's results name no time: $(cat "$WORK_DIR/results/Ana.json")"
REPORT="$DATA/reports/Week-3-check-$(date -u -d "@$((FINISHED_MS / 1000))" +%F).html"
cat > "$WORK_DIR/bin/xdg-open" <<FAKE
#!/bin/sh
printf '%s\n' "\$@" >> "$WORK_DIR/xdg-open-arguments"
FAKE
chmod +x "$WORK_DIR/bin/xdg-open"

clipboard_is() { [ "$(xclip -o -selection clipboard 2>/dev/null)" = "$1" ]; }
folder_shown() { grep -qxF -- "$1" "$WORK_DIR/xdg-open-arguments" 2>/dev/null; }
kept() { grep -qF -- "$MARK" "$1"; }
asked_to_replace() {
  wait_until "the question before replacing" text_shown "is already there\. Replace it, or save this report beside it\?$"
}

PATH="$WORK_DIR/bin:$PATH" start_app --window 1600x1500 --report "$WORK_DIR/results"

# 1. Saved under the quiz's name and day, with the path to copy or show.
click_control "$(exactly "Save HTML")"
wait_until "the report saved as $REPORT" test -f "$REPORT"
wait_until "where it went" text_shown "$(exactly "Saved to $REPORT")"
click_control "$(exactly "Copy path")"
wait_until "the path on the clipboard" clipboard_is "$REPORT"
click_control "$(exactly "Show in folder")"
wait_until "the file manager asked for $DATA/reports" folder_shown "$DATA/reports"

# 2. Never replaced unasked.
printf '%s\n' "$MARK" >> "$REPORT"
click_control "$(exactly "Save HTML")"
asked_to_replace
kept "$REPORT" || fail "saving again replaced the report before asking"
click_control "$(exactly "Save beside it")"
BESIDE="${REPORT%.html}-2.html"
wait_until "the copy beside it" test -f "$BESIDE"
kept "$REPORT" || fail "saving beside the report replaced it"
click_control "$(exactly "Save HTML")"
asked_to_replace
click_control "$(exactly "Replace it")"
wait_until "the report replaced" eval '! kept "$REPORT"'
close_app
echo "the report was saved under the quiz's name and day, its path copied and shown, and never replaced unasked"
