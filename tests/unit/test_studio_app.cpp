#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "content/deck.hpp"
#include "content/deck_package.hpp"
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
    for (const StudioProblem& found : studio.live_checks()) count += found.where.field == field;
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

namespace {

std::string described(const StudioProblem& found) {
    const FieldRef& where = found.where;
    return found.problem.describe() + " [" + std::to_string(static_cast<int>(where.kind)) + " " + where.id + " " +
           where.field + "]";
}

// The live checks, kept up to date edit by edit, against every check run
// afresh over the deck as it is now: the same problems in the same order.
void expect_live_checks_are_a_full_check(const StudioApp& studio, const std::string& step) {
    const std::vector<StudioProblem> full = studio_checks(studio.document(), studio.document().deck().id + ".json");
    const std::vector<StudioProblem>& live = studio.live_checks();
    std::vector<std::string> full_lines, live_lines;
    for (const StudioProblem& found : full) full_lines.push_back(described(found));
    for (const StudioProblem& found : live) live_lines.push_back(described(found));
    INFO("after: " << step);
    CHECK(live_lines == full_lines);
}

const std::string kThird = "Third\n\nThe valley is 80km north of Kabul, a third says.\n";

}  // namespace

// A deck opened with a claim that names an article and a topic it does not
// have yet: adding them must clear its problems, though the claim is not edited.
Deck deck_with_an_orphan_claim() {
    Deck deck = StudioDocument::empty_deck();
    Claim orphan;
    orphan.id = "orphan";
    orphan.article = "later";
    orphan.topic = "later-topic";
    orphan.text = "Something happened.";
    orphan.quote = "Something";
    orphan.span = {7, 16};
    deck.claims.push_back(orphan);
    return deck;
}

TEST_CASE("after each kind of edit, undo and redo, the live checks are what a full check finds") {
    TempDir data;
    StudioApp studio(data.path());
    studio.open_copy(deck_with_an_orphan_claim());
    expect_live_checks_are_a_full_check(studio, "opening");
    std::vector<std::pair<std::string, std::function<void()>>> steps;
    auto edit_step = [&](std::string name, StudioEdit change) {
        steps.emplace_back(std::move(name), [&studio, change] { studio.apply(change); });
    };
    // The claims made below, after the orphan.
    auto claim_id = [&](std::size_t index) { return studio.document().deck().claims.at(index + 1).id; };
    edit_step("deck id", edit::SetDeckField{DeckField::Id, "my-deck"});
    edit_step("deck title with a double space", edit::SetDeckField{DeckField::Title, "My  deck"});
    edit_step("article added", edit::AddArticle{"Headline", kText});
    edit_step("second article added", edit::AddArticle{"Other", kOther});
    edit_step("third article added", edit::AddArticle{"Third", kThird});
    edit_step("claim from the first article", edit::NewClaim{"headline", {10, 44}});
    edit_step("claim from the second article", edit::NewClaim{"other", {7, 43}});
    edit_step("claim from the third article", edit::NewClaim{"third", {7, 41}});
    steps.emplace_back("new topic", [&] { studio.apply(edit::SetTopic{claim_id(0), "Distance"}); });
    steps.emplace_back("existing topic", [&] { studio.apply(edit::SetTopic{claim_id(1), "distance"}); });
    steps.emplace_back("claim text", [&] {
        studio.apply(edit::SetClaimField{claim_id(0), ClaimField::Text, "The valley is  80 km north. Of Kabul. Yes."});
    });
    steps.emplace_back("rationale", [&] {
        studio.apply(edit::SetClaimField{claim_id(0), ClaimField::Rationale, "Maps agree. Both articles give 80 km."});
    });
    steps.emplace_back("known now", [&] {
        studio.apply(edit::SetClaimField{claim_id(2), ClaimField::KnownNow, " x"});
    });
    steps.emplace_back("verdict propaganda, no technique", [&] {
        studio.apply(edit::SetVerdict{claim_id(1), Verdict::Propaganda});
    });
    steps.emplace_back("verdict verified", [&] { studio.apply(edit::SetVerdict{claim_id(0), Verdict::Verified}); });
    steps.emplace_back("technique words", [&] {
        studio.apply(edit::AddTechniqueWords{claim_id(1), "Loaded Language", {0, 5}});
    });
    steps.emplace_back("technique removed", [&] { studio.apply(edit::RemoveTechnique{claim_id(1), 0}); });
    steps.emplace_back("evidence", [&] {
        studio.apply(edit::AddEvidence{claim_id(0), "other", {7, 43}, Stance::Corroborates});
    });
    steps.emplace_back("second evidence from the same article", [&] {
        studio.apply(edit::AddEvidence{claim_id(0), "other", {7, 12}, Stance::Qualifies});
    });
    steps.emplace_back("evidence removed", [&] { studio.apply(edit::RemoveEvidence{claim_id(0), 1}); });
    edit_step(
        "article text that moves a quote",
        edit::SetArticleField{"other", ArticleField::Text, "Other\n\nSo: Kabul lies 80 km south of the valley.\n"});
    edit_step("article text that loses quotes",
              edit::SetArticleField{"headline", ArticleField::Text, "Headline\n\nNothing of the sort.\n"});
    edit_step("article title", edit::SetArticleField{"third", ArticleField::Title, "Not the headline"});
    edit_step("the article the orphan claim names", edit::AddArticle{"Later", "Later\n\nSomething happened.\n"});
    steps.emplace_back("the topic the orphan claim names", [&] {
        studio.apply(edit::SetTopic{claim_id(2), "Later topic"});
    });
    steps.emplace_back("claim removed", [&] { studio.apply(edit::RemoveClaim{claim_id(1)}); });
    steps.emplace_back("claim added after a removal", [&] { studio.apply(edit::NewClaim{"third", {0, 5}}); });
    for (const auto& [name, run] : steps) {
        run();
        expect_live_checks_are_a_full_check(studio, name);
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        studio.undo();
        expect_live_checks_are_a_full_check(studio, "undo of " + steps[steps.size() - 1 - i].first);
    }
    for (const auto& step : steps) {
        studio.redo();
        expect_live_checks_are_a_full_check(studio, "redo of " + step.first);
    }
}

