# Tests that run the real claimdeck-cli binary: CLI, or the one this build
# makes. (The Windows build sets CLI to claimdeck-cli.exe under Wine.)
if(NOT DEFINED CLI)
  set(CLI $<TARGET_FILE:claimdeck-cli>)
endif()
set(MINI_DECK ${CMAKE_CURRENT_LIST_DIR}/../data/mini-deck/decks/mini.json)
set(BUNDLED_DECK ${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json)

add_exit_test(NAME "cli: the bundled deck validates" CODE 0 OUTPUT ": ok, [0-9]+ claims"
              COMMAND ${CLI} validate ${BUNDLED_DECK})

add_test(NAME "cli: a broken deck lists its problems and exits 1"
         COMMAND ${CMAKE_COMMAND} -DCLI=${CLI}
                 -DSOURCE_DECK=${CMAKE_CURRENT_LIST_DIR}/../data/mini-deck
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/broken-deck
                 -P ${CMAKE_CURRENT_LIST_DIR}/validate_broken_deck.cmake)

add_test(NAME "cli: answers from study --plain show up in stats --json"
         COMMAND ${CMAKE_COMMAND} -DCLI=${CLI} -DDECK=${MINI_DECK}
                 -DDATA_DIR=${CMAKE_CURRENT_BINARY_DIR}/study-data
                 -P ${CMAKE_CURRENT_LIST_DIR}/study_then_stats.cmake)

add_exit_test(NAME "cli: export writes ClaimReview JSON-LD" CODE 0
  OUTPUT "\"@type\": \"ClaimReview\".*\"alternateName\": \"propaganda\".*\"headline\": \"Headline A\".*\"name\": \"A. Writer\""
  COMMAND ${CLI} export --format claimreview ${MINI_DECK})

add_exit_test(NAME "cli: --version" CODE 0 OUTPUT "^claimdeck-cli [0-9]+\\.[0-9]+\\.[0-9]+"
              COMMAND ${CLI} --version)

# Usage errors exit 2, runtime failures 1: a script can tell misuse from a
# failure only by the code, so every case here asserts it.
add_exit_test(NAME "cli: an unknown option exits 2" CODE 2 OUTPUT "claimdeck-cli stats: unknown option --colour"
              COMMAND ${CLI} stats --data-dir x --colour)
add_exit_test(NAME "cli: an unknown command exits 2" CODE 2 OUTPUT "claimdeck-cli: unknown command \"frobnicate\""
              COMMAND ${CLI} frobnicate)
add_exit_test(NAME "cli: no command at all prints the usage and exits 2" CODE 2 OUTPUT "Usage: claimdeck-cli COMMAND"
              COMMAND ${CLI})
add_exit_test(NAME "cli: an option without its value exits 2" CODE 2 OUTPUT "claimdeck-cli replay: --retention needs a value"
              COMMAND ${CLI} replay reviews.csv --retention)
add_exit_test(NAME "cli: a missing file is a runtime failure and exits 1" CODE 1
              OUTPUT "no-such-file.csv: cannot be opened"
              COMMAND ${CLI} replay ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.csv)

# Numeric options: refused past either bound with the range in whole numbers
# where the range is whole; a value on the bound gets past the check (and
# fails later for another reason, or succeeds).
set(QUIZ_OUT ${CMAKE_CURRENT_BINARY_DIR}/numeric-options-quiz.json)
foreach(count 100000 1e12 0 nan)
  add_exit_test(NAME "cli: quiz create --count ${count} is out of range and exits 2" CODE 2
                OUTPUT "--count must be a number from 1 to 10000, not \"${count}\""
                COMMAND ${CLI} quiz create --deck ${MINI_DECK} --out ${QUIZ_OUT} --count ${count})
endforeach()
add_exit_test(NAME "cli: quiz create --count 10000 is in the range, more than the deck holds, and exits 1" CODE 1
              OUTPUT "claimdeck-cli quiz create: asked for 10000"
              COMMAND ${CLI} quiz create --deck ${MINI_DECK} --out ${QUIZ_OUT} --count 10000)
add_exit_test(NAME "cli: quiz create --count 2.5 is not a whole number and exits 2" CODE 2
              OUTPUT "--count must be a whole number"
              COMMAND ${CLI} quiz create --deck ${MINI_DECK} --out ${QUIZ_OUT} --count 2.5)
add_exit_test(NAME "cli: quiz create --time-limit 99999 is out of range and exits 2" CODE 2
              OUTPUT "--time-limit must be a number from 0 to 3600, not \"99999\""
              COMMAND ${CLI} quiz create --deck ${MINI_DECK} --out ${QUIZ_OUT} --time-limit 99999)
add_exit_test(NAME "cli: quiz create --time-limit 3600 is in the range" CODE 0 OUTPUT "Wrote \"Mini deck\" \\(3 claims"
              COMMAND ${CLI} quiz create --deck ${MINI_DECK} --out ${QUIZ_OUT} --time-limit 3600)
add_exit_test(NAME "cli: quiz pretest --count 100000 is out of range and exits 2" CODE 2
              OUTPUT "--count must be a number from 1 to 10000, not \"100000\""
              COMMAND ${CLI} quiz pretest --deck ${MINI_DECK} --out-a a.json --out-b b.json --count 100000)

# audit-cues: a deck whose cards give their verdict away is flagged (exit 1);
# one with the same texts under every verdict is not (exit 0).
set(BALANCED_DECK ${CMAKE_CURRENT_LIST_DIR}/../data/mini-deck/decks/balanced.json)
add_exit_test(NAME "cli: audit-cues flags the cues that give the mini deck's verdicts away and exits 1" CODE 1
              OUTPUT "! digits +1/1 100 % +0/1   0 % +0/1   0 % +100.0\n.*! attribution verb \"say\" .*Flagged: 5 cues\\."
              COMMAND ${CLI} audit-cues ${MINI_DECK})
add_exit_test(NAME "cli: audit-cues passes a deck with the same texts under every verdict and exits 0" CODE 0
              OUTPUT "6 cards: 2 verified, 2 contested, 2 propaganda.*Nothing flagged"
              COMMAND ${CLI} audit-cues ${BALANCED_DECK})
add_exit_test(NAME "cli: audit-cues --json reports each cue and the classifier" CODE 1
              OUTPUT "\"kind\": \"digits\".*\"classifier\": {.*\"baseline_percent\": 33\\.3.*\"flagged\": true\n}"
              COMMAND ${CLI} audit-cues --json ${MINI_DECK})
add_exit_test(NAME "cli: audit-cues --help exits 0" CODE 0 OUTPUT "^Usage: claimdeck-cli audit-cues DECK \\[--json\\]"
              COMMAND ${CLI} audit-cues --help)
add_exit_test(NAME "cli: audit-cues without a deck exits 2" CODE 2 OUTPUT "audit-cues: missing DECK"
              COMMAND ${CLI} audit-cues)

# replay --retention takes the one range of the desired-retention setting
# (learning/study_settings.hpp): both bounds are accepted, just outside is a
# usage error.
set(REPLAY_INPUT ${CMAKE_CURRENT_LIST_DIR}/../data/fsrs/replay-input.csv)
add_exit_test(NAME "cli: replay accepts the lowest desired retention" CODE 0 OUTPUT "^card,reviewed_at"
              COMMAND ${CLI} replay --retention 0.70 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay accepts the highest desired retention" CODE 0 OUTPUT "^card,reviewed_at"
              COMMAND ${CLI} replay --retention 0.97 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay refuses a desired retention below the range and exits 2" CODE 2
              OUTPUT "--retention must be a number from 0.7 to 0.97, not \"0.69\""
              COMMAND ${CLI} replay --retention 0.69 ${REPLAY_INPUT})
add_exit_test(NAME "cli: replay refuses a desired retention above the range and exits 2" CODE 2
              OUTPUT "--retention must be a number from 0.7 to 0.97, not \"0.98\""
              COMMAND ${CLI} replay --retention 0.98 ${REPLAY_INPUT})

# Deck authoring: deck new, check, spans, import-csv, import-claimreview.
add_test(NAME "cli: deck new, import-csv, import-claimreview, export and spans work one after another"
         COMMAND ${CMAKE_COMMAND} -DCLI=${CLI} -DDATA=${CMAKE_CURRENT_LIST_DIR}/../data/import
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/deck-authoring
                 -P ${CMAKE_CURRENT_LIST_DIR}/deck_authoring_flow.cmake)
foreach(action new check spans import-csv import-claimreview)
  add_exit_test(NAME "cli: deck ${action} --help exits 0" CODE 0 OUTPUT "^Usage: claimdeck-cli deck ${action}"
                COMMAND ${CLI} deck ${action} --help)
endforeach()
add_exit_test(NAME "cli: deck --help lists its actions" CODE 0 OUTPUT "deck new ID.*deck import-claimreview FILE"
              COMMAND ${CLI} deck --help)
add_exit_test(NAME "cli: deck new with an id that is not kebab-case exits 2" CODE 2
              OUTPUT "the id \"My Deck\" must be lower-case kebab-case"
              COMMAND ${CLI} deck new "My Deck" --title T --out ${CMAKE_CURRENT_BINARY_DIR}/never)
add_exit_test(NAME "cli: deck check without a deck exits 2" CODE 2 OUTPUT "missing DECK"
              COMMAND ${CLI} deck check)
add_exit_test(NAME "cli: deck check --min-claims 2.5 exits 2" CODE 2 OUTPUT "--min-claims must be a whole number"
              COMMAND ${CLI} deck check ${MINI_DECK} --min-claims 2.5)
add_exit_test(NAME "cli: deck check names each house-style problem with its place and exits 1" CODE 1
              OUTPUT "mini.json: deck: 3 claims, fewer than 48.*house-style problem"
              COMMAND ${CLI} deck check ${MINI_DECK} --min-claims 48)
add_exit_test(NAME "cli: deck import-csv of a missing file exits 1 naming it" CODE 1
              OUTPUT "no-such.csv does not exist or is not a file"
              COMMAND ${CLI} deck import-csv ${CMAKE_CURRENT_BINARY_DIR}/no-such.csv --out ${CMAKE_CURRENT_BINARY_DIR}/never)
add_exit_test(NAME "cli: deck import-claimreview of a file that is not JSON exits 1 naming the place" CODE 1
              OUTPUT "valley.txt: line 1, column [0-9]+"
              COMMAND ${CLI} deck import-claimreview ${CMAKE_CURRENT_LIST_DIR}/../data/import/valley.txt
                      --out ${CMAKE_CURRENT_BINARY_DIR}/never --accept-mapping)
add_exit_test(NAME "cli: deck import-claimreview with both --accept-mapping and --mapping exits 2" CODE 2
              OUTPUT "--accept-mapping and --mapping exclude each other"
              COMMAND ${CLI} deck import-claimreview x.json --out y --accept-mapping --mapping m.txt)
