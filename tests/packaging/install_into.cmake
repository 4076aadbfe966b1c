# What the install tests share: a fresh `cmake --install` of the build into
# WORK_DIR/root with the prefix /usr, as a package lays it out; or, given
# DEB, that .deb unpacked there (./dev package checks the real package).
#
#   include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)   (needs WORK_DIR, and BUILD_DIR or DEB)
#   sets ROOT (the DESTDIR) and PREFIX (ROOT/usr)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(ROOT ${WORK_DIR}/root)
set(PREFIX ${ROOT}/usr)
if(DEB)
  set(install dpkg-deb -x ${DEB} ${ROOT})
else()
  set(ENV{DESTDIR} ${ROOT})
  set(install ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr)
endif()
execute_process(COMMAND ${install} RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
unset(ENV{DESTDIR})
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "${install} failed (exit ${exit_code}):\n${output}")
endif()

# run_installed(<output variable> EXPECT_CODE n COMMAND program args...):
# runs an installed program and fails the test unless it exits with n.
function(run_installed output)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "EXPECT_CODE" "COMMAND")
  execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE exit_code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  message("${arg_COMMAND}:\n${out}")
  if(NOT exit_code STREQUAL arg_EXPECT_CODE)
    message(FATAL_ERROR "exited with ${exit_code}, expected ${arg_EXPECT_CODE}")
  endif()
  set(${output} "${out}" PARENT_SCOPE)
endfunction()
