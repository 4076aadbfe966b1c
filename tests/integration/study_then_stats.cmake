# Studies three cards through `claimdeck-cli study --plain` (with a hint and an
# undo), then checks that `stats --json` finds exactly those three answers, and
# that each key meant what the prompt says (1 2 3: verified contested
# propaganda; 50 70 90 %).
file(REMOVE_RECURSE ${DATA_DIR})
# A hint, then verdict and confidence for the first card; the second answered,
# undone ("u") and answered again; the third; then end of input.
file(WRITE ${DATA_DIR}-input.txt "h\n1\n3\n2\n2\nu\n2\n2\n3\n1\n")
execute_process(COMMAND ${CLI} study --plain --data-dir ${DATA_DIR} --profile Ada --deck ${DECK}
                INPUT_FILE ${DATA_DIR}-input.txt
                OUTPUT_VARIABLE study_out ERROR_VARIABLE study_err RESULT_VARIABLE study_code)
if(NOT study_code EQUAL 0)
  message(FATAL_ERROR "study exited ${study_code}: ${study_err}")
endif()
string(REGEX MATCHALL "saved [0-9]+" saved "${study_out}")
list(LENGTH saved saved_count)
if(NOT saved_count EQUAL 4 OR NOT study_out MATCHES "undone\n.*Session over: 3 answers saved")
  message(FATAL_ERROR "expected four 'saved' lines, one undone, three kept, got ${saved_count}:\n${study_out}")
endif()

execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Ada --json
                OUTPUT_VARIABLE stats_out RESULT_VARIABLE stats_code)
if(NOT stats_code EQUAL 0)
  message(FATAL_ERROR "stats exited ${stats_code}")
endif()
string(JSON reviews GET "${stats_out}" reviews)
if(NOT reviews EQUAL 3)
  message(FATAL_ERROR "stats reports ${reviews} reviews, expected 3:\n${stats_out}")
endif()

# The answers as stored, in the order given: each key of the prompt pinned,
# the hint kept with its answer, the undone answer gone.
execute_process(COMMAND ${CLI} export-progress --data-dir ${DATA_DIR} --profile Ada --out ${DATA_DIR}-export.json
                OUTPUT_QUIET ERROR_VARIABLE export_err RESULT_VARIABLE export_code)
if(NOT export_code EQUAL 0)
  message(FATAL_ERROR "export-progress exited ${export_code}: ${export_err}")
endif()
file(READ ${DATA_DIR}-export.json exported)
set(expected_answers "verified 90 ON" "contested 70 OFF" "propaganda 50 OFF")
foreach(i RANGE 2)
  string(JSON picked GET "${exported}" reviews ${i} picked)
  string(JSON confidence GET "${exported}" reviews ${i} confidence)
  string(JSON hint GET "${exported}" reviews ${i} hint_used)
  set(stored "${picked} ${confidence} ${hint}")
  list(GET expected_answers ${i} expected)
  if(NOT stored STREQUAL expected)
    message(FATAL_ERROR "answer ${i} is stored as \"${stored}\" (verdict, confidence, hint), expected \"${expected}\"")
  endif()
endforeach()

# stats --json agrees with the stored answers: the right count, and each
# answer in the confusion table's [your answer][true verdict] cell.
set(verdicts verified contested propaganda)
set(right 0)
foreach(row RANGE 2)
  foreach(column RANGE 2)
    set(expected_cell_${row}_${column} 0)
  endforeach()
endforeach()
foreach(i RANGE 2)
  string(JSON picked GET "${exported}" reviews ${i} picked)
  string(JSON truth GET "${exported}" reviews ${i} truth)
  list(FIND verdicts ${picked} row)
  list(FIND verdicts ${truth} column)
  math(EXPR expected_cell_${row}_${column} "${expected_cell_${row}_${column}} + 1")
  if(picked STREQUAL truth)
    math(EXPR right "${right} + 1")
  endif()
endforeach()
string(JSON stated_right GET "${stats_out}" overall right)
if(NOT stated_right EQUAL right)
  message(FATAL_ERROR "stats says ${stated_right} right, the stored answers have ${right}:\n${stats_out}")
endif()
foreach(row RANGE 2)
  foreach(column RANGE 2)
    string(JSON cell GET "${stats_out}" confusion ${row} ${column})
    if(NOT cell EQUAL expected_cell_${row}_${column})
      message(FATAL_ERROR "confusion[${row}][${column}] is ${cell}, expected ${expected_cell_${row}_${column}}")
    endif()
  endforeach()
endforeach()

execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Nobody --json
                OUTPUT_QUIET ERROR_VARIABLE missing_err RESULT_VARIABLE missing_code)
if(NOT missing_code EQUAL 1 OR NOT missing_err MATCHES "no profile \"Nobody\"")
  message(FATAL_ERROR "an unknown profile should exit 1 with a message, got ${missing_code}: ${missing_err}")
endif()

# Lateral reading: the command line study offers no other sources, so its
# stats say nothing of them; answers given after checking them in the app
# (here: the first answer, marked so in the exported file) get their own lines.
execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Ada OUTPUT_VARIABLE plain_out
                RESULT_VARIABLE plain_code)
if(NOT plain_code EQUAL 0 OR plain_out MATCHES "other sources")
  message(FATAL_ERROR "stats of answers without lateral reading should not mention it (exit ${plain_code}):\n${plain_out}")
endif()
string(JSON lateral_searches GET "${exported}" reviews 0 lateral_searches)
if(NOT lateral_searches EQUAL 0)
  message(FATAL_ERROR "a command line answer is stored with ${lateral_searches} searches of other sources, not 0")
endif()
string(JSON checked_first SET "${exported}" reviews 0 lateral_searches 2)
file(WRITE ${DATA_DIR}-checked.json "${checked_first}")
file(REMOVE_RECURSE ${DATA_DIR}-checked)
execute_process(COMMAND ${CLI} import-progress ${DATA_DIR}-checked.json --data-dir ${DATA_DIR}-checked OUTPUT_QUIET
                RESULT_VARIABLE import_code)
execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR}-checked --profile Ada OUTPUT_VARIABLE checked_out
                RESULT_VARIABLE checked_code)
if(NOT import_code EQUAL 0 OR NOT checked_code EQUAL 0 OR
   NOT checked_out MATCHES "\nchecked +1 +[01] [^\n]*\nnot checked +2 +[0-2] ")
  message(FATAL_ERROR "stats should give 1 answer after checking other sources and 2 without "
                      "(import exit ${import_code}, stats exit ${checked_code}):\n${checked_out}")
endif()
