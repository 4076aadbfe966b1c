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

# say, sudo_if_needed, source_package, sqlite_amalgamation: shared with the
# Windows build.
source "$ROOT/platform/debian_sources.sh"

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
