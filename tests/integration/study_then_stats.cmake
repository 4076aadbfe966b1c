# Studies three cards through `claimdeck-cli study --plain` (with a hint and an
# undo), then checks that `stats --json` finds exactly those three answers, and
# that each key meant what the prompt says (1 2 3: verified contested
# propaganda; 50 70 90 %).
file(REMOVE_RECURSE ${DATA_DIR})
# A hint, then verdict and confidence for the first card; the second answered,
# undone ("u") and answered again; the third after checking other sources
# ("s WORDS"); then end of input.
file(WRITE ${DATA_DIR}-input.txt "h\n1\n3\n2\n2\nu\n2\n2\ns valley capital\n3\n1\n")
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

# Lateral reading: the third answer followed a search of the other sources,
# the first two did not; stats gives each side its line. A learner who never
# checked other sources is not shown them.
foreach(i RANGE 2)
  string(JSON searches GET "${exported}" reviews ${i} lateral_searches)
  list(APPEND searches_per_answer ${searches})
endforeach()
if(NOT searches_per_answer STREQUAL "0;0;1")
  message(FATAL_ERROR "searches of other sources per answer: ${searches_per_answer}, expected 0;0;1")
endif()
execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Ada OUTPUT_VARIABLE checked_out
                RESULT_VARIABLE checked_code)
if(NOT checked_code EQUAL 0 OR NOT checked_out MATCHES "\nchecked +1 +[01] [^\n]*\nnot checked +2 +[0-2] ")
  message(FATAL_ERROR "stats should give 1 answer after checking other sources and 2 without "
                      "(exit ${checked_code}):\n${checked_out}")
endif()
file(WRITE ${DATA_DIR}-input-bo.txt "1\n2\n")
execute_process(COMMAND ${CLI} study --plain --data-dir ${DATA_DIR} --profile Bo --deck ${DECK}
                INPUT_FILE ${DATA_DIR}-input-bo.txt OUTPUT_QUIET RESULT_VARIABLE bo_study_code)
execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Bo OUTPUT_VARIABLE bo_out
                RESULT_VARIABLE bo_code)
if(NOT bo_study_code EQUAL 0 OR NOT bo_code EQUAL 0 OR NOT bo_out MATCHES "Bo: 1 answers" OR
   bo_out MATCHES "other sources")
  message(FATAL_ERROR "stats of answers without lateral reading should not mention it "
                      "(study exit ${bo_study_code}, stats exit ${bo_code}):\n${bo_out}")
endif()
