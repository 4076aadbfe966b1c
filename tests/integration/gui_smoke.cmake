# Runs the real claimdeck binary under a virtual X server, then checks what
# it reported and the screenshot it wrote.
#
#   cmake -DCLAIMDECK=... -DPNG_CHECK=... -DDECK=... -DWINDOW=WxH -DWORK_DIR=... -P gui_smoke.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(screenshot ${WORK_DIR}/screen.png)
run_claimdeck(report --data-dir ${WORK_DIR}/data --profile Test --quit-after-frames 5 --screenshot ${screenshot}
              --window ${WINDOW})
if(NOT EXISTS ${WORK_DIR}/data/progress.sqlite)
  message(FATAL_ERROR "no progress store was created in the data folder")
endif()

# The app reports the card it showed; it must be a claim of the deck.
expect_screen("${report}" card)
if(NOT report MATCHES "claim: ([^:\n]+): ([^\n]+)\nclaim-box: ([0-9]+) ([0-9]+) ([0-9]+) ([0-9]+)")
  message(FATAL_ERROR "the app did not report the claim it drew")
endif()
set(claim_id ${CMAKE_MATCH_1})
set(claim_text ${CMAKE_MATCH_2})
set(box ${CMAKE_MATCH_3} ${CMAKE_MATCH_4} ${CMAKE_MATCH_5} ${CMAKE_MATCH_6})
file(READ ${DECK} deck_json)
string(FIND "${deck_json}" "\"id\": \"${claim_id}\"" id_at)
string(FIND "${deck_json}" "\"text\": \"${claim_text}\"" text_at)
if(id_at EQUAL -1 OR text_at EQUAL -1)
  message(FATAL_ERROR "the reported claim ${claim_id} (${claim_text}) is not in ${DECK}")
endif()
if(NOT report MATCHES "text-colour: (#[0-9a-f]+)")
  message(FATAL_ERROR "the app did not report its text colour")
endif()
set(text_colour ${CMAKE_MATCH_1})

execute_process(COMMAND ${PNG_CHECK} ${screenshot} --text-in ${box} --text-colour ${text_colour}
                RESULT_VARIABLE check_code)
if(NOT check_code EQUAL 0)
  message(FATAL_ERROR "the screenshot ${screenshot} failed its checks")
endif()
