# The installed claimdeck-server, given no --web-root, serves the web app
# installed beside it (share/claimdeck/web, as the .deb lays it out), so
# phones opening a class's link from a school's server get the app. The
# build's own web app may exist too: the installed one must come first.
#
#   cmake -DWORK_DIR=... -DBUILD_DIR=... -P installed_server_web_app.cmake
include(${CMAKE_CURRENT_LIST_DIR}/install_into.cmake)
set(web_app ${PREFIX}/share/claimdeck/web)
file(WRITE ${web_app}/index.html "<title>ClaimDeck installed web app</title>")

# Started, its start lines read once it says where it listens, then stopped
# as systemd stops it (SIGTERM); bounded at 10 s.
execute_process(
  COMMAND bash -c [[
    "$1" --port 0 --data-dir "$2" > "$3" 2>&1 &
    server=$!
    for _ in $(seq 200); do
      grep -q '^Live class server on' "$3" && break
      kill -0 "$server" 2>/dev/null || break
      sleep 0.05
    done
    kill "$server" 2>/dev/null
    wait "$server"
    cat "$3"]] bash ${PREFIX}/bin/claimdeck-server ${WORK_DIR}/live ${WORK_DIR}/server.log
  OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(NOT output MATCHES "(^|\n)Web app for phones: ([^\n]*)\n")
  message(FATAL_ERROR "the installed server did not say where its web app is")
endif()
file(REAL_PATH "${CMAKE_MATCH_2}" served)
file(REAL_PATH "${web_app}" installed)
if(NOT served STREQUAL installed)
  message(FATAL_ERROR "the installed server serves ${served}, not the web app installed beside it, ${installed}")
endif()
