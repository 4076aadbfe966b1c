# Runs a command and checks its exit code and what it printed.
#
#   cmake -DCOMMAND="program;arg;..." -DEXPECT_CODE=N -DEXPECT_OUTPUT=regex [-DNO_DISPLAY=ON] -P expect_exit.cmake
if(NOT DEFINED EXPECT_OUTPUT OR EXPECT_OUTPUT STREQUAL "")
  message(FATAL_ERROR "add_exit_test needs an OUTPUT pattern: an empty one matches anything")
endif()
if(NO_DISPLAY)
  unset(ENV{DISPLAY})
  unset(ENV{WAYLAND_DISPLAY})
endif()
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT exit_code STREQUAL EXPECT_CODE)
  message(FATAL_ERROR "exited with ${exit_code}, expected ${EXPECT_CODE}")
endif()
if(NOT output MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "the output does not match: ${EXPECT_OUTPUT}")
endif()
