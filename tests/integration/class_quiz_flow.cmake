# A teacher makes a quiz from the mini deck, two pupils take it with
# `quiz take --plain`, and `report` combines their results; a tampered copy is
# left out with its reason while the rest is still reported.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

include(${CMAKE_CURRENT_LIST_DIR}/cli_flow_lib.cmake)

run_cli(ARGS quiz create --deck ${DECK} --out ${WORK_DIR}/quiz.json --seed 1 --reveal at_end --title "Mini quiz"
        EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "Wrote \"Mini quiz\" (3 claims: 1 verified, 1 contested, 1 propaganda)")

# The right answer to each card, in the quiz's order: 1 verified, 2 contested, 3 propaganda.
file(READ ${WORK_DIR}/quiz.json quiz)
set(right_answers "")
foreach(i RANGE 2)
  string(JSON claim GET "${quiz}" claims ${i})
  if(claim STREQUAL "a-distance")
    string(APPEND right_answers "1\n3\n")
  elseif(claim STREQUAL "a-second")
    string(APPEND right_answers "2\n3\n")
  else()
    string(APPEND right_answers "3\n3\n")
  endif()
endforeach()

run_cli(ARGS quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Ada
             --out ${WORK_DIR}/ada.json --plain
        INPUT "${right_answers}" EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "You got 3 of 3 right.")
expect_in("${out}" "Results written to")
# --reveal at_end: no verdict or reason is shown before the last card.
string(FIND "${out}" "Why:" first_reason)
string(FIND "${out}" "The verdicts" verdicts_at)
if(verdicts_at EQUAL -1 OR first_reason LESS verdicts_at)
  message(FATAL_ERROR "a quiz revealed at the end showed a verdict before the end:\n${out}")
endif()
# --reveal after_each: each verdict straight after its card, no list at the end.
run_cli(ARGS quiz create --deck ${DECK} --out ${WORK_DIR}/quiz-each.json --seed 1 --reveal after_each
        EXPECT_CODE 0 OUT out ERR err)
run_cli(ARGS quiz take ${WORK_DIR}/quiz-each.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Eve
             --out ${WORK_DIR}/eve.json --plain
        INPUT "1\n3\n1\n3\n1\n3\n" EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "Why:")
string(FIND "${out}" "The verdicts" verdicts_at)
if(NOT verdicts_at EQUAL -1)
  message(FATAL_ERROR "a quiz revealed after each card listed the verdicts again at the end:\n${out}")
endif()
# Bob calls everything propaganda, 50 % sure.
run_cli(ARGS quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Bob
             --out ${WORK_DIR}/bob.json --plain
        INPUT "3\n1\n3\n1\n3\n1\n" EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "You got 1 of 3 right.")
# Quiz answers move a pupil's study schedule only with --count-towards-schedule.
run_cli(ARGS quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Dee
             --out ${WORK_DIR}/dee.json --plain --count-towards-schedule
        INPUT "${right_answers}" EXPECT_CODE 0 OUT out ERR err)
foreach(pupil_and_states "Ada;0" "Dee;3")
  list(GET pupil_and_states 0 pupil)
  list(GET pupil_and_states 1 expected_states)
  run_cli(ARGS export-progress --data-dir ${WORK_DIR}/data --profile ${pupil} --out ${WORK_DIR}/${pupil}-progress.json
          EXPECT_CODE 0 OUT out ERR err)
  file(READ ${WORK_DIR}/${pupil}-progress.json progress)
  string(JSON states LENGTH "${progress}" card_states)
  string(JSON answers LENGTH "${progress}" reviews)
  if(NOT states EQUAL expected_states OR NOT answers EQUAL 3)
    message(FATAL_ERROR "${pupil} has ${answers} answers and ${states} card states, expected 3 and ${expected_states}")
  endif()
endforeach()
# Quitting half-way writes no results.
run_cli(ARGS quiz take ${WORK_DIR}/quiz.json --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Cy
             --out ${WORK_DIR}/cy.json --plain
        INPUT "1\n2\nq\n" EXPECT_CODE 1 OUT out ERR err)
expect_in("${err}" "claimdeck-cli quiz take: quiz stopped after 1 of 3 cards; no results written")
if(EXISTS ${WORK_DIR}/cy.json)
  message(FATAL_ERROR "a quiz that was quit must not leave a results file")
endif()

run_cli(ARGS report ${WORK_DIR}/ada.json ${WORK_DIR}/bob.json --csv ${WORK_DIR}/class.csv
             --html ${WORK_DIR}/class.html
        EXPECT_CODE 0 OUT out ERR err)
expect_in("${out}" "2 pupils, 2 results files: 4 of 6 right (67 %)")
# One file per table, beside the name given.
expect_in("${out}" "Wrote ${WORK_DIR}/class-claims.csv")
file(READ ${WORK_DIR}/class-claims.csv csv)
expect_in("${csv}" "a-heroes,propaganda,2,2,1.000,0,,0")
expect_in("${csv}" "a-distance,verified,2,1,0.500,0,propaganda,1")
file(READ ${WORK_DIR}/class-pupils.csv csv)
expect_in("${csv}" "file,pupil,learner id,form,")
if(EXISTS ${WORK_DIR}/class.csv)
  message(FATAL_ERROR "the CSV export wrote its tables into one file")
endif()
file(READ ${WORK_DIR}/class.html html)
expect_in("${html}" "<svg")

# Bob turns a wrong answer into the right one: the checksum gives him away.
file(READ ${WORK_DIR}/bob.json bob)
foreach(i RANGE 2)
  string(JSON truth GET "${bob}" answers ${i} truth)
  if(NOT truth STREQUAL "propaganda")
    string(JSON bob SET "${bob}" answers ${i} picked "\"${truth}\"")
    break()
  endif()
endforeach()
file(WRITE ${WORK_DIR}/bob-edited.json "${bob}")
run_cli(ARGS report ${WORK_DIR}/ada.json ${WORK_DIR}/bob-edited.json EXPECT_CODE 1 OUT out ERR err)
expect_in("${err}" "bob-edited.json: left out: field \"checksum\": does not match the rest of the file")
expect_in("${out}" "1 pupil, 1 results file: 3 of 3 right (100 %)")
