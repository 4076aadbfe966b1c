# The deck authoring commands one after another, on copies in WORK_DIR:
# new -> check, import-csv -> validate -> check, import-claimreview (mapping
# shown, then accepted) -> export with the article's URL and date, and spans
# that were wrong filled in by deck spans --write.
#
#   cmake -DCLI=claimdeck-cli -DDATA=tests/data/import -DWORK_DIR=dir -P deck_authoring_flow.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# Runs the CLI with the given arguments; fails unless it exits `code` and
# its output (stdout and stderr) holds every one of the expected pieces.
function(expect code)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "ARGS;OUTPUT")
  execute_process(COMMAND ${CLI} ${arg_ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE got)
  set(all "${out}${err}")
  if(NOT got EQUAL code)
    message(FATAL_ERROR "claimdeck-cli ${arg_ARGS} exited ${got}, expected ${code}:\n${all}")
  endif()
  foreach(piece IN LISTS arg_OUTPUT)
    string(FIND "${all}" "${piece}" found)
    if(found EQUAL -1)
      message(FATAL_ERROR "claimdeck-cli ${arg_ARGS}: missing\n  ${piece}\nin:\n${all}")
    endif()
  endforeach()
  set(last_output "${all}" PARENT_SCOPE)
endfunction()

# deck new makes a folder that validates and passes the house style.
expect(0 ARGS deck new my-deck --title "My deck" --out ${WORK_DIR}/new OUTPUT "my-deck.json")
expect(0 ARGS deck check ${WORK_DIR}/new/decks/my-deck.json OUTPUT "0 claims from 0 articles")
expect(1 ARGS deck new my-deck --title "Again" --out ${WORK_DIR}/new OUTPUT "my-deck.json is already there")

# A CSV next to its articles: two rows left out by line, four imported.
file(COPY ${DATA}/claims.csv ${DATA}/valley.txt ${DATA}/report.html DESTINATION ${WORK_DIR}/sheet)
expect(0 ARGS deck import-csv ${WORK_DIR}/sheet/claims.csv --out ${WORK_DIR}/csv --title "From a sheet"
       OUTPUT "claims.csv: line 7, column \"verdict\": \"maybe\" is not one of"
              "claims.csv: line 8, column \"article\": \"../outside.txt\" must be a file in the CSV's folder"
              "4 claims from 2 articles; 2 entries left out")
expect(0 ARGS validate ${WORK_DIR}/csv/decks/claims.json OUTPUT ": ok, 4 claims from 2 articles")
file(READ ${WORK_DIR}/csv/articles/report.txt report)
if(NOT report STREQUAL "The report\n\nThe pass fell on the second day, officials said.\n\nFighters “fled” north.\n")
  message(FATAL_ERROR "the HTML article was not turned into headline and paragraphs:\n${report}")
endif()
if(EXISTS ${WORK_DIR}/outside.txt)
  message(FATAL_ERROR "the import wrote outside its folder")
endif()

# ClaimReview: the mapping is shown first and nothing is written.
expect(1 ARGS deck import-claimreview ${DATA}/reviews.json --out ${WORK_DIR}/reviews
       OUTPUT "5/5 = verified   # 1 review" "false = contested   # 1 review" "spicy = ?" "Nothing written yet")
if(EXISTS ${WORK_DIR}/reviews)
  message(FATAL_ERROR "import-claimreview wrote before the mapping was accepted")
endif()
expect(0 ARGS deck import-claimreview ${DATA}/reviews.json --out ${WORK_DIR}/reviews --accept-mapping
       OUTPUT "review 3: the rating \"spicy\" has no verdict in the mapping" "2 claims from 1 article")
expect(0 ARGS export --format claimreview ${WORK_DIR}/reviews/decks/reviews.json
       OUTPUT "\"url\": \"https://news.example/valley\"" "\"datePublished\": \"2021-09-06\""
              "\"headline\": \"Valley falls\"")
file(WRITE ${WORK_DIR}/mapping.txt "false = propaganda\n")
expect(1 ARGS deck import-claimreview ${DATA}/reviews.json --out ${WORK_DIR}/mapped --mapping ${WORK_DIR}/mapping.txt
       OUTPUT "mapping.txt: line 1: propaganda needs the techniques")

# Spans: wrong ones are reported by validate and fixed by deck spans --write.
set(deck_file ${WORK_DIR}/csv/decks/claims.json)
file(READ ${deck_file} deck)
string(REGEX REPLACE "\"span\": \\[[0-9]+, [0-9]+\\]" "\"span\": [0, 0]" deck "${deck}")
file(WRITE ${deck_file} "${deck}")
expect(1 ARGS validate ${deck_file} OUTPUT "the quote does not match the article at its span")
expect(0 ARGS deck spans ${deck_file} OUTPUT "4 spans differ from the quotes")
expect(0 ARGS deck spans ${deck_file} --write OUTPUT "4 spans updated")
expect(0 ARGS validate ${deck_file} OUTPUT ": ok, 4 claims")
