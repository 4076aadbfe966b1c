# deck pack / unpack / install / list / remove through the real claimdeck-cli.
set(PACKAGES ${CMAKE_CURRENT_SOURCE_DIR}/../data/packages)

add_test(NAME "cli deck: pack, unpack byte for byte, install, update, refuse an older version, remove"
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:claimdeck-cli> -DDECK=${MINI_DECK}
                 -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/deck-package-flow
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/deck_package_flow.cmake)

foreach(action pack unpack install list remove)
  add_exit_test(NAME "cli deck: ${action} --help exits 0" CODE 0 OUTPUT "Usage: claimdeck-cli deck ${action}"
                COMMAND ${CLI} deck ${action} --help)
endforeach()
add_exit_test(NAME "cli deck: pack without --out is a usage error" CODE 2
              OUTPUT "claimdeck-cli deck pack: --out is required" COMMAND ${CLI} deck pack ${MINI_DECK})
add_exit_test(NAME "cli deck: an unknown action is a usage error" CODE 2
              OUTPUT "unknown action \"frob\"" COMMAND ${CLI} deck frob)
add_exit_test(NAME "cli deck: a package naming a file outside its folder is refused with the place" CODE 1
              OUTPUT "path-traversal.claimdeck: article file \"../../escaped.txt\": must be a bare file name"
              COMMAND ${CLI} deck unpack ${PACKAGES}/path-traversal.claimdeck
                      --out ${CMAKE_CURRENT_BINARY_DIR}/traversal/inside)
add_exit_test(NAME "cli deck: a package from a newer ClaimDeck says to update" CODE 1
              OUTPUT "newer-format.claimdeck: field \"package_version\": is 7: .*update ClaimDeck"
              COMMAND ${CLI} deck install ${PACKAGES}/newer-format.claimdeck
                      --data-dir ${CMAKE_CURRENT_BINARY_DIR}/newer-data)
add_exit_test(NAME "cli deck: a truncated package is named with its line and column" CODE 1
              OUTPUT "truncated.claimdeck: line 1, column [0-9]+"
              COMMAND ${CLI} deck unpack ${PACKAGES}/truncated.claimdeck --out ${CMAKE_CURRENT_BINARY_DIR}/truncated)
