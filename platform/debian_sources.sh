#!/usr/bin/env bash
# Fetches the libraries that builds for other systems compile themselves
# (the browser's, Windows') from Debian's source packages, never from
# anywhere else. Sourced by platform/web/build.sh; run directly by the
# Windows build's CMake (platform/windows/dependencies.cmake):
#
#   platform/debian_sources.sh SRC_DIR PACKAGE PATTERN   unpacks PACKAGE into SRC_DIR
#                                                        once; prints its folder
#   platform/debian_sources.sh SRC_DIR sqlite-amalgamation
#                                                        the same for sqlite3, then
#                                                        makes sqlite3.c; prints its folder
#
# Needs dpkg-dev (apt-get source) and, for the amalgamation, gcc, make and tcl.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

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
    # The amalgamation is made by tools built and run here, so by this
    # machine's compiler even when CMake's cross compiler is in CC.
    (cd "$out" && CC=gcc "$source/configure" --disable-tcl >/dev/null && make -j"$(nproc)" sqlite3.c >/dev/null)
  fi
  echo "$out"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  SRC_DIR="$(realpath -m "$1")"
  mkdir -p "$SRC_DIR"
  if [ "$2" = sqlite-amalgamation ]; then
    sqlite_amalgamation "$(source_package sqlite3 'sqlite3-3*')"
  else
    source_package "$2" "$3"
  fi
fi
