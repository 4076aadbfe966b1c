#include <doctest/doctest.h>

#include "app/study_app.hpp"
#include "base/text_file.hpp"
#include "content/deck_library.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

const std::filesystem::path kMiniDeck = std::filesystem::path(CLAIMDECK_TEST_DATA_DIR) / "mini-deck/decks/mini.json";

Deck mini_deck(int version) {
    Deck deck = *load_deck(kMiniDeck).deck;
    deck.version = version;
    deck.title = "Mini v" + std::to_string(version);
    return deck;
}

std::filesystem::path write_package_file(const TempDir& dir, const Deck& deck, const std::string& name) {
    PackageReadResult packed = package_deck(deck);
    REQUIRE(packed.files);
    return dir.write(name, write_package(*packed.files));
}

}  // namespace

TEST_CASE("an installed deck is listed from the library as a deck folder") {
    TempDir dir;
    InstallResult result = install_file(dir / "library", kMiniDeck);
    REQUIRE(result.installed());
    CHECK(result.summary() == "Installed \u201CMini deck\u201D (version 1).");
    CHECK(std::filesystem::exists(dir / "library/mini/decks/mini.json"));
    CHECK(std::filesystem::exists(dir / "library/mini/articles/a.txt"));
    LibraryContents contents = read_library(dir / "library");
    REQUIRE(contents.decks.size() == 1);
    CHECK(contents.decks[0].deck.id == "mini");
    CHECK(contents.problems.empty());
}

TEST_CASE("an older version of an installed deck is refused and the installed one kept") {
    TempDir dir;
    REQUIRE(install_deck(dir / "library", mini_deck(3)).installed());
    InstallResult older = install_deck(dir / "library", mini_deck(2));
    CHECK_FALSE(older.installed());
    CHECK(older.summary().find("already hold \u201CMini v2\u201D version 3; this file holds the older version 2") !=
          std::string::npos);
    CHECK(read_library(dir / "library").decks.at(0).deck.version == 3);
}

TEST_CASE("the same or a newer version replaces the installed copy, leaving nothing beside it") {
    TempDir dir;
    REQUIRE(install_deck(dir / "library", mini_deck(1)).installed());
    CHECK(install_deck(dir / "library", mini_deck(1)).replaced_version == 1);
    InstallResult newer = install_deck(dir / "library", mini_deck(2));
    REQUIRE(newer.installed());
    CHECK(newer.summary() == "Installed \u201CMini v2\u201D (version 2), replacing version 1.");
    CHECK(read_library(dir / "library").decks.at(0).deck.version == 2);
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "library")) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("an install cut short between its two moves gets the old copy back") {
    TempDir dir;
    REQUIRE(install_deck(dir / "library", mini_deck(1)).installed());
    std::filesystem::rename(dir / "library/mini", dir / "library/.mini.previous");
    dir.write("library/.mini.incoming/decks/mini.json", "half writ");
    LibraryContents contents = read_library(dir / "library");
    REQUIRE(contents.decks.size() == 1);
    CHECK(contents.decks[0].deck.version == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "library/.mini.incoming"));
}

TEST_CASE("a deck whose id would lead out of the library is refused and nothing is written") {
    TempDir dir;
    Deck deck = mini_deck(1);
    deck.id = "../escaped";
    InstallResult result = install_deck(dir / "library", deck);
    CHECK_FALSE(result.installed());
    CHECK_FALSE(std::filesystem::exists(dir / "escaped"));
    CHECK_FALSE(std::filesystem::exists(dir / "library"));
}

TEST_CASE("removing takes the deck out of the library and says when there is none") {
    TempDir dir;
    REQUIRE(install_deck(dir / "library", mini_deck(1)).installed());
    CHECK(remove_from_library(dir / "library", "mini").empty());
    CHECK(read_library(dir / "library").decks.empty());
    CHECK(remove_from_library(dir / "library", "mini").find("there is no deck") == 0);
    CHECK_FALSE(remove_from_library(dir / "library", "..").empty());
}

