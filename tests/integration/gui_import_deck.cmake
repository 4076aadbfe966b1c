# A package handed out by a teacher, opened as `claimdeck FILE.claimdeck` on
# a second machine (a fresh data folder): it is installed in that folder's
# library, studied at once and again at the next start. --deck PATH adds
# nothing to the library.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=<another deck> -DPACKAGE_DECK=... -DWINDOW=WxH -DWORK_DIR=...
#         -P gui_import_deck.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(data ${WORK_DIR}/second-machine)
execute_process(COMMAND ${CLI} deck pack ${PACKAGE_DECK} --out ${WORK_DIR}/mini.claimdeck RESULT_VARIABLE packed)
if(NOT packed EQUAL 0)
  message(FATAL_ERROR "deck pack exited ${packed}")
endif()

# Imported from the command line, then studied: the card is one of its claims.
run_claimdeck(report ${WORK_DIR}/mini.claimdeck --data-dir ${data} --profile Pupil --screen card
              --window ${WINDOW} --quit-after-frames 3 --screenshot ${WORK_DIR}/imported-card.png)
expect_screen("${report}" card)
if(NOT report MATCHES "claim: a-")
  message(FATAL_ERROR "the card shown is not one of the imported deck's claims")
endif()
file(GLOB library_decks RELATIVE ${data}/library ${data}/library/*)
if(NOT library_decks STREQUAL "mini")
  message(FATAL_ERROR "the library holds '${library_decks}', expected only the imported deck (--deck adds nothing)")
endif()

# The next start, without --deck, studies it again (the bundled deck's
# claims have other ids).
execute_process(
  COMMAND bash ${VIRTUAL_SCREEN} 1920x1080 ${CLAIMDECK} --data-dir ${data} --profile Pupil --screen card
          --window ${WINDOW} --quit-after-frames 3 --screenshot ${WORK_DIR}/second-start.png
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE report ERROR_VARIABLE errors)
if(NOT exit_code EQUAL 0 OR NOT report MATCHES "claim: a-")
  message(FATAL_ERROR "the second start did not study the imported deck (exit ${exit_code}):\n${report}${errors}")
endif()
