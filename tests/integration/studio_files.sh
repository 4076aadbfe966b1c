#!/usr/bin/env bash
# The Studio's file operations through the system file chooser, in the real
# window: a fake `zenity` first on PATH (no D-Bus session bus, so the desktop
# portal is passed over) notes its arguments and answers with the path the
# script put in $WORK_DIR/answer. In turn:
#   1. "Open…" a deck file in a deck folder of its own;
#   2. "Open article file…" a saved web page: it becomes the deck's article;
#   3. "Save as…" a new folder: the deck and the new article are written there;
#   4. "Export package…": a .claimdeck that unpacks to a deck passing validate;
#   5. "Add to my decks": the library lists it (`claimdeck-cli deck list`).
# Run it under xvfb-run.
#
#   studio_files.sh CLAIMDECK CLAIMDECK_CLI DECK WORK_DIR
set -euo pipefail
CLAIMDECK="$1" CLI="$2" DECK="$3" WORK_DIR="$4"
source "$(dirname "$0")/gui_lib.sh"

fresh_work_dir bin runtime home teacher
DECK_ID=$(sed -n 's/^  "id": "\(.*\)",$/\1/p' "$DECK" | head -1)
cp -r "$(dirname "$(dirname "$DECK")")"/. "$WORK_DIR/teacher/"
OPENED="$WORK_DIR/teacher/decks/$(basename "$DECK")"
cat > "$WORK_DIR/page.html" <<'PAGE'
<html><head><title>Site name</title><script>track()</script></head>
<body><nav>Home | World</nav><h1>Valley falls</h1>
<p>The Taliban said on Monday that they held the whole valley.</p><footer>(c) Site</footer></body></html>
PAGE
cat > "$WORK_DIR/bin/zenity" <<FAKE
#!/bin/sh
printf '%s\n' "\$@" >> "$WORK_DIR/zenity-arguments"
cat "$WORK_DIR/answer"
FAKE
chmod +x "$WORK_DIR/bin/zenity"

# No session bus (none in the runtime folder either), so the portal is passed over.
unset DBUS_SESSION_BUS_ADDRESS
XDG_RUNTIME_DIR="$WORK_DIR/runtime" PATH="$WORK_DIR/bin:$PATH" HOME="$WORK_DIR/home" \
  start_app --screen studio --window 1600x1000

choose() {  # button label, the path the chooser answers with
  printf '%s\n' "$2" > "$WORK_DIR/answer"
  click_control "$(exactly "$1")"
}
asked_with() { grep -qxF -- "$1" "$WORK_DIR/zenity-arguments" || fail "zenity was not asked with $1: $(cat "$WORK_DIR/zenity-arguments")"; }
CLAIMS=$(grep -c '"verdict"' "$DECK")

# 1. Open…
choose "Open…" "$OPENED"
wait_until "the deck opened" studio_summary_matches "^4 articles, $CLAIMS claims"
asked_with "--file-selection"

# 2. Open article file…
choose "Open article file…" "$WORK_DIR/page.html"
wait_until "the article opened" studio_summary_matches "^5 articles"
asked_with "--file-filter=Articles (.txt, .md, .html) | *.txt *.md *.markdown *.html *.htm"

# 3. Save as…
choose "Save as…" "$WORK_DIR/saved"
wait_until "the deck saved" test -f "$WORK_DIR/saved/decks/$DECK_ID.json"
asked_with "--directory"
[ "$(cat "$WORK_DIR/saved/articles/valley-falls.txt")" = $'Valley falls\n\nThe Taliban said on Monday that they held the whole valley.' ] ||
  fail "the opened page was not saved as the article: $(cat "$WORK_DIR/saved/articles/valley-falls.txt")"
grep -qF '"file": "valley-falls.txt"' "$WORK_DIR/saved/decks/$DECK_ID.json" || fail "the saved deck does not list the new article"
cmp -s "$DECK" "$OPENED" || fail "Save as… changed the deck file that was opened"

# 4. Export package…
choose "Export package…" "$WORK_DIR/out/class.claimdeck"
wait_until "the package" test -f "$WORK_DIR/out/class.claimdeck"
asked_with "--save"
"$CLI" deck unpack "$WORK_DIR/out/class.claimdeck" --out "$WORK_DIR/unpacked" >/dev/null
"$CLI" validate "$WORK_DIR/unpacked/decks/$DECK_ID.json" >/dev/null || fail "the exported package does not validate"

# 5. Add to my decks
click_control "$(exactly "Add to my decks")"
wait_until "the deck in the library" test -f "$DATA/library/$DECK_ID/decks/$DECK_ID.json"
close_app
"$CLI" deck list --data-dir "$DATA" | grep -q "$DECK_ID" || fail "claimdeck-cli deck list does not list $DECK_ID"
echo "the Studio opened a deck and an article, saved as, exported and added the deck through the file chooser"
