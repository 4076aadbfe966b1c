# add_exit_test(NAME name CODE n OUTPUT regex [NO_DISPLAY] COMMAND program args...)
# checks both the exit code and the output. (ctest's PASS_REGULAR_EXPRESSION
# ignores the exit code, so a test named "exits 2" must use this.)
function(add_exit_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_DISPLAY" "NAME;CODE;OUTPUT" "COMMAND")
  add_test(NAME "${arg_NAME}"
           COMMAND ${CMAKE_COMMAND} "-DCOMMAND=${arg_COMMAND}" -DEXPECT_CODE=${arg_CODE}
                   "-DEXPECT_OUTPUT=${arg_OUTPUT}" -DNO_DISPLAY=${arg_NO_DISPLAY}
                   -P ${EXPECT_EXIT_SCRIPT})
endfunction()
set(EXPECT_EXIT_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
