# Proves each check of bench_smoke.cmake can fail: a sample report with one
# line of each kind passes, and the same report without any one line is
# refused for that line and that line only.
include(${CMAKE_CURRENT_LIST_DIR}/bench_report_lines.cmake)
# Report text as ./dev bench writes it, not patterns: the patterns, each "|"
# escaped, are BENCH_REPORT_LINES in bench_report_lines.cmake.
set(sample_lines
    "## Machine"
    "| floor: GET /api/health, one process | 1.2 ms | 30.1 ms | 190.3 | 0 | 1.00× |  |"
    "| SQLite, one process: answer to confirmation | 4.0 ms | 80.2 ms | 188.1 | 0 | 2.66× | p99 < 100 ms |"
    "| PostgreSQL, two processes: answer to confirmation | 6.1 ms | 90.3 ms | 187.9 | 0 | 3.00× | p99 < 100 ms |"
    "| ClaimDeck: exec to first frame | 118.3 ms | 108.1 – 125.4 | 1.12× |"
    "| ClaimDeck with 2000 answers stored: exec to first frame | 111.6 ms | 104.8 – 118.0 | 1.06× |"
    "| ClaimDeck: frames drawn while idle | 0.0  | 0.0 – 0.0 |  |"
    "| card | 95.9 µs (81.6 – 100.7) | 151.7 µs (132.5 – 173.3) |"
    "| ClaimDeck answer(), p99 | 0.663 ms | 0.651 – 1.029 | 1.13× |"
    "| 100 | 0.4 ms | 0.3 – 0.5 | 0.41 ms |"
    "| 1000 | 3.4 ms | 3.3 – 4.1 | 3.41 ms |"
    "| Studio: Claim (a claim open) | 0.512 ms (0.498 – 0.530) | 0.901 ms (0.850 – 1.200) | p99 < 4 ms |"
    "| Studio: Checks | 0.612 ms (0.598 – 0.630) | 1.001 ms (0.950 – 1.300) | p99 < 4 ms |"
    "| Studio: reader scrolling a 1024 KiB article | 0.312 ms (0.298 – 0.330) | 0.601 ms (0.550 – 0.700) | p99 < 4 ms |"
    "| one edit and the live checks up to date: a claim's rationale | 4.2 ms | 3.9 – 5.0 | < 30 ms |"
    "| pack: package_deck + write_package | 210.4 ms | 200.1 – 230.9 | < 1000 ms |"
    "| import: read_package + install_package | 310.4 ms | 300.1 – 330.9 | < 1000 ms |")

list(JOIN sample_lines "\n" whole)
bench_report_missing("${whole}" missing)
if(missing)
  message(FATAL_ERROR "a whole sample report was refused for: ${missing}")
endif()

list(LENGTH sample_lines count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  set(lines ${sample_lines})
  list(GET lines ${i} left_out)
  list(REMOVE_AT lines ${i})
  list(JOIN lines "\n" report)
  bench_report_missing("${report}" missing)
  list(GET BENCH_REPORT_LINES ${i} expected)
  if(NOT missing STREQUAL expected)
    message(FATAL_ERROR "a report without \"${left_out}\" should lack exactly \"${expected}\", found: \"${missing}\"")
  endif()
endforeach()
message("each of the ${count} checks fails on a report that lacks its line")
