# The installed app, started by the program its desktop entry names, opens
# on the installed bundled deck and shows a card; with the installed deck
# gone it fails naming the installed place (so it did not read the source
# tree's).
#
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DAPP_ID=... -DVERSION=... -P installed_app.cmake
include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)
# A virtual screen that reports the app's own exit code (tests/virtual_screen.sh).
set(VIRTUAL_SCREEN ${CMAKE_CURRENT_LIST_DIR}/../virtual_screen.sh)
file(STRINGS ${PREFIX}/share/applications/${APP_ID}.desktop exec REGEX "^Exec=")
string(REGEX REPLACE "^Exec=([^ ]+).*" "\\1" program "${exec}")
set(app ${PREFIX}/bin/${program})
set(installed_deck ${PREFIX}/share/claimdeck/content/decks/panjshir-2021.json)

run_installed(version EXPECT_CODE 0 COMMAND ${app} --version)
if(NOT version MATCHES "^claimdeck ${VERSION}\n")
  message(FATAL_ERROR "the installed app does not report version ${VERSION}")
endif()

set(study bash ${VIRTUAL_SCREEN} 1920x1080 ${app} --data-dir ${WORK_DIR}/data --profile Test --quit-after-frames 3)
run_installed(report EXPECT_CODE 0 COMMAND ${study})
if(NOT report MATCHES "screen: card\n")
  message(FATAL_ERROR "the installed app did not open on a card of the bundled deck")
endif()

file(REMOVE ${installed_deck})
run_installed(report EXPECT_CODE 1 COMMAND ${study})
string(FIND "${report}" "${installed_deck} cannot be used" named_at)
if(named_at EQUAL -1)
  message(FATAL_ERROR "without its installed deck the app did not name ${installed_deck}")
endif()
