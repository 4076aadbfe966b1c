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

# restore never moves the store from under a running ClaimDeck: flock(1)
# holds the data folder's lock as an open app window does.
set(restore_while_open_dir ${CMAKE_CURRENT_BINARY_DIR}/restore-while-open)
file(MAKE_DIRECTORY ${restore_while_open_dir})
add_exit_test(NAME "progress: restore refuses while ClaimDeck has the store open" CODE 1
              OUTPUT "Close ClaimDeck first"
              COMMAND flock --shared ${restore_while_open_dir}/progress.lock $<TARGET_FILE:claimdeck-cli> restore
                      ${restore_while_open_dir}/some-backup.sqlite --data-dir ${restore_while_open_dir})
