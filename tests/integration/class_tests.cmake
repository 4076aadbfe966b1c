# Classroom features through the real claimdeck-cli: quiz create, quiz take
# --plain and report.
add_test(NAME "class: quiz create, quiz take --plain and report, with a tampered file left out"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli>
                 -DDECK=${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/class-flow
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/class_quiz_flow.cmake)

add_test(NAME "class: quiz pretest forms show the verdicts at the end unless --reveal after_each"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/pretest-reveal -P ${CMAKE_CURRENT_SOURCE_DIR}/pretest_reveal.cmake)

add_exit_test(NAME "class: quiz pretest on a deck too small for two forms says why and exits 1" CODE 1
              OUTPUT "claimdeck-cli quiz pretest: asked for 10 but only 0 pairs of claims"
              COMMAND $<TARGET_FILE:claimdeck-cli> quiz pretest
                      --deck ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                      --out-a ${CMAKE_CURRENT_BINARY_DIR}/never-a.json --out-b ${CMAKE_CURRENT_BINARY_DIR}/never-b.json)

add_exit_test(NAME "class: report without files is a usage error and exits 2" CODE 2
              OUTPUT "claimdeck-cli report: missing RESULTS files"
              COMMAND $<TARGET_FILE:claimdeck-cli> report --csv x.csv)

add_test(NAME "class: export-research writes one row per answer, pupils by salted id only"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/research-export
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/research_export_flow.cmake)

add_exit_test(NAME "class: export-research with an unknown option is a usage error and exits 2" CODE 2
              OUTPUT "claimdeck-cli export-research: unknown option --nmaes"
              COMMAND $<TARGET_FILE:claimdeck-cli> export-research a.json --out x.csv --nmaes)

add_test(NAME "class: quiz pretest --out-c makes a delayed posttest, and the report says whether learning lasted"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/delayed-posttest
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/delayed_posttest_flow.cmake)

add_exit_test(NAME "class: quiz pretest --days-after without --out-c is a usage error and exits 2" CODE 2
              OUTPUT "claimdeck-cli quiz pretest: --days-after is for the delayed posttest: add --out-c FILE for it"
              COMMAND $<TARGET_FILE:claimdeck-cli> quiz pretest --deck ${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                      --out-a ${CMAKE_CURRENT_BINARY_DIR}/never-a.json --out-b ${CMAKE_CURRENT_BINARY_DIR}/never-b.json
                      --days-after 7)

add_exit_test(NAME "class: quiz pretest with one file for forms A and C exits 2" CODE 2
              OUTPUT "claimdeck-cli quiz pretest: --out-a and --out-c name the same file"
              COMMAND $<TARGET_FILE:claimdeck-cli> quiz pretest --deck ${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                      --out-a ${CMAKE_CURRENT_BINARY_DIR}/same.json --out-b ${CMAKE_CURRENT_BINARY_DIR}/never-b.json
                      --out-c ${CMAKE_CURRENT_BINARY_DIR}/same.json)

add_test(NAME "class: a quiz that requires the other sources takes no verdict before a search, and the report splits by it"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/other-sources
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/other_sources_flow.cmake)

add_exit_test(NAME "class: quiz create --other-sources with an unknown rule is a usage error and exits 2" CODE 2
              OUTPUT "claimdeck-cli quiz create: --other-sources must be off, offered or required, not \"always\""
              COMMAND $<TARGET_FILE:claimdeck-cli> quiz create --deck ${CLAIMDECK_CONTENT_DIR}/decks/panjshir-2021.json
                      --out ${CMAKE_CURRENT_BINARY_DIR}/never.json --other-sources always)
