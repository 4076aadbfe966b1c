# Studies two cards through `claimdeck-cli study --plain`, then checks that
# `stats --json` finds exactly those two answers.
file(REMOVE_RECURSE ${DATA_DIR})
# verdict, confidence for two cards, then end of input.
file(WRITE ${DATA_DIR}-input.txt "1\n3\n2\n2\n")
execute_process(COMMAND ${CLI} study --plain --data-dir ${DATA_DIR} --profile Ada --deck ${DECK}
                INPUT_FILE ${DATA_DIR}-input.txt
                OUTPUT_VARIABLE study_out ERROR_VARIABLE study_err RESULT_VARIABLE study_code)
if(NOT study_code EQUAL 0)
  message(FATAL_ERROR "study exited ${study_code}: ${study_err}")
endif()
string(REGEX MATCHALL "saved [0-9]+" saved "${study_out}")
list(LENGTH saved saved_count)
if(NOT saved_count EQUAL 2)
  message(FATAL_ERROR "expected two 'saved' lines, got ${saved_count}:\n${study_out}")
endif()

execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Ada --json
                OUTPUT_VARIABLE stats_out RESULT_VARIABLE stats_code)
if(NOT stats_code EQUAL 0)
  message(FATAL_ERROR "stats exited ${stats_code}")
endif()
string(JSON reviews GET "${stats_out}" reviews)
if(NOT reviews EQUAL 2)
  message(FATAL_ERROR "stats reports ${reviews} reviews, expected 2:\n${stats_out}")
endif()

execute_process(COMMAND ${CLI} stats --data-dir ${DATA_DIR} --profile Nobody --json
                OUTPUT_QUIET ERROR_VARIABLE missing_err RESULT_VARIABLE missing_code)
if(NOT missing_code EQUAL 1 OR NOT missing_err MATCHES "no profile \"Nobody\"")
  message(FATAL_ERROR "an unknown profile should exit 1 with a message, got ${missing_code}: ${missing_err}")
endif()
