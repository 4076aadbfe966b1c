# A teacher opens the class report in the real claimdeck window: two pupils
# take a quiz with claimdeck-cli, and the app is started with --report on
# their folder. With CASE=tampered one of the files has been edited (and a
# path that does not exist is given too): the app must still open the report
# and exit cleanly; why the file is left out is the core's job, unit-tested.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=... -DWORK_DIR=... -DCASE=class|tampered -P gui_report.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/class)

function(run_cli)
  execute_process(COMMAND ${CLI} ${ARGN} INPUT_FILE ${WORK_DIR}/input.txt
                  RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "claimdeck-cli ${ARGN} failed (${exit_code}): ${out}${err}")
  endif()
endfunction()

# `answers`: the lines a pupil types, a verdict then a confidence for each card.
# `device`: the pupil's own data folder (default: one the class shares).
function(take_quiz pupil answers)
  set(device pupils)
  set(file ${pupil})
  if(ARGC GREATER 2)
    set(device ${ARGV2})
    set(file ${pupil}-${ARGV2})
  endif()
  file(WRITE ${WORK_DIR}/input.txt "${answers}")
  run_cli(quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/${device} --profile ${pupil}
          --out ${WORK_DIR}/class/${file}.json --plain)
endfunction()

file(WRITE ${WORK_DIR}/input.txt "")
run_cli(quiz create --deck ${DECK} --out ${WORK_DIR}/quiz.json --count 3 --title "GUI report")
take_quiz(Ada "1\n3\n2\n3\n3\n3\n")
take_quiz(Bob "3\n1\n3\n1\n3\n1\n")

set(report_options --report ${WORK_DIR}/class)
if(CASE STREQUAL "tampered")
  # Bob makes himself look surer; the checksum no longer matches.
  file(READ ${WORK_DIR}/class/Bob.json bob)
  string(REPLACE "\"confidence\": 50" "\"confidence\": 90" edited "${bob}")
  if(edited STREQUAL bob)
    message(FATAL_ERROR "the test could not tamper with Bob's results: ${bob}")
  endif()
  file(WRITE ${WORK_DIR}/class/Bob.json "${edited}")
  list(APPEND report_options --report ${WORK_DIR}/no-such-results.json)
endif()

if(CASE STREQUAL "namesakes")
  take_quiz(Ada "2\n1\n2\n1\n2\n1\n" laptop-2)
  foreach(window 390x844 1600x1000)
    run_claimdeck(report --data-dir ${WORK_DIR}/data ${report_options} --quit-after-frames 3 --window ${window})
    expect_screen("${report}" report)
    # Ada.json and Ada-laptop-2.json: both counted, in the order added, and
    # the merge button (the report's one main action) is on screen.
    if(NOT report MATCHES "pupils: Ada \\(1\\), Ada \\(2\\), Bob\n")
      message(FATAL_ERROR "at ${window} the report does not show both pupils called Ada apart")
    endif()
    if(NOT report MATCHES "primary-button: ")
      message(FATAL_ERROR "at ${window} the report offers no merge for the two pupils called Ada")
    endif()
  endforeach()
  return()
endif()

run_claimdeck(report --data-dir ${WORK_DIR}/data ${report_options} --quit-after-frames 3 --window 390x844)
expect_screen("${report}" report)