TEST_CASE("past the most problems a list holds, the live checks still list what a full check lists") {
    TempDir data;
    StudioApp studio(data.path());
    studio.apply(edit::AddArticle{"Headline", kText});
    for (std::size_t i = 0; i < kMaxProblems + 10; ++i) studio.apply(edit::NewClaim{"headline", {10, 20}});
    expect_live_checks_are_a_full_check(studio, "claims with more problems than a list holds");
    const std::string first = studio.document().deck().claims.front().id;
    studio.apply(edit::SetClaimField{first, ClaimField::Rationale, "Maps agree. Both articles give 80 km."});
    expect_live_checks_are_a_full_check(studio, "the first claim's problems fixed");
    studio.apply(edit::RemoveClaim{studio.document().deck().claims.at(3).id});
    expect_live_checks_are_a_full_check(studio, "a claim removed");
    studio.undo();
    expect_live_checks_are_a_full_check(studio, "its removal undone");
}

TEST_CASE("a new deck is not saved yet, saving or opening a saved one makes it saved") {
    TempDir data;
    StudioApp studio(data.path());
    CHECK_FALSE(studio.saved_once());
    write_valid_deck(studio);
    studio.save();
    CHECK(studio.saved_once());
    studio.new_deck();
    CHECK_FALSE(studio.saved_once());
}

TEST_CASE("Open… on a deck folder of its own saves back there, the previous version is kept beside it") {
    TempDir data;
    TempDir teacher;
    StudioApp first(data.path());
    write_valid_deck(first);
    first.save_as(teacher.path());  // empty: the deck goes right in
    CHECK(std::filesystem::exists(teacher.path() / "decks" / "my-deck.json"));

    StudioApp studio(data.path());
    studio.open_file(teacher.path() / "decks" / "my-deck.json");
    CHECK(studio.saved_once());
    CHECK_FALSE(studio.unsaved());
    studio.apply(edit::SetDeckField{DeckField::Title, "Second title"});
    studio.save();
    CHECK(load_deck(teacher.path() / "decks" / "my-deck.json").deck->title == "Second title");
    const std::filesystem::path previous = std::filesystem::path(teacher.path()) += ".previous";
    CHECK(load_deck(previous / "decks" / "my-deck.json").deck->title == "New deck");
    std::filesystem::remove_all(previous);  // beside the test's folder, not in it
}

TEST_CASE("Open… on a deck in a folder shared with other files, or on a package, opens a copy") {
    TempDir data;
    TempDir shared;
    StudioApp first(data.path());
    write_valid_deck(first);
    first.save();
    std::filesystem::copy(first.save_folder(), shared.path(), std::filesystem::copy_options::recursive);
    std::ofstream(shared / "README.md") << "not the deck's\n";
    first.export_package(data / "my-deck.claimdeck");

    for (const std::filesystem::path& file : {shared / "decks/my-deck.json", data / "my-deck.claimdeck"}) {
        CAPTURE(file);
        StudioApp studio(data.path());
        studio.open_file(file);
        CHECK_FALSE(studio.saved_once());
        CHECK(studio.document().deck().claims.size() == 1);
        CHECK(studio.save_folder() == data.path() / "studio" / "my-deck");
    }
    CHECK(std::filesystem::exists(shared / "README.md"));
}

