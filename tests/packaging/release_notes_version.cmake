# A new version gets its release notes: software centres show the metainfo's
# newest <release>, and Debian's tools read the changelog's first entry.
#
#   cmake -DVERSION=x.y.z -DMETAINFO=<metainfo.xml> -DCHANGELOG=<changelog> -P release_notes_version.cmake
file(READ ${METAINFO} metainfo)
if(NOT metainfo MATCHES "<release version=\"([^\"]+)\"")
  message(FATAL_ERROR "${METAINFO} has no <release version=...>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "${METAINFO}: the newest release is ${CMAKE_MATCH_1}, the project is ${VERSION}")
endif()
file(STRINGS ${CHANGELOG} first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^claimdeck \\(([^)]+)\\)")
  message(FATAL_ERROR "${CHANGELOG}: the first line is not a Debian changelog entry: ${first_line}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "${CHANGELOG}: the newest entry is ${CMAKE_MATCH_1}, the project is ${VERSION}")
endif()
