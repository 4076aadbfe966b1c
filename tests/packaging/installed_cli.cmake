# The installed claimdeck-cli reports its version and lists the bundled deck
# it found in <prefix>/share/claimdeck/content: retitled there (and only
# there), the deck is listed under its new title.
#
#   cmake -DBUILD_DIR=...|-DDEB=... -DWORK_DIR=... -DVERSION=... -P installed_cli.cmake
include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)
set(cli ${PREFIX}/bin/claimdeck-cli)
set(installed_deck ${PREFIX}/share/claimdeck/content/decks/panjshir-2021.json)

run_installed(version EXPECT_CODE 0 COMMAND ${cli} --version)
if(NOT version MATCHES "^claimdeck-cli ${VERSION}\n")
  message(FATAL_ERROR "the installed claimdeck-cli does not report version ${VERSION}")
endif()

file(READ ${installed_deck} deck)
string(REGEX MATCH "\"title\": \"[^\"]+\"" title "${deck}")
string(REPLACE "${title}" "\"title\": \"Read from the installed copy\"" retitled "${deck}")
file(WRITE ${installed_deck} "${retitled}")
run_installed(listed EXPECT_CODE 0 COMMAND ${cli} deck list --data-dir ${WORK_DIR}/data)
if(NOT listed MATCHES "Read from the installed copy[^\n]*bundled")
  message(FATAL_ERROR "deck list does not show the installed deck (retitled) as the bundled one")
endif()
