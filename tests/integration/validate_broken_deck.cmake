# Breaks a copy of the mini deck in two places and checks that validate names
# both, with the file, the claim and the field, and exits 1.
file(REMOVE_RECURSE ${WORK_DIR})
file(COPY ${SOURCE_DECK}/ DESTINATION ${WORK_DIR})
file(READ ${WORK_DIR}/decks/mini.json deck)
string(REPLACE "\"verdict\": \"contested\"" "\"verdict\": \"maybe\"" deck "${deck}")
string(REPLACE "\"rationale\": \"Maps agree.\"" "\"rationale\": \"\"" deck "${deck}")
file(WRITE ${WORK_DIR}/decks/mini.json "${deck}")

execute_process(COMMAND ${CLI} validate ${WORK_DIR}/decks/mini.json
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 1)
  message(FATAL_ERROR "validate exited ${code}, expected 1")
endif()
foreach(expected
    "mini.json: claim \"a-second\", field \"verdict\": \"maybe\" is not one of verified, contested, propaganda"
    "mini.json: claim \"a-distance\", field \"rationale\": is empty")
  string(FIND "${err}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "missing problem:\n  ${expected}\nin:\n${err}")
  endif()
endforeach()