TEST_CASE("an update keeps the history of unchanged claims, a removed claim leaves study but its answers stay") {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    StudyApp app(mini_deck(1), ProgressStore::open(dir / "progress.sqlite"), [&] { return now; });
    app.open_library(dir / "library");
    app.create_profile("Ana");
    app.start_session(1);
    for (int i = 0; i < 3; ++i) app.answer(app.session()->current()->verdict, Confidence::Seventy);
    app.end_session();
    REQUIRE(app.answers_given() == 3);
    const CardState before = *app.card_state("a-distance");

    Deck next = mini_deck(2);
    next.claims[0].text = "A reworded card.";    // a-distance, same id
    next.claims.erase(next.claims.begin() + 2);  // a-second goes
    next.index();
    InstallResult result = app.install(write_package_file(dir, next, "mini-2.claimdeck"));
    REQUIRE(result.installed());

    CHECK(app.deck().version == 2);
    CHECK(app.deck().claims[0].text == "A reworded card.");
    REQUIRE(app.card_state("a-distance"));
    CHECK(app.card_state("a-distance")->reps == before.reps);
    CHECK(app.card_state("a-distance")->due_ms == before.due_ms);
    const DeckCounts counts = app.counts();
    CHECK(counts.fresh == 0);
    CHECK(counts.due + counts.learned == 2);
    CHECK(app.answers_given() == 3);  // the log keeps the removed claim's answer
    CHECK(app.scorecard().overall.answered == 3);
    CHECK(app.scorecard().overall.right == 3);
    REQUIRE(app.shelf().size() == 1);
    CHECK(app.shelf()[0].version == 2);
    CHECK(app.shelf()[0].in_library);
    CHECK(app.shelf()[0].counts.learned + app.shelf()[0].counts.due == 2);
}

TEST_CASE("Home lists the start deck and the library, removing a deck can delete its answers after counting them") {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    StudyApp app(mini_deck(1), ProgressStore::open(dir / "progress.sqlite"), [&] { return now; });
    app.open_library(dir / "library");
    Deck other = mini_deck(1);
    other.id = "other";
    other.title = "Another deck";
    REQUIRE(app.install(write_package_file(dir, other, "other.claimdeck")).installed());
    REQUIRE(app.shelf().size() == 2);
    CHECK(app.shelf()[1].id == "other");
    CHECK_FALSE(app.shelf()[0].in_library);

    app.create_profile("Ana");
    CHECK(app.shelf()[1].counts.fresh == 3);
    app.study_deck("other");
    CHECK(app.deck().id == "other");
    app.start_session(1);
    for (int i = 0; i < 2; ++i) app.answer(app.session()->current()->verdict, Confidence::Seventy);
    app.end_session();
    CHECK(app.answers_on_deck("other") == 2);

    app.remove_deck("other", true);
    CHECK(app.deck().id == "mini");
    CHECK(app.shelf().size() == 1);
    CHECK(app.answers_on_deck("other") == 0);
}

TEST_CASE("removing a deck without its progress keeps every answer for when it comes back") {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    StudyApp app(mini_deck(1), ProgressStore::open(dir / "progress.sqlite"), [&] { return now; });
    app.open_library(dir / "library");
    Deck other = mini_deck(1);
    other.id = "other";
    REQUIRE(app.install(write_package_file(dir, other, "other.claimdeck")).installed());
    app.create_profile("Ana");
    app.study_deck("other");
    app.start_session(1);
    app.answer(app.session()->current()->verdict, Confidence::Seventy);
    app.end_session();
    app.remove_deck("other", false);
    CHECK(app.answers_on_deck("other") == 1);
    REQUIRE(app.install(write_package_file(dir, other, "other.claimdeck")).installed());
    app.study_deck("other");
    CHECK(app.counts().fresh == 2);
}

TEST_CASE("the deck studied last is studied again at the next start") {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    Deck other = mini_deck(1);
    other.id = "other";
    {
        StudyApp app(mini_deck(1), ProgressStore::open(dir / "progress.sqlite"), [&] { return now; });
        app.open_library(dir / "library");
        REQUIRE(app.install(write_package_file(dir, other, "other.claimdeck")).installed());
        app.study_deck("other");
    }
    StudyApp app(mini_deck(1), ProgressStore::open(dir / "progress.sqlite"), [&] { return now; });
    app.open_library(dir / "library");
    CHECK(app.deck().id == "mini");  // as --deck PATH leaves it
    app.study_last_deck();
    CHECK(app.deck().id == "other");
}
