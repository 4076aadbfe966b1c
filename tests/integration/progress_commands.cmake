# Studies two cards, then runs backup, export-progress, import-progress (twice,
# of the export and of the backup, and with a bad file), restore, and stats on a deck whose claims were renamed.
file(REMOVE_RECURSE ${WORK_DIR})
set(HOME_DIR ${WORK_DIR}/home)
set(OTHER_DIR ${WORK_DIR}/other)

# run(CODE args...): runs claimdeck-cli, expects exit CODE, leaves `out` and `err`.
function(run expected_code)
  execute_process(COMMAND ${CLI} ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "claimdeck-cli ${ARGN} exited ${code}, expected ${expected_code}:\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected \"${pattern}\" in:\n${text}")
  endif()
endfunction()

function(expect_review_count data_dir count)
  run(0 stats --data-dir ${data_dir} --profile Ada --json)
  string(JSON reviews GET "${out}" reviews)
  if(NOT reviews EQUAL count)
    message(FATAL_ERROR "${data_dir} has ${reviews} reviews, expected ${count}")
  endif()
endfunction()

file(WRITE ${WORK_DIR}/answers.txt "1\n3\n2\n2\n")
execute_process(COMMAND ${CLI} study --plain --data-dir ${HOME_DIR} --profile Ada --deck ${DECK}
                INPUT_FILE ${WORK_DIR}/answers.txt OUTPUT_QUIET RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "study exited ${code}")
endif()

run(0 backup --data-dir ${HOME_DIR})
string(REGEX MATCH "backup written: ([^\n]+/backups/progress-[0-9]+-[0-9]+\\.sqlite)" written "${out}")
if(NOT written)
  message(FATAL_ERROR "backup printed no backup file:\n${out}")
endif()
set(backup ${CMAKE_MATCH_1})

run(0 export-progress --data-dir ${HOME_DIR} --profile Ada --out ${WORK_DIR}/ada.json)
expect("${out}" "exported 2 answers")
run(0 import-progress ${WORK_DIR}/ada.json --data-dir ${OTHER_DIR})
expect("${out}" "2 new answers")
run(0 import-progress ${WORK_DIR}/ada.json --data-dir ${OTHER_DIR})
expect("${out}" "0 new answers \\(2 were already there\\)")
expect_review_count(${OTHER_DIR} 2)

# A whole backup imports the same way, every learner in it merged by name.
run(0 import-progress ${backup} --data-dir ${WORK_DIR}/third)
expect("${out}" "imported into profile Ada: 2 new answers")
run(0 import-progress ${backup} --data-dir ${WORK_DIR}/third)
expect("${out}" "0 new answers \\(2 were already there\\)")
expect_review_count(${WORK_DIR}/third 2)

file(WRITE ${WORK_DIR}/bad.json [[{"format": 1, "profile": "Ada", "reviews": [], "card_states": [{"deck_id": "x"}]}]])
run(1 import-progress ${WORK_DIR}/bad.json --data-dir ${OTHER_DIR})
expect("${err}" "bad.json is not a ClaimDeck progress file")
expect_review_count(${OTHER_DIR} 2)

run(0 restore ${backup} --data-dir ${HOME_DIR})
expect("${out}" "the store it replaced was kept as [^\n]+progress\\.sqlite\\.before-restore-[0-9]+-[0-9]+")
expect_review_count(${HOME_DIR} 2)

# The deck's claims renamed by an edit: their history is kept and reported.
get_filename_component(deck_dir ${DECK} DIRECTORY)
file(COPY ${deck_dir}/../articles DESTINATION ${WORK_DIR}/edited)
file(READ ${DECK} deck)
string(REPLACE "\"id\": \"a-" "\"id\": \"renamed-" deck "${deck}")
file(WRITE ${WORK_DIR}/edited/decks/mini.json "${deck}")
run(0 stats --data-dir ${HOME_DIR} --profile Ada --deck ${WORK_DIR}/edited/decks/mini.json)
expect("${out}" "2 answers about claims no longer in the deck were kept")
