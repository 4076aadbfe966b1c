# Puts the site together (run by the `site` target with cmake -P):
# the app's three files, the page, manifest, service worker and icons.
# The service worker's cache name carries a hash of all of them, so each
# new build replaces the copy an installed app runs offline.
set(APP_FILES app.js app.wasm app.data)
set(PAGE_FILES index.html manifest.webmanifest)
set(ICON_FILES claimdeck-64.png claimdeck-256.png claimdeck.svg)

file(MAKE_DIRECTORY "${SITE_DIR}/icons")
set(hashes "")
foreach(name ${APP_FILES})
  file(COPY "${BUILD_DIR}/${name}" DESTINATION "${SITE_DIR}")
  file(SHA256 "${SITE_DIR}/${name}" hash)
  string(APPEND hashes "${hash}")
endforeach()
foreach(name ${PAGE_FILES})
  file(COPY "${PAGE_DIR}/${name}" DESTINATION "${SITE_DIR}")
  file(SHA256 "${SITE_DIR}/${name}" hash)
  string(APPEND hashes "${hash}")
endforeach()
foreach(name ${ICON_FILES})
  file(COPY "${ICONS_DIR}/${name}" DESTINATION "${SITE_DIR}/icons")
endforeach()

file(READ "${PAGE_DIR}/sw.js" worker)
string(APPEND hashes "${worker}")
string(SHA256 version "${hashes}")
string(SUBSTRING "${version}" 0 16 version)
string(REPLACE "@CACHE_VERSION@" "${version}" worker "${worker}")
file(WRITE "${SITE_DIR}/sw.js" "${worker}")
message(STATUS "Site ready in ${SITE_DIR} (version ${version})")
