# The lines a benchmark report must hold, each with its figure, as regexes.
# Every "|" is escaped: a bare "|" is an alternation, so a pattern that began
# with one would match any text and its check could never fail.
set(BENCH_REPORT_LINES
    "## Machine"
    "\\| floor: GET /api/health, one process \\| [0-9.]+ ms \\| [0-9.]+ ms"
    "\\| SQLite, one process: answer to confirmation \\| [0-9.]+ ms \\| [0-9.]+ ms"
    "\\| PostgreSQL, two processes: answer to confirmation \\| [0-9.]+ ms \\| [0-9.]+ ms"
    "\\| ClaimDeck: exec to first frame \\| [0-9.]+ ms"
    "\\| ClaimDeck with 2000 answers stored: exec to first frame \\| [0-9.]+ ms"
    "\\| ClaimDeck: frames drawn while idle \\| [0-9]"
    "\\| card \\| [0-9.]+ µs"
    "\\| ClaimDeck answer\\(\\), p99 \\| [0-9.]+ ms"
    "\\| 100 \\| [0-9.]+ ms"
    "\\| 1000 \\| [0-9.]+ ms"
    "\\| Studio: Claim \\(a claim open\\) \\| [0-9.]+ ms \\([0-9.]+ – [0-9.]+\\) \\| [0-9.]+ ms"
    "\\| Studio: Checks \\| [0-9.]+ ms \\([0-9.]+ – [0-9.]+\\) \\| [0-9.]+ ms"
    "\\| Studio: reader scrolling a [0-9]+ KiB article \\| [0-9.]+ ms \\([0-9.]+ – [0-9.]+\\) \\| [0-9.]+ ms"
    "\\| one edit and the live checks up to date: a claim's rationale \\| [0-9.]+ ms"
    "\\| pack: package_deck \\+ write_package \\| [0-9.]+ ms"
    "\\| import: read_package \\+ install_package \\| [0-9.]+ ms")

# Sets `out_var` to the patterns of BENCH_REPORT_LINES that `report` lacks.
function(bench_report_missing report out_var)
  set(missing "")
  foreach(expected IN LISTS BENCH_REPORT_LINES)
    if(NOT report MATCHES "${expected}")
      list(APPEND missing "${expected}")
    endif()
  endforeach()
  set(${out_var} "${missing}" PARENT_SCOPE)
endfunction()
