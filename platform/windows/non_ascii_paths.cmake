# Folder and file names outside ASCII, as a Windows user names them:
# claimdeck-cli.exe (under Wine) studies a deck kept in such a folder into a
# data folder named "Übung-ñ-дек" (each must be
# found here, from Linux, under exactly that name: a name read in the wrong
# code page makes a folder of its own, "Ãœbung-..."), and a deck installed
# without --data-dir lands in %APPDATA%\ClaimDeck.
#
#   cmake -DCLI=... -DSOURCE_DECK=<folder with decks/ and articles/> -DWINE_PREFIX=... -DWORK_DIR=...
#         -P non_ascii_paths.cmake
file(REMOVE_RECURSE ${WORK_DIR})
set(deck_folder "${WORK_DIR}/Колода-ü")
set(deck "${deck_folder}/decks/mini.json")
set(data "${WORK_DIR}/Übung-ñ-дек")
file(COPY ${SOURCE_DECK}/ DESTINATION "${deck_folder}")

function(run_cli)
  execute_process(COMMAND ${CLI} ${ARGN} INPUT_FILE ${WORK_DIR}/input.txt
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "claimdeck-cli ${ARGN} exited ${code}:\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# One card answered: verified, 90 %.
file(WRITE ${WORK_DIR}/input.txt "1\n3\n")
run_cli(study --plain --data-dir "${data}" --profile Ada --deck "${deck}")
if(NOT EXISTS "${data}/progress.sqlite")
  file(GLOB made RELATIVE ${WORK_DIR} ${WORK_DIR}/*)
  message(FATAL_ERROR "no progress store in ${data}; the work folder holds: ${made}")
endif()
run_cli(stats --data-dir "${data}" --profile Ada --json)
string(JSON reviews GET "${out}" reviews)
if(NOT reviews EQUAL 1)
  message(FATAL_ERROR "stats reads ${reviews} answers from ${data}, expected 1:\n${out}")
endif()

# Paths are printed as they were given.
run_cli(validate "${deck}")
string(FIND "${out}" "${deck}: ok" named_at)
if(named_at EQUAL -1)
  message(FATAL_ERROR "validate did not name ${deck} as it is:\n${out}")
endif()

# The default data folder: %APPDATA%\ClaimDeck, which is Wine's
# C:\users\<user>\AppData\Roaming\ClaimDeck (Wine sets %APPDATA% itself).
run_cli(deck pack "${deck}" --out "${WORK_DIR}/mini.claimdeck")
file(GLOB app_data_folders "${WINE_PREFIX}/drive_c/users/*/AppData/Roaming")
file(REMOVE_RECURSE "${app_data_folders}/ClaimDeck")
run_cli(deck install "${WORK_DIR}/mini.claimdeck")
file(GLOB_RECURSE installed "${app_data_folders}/ClaimDeck/*")
if(NOT installed)
  message(FATAL_ERROR "nothing was installed in %APPDATA%\\ClaimDeck (${app_data_folders}/ClaimDeck)")
endif()
