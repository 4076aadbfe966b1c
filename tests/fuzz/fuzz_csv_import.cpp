// libFuzzer target: import_csv() on an untrusted spreadsheet.
//
// The input is the CSV. Its articles come from a fake folder holding two
// articles (one plain text, one HTML) and a secret file that no path from the
// CSV may reach. Besides crashes, leaks and undefined behaviour, the target
// checks what import_csv promises: every path asked for is inside the CSV's
// folder, and a deck that comes back passes the validator's checks.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "content/csv_import.hpp"
#include "fuzz_support.hpp"

namespace {

using claimdeck::fuzz::fail;

claimdeck::TextFileResult fake_folder(const std::string& path) {
    if (!claimdeck::is_safe_relative_path(path)) fail("a path outside the CSV's folder was asked for");
    if (path == "a.txt") return {"Headline A\n\nThe valley is 80\u00a0km north of \u201cKabul\u201d.\n", ""};
    if (path == "articles/b.html") return {"<h1>B</h1><p>The pass fell &amp; held.</p>", ""};
    return {"", path + " does not exist or is not a file"};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string csv(reinterpret_cast<const char*>(data), size);
    const claimdeck::DeckImport imported = claimdeck::import_csv(csv, "in.csv", fake_folder, {"fuzz", "Fuzz", ','});
    if (imported.deck && !imported.problems.empty()) fail("a deck came back with problems");
    if (!imported.deck && imported.problems.empty()) fail("no deck and no problem");
    if (imported.deck && !claimdeck::check_deck(*imported.deck, "d.json").empty())
        fail("the imported deck does not pass the validator");
    return 0;
}
