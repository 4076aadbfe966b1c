// The bundled deck against the house style, at the size a shared deck asks
// for. Its only known problems are the cue audit's (the deck's content is
// revised apart from the checks); everything else must hold.
#include <doctest/doctest.h>

#include <filesystem>

#include "content/deck.hpp"
#include "content/house_style.hpp"

using namespace claimdeck;

TEST_CASE("The bundled deck meets the house style apart from what the cue audit flags") {
    const DeckLoadResult loaded =
        load_deck(std::filesystem::path(CLAIMDECK_CONTENT_DIR) / "decks" / "panjshir-2021.json");
    REQUIRE(loaded.deck);
    HouseStyleRules rules;
    rules.min_claims = 48;
    rules.min_claims_per_article = 7;
    for (const Problem& problem : check_house_style(*loaded.deck, "panjshir-2021.json", rules))
        CHECK_MESSAGE(problem.place == "deck, cue audit", problem.describe());
    const VerdictShares shares = verdict_shares(*loaded.deck);
    for (Verdict verdict : kAllVerdicts) CHECK(shares.in_range(verdict, rules));
}
