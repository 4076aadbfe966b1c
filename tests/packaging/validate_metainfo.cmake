# appstreamcli validate, without the network (it would fetch the screenshots).
#
#   cmake -DFILE=<metainfo.xml> -P validate_metainfo.cmake
find_program(APPSTREAMCLI appstreamcli)
if(NOT APPSTREAMCLI)
  message(FATAL_ERROR "appstreamcli was not found: install it (Debian: apt-get install appstream)")
endif()
execute_process(COMMAND ${APPSTREAMCLI} validate --no-net ${FILE} RESULT_VARIABLE exit_code
                OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "appstreamcli validate found problems in ${FILE} (exit ${exit_code})")
endif()
