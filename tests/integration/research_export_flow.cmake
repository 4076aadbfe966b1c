# Two pupils take a pretest and one the posttest with `quiz take --plain`;
# `export-research` turns their results files into one CSV row per answer,
# with learner ids in place of their names, and with --data-dir adds the
# study answers in their progress store.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

include(${CMAKE_CURRENT_LIST_DIR}/cli_flow_lib.cmake)

set(header "learner,claim_id,quiz_id,form,true_verdict,verdict_given,confidence,response_ms,hint_used,lateral_searches,lateral_passages,lateral_ms,right,studied_before")

run_cli(ARGS quiz pretest --deck ${DECK} --out-a ${WORK_DIR}/pre.json --out-b ${WORK_DIR}/post.json --count 3 --seed 1
        EXPECT_CODE 0 OUT out ERR err)
# Every answer "verified, 50 % sure": 3 cards, 2 lines each.
set(answers "1\n1\n1\n1\n1\n1\n")
foreach(take "Ada;pre" "Bob;pre" "Ada;post")
  list(GET take 0 pupil)
  list(GET take 1 form)
  run_cli(ARGS quiz take ${WORK_DIR}/${form}.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile ${pupil}
               --out ${WORK_DIR}/results/${pupil}-${form}.json --plain
          INPUT "${answers}" EXPECT_CODE 0 OUT out ERR err)
endforeach()
file(GLOB results ${WORK_DIR}/results/*.json)

run_cli(ARGS export-research ${results} --out ${WORK_DIR}/answers.csv --salt "class 7 secret"
        EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "Wrote 9 answers from 3 results files to ${WORK_DIR}/answers.csv")
file(STRINGS ${WORK_DIR}/answers.csv lines)
list(LENGTH lines line_count)
list(GET lines 0 first_line)
if(NOT first_line STREQUAL header)
  message(FATAL_ERROR "the header line is\n  ${first_line}\nnot\n  ${header}")
endif()
if(NOT line_count EQUAL 10)
  message(FATAL_ERROR "expected the header and 9 answers, got ${line_count} lines:\n${lines}")
endif()
file(READ ${WORK_DIR}/answers.csv csv)
foreach(name Ada Bob)
  string(FIND "${csv}" "${name}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the name ${name} is in the research export:\n${csv}")
  endif()
endforeach()
# Ada's pretest and posttest rows carry one id; Bob's another.
set(ids)
foreach(line ${lines})
  string(REGEX MATCH "^[0-9a-f]+" id "${line}")
  list(APPEND ids ${id})
endforeach()
list(REMOVE_DUPLICATES ids)
list(LENGTH ids id_count)
if(NOT id_count EQUAL 2)
  message(FATAL_ERROR "expected 2 learner ids (Ada and Bob), got ${id_count}:\n${csv}")
endif()

# Ada studies two cards in the same store, looking at the first one's hint;
# --data-dir adds those two rows, under her id, and not the store's copies
# of the quiz answers, which the results files already gave.
run_cli(ARGS study --plain --data-dir ${WORK_DIR}/data --profile Ada --deck ${DECK}
        INPUT "h\n1\n1\n\n2\n3\n\nq\n" EXPECT_CODE 0 OUT out ERR err)
run_cli(ARGS export-research ${results} --data-dir ${WORK_DIR}/data --out ${WORK_DIR}/with-study.csv
             --salt "class 7 secret" EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "Wrote 9 answers from 3 results files and 2 study answers of 1 learner to ${WORK_DIR}/with-study.csv")
file(STRINGS ${WORK_DIR}/with-study.csv study_lines)
list(LENGTH study_lines study_line_count)
if(NOT study_line_count EQUAL 12)
  message(FATAL_ERROR "expected the header, 9 quiz answers and 2 study answers, got:\n${study_lines}")
endif()
list(GET study_lines 1 first_quiz_row)
string(REGEX MATCH "^[0-9a-f]+" ada_id "${first_quiz_row}")  # Ada's pretest came first
list(GET study_lines 10 hinted_row)
list(GET study_lines 11 plain_row)
if(NOT hinted_row MATCHES "^${ada_id},[a-z0-9-]+,,study,[a-z]+,verified,50,[0-9]+,1,0,0,[0-9]+,[01],$" OR
   NOT plain_row MATCHES "^${ada_id},[a-z0-9-]+,,study,[a-z]+,contested,90,[0-9]+,0,0,0,[0-9]+,[01],$")
  message(FATAL_ERROR "Ada's study rows are not hers, with the hint on the first only:\n${hinted_row}\n${plain_row}")
endif()
# The store alone is enough.
run_cli(ARGS export-research --data-dir ${WORK_DIR}/data --out - --salt "class 7 secret" EXPECT_CODE 0 OUT out ERR err)
string(REGEX MATCHALL "\n" newlines "${out}")
list(LENGTH newlines row_count)
if(NOT row_count EQUAL 3)
  message(FATAL_ERROR "the store alone gave\n${out}\nnot the header and Ada's 2 study answers")
endif()

# The file is there: it is not replaced without --force.
run_cli(ARGS export-research ${results} --out ${WORK_DIR}/answers.csv --salt other EXPECT_CODE 1 OUT out ERR err)
expect_in("${err}" "answers.csv already exists")
file(READ ${WORK_DIR}/answers.csv unchanged)
if(NOT unchanged STREQUAL csv)
  message(FATAL_ERROR "the export was replaced without --force")
endif()
run_cli(ARGS export-research ${results} --out ${WORK_DIR}/answers.csv --salt "class 7 secret" --force
        EXPECT_CODE 0 OUT out ERR err)

# --out - writes the same CSV to stdout; without --salt the salt made is on stderr.
run_cli(ARGS export-research ${results} --out - --salt "class 7 secret" EXPECT_CODE 0 OUT out ERR err)
if(NOT out STREQUAL csv)
  message(FATAL_ERROR "--out - wrote\n${out}\nnot\n${csv}")
endif()
run_cli(ARGS export-research ${results} --out - EXPECT_CODE 0 OUT out ERR err)
expect_in("${err}" "No --salt given, so the learner ids were made with this one: ")

# A missing file is named and nothing is written.
run_cli(ARGS export-research ${results} ${WORK_DIR}/results/gone.json --out ${WORK_DIR}/partial.csv
        EXPECT_CODE 1 OUT out ERR err)
expect_in("${err}" "gone.json")
if(EXISTS ${WORK_DIR}/partial.csv)
  message(FATAL_ERROR "an export with a missing file wrote a file")
endif()
