# cmake --install lays out exactly these files (FHS, prefix /usr): the
# programs, every deck and article of content/, the desktop entry with its
# icons, the AppStream metainfo, the Debian docs and the server's systemd
# unit. The desktop entry starts an installed program and names an installed
# icon.
#
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONTENT_DIR=... -DAPP_ID=... -DGUI=ON|OFF -P install_layout.cmake
include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)

set(expected usr/bin/claimdeck-cli usr/bin/claimdeck-server usr/lib/systemd/system/claimdeck-server.service
    usr/share/doc/claimdeck/copyright
    usr/share/doc/claimdeck/changelog.gz usr/share/doc/claimdeck/FORMAT.md usr/share/doc/claimdeck/EDITORIAL.md)
file(GLOB_RECURSE content RELATIVE ${CONTENT_DIR} ${CONTENT_DIR}/decks/* ${CONTENT_DIR}/articles/*)
foreach(file ${content})
  list(APPEND expected usr/share/claimdeck/content/${file})
endforeach()
if(GUI)
  list(APPEND expected usr/bin/claimdeck usr/share/applications/${APP_ID}.desktop
       usr/share/metainfo/${APP_ID}.metainfo.xml usr/share/icons/hicolor/64x64/apps/${APP_ID}.png
       usr/share/icons/hicolor/256x256/apps/${APP_ID}.png usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg)
endif()
file(GLOB_RECURSE installed RELATIVE ${ROOT} ${ROOT}/*)
set(missing ${expected})
set(unexpected ${installed})
if(installed)
  list(REMOVE_ITEM missing ${installed})
endif()
list(REMOVE_ITEM unexpected ${expected})
if(missing OR unexpected)
  string(REPLACE ";" "\n  " missing "${missing}")
  string(REPLACE ";" "\n  " unexpected "${unexpected}")
  message(FATAL_ERROR "cmake --install did not lay out\n  ${missing}\nand laid out, unexpected,\n  ${unexpected}")
endif()

if(GUI)
  file(STRINGS ${PREFIX}/share/applications/${APP_ID}.desktop exec REGEX "^Exec=")
  string(REGEX REPLACE "^Exec=([^ ]+).*" "\\1" program "${exec}")
  if(NOT EXISTS ${PREFIX}/bin/${program})
    message(FATAL_ERROR "the desktop entry starts ${program}, which is not installed in bin/")
  endif()
  file(STRINGS ${PREFIX}/share/applications/${APP_ID}.desktop icon REGEX "^Icon=")
  if(NOT icon STREQUAL "Icon=${APP_ID}")
    message(FATAL_ERROR "the desktop entry's ${icon} is not the installed icon ${APP_ID}")
  endif()
endif()
