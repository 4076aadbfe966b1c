# Runs the benchmark script at tiny sizes and checks every section of the
# report came out with figures in it.
file(REMOVE ${OUT})
execute_process(COMMAND bash ${SCRIPT} --build-dir ${BUILD_DIR} --out ${OUT} --smoke
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "the benchmark script failed (${code}): ${err}")
endif()
file(READ ${OUT} report)
foreach(expected
    "## Machine"
    "| ClaimDeck: exec to first frame | [0-9.]+ ms"
    "| ClaimDeck with 2000 answers stored: exec to first frame | [0-9.]+ ms"
    "| ClaimDeck: frames drawn while idle | [0-9]"
    "| card | [0-9.]+ µs"
    "| ClaimDeck answer\\(\\), p99 | [0-9.]+ ms"
    "| 100 | [0-9.]+ ms"
    "| 1000 | [0-9.]+ ms")
  if(NOT report MATCHES "${expected}")
    message(FATAL_ERROR "the report lacks \"${expected}\":\n${report}")
  endif()
endforeach()
