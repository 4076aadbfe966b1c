# The installed systemd unit starts the installed server and passes
# `systemd-analyze verify`, which exits 0 after warnings such as an unknown
# key, so any output fails. Its ExecStart is a bare name that systemd looks up
# in /usr/bin and /usr/local/bin; here the copy checked names the program
# where this install put it.
#
#   cmake -DWORK_DIR=... (-DBUILD_DIR=... | -DDEB=...) -P systemd_unit.cmake
include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)
find_program(SYSTEMD_ANALYZE systemd-analyze)
if(NOT SYSTEMD_ANALYZE)
  message(FATAL_ERROR "systemd-analyze was not found: install it (Debian: apt-get install systemd)")
endif()

file(GLOB unit ${ROOT}/lib/systemd/system/claimdeck-server.service ${PREFIX}/lib/systemd/system/claimdeck-server.service)
if(NOT unit)
  message(FATAL_ERROR "no claimdeck-server.service was installed in lib/systemd/system")
endif()
file(READ ${unit} text)
if(NOT text MATCHES "\nExecStart=([^ \n]+)")
  message(FATAL_ERROR "${unit} has no ExecStart")
endif()
set(program ${CMAKE_MATCH_1})
if(NOT EXISTS ${PREFIX}/bin/${program})
  message(FATAL_ERROR "the unit starts ${program}, which is not installed in bin/")
endif()

string(REPLACE "\nExecStart=${program}" "\nExecStart=${PREFIX}/bin/${program}" text "${text}")
file(WRITE ${WORK_DIR}/claimdeck-server.service "${text}")
execute_process(COMMAND ${SYSTEMD_ANALYZE} verify --man=no ${WORK_DIR}/claimdeck-server.service
                RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT exit_code EQUAL 0 OR NOT output STREQUAL "")
  message(FATAL_ERROR "systemd-analyze verify does not pass the installed unit cleanly (exit ${exit_code})")
endif()