TEST_CASE("Save as… into a folder of other files saves into a new folder named after the deck, never over them") {
    TempDir data;
    TempDir documents;
    std::ofstream(documents / "letter.txt") << "mine\n";
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.save_as(documents.path());
    CHECK(studio.saved_deck_file() == documents.path() / "my-deck" / "decks" / "my-deck.json");
    CHECK(load_deck(studio.saved_deck_file()).problems.empty());
    CHECK(std::filesystem::exists(documents / "letter.txt"));
    CHECK(save_deck_folder(studio.document().deck(), documents.path()).find("holds other files") != std::string::npos);
    CHECK(std::filesystem::exists(documents / "letter.txt"));
}

TEST_CASE("Export package… writes a package that reads back as the same deck with its articles") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.export_package(data / "out.claimdeck");
    PackageReadResult read = read_package_file(data / "out.claimdeck");
    REQUIRE_MESSAGE(read.deck, describe_all(read.problems));
    CHECK(read.deck->claims.at(0).evidence.at(0).quote == "Kabul lies 80 km south of the valley");
    CHECK(read.files->articles.at(1).text == kOther);
}

TEST_CASE("Export package… of a deck the validator refuses names the problems and writes nothing") {
    TempDir data;
    StudioApp studio(data.path());
    studio.apply(edit::AddArticle{"Headline", kText});
    studio.apply(edit::NewClaim{"headline", {10, 44}});  // no rationale, no topic
    CHECK_THROWS_WITH_AS(studio.export_package(data / "out.claimdeck"), doctest::Contains("rationale"),
                         std::runtime_error);
    CHECK_FALSE(std::filesystem::exists(data / "out.claimdeck"));
}

TEST_CASE("Open article file… brings a web page in as an article, its headline first") {
    TempDir data;
    std::ofstream(data / "page.html")
        << "<html><head><title>T</title><script>x()</script></head><body><h1>Valley falls</h1>"
           "<p>The valley fell on Monday.</p></body></html>";
    StudioApp studio(data.path());
    studio.add_article_file(data / "page.html");
    REQUIRE(studio.document().deck().articles.size() == 1);
    const Article& article = studio.document().deck().articles.front();
    CHECK(article.title == "Valley falls");
    CHECK(article.text == "Valley falls\n\nThe valley fell on Monday.\n");
    CHECK_THROWS_WITH_AS(studio.add_article_file(data / "missing.txt"), doctest::Contains("missing.txt"),
                         std::runtime_error);
}

TEST_CASE("New deck and Open… set unsaved edits aside as a deck folder of their own, and drop nothing") {
    TempDir data;
    StudioApp studio(data.path());
    write_valid_deck(studio);
    studio.new_deck();
    REQUIRE(studio.set_aside());
    CHECK(*studio.set_aside() == data.path() / "studio" / "set-aside" / "my-deck" / "decks" / "my-deck.json");
    const DeckLoadResult kept = load_deck(*studio.set_aside());
    REQUIRE_MESSAGE(kept.deck, describe_all(kept.problems));
    CHECK(kept.deck->claims.size() == 1);

    studio.new_deck();  // a new deck no one edited holds nothing to keep
    CHECK_FALSE(studio.set_aside());
    write_valid_deck(studio);
    studio.save();
    studio.new_deck();  // nor does one whose every edit is saved
    CHECK_FALSE(studio.set_aside());

    write_valid_deck(studio);
    studio.open_file(data.path() / "studio" / "my-deck" / "decks" / "my-deck.json");
    REQUIRE(studio.set_aside());
    CHECK(studio.set_aside()->parent_path().parent_path().filename() == "my-deck-2");  // the first is kept
}

TEST_CASE("a draft brought back after a crash is set aside too when another deck replaces it") {
    TempDir data;
    {
        StudioApp studio(data.path());
        write_valid_deck(studio);
        studio.close();  // writes the draft; the edits are in no save
    }
    StudioApp after_crash(data.path());
    REQUIRE(after_crash.restore_draft());
    after_crash.new_deck();
    REQUIRE(after_crash.set_aside());
    CHECK(load_deck(*after_crash.set_aside()).deck->claims.size() == 1);
}
