# The app looks after its progress store as claimdeck-cli does: it backs the
# store up, and when the store is damaged it moves it aside (never deleting
# it), restores the newest backup and says so on Home. A store it cannot open
# at all opens a window that says why, and the app exits 1.
#
#   cmake -DCLAIMDECK=... -DCLI=... -DDECK=... -DWINDOW=WxH -DWORK_DIR=... -P gui_store.cmake
include(${CMAKE_CURRENT_LIST_DIR}/gui_run.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(data ${WORK_DIR}/data)

# A learner who only uses the app gets backups: four answers, then close.
run_claimdeck(report --data-dir ${data} --profile Ana --demo-answers 4 --quit-after-frames 3)
file(GLOB backups ${data}/backups/progress-*.sqlite)
if(NOT backups)
  message(FATAL_ERROR "the app wrote no backup of its store in ${data}/backups")
endif()

# The store is damaged: the next start keeps it aside, restores the backup
# and tells the learner on Home.
file(WRITE ${data}/progress.sqlite "not a database any more: the disk lost this file's pages")
execute_process(
  COMMAND bash ${VIRTUAL_SCREEN} 1920x1080 ${CLAIMDECK} --deck ${DECK} --data-dir ${data}
          --quit-after-frames 3 --window ${WINDOW} --screenshot ${WORK_DIR}/recovered.png
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE report ERROR_VARIABLE errors)
message("${report}${errors}")
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "claimdeck exited with ${exit_code} on a damaged store")
endif()
expect_screen("${report}" home)
if(NOT errors MATCHES "was damaged" OR NOT errors MATCHES "restored from the backup")
  message(FATAL_ERROR "the app did not say that the store was damaged and restored")
endif()
file(GLOB kept ${data}/progress.sqlite.corrupt-*)
if(NOT kept)
  message(FATAL_ERROR "the damaged store was not kept beside the new one")
endif()
file(READ ${kept} kept_text)
if(NOT kept_text MATCHES "^not a database any more")
  message(FATAL_ERROR "the kept file is not the damaged store as it was")
endif()
execute_process(COMMAND ${CLI} stats --data-dir ${data} --profile Ana --json OUTPUT_VARIABLE stats
                RESULT_VARIABLE stats_code)
if(NOT stats_code EQUAL 0 OR NOT stats MATCHES "\"reviews\": [1-9]")
  message(FATAL_ERROR "the restored store does not hold Ana's answers:\n${stats}")
endif()

# A data folder that cannot be made (a file is in the way) opens a window
# that says why; nothing is studied into thin air, and the exit code is 1.
file(WRITE ${WORK_DIR}/in-the-way "a file, not a folder")
execute_process(
  COMMAND bash ${VIRTUAL_SCREEN} 1920x1080 ${CLAIMDECK} --deck ${DECK} --data-dir ${WORK_DIR}/in-the-way
          --profile Ana --demo-answers 2 --quit-after-frames 3 --window ${WINDOW} --screenshot ${WORK_DIR}/fault.png
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE report ERROR_VARIABLE errors)
message("${report}${errors}")
if(NOT exit_code EQUAL 1)
  message(FATAL_ERROR "claimdeck exited with ${exit_code}, not 1, when its store could not be opened")
endif()
expect_screen("${report}" home)
if(NOT errors MATCHES "Could not create the data folder")
  message(FATAL_ERROR "the app did not say why the store could not be opened")
endif()
if(NOT EXISTS ${WORK_DIR}/fault.png)
  message(FATAL_ERROR "no window was drawn for a store that could not be opened")
endif()
