# What the scripts that drive claimdeck-cli through a flow share:
#   run_cli(ARGS ... [INPUT text] EXPECT_CODE n OUT var ERR var)  runs ${CLI},
#     feeding INPUT on stdin, and fails unless it exits n
#   expect_in(text expected)  fails unless `expected` is in `text`
# WORK_DIR must be set.
function(run_cli)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "INPUT;EXPECT_CODE;OUT;ERR" "ARGS")
  set(input_option)
  if(arg_INPUT)
    file(WRITE ${WORK_DIR}/input.txt "${arg_INPUT}")
    set(input_option INPUT_FILE ${WORK_DIR}/input.txt)
  endif()
  execute_process(COMMAND ${CLI} ${arg_ARGS} ${input_option}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL arg_EXPECT_CODE)
    message(FATAL_ERROR "claimdeck-cli ${arg_ARGS} exited ${code}, expected ${arg_EXPECT_CODE}:\n${out}\n${err}")
  endif()
  set(${arg_OUT} "${out}" PARENT_SCOPE)
  set(${arg_ERR} "${err}" PARENT_SCOPE)
endfunction()

function(expect_in text expected)
  string(FIND "${text}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "expected\n  ${expected}\nin:\n${text}")
  endif()
endfunction()
