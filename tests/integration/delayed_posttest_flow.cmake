# quiz pretest --out-c makes a third parallel form, the delayed posttest,
# that says when it is meant to be taken; a pupil takes all three forms with
# `quiz take --plain`, and `report` says whether what was learnt lasted, and
# how the pupil did on claims they had and had not studied.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

include(${CMAKE_CURRENT_LIST_DIR}/cli_flow_lib.cmake)

run_cli(ARGS quiz pretest --deck ${DECK} --out-a ${WORK_DIR}/a.json --out-b ${WORK_DIR}/b.json
             --out-c ${WORK_DIR}/c.json --days-after 10 --count 3 --seed 1
        EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "(delayed posttest, form C)\" (3 claims: 1 verified, 1 contested, 1 propaganda) to ${WORK_DIR}/c.json")
file(READ ${WORK_DIR}/c.json form_c)
expect_in("${form_c}" "\"form\": \"C\"")
expect_in("${form_c}" "\"days_after_post\": 10")

# Every answer "verified, 50 % sure": 3 cards, 2 lines each.
foreach(form a b c)
  run_cli(ARGS quiz take ${WORK_DIR}/${form}.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Ada
               --out ${WORK_DIR}/results/ada-${form}.json --plain
          INPUT "1\n1\n1\n1\n1\n1\n" EXPECT_CODE 0 OUT out ERR err)
endforeach()
expect_in("${out}" "A delayed posttest, meant for 10 days after the posttest: it shows what you still remember.")
file(READ ${WORK_DIR}/results/ada-c.json results_c)
expect_in("${results_c}" "\"days_after_post\": 10")

run_cli(ARGS report ${WORK_DIR}/results/ada-a.json ${WORK_DIR}/results/ada-b.json ${WORK_DIR}/results/ada-c.json
             --deck ${DECK}
        EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "Delayed posttest (form C): 1 pupil, 1 results file: 1 of 3 right")
# Ada never studied: every answer is to a claim she had not studied.
expect_in("${out}" "  Claims they had studied: none\n  Claims they had not studied: 33 % right")
# Ada's row in the pupils' table gives her delayed posttest after the change.
expect_in("${out}" "change  delayed\n")
if(NOT out MATCHES "\nAda +[0-9]+% +[0-9]+% +[-+]?[0-9]+ +33%\n")
  message(FATAL_ERROR "Ada's row should end with her delayed posttest, 33%:\n${out}")
endif()
expect_in("${out}" "The delayed posttest was taken 0 days after the posttest (meant: 10 days). Training had not made the class clearly better")
