# Runs the real claimdeck binary under a virtual X server, then checks what
# it reported and the screenshot it wrote. A missing xvfb-run is a failure,
# not a skip: the README's test command installs it.
#
#   cmake -DCLAIMDECK=... -DPNG_CHECK=... -DDECK=... -DWINDOW=WxH -DWORK_DIR=... -P gui_smoke.cmake
find_program(XVFB_RUN xvfb-run)
if(NOT XVFB_RUN)
  message(FATAL_ERROR "xvfb-run was not found: install it (Debian: apt-get install xvfb) to run the GUI tests")
endif()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(screenshot ${WORK_DIR}/screen.png)
execute_process(
  COMMAND ${XVFB_RUN} -a -s "-screen 0 1920x1080x24"
          ${CLAIMDECK} --deck ${DECK} --data-dir ${WORK_DIR}/data --profile Test
                       --quit-after-frames 5 --screenshot ${screenshot} --window ${WINDOW}
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE report ERROR_VARIABLE errors)
message("${report}${errors}")
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "claimdeck exited with ${exit_code}")
endif()
if(NOT EXISTS ${WORK_DIR}/data/progress.sqlite)
  message(FATAL_ERROR "no progress store was created in the data folder")
endif()

# The app reports the card it showed; it must be a claim of the deck.
if(NOT report MATCHES "screen: card\n")
  message(FATAL_ERROR "the app did not open on a card")
endif()
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
