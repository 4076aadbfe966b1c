# claimdeck-server's command line follows claimdeck-cli's conventions:
# --help exits 0 on stdout, usage errors exit 2 on stderr.
set(SERVER $<TARGET_FILE:claimdeck-server>)
add_exit_test(NAME "server: --help prints its usage on stdout and exits 0" CODE 0
              OUTPUT "^Usage: claimdeck-server .*--port N.*--data-dir DIR.*--database"
              COMMAND sh -c "${SERVER} --help 2>/dev/null")
add_exit_test(NAME "server: --version prints the version and exits 0" CODE 0 OUTPUT "^claimdeck-server [0-9]+\\.[0-9]+"
              COMMAND sh -c "${SERVER} --version 2>/dev/null")
add_exit_test(NAME "server: an unknown option is a usage error on stderr" CODE 2
              OUTPUT "^claimdeck-server: unknown option --colour\nUsage: claimdeck-server"
              COMMAND sh -c "${SERVER} --colour red 2>&1 >/dev/null")
add_exit_test(NAME "server: a database that is neither SQLite nor PostgreSQL is a usage error" CODE 2
              OUTPUT "--database \"mysql\": use sqlite, a postgresql:// URL or a libpq connection string"
              COMMAND sh -c "${SERVER} --database mysql 2>&1 >/dev/null")
add_exit_test(NAME "server: a malformed PostgreSQL connection string is a usage error saying why" CODE 2
              OUTPUT "--database: not a PostgreSQL connection string: .*dbname"
              COMMAND sh -c "${SERVER} --database 'host=here dbname' 2>&1 >/dev/null")
add_exit_test(NAME "server: a PostgreSQL it cannot reach stops it with exit 1" CODE 1
              OUTPUT "^claimdeck-server: cannot connect to PostgreSQL: "
              COMMAND ${SERVER} --port 0 --database postgresql://claimdeck@127.0.0.1:1/claimdeck)
add_exit_test(NAME "server: a port out of range is a usage error naming it" CODE 2
              OUTPUT "--port \"70000\": must be a number from 0 to 65535"
              COMMAND ${SERVER} --port 70000)
add_exit_test(NAME "server: a deck that does not load stops it with exit 1" CODE 1
              OUTPUT "^claimdeck-server: .*no-such-deck.json"
              COMMAND ${SERVER} --port 0 --data-dir ${CMAKE_CURRENT_BINARY_DIR}/server-bad-deck
                      --deck ${CMAKE_CURRENT_BINARY_DIR}/no-such-deck.json)
