#!/usr/bin/env bash
# Builds ClaimDeck for the browser into BUILD_DIR/site (default build-web/):
#
#   platform/web/build.sh [BUILD_DIR]
#
# 1. installs Emscripten and the tools from Debian when missing,
# 2. enables Debian's source packages (a deb-src entry beside each deb one),
# 3. fetches Dear ImGui and SQLite with `apt-get source` into BUILD_DIR/src
#    and makes SQLite's amalgamation (sqlite3.c) from its source,
# 4. cuts the DejaVu fonts down to the characters the app and its content use,
# 5. configures platform/web with emcmake and builds app.js/.wasm/.data and
#    the site around them.
# Nothing it fetches goes into the repository. Run again, it redoes only
# what is missing or changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="$(realpath -m "${1:-$ROOT/build-web}")"
SRC_DIR="$BUILD_DIR/src"

# Debian packages the web build needs (dpkg-dev: apt-get source; tcl, gcc,
# make: SQLite's amalgamation; fonttools: pyftsubset).
PACKAGES=(emscripten cmake make gcc tcl dpkg-dev libcereal-dev rapidjson-dev fonts-dejavu-core fonttools python3)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

install_missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# apt-get source needs deb-src entries. When none is configured, one is
# added for each deb entry already there (same mirror, suites, components),
# in a file of our own; nothing else is changed.
ensure_deb_src() {
  local lists=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
  if grep -qsE '^[[:space:]]*(deb-src[[:space:]]|Types:.*deb-src)' "${lists[@]}"; then return 0; fi
  say "Enabling Debian source packages (deb-src)"
  local deb822=/etc/apt/sources.list.d/claimdeck-deb-src.sources
  local oneline=/etc/apt/sources.list.d/claimdeck-deb-src.list
  local entries="" lines="" file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && [ "$file" != "$deb822" ] || continue
    # Each stanza whose Types include deb, with Types: deb-src instead.
    entries+="$(awk 'BEGIN { RS = ""; ORS = "\n\n" }
                     /(^|\n)Types:[^\n]*deb([ \t\n]|$)/ && !/(^|\n)Enabled:[ \t]*no/ {
                       sub(/(^|\n)Types:[^\n]*/, "\nTypes: deb-src"); sub(/^\n/, ""); print }' "$file")"$'\n\n'
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] && [ "$file" != "$oneline" ] || continue
    lines+="$(sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' "$file")"$'\n'
  done
  if [ -n "${entries//[[:space:]]/}" ]; then
    printf '%s' "$entries" | sudo_if_needed tee "$deb822" >/dev/null
  fi
  if [ -n "${lines//[[:space:]]/}" ]; then
    printf '%s' "$lines" | sudo_if_needed tee "$oneline" >/dev/null
  fi
  sudo_if_needed apt-get update -qq
}

# Unpacks a source package into SRC_DIR once; prints its folder.
source_package() {
  local name="$1" pattern="$2" found
  found="$(find "$SRC_DIR" -maxdepth 1 -type d -name "$pattern" | sort | tail -n 1)"
  if [ -z "$found" ]; then
    ensure_deb_src
    say "Fetching Debian's $name source package"
    (cd "$SRC_DIR" && apt-get source -qq "$name" >/dev/null 2>"$SRC_DIR/$name.log") ||
      { cat "$SRC_DIR/$name.log" >&2; exit 1; }
    found="$(find "$SRC_DIR" -maxdepth 1 -type d -name "$pattern" | sort | tail -n 1)"
  fi
  [ -n "$found" ] || { echo "apt-get source $name left no $pattern folder in $SRC_DIR" >&2; exit 1; }
  echo "$found"
}

sqlite_amalgamation() {
  local source="$1" out="$SRC_DIR/sqlite-amalgamation"
  if [ ! -f "$out/sqlite3.c" ] || [ ! -f "$out/sqlite3.h" ]; then
    say "Making SQLite's amalgamation from $(basename "$source")"
    rm -rf "$out" && mkdir -p "$out"
    (cd "$out" && "$source/configure" --disable-tcl >/dev/null && make -j"$(nproc)" sqlite3.c >/dev/null)
  fi
  echo "$out"
}

# The fonts hold only the characters the app can show: printable Latin-1,
# the symbols the screens draw (app/ui/fonts.cpp) and whatever the bundled
# content uses. ImGui bakes every glyph a font has in its ranges, so this
# also keeps the font atlas small on high-density screens.
subset_fonts() {
  local out="$BUILD_DIR/fonts" stamp
  stamp="$(cat "$ROOT"/content/decks/*.json "$ROOT"/content/articles/* "$ROOT/app/ui/fonts.cpp" "$0" | sha256sum | cut -c1-16)"
  if [ -f "$out/$stamp" ]; then echo "$out"; return; fi
  say "Cutting the fonts down to the characters in use"
  rm -rf "$out" && mkdir -p "$out"
  local unicodes
  unicodes="$(python3 - "$ROOT" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
chars |= {0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2260, 0x2423, 0x25B8, 0x2699, 0x2713, 0x2714, 0x2715,
          0x2716, 0x2717, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x2032, 0x2033, 0x2022,
          0x00B7, 0x2009, 0x202F, 0xFFFD}
for folder in ("content/decks", "content/articles"):
    for path in (root / folder).iterdir():
        chars |= {ord(c) for c in path.read_text(encoding="utf-8") if ord(c) >= 0x20}
# Only what the app's glyph ranges can show at all.
ranges = [(0x20, 0xFF), (0x100, 0x17F), (0x2000, 0x206F), (0x2190, 0x2193), (0x2212, 0x2212), (0x2260, 0x2260),
          (0x2423, 0x2423), (0x25B8, 0x25B8), (0x2699, 0x2699), (0x2713, 0x2717)]
chars = {c for c in chars if any(lo <= c <= hi for lo, hi in ranges)}
print(",".join("U+%04X" % c for c in sorted(chars)))
PY
)"
  local font
  for font in DejaVuSans DejaVuSans-Bold; do
    pyftsubset "/usr/share/fonts/truetype/dejavu/$font.ttf" --unicodes="$unicodes" \
      --output-file="$out/$font.ttf" --layout-features='' --no-hinting --desubroutinize 2>/dev/null
  done
  touch "$out/$stamp"
  echo "$out"
}

install_missing_packages
mkdir -p "$SRC_DIR"
IMGUI_DIR="$(source_package imgui 'imgui-1.86*')"
SQLITE_SOURCE="$(source_package sqlite3 'sqlite3-3*')"
SQLITE_DIR="$(sqlite_amalgamation "$SQLITE_SOURCE")"
FONTS_DIR="$(subset_fonts)"

# Debian's emcc finds its JavaScript tools (acorn, terser) only here.
export NODE_PATH=/usr/share/nodejs
say "Configuring (emcmake) and building the web app"
emcmake cmake -S "$ROOT/platform/web" -B "$BUILD_DIR/cmake" -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DIMGUI_DIR="$IMGUI_DIR" -DSQLITE_DIR="$SQLITE_DIR" -DWEB_FONTS_DIR="$FONTS_DIR" \
  -DSITE_DIR="$BUILD_DIR/site" >"$BUILD_DIR/configure.log" 2>&1 || { cat "$BUILD_DIR/configure.log" >&2; exit 1; }
cmake --build "$BUILD_DIR/cmake" --parallel "$(nproc)"
echo "$BUILD_DIR/site"
