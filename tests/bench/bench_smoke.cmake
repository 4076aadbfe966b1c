# Runs the benchmark script at tiny sizes and checks every section of the
# report came out with figures in it (bench_report_lines.cmake; its checks
# are themselves tested by bench_report_lines_test.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/bench_report_lines.cmake)
file(REMOVE ${OUT})
execute_process(COMMAND bash ${SCRIPT} --build-dir ${BUILD_DIR} --out ${OUT} --smoke
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the benchmark script failed (${code}): ${err}")
endif()
file(READ ${OUT} report)
bench_report_missing("${report}" missing)
if(missing)
  message(FATAL_ERROR "the report lacks \"${missing}\":\n${report}")
endif()
