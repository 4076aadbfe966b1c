# A technique card answered in the real window is in the store: claimdeck-cli
# stats gives its figures, and export-progress carries it to another device.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=... -DWORK_DIR=... -P gui_technique_card.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(data ${WORK_DIR}/data)

# Ten claims answered by script, then the first technique card, answered
# with the right name, its words and one word more.
run_claimdeck(report --data-dir ${data} --profile Ana --screen technique-answer --quit-after-frames 3
              --window 1600x1000 --screenshot ${WORK_DIR}/technique.png)
expect_screen("${report}" technique)

execute_process(COMMAND ${CLI} stats --data-dir ${data} --profile Ana --deck ${DECK}
                OUTPUT_VARIABLE stats RESULT_VARIABLE code)
message("${stats}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "claimdeck-cli stats exited with ${code}")
endif()
if(NOT stats MATCHES "You named the technique in 1 of 1 technique card \\(100 %\\)\\. The words you tapped matched the words that carry it by [0-9]+ %")
  message(FATAL_ERROR "stats does not give the technique card's answer")
endif()
if(NOT stats MATCHES "\n  [A-Za-z, -]+: named 1 of 1, words matched [0-9]+ %\n")
  message(FATAL_ERROR "stats does not give the technique's own line")
endif()

# Ten claims and one technique card: eleven answers, eleven card states.
execute_process(COMMAND ${CLI} export-progress --data-dir ${data} --profile Ana --out ${WORK_DIR}/ana.json
                RESULT_VARIABLE code OUTPUT_VARIABLE said)
message("${said}")
file(READ ${WORK_DIR}/ana.json exported)
if(NOT code EQUAL 0 OR NOT exported MATCHES "\"technique_reviews\": \\[\n[^]]*\"card_id\": \"[^\"]+#")
  message(FATAL_ERROR "export-progress does not carry the technique card's answer (exit ${code})")
endif()
if(NOT said MATCHES "^exported 11 answers and 11 card states of Ana")
  message(FATAL_ERROR "export-progress does not count the technique card's answer")
endif()
