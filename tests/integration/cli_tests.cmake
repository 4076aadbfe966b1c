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

# audit-cues: a deck whose cards give their verdict away is flagged (exit 1);
# one with the same texts under every verdict is not (exit 0).
set(BALANCED_DECK ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/balanced.json)
add_exit_test(NAME "cli: audit-cues flags the cues that give the mini deck's verdicts away and exits 1" CODE 1
              OUTPUT "! digits +1/1 100 % +0/1   0 % +0/1   0 % +100.0\n.*! attribution verb \"say\" .*Flagged: 5 cues\\."
              COMMAND $<TARGET_FILE:claimdeck-cli> audit-cues ${MINI_DECK})
add_exit_test(NAME "cli: audit-cues passes a deck with the same texts under every verdict and exits 0" CODE 0
              OUTPUT "6 cards: 2 verified, 2 contested, 2 propaganda.*Nothing flagged"
              COMMAND $<TARGET_FILE:claimdeck-cli> audit-cues ${BALANCED_DECK})
add_exit_test(NAME "cli: audit-cues --json reports each cue and the classifier" CODE 1
              OUTPUT "\"kind\": \"digits\".*\"classifier\": {.*\"baseline_percent\": 33\\.3.*\"flagged\": true\n}"
              COMMAND $<TARGET_FILE:claimdeck-cli> audit-cues --json ${MINI_DECK})
add_exit_test(NAME "cli: audit-cues --help exits 0" CODE 0 OUTPUT "^Usage: claimdeck-cli audit-cues DECK \\[--json\\]"
              COMMAND $<TARGET_FILE:claimdeck-cli> audit-cues --help)
add_exit_test(NAME "cli: audit-cues without a deck exits 2" CODE 2 OUTPUT "audit-cues: missing DECK"
              COMMAND $<TARGET_FILE:claimdeck-cli> audit-cues)
