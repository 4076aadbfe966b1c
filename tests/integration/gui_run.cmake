# What the GUI test scripts share: a virtual X server and a scripted run of
# the real app. A missing xvfb-run is a failure, not a skip: the README's
# test command installs it.
#
#   include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)   (needs CLAIMDECK and DECK)

# `bash ${VIRTUAL_SCREEN} WIDTHxHEIGHT COMMAND...` runs a command on a
# virtual screen with the command's own exit code.
set(VIRTUAL_SCREEN ${CMAKE_CURRENT_LIST_DIR}/../virtual_screen.sh)

# run_claimdeck(<output variable> ARGS...): runs claimdeck on DECK with ARGS
# (a scripted run: --quit-after-frames among them) and fails the test unless
# it exits cleanly. The variable receives what the app reported.
function(run_claimdeck output)
  execute_process(
    COMMAND bash ${VIRTUAL_SCREEN} 1920x1080 ${CLAIMDECK} --deck ${DECK} ${ARGN}
    RESULT_VARIABLE exit_code OUTPUT_VARIABLE report ERROR_VARIABLE errors)
  message("${report}${errors}")
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "claimdeck exited with ${exit_code}")
  endif()
  set(${output} "${report}" PARENT_SCOPE)
endfunction()

# expect_screen(<report> <name>): the run ended on that screen.
function(expect_screen report name)
  if(NOT report MATCHES "screen: ${name}\n")
    message(FATAL_ERROR "the app did not end on the ${name} screen")
  endif()
endfunction()
