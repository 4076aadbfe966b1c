# Classroom features through the real claimdeck-cli: quiz create, quiz take
# --plain and report.
add_test(NAME "class: quiz create, quiz take --plain and report, with a tampered file left out"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli>
                 -DDECK=${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/class-flow
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/class_quiz_flow.cmake)

add_test(NAME "class: quiz pretest on a deck too small for two forms says why"
         COMMAND claimdeck-cli quiz pretest --deck ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                 --out-a ${CMAKE_CURRENT_BINARY_DIR}/never-a.json --out-b ${CMAKE_CURRENT_BINARY_DIR}/never-b.json)
set_tests_properties("class: quiz pretest on a deck too small for two forms says why" PROPERTIES
  PASS_REGULAR_EXPRESSION "claimdeck-cli quiz pretest: asked for 10 but only 0 pairs of claims")

add_test(NAME "class: report without files is a usage error" COMMAND claimdeck-cli report --csv x.csv)
set_tests_properties("class: report without files is a usage error" PROPERTIES
  PASS_REGULAR_EXPRESSION "claimdeck-cli report: missing RESULTS files")
