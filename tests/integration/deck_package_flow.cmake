# deck pack, unpack and install through the real claimdeck-cli: the unpacked
# folder is the packed one byte for byte, the installed deck is listed, an
# older version is refused, and removing it with its progress asks first.
#
#   cmake -DCLI=... -DDECK=<deck folder>/decks/mini.json -DWORK_DIR=... -P deck_package_flow.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run expected_code pattern)
  execute_process(COMMAND ${CLI} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL expected_code OR NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "claimdeck-cli ${ARGN}: exit ${code}, expected ${expected_code} and '${pattern}':\n${out}")
  endif()
endfunction()

function(same_file a b)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${a} ${b} RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${a} differs from ${b}")
  endif()
endfunction()

get_filename_component(source ${DECK} DIRECTORY)
get_filename_component(source ${source} DIRECTORY)
run(0 "mini.claimdeck: mini  version 1  Mini deck  \\(3 claims\\) and 2 articles"
    deck pack ${DECK} --out ${WORK_DIR}/mini.claimdeck)
run(0 "decks/mini.json: mini" deck unpack ${WORK_DIR}/mini.claimdeck --out ${WORK_DIR}/unpacked)
same_file(${DECK} ${WORK_DIR}/unpacked/decks/mini.json)
same_file(${source}/articles/a.txt ${WORK_DIR}/unpacked/articles/a.txt)
same_file(${source}/articles/b.txt ${WORK_DIR}/unpacked/articles/b.txt)
# Unpacking again over the same files is harmless; over other contents it is refused.
run(0 "decks/mini.json: mini" deck unpack ${WORK_DIR}/mini.claimdeck --out ${WORK_DIR}/unpacked)
file(WRITE ${WORK_DIR}/unpacked/articles/a.txt "my own notes\n")
run(1 "unpacked/articles/a.txt already exists with other contents" deck unpack ${WORK_DIR}/mini.claimdeck
    --out ${WORK_DIR}/unpacked)

set(data ${WORK_DIR}/data)
run(0 "Installed .+Mini deck.+ \\(version 1\\)\\." deck install ${WORK_DIR}/mini.claimdeck --data-dir ${data})
run(0 "mini  version 1  Mini deck  \\(3 claims\\)\n" deck list --data-dir ${data})
# A version 2 from the unpacked folder, then version 1 again: refused.
file(READ ${DECK} text)
string(REPLACE "\"version\": 1" "\"version\": 2" text "${text}")
file(WRITE ${WORK_DIR}/unpacked/decks/mini.json "${text}")
file(COPY ${source}/articles/a.txt DESTINATION ${WORK_DIR}/unpacked/articles)
run(0 "replacing version 1" deck install ${WORK_DIR}/unpacked/decks/mini.json --data-dir ${data})
run(1 "already hold .+Mini deck.+ version 2; this file holds the older version 1" deck install
    ${WORK_DIR}/mini.claimdeck --data-dir ${data})
run(1 "this would delete 0 answers on mini, of every learner; add --yes" deck remove mini --data-dir ${data}
    --delete-progress)
run(0 "removed mini from the library; its progress is kept" deck remove mini --data-dir ${data})
run(1 "there is no deck mini" deck remove mini --data-dir ${data})
