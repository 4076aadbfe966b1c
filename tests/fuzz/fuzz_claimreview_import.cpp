// libFuzzer target: reading untrusted ClaimReview JSON-LD and the rating
// mapping file, then importing with the proposed mapping.
//
// Besides crashes, leaks and undefined behaviour, the target checks what the
// importer promises: a deck that comes back passes the validator's checks,
// and a mapping read from any text maps only to verified or contested.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "content/claimreview_import.hpp"
#include "fuzz_support.hpp"

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string json(reinterpret_cast<const char*>(data), size);
    const claimdeck::ReviewFile reviews = claimdeck::read_claim_reviews(json, "r.json");
    if (reviews.reviews.empty() && reviews.problems.empty()) fail("no review and no problem");
    const claimdeck::RatingMapping mapping = claimdeck::proposed_mapping(reviews.reviews);
    (void)claimdeck::describe_mapping(reviews.reviews, mapping);
    if (reviews.problems.empty()) {
        const claimdeck::DeckImport imported = claimdeck::import_reviews(reviews, mapping, "r.json", {"fuzz", "Fuzz"});
        if (imported.deck && !claimdeck::check_deck(*imported.deck, "d.json").empty())
            fail("the imported deck does not pass the validator");
    }
    std::vector<claimdeck::Problem> problems;
    for (const auto& [rating, verdict] : claimdeck::read_mapping(json, "m.txt", problems))
        if (verdict == claimdeck::Verdict::Propaganda) fail("a mapping to propaganda was read");
    return 0;
}
