# desktop-file-validate exits 0 after warnings and hints, so any output fails.
#
#   cmake -DFILE=<file.desktop> -P validate_desktop_entry.cmake
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(NOT DESKTOP_FILE_VALIDATE)
  message(FATAL_ERROR "desktop-file-validate was not found: install it (Debian: apt-get install desktop-file-utils)")
endif()
execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${FILE} RESULT_VARIABLE exit_code
                OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT exit_code EQUAL 0 OR NOT output STREQUAL "")
  message(FATAL_ERROR "desktop-file-validate does not pass ${FILE} cleanly (exit ${exit_code})")
endif()
