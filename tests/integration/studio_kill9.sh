#!/usr/bin/env bash
# Nothing written in the Studio is lost to a crash: starts the real app on the
# Studio, pastes an article from the clipboard (xclip, then Ctrl+V sent by
# xdotool), waits for the draft to reach the disk, kills the app with -9 and
# starts it again: the article is back. Run it under xvfb-run.
#
#   studio_kill9.sh CLAIMDECK DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" DECK="$2" WORK_DIR="$3"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir
DRAFT_ARTICLE="$DATA/studio/drafts/current/articles/valley-falls.txt"
ARTICLE=$'Valley falls\n\nThe Taliban said they took the valley on Monday.\n'

draft_holds_article() { [ "$(cat "$DRAFT_ARTICLE")" = "$(printf '%s' "$ARTICLE")" ]; }

start_app --screen studio --window 1280x800
printf '%s' "$ARTICLE" | xclip -selection clipboard
xdotool keydown ctrl key v keyup ctrl  # through XTEST, the modifier held down around the key
wait_until "the draft on disk" draft_holds_article

kill -9 "$APP"
wait "$APP" 2>/dev/null || true
APP=""

REPORT=$("$CLAIMDECK" --deck "$DECK" --data-dir "$DATA" --screen studio --quit-after-frames 3 2>&1)
echo "$REPORT"
grep -q '^studio: 1 articles, 0 claims' <<< "$REPORT" || fail "the draft did not come back after kill -9"
echo "the pasted article came back after kill -9"
