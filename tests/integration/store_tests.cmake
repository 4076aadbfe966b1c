# Tests of the progress store through the real binaries.

# claimdeck-cli study, killed with SIGKILL at random moments, never loses an
# answer it reported saved.
add_executable(crash_test ${CMAKE_CURRENT_SOURCE_DIR}/crash_test.cpp)
target_link_libraries(crash_test PRIVATE claimdeck_core claimdeck_warnings)
add_dependencies(crash_test claimdeck-cli)
add_test(NAME "crash: study killed at random moments keeps every answer it reported saved"
         COMMAND crash_test $<TARGET_FILE:claimdeck-cli> ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck
                 ${CMAKE_CURRENT_BINARY_DIR}/crash-test)
set_tests_properties("crash: study killed at random moments keeps every answer it reported saved"
                     PROPERTIES TIMEOUT 60)

add_test(NAME "progress: backup, restore, export-progress and import-progress from the command line"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli>
                 -DDECK=${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/mini.json
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/progress-cli
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/progress_commands.cmake)
