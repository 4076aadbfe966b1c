# claimdeck-cli's conventions (issue 14, section 4; reliability report 3.10,
# 4.2, 4.4, 4.6, 4.7, 4.9): --help exits 0 with the command's usage on
# standard output, usage errors exit 2 on standard error, runtime failures
# exit 1 with the "claimdeck-cli COMMAND:" prefix. `sh -c "... 2>/dev/null"`
# keeps only standard output, `2>&1 >/dev/null` only standard error.
set(CLI $<TARGET_FILE:claimdeck-cli>)
set(CONVENTIONS_DIR ${CMAKE_CURRENT_BINARY_DIR}/cli-conventions)
set(ESCAPES_DECK ${CMAKE_CURRENT_SOURCE_DIR}/../data/mini-deck/decks/escapes.json)

# Every command and action: COMMAND --help and help COMMAND.
foreach(command validate export study stats replay backup restore export-progress import-progress report
                export-research "quiz create" "quiz pretest" "quiz take")
  add_exit_test(NAME "cli: ${command} --help prints its usage on stdout and exits 0" CODE 0
                OUTPUT "^Usage: claimdeck-cli ${command} "
                COMMAND sh -c "${CLI} ${command} --help 2>/dev/null")
  add_exit_test(NAME "cli: help ${command} prints its usage on stdout and exits 0" CODE 0
                OUTPUT "^Usage: claimdeck-cli ${command} "
                COMMAND sh -c "${CLI} help ${command} 2>/dev/null")
endforeach()
add_exit_test(NAME "cli: quiz --help lists the usage of every quiz action on stdout" CODE 0
              OUTPUT "^Usage: claimdeck-cli quiz create .*claimdeck-cli quiz pretest .*claimdeck-cli quiz take "
              COMMAND sh -c "${CLI} quiz --help 2>/dev/null")
add_exit_test(NAME "cli: -h after options still asks for help" CODE 0 OUTPUT "^Usage: claimdeck-cli stats "
              COMMAND sh -c "${CLI} stats --data-dir x -h 2>/dev/null")

# Usage errors: exit 2, the message and the usage on stderr.
add_exit_test(NAME "cli: an unknown quiz action is a usage error on stderr" CODE 2
              OUTPUT "^claimdeck-cli quiz: unknown action \"bogus\"; use create, pretest or take\nUsage:"
              COMMAND sh -c "${CLI} quiz bogus 2>&1 >/dev/null")
add_exit_test(NAME "cli: help for an unknown command exits 2" CODE 2 OUTPUT "no command \"bogus\""
              COMMAND sh -c "${CLI} help bogus 2>&1 >/dev/null")
add_exit_test(NAME "cli: an option given twice is a usage error naming it" CODE 2
              OUTPUT "claimdeck-cli stats: --profile is given twice"
              COMMAND ${CLI} stats --data-dir x --profile A --profile=B)
add_exit_test(NAME "cli: quiz pretest with the same file for both forms exits 2" CODE 2
              OUTPUT "--out-a and --out-b name the same file"
              COMMAND ${CLI} quiz pretest --deck ${BUNDLED_DECK} --out-a ${CONVENTIONS_DIR}/ab.json
                      --out-b ${CONVENTIONS_DIR}/../cli-conventions/ab.json)
add_exit_test(NAME "cli: a profile name of blanks is a usage error" CODE 2
              OUTPUT "--profile \"   \": Type a name first"
              COMMAND ${CLI} study --data-dir ${CONVENTIONS_DIR}/blank --profile "   " --deck ${MINI_DECK})

# Runtime failures: exit 1, prefixed with the command.
add_exit_test(NAME "cli: a runtime error names the command" CODE 1
              OUTPUT "^claimdeck-cli replay: [^\n]*no-such.csv: cannot be opened"
              COMMAND ${CLI} replay ${CONVENTIONS_DIR}/no-such.csv)

# Output files: someone else's file is not replaced; links and /dev/stdout
# are written through.
add_exit_test(NAME "cli: quiz create refuses to replace a file that is not a quiz" CODE 1
              OUTPUT "notes.txt already exists and is not a quiz file.*--force.*\nIMPORTANT"
              COMMAND sh -c "mkdir -p ${CONVENTIONS_DIR} && echo IMPORTANT > ${CONVENTIONS_DIR}/notes.txt
${CLI} quiz create --deck ${MINI_DECK} --out ${CONVENTIONS_DIR}/notes.txt 2>&1
code=$?
cat ${CONVENTIONS_DIR}/notes.txt
exit $code")
add_exit_test(NAME "cli: quiz create --out /dev/stdout writes the quiz to standard output" CODE 0
              OUTPUT "\"format\": \"claimdeck-quiz\""
              COMMAND sh -c "${CLI} quiz create --deck ${MINI_DECK} --out /dev/stdout 2>/dev/null")
add_exit_test(NAME "cli: quiz create --out through a symlink writes its target and keeps the link" CODE 0
              OUTPUT "^a link\n +\"format\": \"claimdeck-quiz\""
              COMMAND sh -c "mkdir -p ${CONVENTIONS_DIR} && cd ${CONVENTIONS_DIR} && rm -f link.json real.json && \
ln -s real.json link.json && ${CLI} quiz create --deck ${MINI_DECK} --out link.json >/dev/null && \
test -L link.json && echo 'a link' && grep -h format real.json")

# Text from a deck reaches the terminal as visible escapes, never raw.
add_exit_test(NAME "cli: study shows a deck's escape sequences as visible text" CODE 0
              OUTPUT "Escapes \\\\x1b\\]0.PWNED-TITLE\\\\x07\\\\x1b\\[2J.*Claim \\\\x1b\\]52.c.cm0gLXJmIH4=\\\\x07 in \\\\u009b31mred"
              COMMAND sh -c "rm -rf ${CONVENTIONS_DIR}/escapes && printf '1\\n1\\n1\\n1\\n1\\n1\\n' | ${CLI} study --plain --data-dir ${CONVENTIONS_DIR}/escapes \
--profile Pat --deck ${ESCAPES_DECK}")
