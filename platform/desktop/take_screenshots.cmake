# Takes a screenshot of every screen at phone and desktop sizes, for
# docs/screenshots. Each shot starts from a fresh data folder; scripted
# answers (--demo-answers) fill in the reveal, statistics and article reader,
# and the class quiz screens take two quizzes made here with claimdeck-cli.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=... -DOUT=docs/screenshots -DWORK_DIR=... -P take_screenshots.cmake
# or: cmake --build build --target screenshots
find_program(XVFB_RUN xvfb-run REQUIRED)

# A fixed seed, so the quizzes and their screenshots repeat.
function(make_quiz file)
  execute_process(COMMAND ${CLI} quiz create --deck ${DECK} --out ${file} --count 6 --seed 1 ${ARGN}
                  RESULT_VARIABLE exit_code OUTPUT_QUIET)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "claimdeck-cli quiz create ${file} failed (exit ${exit_code})")
  endif()
endfunction()
file(MAKE_DIRECTORY ${WORK_DIR})
set(quiz ${WORK_DIR}/week-3.json)
set(timed_quiz ${WORK_DIR}/week-3-timed.json)
make_quiz(${quiz} --title "Week 3")
make_quiz(${timed_quiz} --title "Week 3 test" --time-limit 30 --reveal at_end)

# name: the options that open that screen
set(shots
  "home:"
  "card: --profile Ana"
  "reveal: --profile Ana --demo-answers 2"
  "done: --profile Ana --screen done"
  "article: --profile Ana --demo-answers 3 --screen article"
  "stats: --profile Ana --demo-answers 12 --screen stats"
  "settings: --profile Ana --screen settings"
  "class-quiz: --quiz ${quiz}"
  "quiz: --profile Ana --quiz ${timed_quiz}"
  "quiz-reveal: --profile Ana --quiz ${quiz} --demo-answers 2"
  "quiz-end: --profile Ana --quiz ${timed_quiz} --demo-answers 6")

file(MAKE_DIRECTORY ${OUT})
foreach(size 390x844 1600x1000)
  foreach(shot ${shots})
    string(REGEX MATCH "^([a-z-]+):(.*)$" ignored "${shot}")
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
