// The words, symbols and colours the screens show for each verdict and
// stance: every entry pinned to its exact value, so a swapped or retyped
// entry cannot pass unnoticed (a learner told "contradicts" for evidence that
// corroborates is taught the opposite of what the sources say).
#include <doctest/doctest.h>

#include <string>

#include "reveal_screen.hpp"
#include "theme.hpp"
#include "widgets.hpp"

using claimdeck::Stance;
using claimdeck::Verdict;
using namespace claimdeck::ui;

namespace {

constexpr ImU32 opaque(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

}  // namespace

TEST_CASE("each stance is shown with its own word and symbol") {
    CHECK(std::string(stance_label(Stance::Corroborates)) == "= corroborates");
    CHECK(std::string(stance_label(Stance::Contradicts)) == "\u2260 contradicts");
    CHECK(std::string(stance_label(Stance::Qualifies)) == "~ qualifies");
}

TEST_CASE("each stance has its own colour: green agrees, red disagrees, sand qualifies") {
    CHECK(stance_colour(Stance::Corroborates) == opaque(0x44AA99));
    CHECK(stance_colour(Stance::Contradicts) == opaque(0xCC6677));
    CHECK(stance_colour(Stance::Qualifies) == opaque(0xDDCC77));
}

TEST_CASE("each verdict has its own symbol, so colour is never the only cue") {
    CHECK(std::string(verdict_symbol(Verdict::Verified)) == "\u2713");
    CHECK(std::string(verdict_symbol(Verdict::Contested)) == "?");
    CHECK(std::string(verdict_symbol(Verdict::Propaganda)) == "!");
}

TEST_CASE("each verdict has its own colour, and readable ink on it") {
    CHECK(verdict_colour(Verdict::Verified) == opaque(0x004488));
    CHECK(verdict_colour(Verdict::Contested) == opaque(0xDDAA33));
    CHECK(verdict_colour(Verdict::Propaganda) == opaque(0xBB5566));
    CHECK(on_verdict_colour(Verdict::Verified) == opaque(0xFFFFFF));
    CHECK(on_verdict_colour(Verdict::Contested) == opaque(0x1A1A1A));
    CHECK(on_verdict_colour(Verdict::Propaganda) == opaque(0xFFFFFF));
}

TEST_CASE("a verdict's tint is its own colour, washed out") {
    for (Verdict verdict : claimdeck::kAllVerdicts) {
        CAPTURE(static_cast<int>(verdict));
        const ImU32 tint = verdict_tint(verdict);
        CHECK((tint & ~IM_COL32_A_MASK) == (verdict_colour(verdict) & ~IM_COL32_A_MASK));
        CHECK((tint >> IM_COL32_A_SHIFT) == 0x48);
    }
}

TEST_CASE("segment labels stay in one row only while each fits its share, padding included") {
    // 300 wide, 3 shares with 4 between: each share is 97.
    CHECK(fits_in_a_row({60, 70, 77}, 300, 4, 10));
    CHECK_FALSE(fits_in_a_row({60, 70, 78}, 300, 4, 10));  // "Contrast" at the largest text size
    CHECK(fits_in_a_row({}, 10, 4, 10));
}

TEST_CASE("a claim whose wording uses a technique but that is not Propaganda says why not, the others say nothing") {
    claimdeck::Claim claim;
    claim.techniques.push_back({"Loaded Language", {"slaying"}});
    claim.verdict = Verdict::Contested;
    CHECK(why_not_propaganda(claim) ==
          "Why not Propaganda? A technique is at work in the wording, but what is claimed is disputed, not invented. "
          "The verdict judges the claim, not how it is worded.");
    claim.verdict = Verdict::Verified;
    CHECK(why_not_propaganda(claim) ==
          "Why not Propaganda? A technique is at work in the wording, but what is claimed checks out. The verdict "
          "judges the claim, not how it is worded.");
    claim.verdict = Verdict::Propaganda;
    CHECK(why_not_propaganda(claim).empty());
    claim.verdict = Verdict::Contested;
    claim.techniques.clear();
    CHECK(why_not_propaganda(claim).empty());
}
