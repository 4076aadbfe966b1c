#!/usr/bin/env bash
# Runs every benchmark side by side with its floor and writes a Markdown
# report. `./dev bench` calls it on a Release build; ctest calls it with
# --smoke (tiny sizes, one run) so it cannot rot.
#
#   run_benchmarks.sh --build-dir DIR --out FILE [--web-dir DIR] [--runs N] [--smoke]
#
# --web-dir: a web build (platform/web/build.sh) to measure in headless Chromium.
set -euo pipefail

BUILD_DIR="" OUT="" WEB_DIR="" RUNS=5 SMOKE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) BUILD_DIR="$2"; shift 2 ;;
    --web-dir) WEB_DIR="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --smoke) SMOKE=1; RUNS=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$BUILD_DIR" ] && [ -n "$OUT" ] || { echo "usage: $0 --build-dir DIR --out FILE [--web-dir DIR] [--runs N] [--smoke]" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

APP="$BUILD_DIR/platform/desktop/claimdeck"
FLOOR="$BUILD_DIR/tests/bench/claimdeck-floor-window"
PROBE="$BUILD_DIR/tests/bench/claimdeck-launch-probe"
CORE_BENCH="$BUILD_DIR/tests/bench/claimdeck-core-bench"
DECK="$HERE/../../content/decks/panjshir-2021.json"
IDLE_SECONDS=10 LONG_HISTORY=1000000 FRAME_HISTORY=100000
[ $SMOKE = 1 ] && IDLE_SECONDS=1 LONG_HISTORY=2000 FRAME_HISTORY=1000
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

# The GUI figures need a display: reuse one if there is one, else start Xvfb.
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:97
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  trap 'kill $XVFB_PID 2>/dev/null; rm -rf "$SCRATCH"' EXIT
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
fi

# median, min and max of the numbers on stdin
summary() { sort -g | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.1f|%.1f|%.1f", m, v[1], v[NR]}'; }
field() { sed -n "s/.*$1=\([-0-9.]*\).*/\1/p"; }

# Runs the probe RUNS times on a command; leaves one result line per run in $SCRATCH/$1.
probe_runs() {
  local name="$1"; shift
  : > "$SCRATCH/$name"
  for _ in $(seq "$RUNS"); do "$PROBE" "$@" >> "$SCRATCH/$name"; done
}

# One table row: figure, runs file, key, unit, floor runs file (optional).
# Against a floor it gives the ratio, or for memory (MB) the difference,
# since the memory target is the floor plus a margin.
row() {
  local s m
  s=$(field "$3" < "$SCRATCH/$2" | summary)
  m=${s%%|*}
  local ratio=""
  if [ -n "${5:-}" ]; then
    local f; f=$(field "$3" < "$SCRATCH/$5" | summary); f=${f%%|*}
    if [ "$4" = MB ]; then
      ratio=$(awk -v a="$m" -v b="$f" 'BEGIN { printf "%+.1f MB", a - b }')
    else
      ratio=$(awk -v a="$m" -v b="$f" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }')
    fi
  fi
  local rest=${s#*|}
  echo "| $1 | $m $4 | ${rest%%|*} – ${rest#*|} | $ratio |"
}

{
  echo "# ClaimDeck benchmarks"
  echo
  echo "Written by \`./dev bench\` on $(date -u +%Y-%m-%d). Each figure: the median over $RUNS runs, with min – max, and"
  echo "its ratio to the floor measured in the same run."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(nproc) cores"
  echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- System: $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Compiler: $(c++ --version | head -1)"
  echo "- Display: Xvfb (software rendering)"
  echo
  echo "## Start-up and idle (GUI under Xvfb)"
  echo
  echo "Floor: \`tests/bench/floor_window.cpp\`, a bare Dear ImGui + GLFW + OpenGL3 window with one TTF font, a"
  echo "text and three buttons, waiting for events. Idle: ${IDLE_SECONDS} s starting 1 s after the first frame."
  echo
  "$CORE_BENCH" --make-store "$SCRATCH/long-history" "$DECK" "$LONG_HISTORY"
  "$CORE_BENCH" --make-store "$SCRATCH/frame-history" "$DECK" "$FRAME_HISTORY"
  probe_runs floor --idle-seconds "$IDLE_SECONDS" -- "$FLOOR"
  probe_runs app --idle-seconds "$IDLE_SECONDS" -- "$APP" --bench --data-dir "$SCRATCH/app-data" --profile Bench
  probe_runs app-long -- "$APP" --bench --data-dir "$SCRATCH/long-history" --profile Bench --quit-after-frames 2
  echo "| figure | median | min – max | ratio to floor |"
  echo "|---|---|---|---|"
  row "floor: exec to first frame" floor first_frame_ms ms
  row "ClaimDeck: exec to first frame" app first_frame_ms ms floor
  row "ClaimDeck with $LONG_HISTORY answers stored: exec to first frame" app-long first_frame_ms ms floor
  row "floor: peak RSS" floor peak_rss_mb MB
  row "ClaimDeck: peak RSS" app peak_rss_mb MB floor
  row "floor: idle CPU (% of one core)" floor idle_cpu_percent %
  row "ClaimDeck: idle CPU (% of one core)" app idle_cpu_percent %
  row "floor: frames drawn while idle" floor idle_frames ""
  row "ClaimDeck: frames drawn while idle" app idle_frames ""
  echo
  echo "## Frame build time (NewFrame to Render)"
  echo
  echo "Over 300 frames of each screen after 30 to warm up (fonts, first layout), for a learner with"
  echo "$FRAME_HISTORY answers stored."
  echo
  echo "| screen | p50 | p99 |"
  echo "|---|---|---|"
  for screen in card reveal stats; do
    "$APP" --bench-frame-times 300 --screen "$screen" --data-dir "$SCRATCH/frame-history" --profile Bench \
      --quit-after-frames 330 | sed -n "s/^bench frame-build p50_us=\([0-9.]*\) p99_us=\([0-9.]*\)/| $screen | \1 µs | \2 µs |/p"
  done
  echo
  echo "## Core"
  if [ $SMOKE = 1 ]; then "$CORE_BENCH" --smoke; else "$CORE_BENCH" --runs "$RUNS"; fi
  echo
  echo "## Web build (phones)"
  echo
  if [ -n "$WEB_DIR" ] && [ -f "$WEB_DIR/site/app.wasm" ]; then
    SITE_DIR="$WEB_DIR/site" node "$HERE/../web/measure.mjs" "$RUNS" > "$SCRATCH/web"
    echo "Headless Chromium as a 390×844 phone, a fresh profile each run (nothing cached)."
    echo
    echo "| figure | median | min – max | target |"
    echo "|---|---|---|---|"
    row "everything the page loads, gzip-compressed" web web_gzip_kib KiB | sed 's/|  |$/| < 2048 KiB |/'
    row "first frame" web web_first_frame_ms ms | sed 's/|  |$/| < 2000 ms |/' 
  else
    echo "No web build given (\`--web-dir\`); not measured."
  fi
  echo
  echo "## Peer: Mnemosyne"
  echo
  if [ $SMOKE = 1 ]; then
    echo "Measured in full runs only."
  elif command -v mnemosyne >/dev/null 2>&1; then
    export QTWEBENGINE_DISABLE_SANDBOX=1
    probe_runs mnemosyne --wait-window Mnemosyne -- mnemosyne --datadir="$SCRATCH/mnemosyne-data"
    probe_runs floor-again -- "$FLOOR" --quit-after-frames 1
    echo "| figure | median | min – max | ratio to floor |"
    echo "|---|---|---|---|"
    row "Mnemosyne: exec to main window" mnemosyne first_frame_ms ms floor-again
    row "Mnemosyne: peak RSS" mnemosyne peak_rss_mb MB floor-again
  else
    echo "Mnemosyne is not installed (\`apt-get install mnemosyne\`); not measured."
  fi
  echo
  echo "## What was changed to meet the targets"
  echo
  echo "- Deck load: cereal's JSON archive read its stream a character at a time and threw an exception for"
  echo "  every absent optional field (100,000 claims: 1.25 s). Decks are now parsed from memory by rapidjson,"
  echo "  cereal's JSON engine, and read field by field without exceptions (0.39 s), linear in size."
  echo "- Statistics: scoring read every review (1,000,000: 1.3 s). It now runs one GROUP BY on a covering"
  echo "  index, in the index's order (0.15 s), and the app updates the figures per answer without a rescan."
  echo "- Start-up: the history is read on first use, so a million stored answers cost nothing at start."
  echo "- Idle: frames are drawn only after input, a timer or a resize; the floor program was fixed to wait"
  echo "  without a timeout, as an idle app should."
  echo
  echo "Mnemosyne's time to its window is found by \`xdotool search --sync\`, which polls twice a second: its"
  echo "figure is rounded up to the next half second, so the ratio to it is an estimate."
} > "$OUT"
echo "wrote $OUT" >&2
