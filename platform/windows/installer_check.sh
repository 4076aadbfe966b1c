#!/usr/bin/env bash
# The installer under Wine, as IT would run it on many machines: a silent
# install (/S) into a folder of the test's own, after which the files, the
# Start-menu shortcut and the entry in Add/Remove Programs are there and
# claimdeck-cli.exe runs from the install; then the silent uninstall, after
# which all three are gone.
#
#   installer_check.sh INSTALLER WINE_RUN VERSION WORK_DIR
set -euo pipefail
INSTALLER="$1" WINE_RUN="$2" VERSION="$3" WORK_DIR="$4"
TARGET="$WORK_DIR/ClaimDeck"
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ClaimDeck'

fail() { echo "$*" >&2; exit 1; }
wine_run() { "$WINE_RUN" "$@" 2>/dev/null | tr -d '\r'; }
# A Windows path (C:\...) as the Unix path Wine keeps it under.
unix_path() { wine_run winepath -u "$1"; }
windows_path() { wine_run winepath -w "$1"; }

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
SHORTCUT="$(unix_path "$(wine_run cmd /c echo '%APPDATA%')")/Microsoft/Windows/Start Menu/Programs/ClaimDeck.lnk"
INSTALLED_FILES=(claimdeck.exe claimdeck-cli.exe README.md "Uninstall ClaimDeck.exe"
                 content/decks/panjshir-2021.json assets/fonts/DejaVuSans.ttf assets/fonts/DejaVuSans-Bold.ttf
                 licences/ClaimDeck.txt licences/DejaVu-fonts.txt licences/GLFW.txt licences/Dear-ImGui.txt)

# /D= is the install folder: last, and never quoted (NSIS's rule).
"$WINE_RUN" "$INSTALLER" /S "/D=$(windows_path "$TARGET")" || fail "the silent install failed"
for file in "${INSTALLED_FILES[@]}"; do
  [ -f "$TARGET/$file" ] || fail "the install has no $file"
done
[ -f "$SHORTCUT" ] || fail "the install made no Start-menu shortcut ($SHORTCUT)"
wine_run reg query "$UNINSTALL_KEY" /v UninstallString | grep -qF 'Uninstall ClaimDeck.exe' ||
  fail "the install is not in Add/Remove Programs ($UNINSTALL_KEY)"
SAID=$(wine_run "$TARGET/claimdeck-cli.exe" --version)
[[ "$SAID" == *"$VERSION"* ]] || fail "claimdeck-cli.exe --version from the install said: $SAID"

# The uninstaller runs from a copy of itself in %TEMP% (so that it can
# delete itself) and returns at once: its work is waited for, up to 30 s,
# until it removes the install folder, its last step.
"$WINE_RUN" "$TARGET/Uninstall ClaimDeck.exe" /S || fail "the silent uninstall failed to start"
for _ in $(seq 600); do
  [ -e "$TARGET" ] || break
  sleep 0.05
done
[ ! -e "$TARGET" ] || fail "the uninstall left $(cd "$TARGET" && find . -mindepth 1 | tr '\n' ' ')"
[ ! -e "$SHORTCUT" ] || fail "the uninstall left the Start-menu shortcut"
! "$WINE_RUN" reg query "$UNINSTALL_KEY" >/dev/null 2>&1 || fail "the uninstall left its entry in Add/Remove Programs"
echo "installed silently, claimdeck-cli.exe ran from the install, uninstalled silently"
