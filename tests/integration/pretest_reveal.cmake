# quiz pretest writes forms that show the verdicts only at the end unless
# asked otherwise: a pretest that revealed after each card would teach the
# class its answers before the posttest.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(expect_reveal reveal)  # expected "reveal" of both forms, then extra arguments
  execute_process(COMMAND ${CLI} quiz pretest --deck ${DECK} --count 3 --out-a ${WORK_DIR}/a.json
                          --out-b ${WORK_DIR}/b.json ${ARGN}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "quiz pretest exited ${code}:\n${out}\n${err}")
  endif()
  foreach(form a b)
    file(READ ${WORK_DIR}/${form}.json text)
    string(FIND "${text}" "\"reveal\": \"${reveal}\"" found)
    if(found EQUAL -1)
      message(FATAL_ERROR "form ${form} should reveal ${reveal}:\n${text}")
    endif()
  endforeach()
  file(REMOVE ${WORK_DIR}/a.json ${WORK_DIR}/b.json)
endfunction()

expect_reveal(at_end)
expect_reveal(after_each --reveal after_each)
