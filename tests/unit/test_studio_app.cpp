#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

#include "content/deck.hpp"
#include "studio/deck_folder.hpp"
#include "studio/studio_app.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

const std::string kText = "Headline\n\nThe valley is 80km north of Kabul.\n";
const std::string kOther = "Other\n\nKabul lies 80 km south of the valley.\n";

// A deck the validator passes, made through the Studio's own edits.
void write_valid_deck(StudioApp& studio) {
    studio.apply(edit::SetDeckField{DeckField::Id, "my-deck"});
    studio.apply(edit::AddArticle{"Headline", kText});
    studio.apply(edit::AddArticle{"Other", kOther});
    studio.apply(edit::NewClaim{"headline", {10, 44}});
    const std::string id = studio.document().last_new_claim();
    studio.apply(edit::SetTopic{id, "Distance"});
    studio.apply(edit::SetClaimField{id, ClaimField::Rationale, "Maps agree. Both articles give 80 km."});
    studio.apply(edit::SetVerdict{id, Verdict::Verified});
    studio.apply(edit::AddEvidence{id, "other", {7, 43}, Stance::Corroborates});
}

// The live checks about one field of the claims. A one-claim deck always
// has house-style advice (one verdict is 100 % of it), so tests look at the
// field they change.
std::size_t problems_with(const StudioApp& studio, const std::string& field) {
    std::size_t count = 0;
    for (const StudioProblem& found : studio.checks()) count += found.where.field == field;
    return count;
}

}  // namespace

TEST_CASE("a saved deck folder loads as strictly as the bundled deck, articles included") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    REQUIRE(check_deck(studio.document().deck(), "my-deck.json").empty());
    studio.save();
    CHECK_FALSE(studio.unsaved());
    CHECK(studio.save_folder() == data.path() / "studio" / "my-deck");
    DeckLoadResult loaded = load_deck(studio.saved_deck_file());
    REQUIRE_MESSAGE(loaded.problems.empty(), describe_all(loaded.problems));
    CHECK(loaded.deck->claims.at(0).evidence.at(0).quote == "Kabul lies 80 km south of the valley");
    CHECK(loaded.deck->article("other")->text == kOther);
}

TEST_CASE("saving again keeps the version before it beside the deck") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.save();
    studio.apply(edit::SetDeckField{DeckField::Title, "Second title"});
    studio.save();
    const std::filesystem::path previous = std::filesystem::path(studio.save_folder()) += ".previous";
    DeckLoadResult old = load_deck(deck_file_in(previous, studio.document().deck().id));
    REQUIRE(old.deck);
    CHECK(old.deck->title == "New deck");
    CHECK(load_deck(studio.saved_deck_file()).deck->title == "Second title");
}

TEST_CASE("a save cut short between its renames still opens, from the previous version") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.save();
    studio.save();
    std::filesystem::remove_all(studio.save_folder());  // as if the process died between the two renames
    OpenedDeckFolder opened = open_deck_folder(studio.save_folder(), true);
    REQUIRE_MESSAGE(opened.deck, describe_all(opened.problems));
    CHECK(opened.deck->id == "my-deck");
}

TEST_CASE("the draft is written a few seconds after a change, and a new Studio restores it") {
    TempDir data;
    {
        StudioApp studio(data.path());
        studio.apply(edit::AddArticle{"Headline", kText});
        studio.apply(edit::NewClaim{"headline", {10, 21}});  // no rationale yet: a draft need not be valid
        studio.autosave(1000);
        CHECK_FALSE(std::filesystem::exists(studio.draft_folder()));
        studio.autosave(1000 + kDraftIntervalMs - 1);
        CHECK_FALSE(std::filesystem::exists(studio.draft_folder()));
        studio.autosave(1000 + kDraftIntervalMs);
        CHECK(std::filesystem::exists(studio.draft_folder()));
        // No close(): the process is gone.
    }
    StudioApp after_crash(data.path());
    REQUIRE(after_crash.restore_draft());
    REQUIRE(after_crash.document().deck().claims.size() == 1);
    CHECK(after_crash.document().deck().claims[0].quote == "The valley ");
    CHECK(after_crash.unsaved());
}

TEST_CASE("closing writes the draft at once, and saving removes it") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.close();
    CHECK(std::filesystem::exists(studio.draft_folder()));
    studio.save();
    CHECK_FALSE(std::filesystem::exists(studio.draft_folder()));
    CHECK_FALSE(StudioApp(data.path()).restore_draft());
}

TEST_CASE("opening a deck makes a copy: saving writes to the Studio's folder, never the original") {
    TempDir data;
    TempDir elsewhere;
    StudioApp first(data.path());
    write_valid_deck(first);
    first.save();
    const std::string original = load_deck(first.saved_deck_file()).deck->title;

    StudioApp studio(elsewhere.path());
    studio.open_copy(*load_deck(first.saved_deck_file()).deck);
    studio.apply(edit::SetDeckField{DeckField::Title, "Changed"});
    studio.save();
    CHECK(studio.save_folder() == elsewhere.path() / "studio" / "my-deck");
    CHECK(load_deck(first.saved_deck_file()).deck->title == original);
}

TEST_CASE("a folder with no deck in it is refused with a sentence naming it") {
    TempDir data;
    StudioApp studio(data.path());
    try {
        studio.open_folder(data.path() / "missing");
        FAIL("opened a folder with no deck");
    } catch (const std::runtime_error& error) {
        CHECK(std::string(error.what()).find("missing") != std::string::npos);
    }
}

TEST_CASE("live checks follow undo") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    CHECK(problems_with(studio, "rationale") == 0);
    studio.undo();  // the evidence goes
    studio.undo();  // the verdict goes back to contested
    studio.undo();  // the rationale goes
    CHECK(problems_with(studio, "rationale") >= 1);
}

TEST_CASE("the live checks drawn after edits, once finished, are the checks of the deck as it is now") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    const std::string id = studio.document().last_new_claim();
    for (const char* rationale : {"", "One.", "Maps agree. Both articles give 80 km.", "x"}) {
        studio.apply(edit::SetClaimField{id, ClaimField::Rationale, rationale});
        studio.live_checks();  // starts them on another thread and returns at once
        const std::vector<StudioProblem> finished = studio.checks();  // waits for them
        const std::vector<StudioProblem> now = studio_checks(studio.document(), "my-deck.json");
        REQUIRE(finished.size() == now.size());
        for (std::size_t i = 0; i < now.size(); ++i) CHECK(finished[i].problem.message == now[i].problem.message);
        CHECK(studio.live_checks().size() == now.size());
        CHECK_FALSE(studio.checks_running());
    }
}
