# A pupil takes a class quiz in the real claimdeck window: a quiz of three
# cards made with claimdeck-cli is given on the command line, answered by
# script (--demo-answers), and the results file the app writes must be one
# that `claimdeck-cli report` reads, holding three answers.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=... -DWORK_DIR=... -P gui_quiz_take.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(quiz ${WORK_DIR}/quiz.json)
execute_process(COMMAND ${CLI} quiz create --deck ${DECK} --out ${quiz} --count 3 --title "GUI quiz"
                RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "claimdeck-cli quiz create failed (${exit_code}): ${out}${err}")
endif()

run_claimdeck(report --quiz ${quiz} --profile Pupil --data-dir ${WORK_DIR}/data --demo-answers 3
              --quit-after-frames 3 --window 1280x800)
expect_screen("${report}" quiz)

file(GLOB results ${WORK_DIR}/data/results/*-Pupil-*.json)
list(LENGTH results found)
if(NOT found EQUAL 1)
  message(FATAL_ERROR "expected one results file in ${WORK_DIR}/data/results, found ${found}")
endif()
execute_process(COMMAND ${CLI} report ${results} RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "claimdeck-cli report refused the results file (${exit_code})")
endif()
# Scripted answers get every third card wrong: 2 of the 3 are right.
if(NOT out MATCHES "1 pupil, 1 results file: 2 of 3 right")
  message(FATAL_ERROR "the report does not hold the three answers given")
endif()
