# Tests that run the real claimdeck-cli binary.
set(MINI_DECK ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json)
set(BUNDLED_DECK ${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json)

add_test(NAME "cli: the bundled deck validates"
         COMMAND claimdeck-cli validate ${BUNDLED_DECK})
set_tests_properties("cli: the bundled deck validates" PROPERTIES PASS_REGULAR_EXPRESSION ": ok, [0-9]+ claims")

add_test(NAME "cli: a broken deck lists its problems and exits 1"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli>
                 -DSOURCE_DECK=${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/broken-deck
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/validate_broken_deck.cmake)

add_test(NAME "cli: answers from study --plain show up in stats --json"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${MINI_DECK}
                 -DDATA_DIR=${CMAKE_CURRENT_BINARY_DIR}/study-data
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/study_then_stats.cmake)

add_test(NAME "cli: export writes ClaimReview JSON-LD"
         COMMAND claimdeck-cli export --format claimreview ${MINI_DECK})
set_tests_properties("cli: export writes ClaimReview JSON-LD" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"@type\": \"ClaimReview\".*\"alternateName\": \"propaganda\".*\"headline\": \"Headline A\".*\"name\": \"A. Writer\"")

add_test(NAME "cli: an unknown option exits 2" COMMAND claimdeck-cli stats --data-dir x --colour)
set_tests_properties("cli: an unknown option exits 2" PROPERTIES
  PASS_REGULAR_EXPRESSION "claimdeck-cli stats: unknown option --colour")
add_test(NAME "cli: --version" COMMAND claimdeck-cli --version)
set_tests_properties("cli: --version" PROPERTIES PASS_REGULAR_EXPRESSION "^claimdeck-cli [0-9]+\\.[0-9]+\\.[0-9]+")

# replay --retention takes the one range of the desired-retention setting
# (learning/study_settings.hpp): both bounds are accepted, just outside is a
# usage error.
set(REPLAY_INPUT ${CMAKE_CURRENT_SOURCE_DIR}/../data/fsrs/replay-input.csv)
add_exit_test(NAME "cli: replay accepts the lowest desired retention" CODE 0 OUTPUT "^card,reviewed_at"
              COMMAND $<TARGET_FILE:claimdeck-cli> replay --retention 0.70 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay accepts the highest desired retention" CODE 0 OUTPUT "^card,reviewed_at"
              COMMAND $<TARGET_FILE:claimdeck-cli> replay --retention 0.97 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay refuses a desired retention below the range and exits 2" CODE 2
              OUTPUT "--retention must be a number from 0.7"
              COMMAND $<TARGET_FILE:claimdeck-cli> replay --retention 0.69 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay refuses a desired retention above the range and exits 2" CODE 2
              OUTPUT "--retention must be a number from 0.7"
              COMMAND $<TARGET_FILE:claimdeck-cli> replay --retention 0.98 ${REPLAY_INPUT})
