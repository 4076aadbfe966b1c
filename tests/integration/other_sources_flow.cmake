# quiz create --other-sources required: `quiz take --plain` refuses a
# verdict until the pupil has searched the other sources ("s WORDS"), the
# results file says what each answer's pupil consulted, and `report` splits
# the answers by it.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

include(${CMAKE_CURRENT_LIST_DIR}/cli_flow_lib.cmake)

run_cli(ARGS quiz create --deck ${DECK} --out ${WORK_DIR}/quiz.json --count 2 --seed 1 --other-sources required
        EXPECT_CODE 0 OUT out ERR err)
file(READ ${WORK_DIR}/quiz.json quiz)
expect_in("${quiz}" "\"other_sources\": \"required\"")

# Card 1: a verdict first (refused), then a search, then "verified, 50 % sure".
# Card 2: a search with no words (not a search), then one, then the answer.
run_cli(ARGS quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Ada
             --out ${WORK_DIR}/ada.json --plain
        INPUT "1\ns Taliban\n1\n1\ns\ns valley\n1\n1\n" EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "This quiz asks you to check the other sources before each answer: s and a word or two.")
expect_in("${out}" "Check the other sources first: type s and a word or two, e.g. s Khawak Pass.")
expect_in("${out}" "Type s and a word or two, e.g. s Khawak Pass.")
file(READ ${WORK_DIR}/ada.json results)
expect_in("${results}" "\"format_version\": 4,")
string(REGEX MATCHALL "\"lateral_searches\": 1," searched "${results}")
list(LENGTH searched searched_answers)
if(NOT searched_answers EQUAL 2)
  message(FATAL_ERROR "each of the 2 answers should follow one search:\n${results}")
endif()

run_cli(ARGS report ${WORK_DIR}/ada.json --deck ${DECK} EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "  After checking other sources: ")
expect_in("${out}" "(2 answers)\n  Without checking other sources: none\n")
