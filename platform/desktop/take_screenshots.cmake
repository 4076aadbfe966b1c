# Takes a screenshot of every screen at phone and desktop sizes, for
# docs/screenshots. Each shot starts from a fresh data folder; scripted
# answers (--demo-answers) fill in the reveal, statistics and article reader.
#
#   cmake -DCLAIMDECK=... -DDECK=... -DOUT=docs/screenshots -DWORK_DIR=... -P take_screenshots.cmake
# or: cmake --build build --target screenshots
find_program(XVFB_RUN xvfb-run REQUIRED)

# name: the options that open that screen
set(shots
  "home:"
  "card: --profile Ana"
  "reveal: --profile Ana --demo-answers 2"
  "done: --profile Ana --screen done"
  "article: --profile Ana --demo-answers 3 --screen article"
  "stats: --profile Ana --demo-answers 12 --screen stats"
  "settings: --profile Ana --screen settings")

file(MAKE_DIRECTORY ${OUT})
foreach(size 390x844 1600x1000)
  foreach(shot ${shots})
    string(REGEX MATCH "^([a-z]+):(.*)$" ignored "${shot}")
    set(name ${CMAKE_MATCH_1})
    separate_arguments(options UNIX_COMMAND "${CMAKE_MATCH_2}")
    set(data ${WORK_DIR}/${name}-${size})
    file(REMOVE_RECURSE ${data})
    execute_process(
      COMMAND ${XVFB_RUN} -a -s "-screen 0 2600x1600x24"
              ${CLAIMDECK} --deck ${DECK} --data-dir ${data} --window ${size} --quit-after-frames 6
                           --screenshot ${OUT}/${name}-${size}.png ${options}
      RESULT_VARIABLE exit_code OUTPUT_QUIET)
    if(NOT exit_code EQUAL 0)
      message(FATAL_ERROR "the ${name} screenshot at ${size} failed (exit ${exit_code})")
    endif()
    message(STATUS "${OUT}/${name}-${size}.png")
  endforeach()
endforeach()
