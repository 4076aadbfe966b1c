#include <doctest/doctest.h>

#include "base/text_file.hpp"
#include "content/deck_package.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

const std::filesystem::path kMiniDeck = std::filesystem::path(CLAIMDECK_TEST_DATA_DIR) / "mini-deck/decks/mini.json";

DeckPackage mini_package() {
    PackageReadResult packed = package_deck_file(kMiniDeck);
    REQUIRE(packed.files);
    return *packed.files;
}

std::string file_text(const std::filesystem::path& path) { return read_text_file(path, 1u << 20).text; }

std::string all_messages(const PackageReadResult& read) { return describe_all(read.problems); }

// Reads the package `change` made of the mini deck's.
template <class Change>
PackageReadResult read_changed(Change change) {
    DeckPackage package = mini_package();
    change(package);
    return read_package(write_package(package), "hostile.claimdeck");
}

}  // namespace

TEST_CASE("pack then unpack gives the same deck file and articles byte for byte") {
    TempDir dir;
    PackageReadResult read = read_package(write_package(mini_package()), "mini.claimdeck");
    REQUIRE(read.deck);
    CHECK(read.deck->claims.size() == 3);
    REQUIRE(write_deck_folder(*read.files, dir / "out").empty());
    const std::filesystem::path source = kMiniDeck.parent_path().parent_path();
    CHECK(file_text(dir / "out/decks/mini.json") == file_text(kMiniDeck));
    CHECK(file_text(dir / "out/articles/a.txt") == file_text(source / "articles/a.txt"));
    CHECK(file_text(dir / "out/articles/b.txt") == file_text(source / "articles/b.txt"));
    CHECK(load_deck(dir / "out/decks/mini.json").deck);
}

TEST_CASE("a deck packed from memory reads back as the same deck") {
    Deck deck = *load_deck(kMiniDeck).deck;
    PackageReadResult packed = package_deck(deck);
    REQUIRE(packed.deck);
    CHECK(packed.files->deck_file.name == "mini.json");
    PackageReadResult read = read_package(write_package(*packed.files), "mini.claimdeck");
    REQUIRE(read.deck);
    CHECK(read.deck->claims[1].quote == deck.claims[1].quote);
    CHECK(read.deck->articles[0].text == deck.articles[0].text);
}

TEST_CASE("article names that lead out of the folder are refused with their place") {
    for (const char* name : {"../evil.txt", "/tmp/evil.txt", ".hidden", "sub/a.txt", ""}) {
        PackageReadResult read = read_changed([&](DeckPackage& p) { p.articles[0].name = name; });
        CHECK_FALSE(read.deck);
        CHECK(all_messages(read).find("hostile.claimdeck: article file \"" + std::string(name) +
                                      "\": must be a bare") != std::string::npos);
    }
    PackageReadResult read = read_changed([](DeckPackage& p) { p.deck_file.name = "../../mini.json"; });
    CHECK(all_messages(read).find("field \"deck_file\": \"../../mini.json\" must be a bare file name") !=
          std::string::npos);
}

TEST_CASE("a hostile package writes nothing, inside the folder or outside it") {
    TempDir dir;
    PackageReadResult read = read_changed([](DeckPackage& p) { p.articles[0].name = "../../escaped.txt"; });
    CHECK_FALSE(read.files);
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a file named twice, a missing article and a stray file are each named") {
    PackageReadResult twice = read_changed([](DeckPackage& p) { p.articles.push_back(p.articles[0]); });
    CHECK(all_messages(twice).find("article file \"a.txt\": is in the package twice") != std::string::npos);
    PackageReadResult missing = read_changed([](DeckPackage& p) { p.articles.pop_back(); });
    CHECK(all_messages(missing).find("\"b.txt\" is not in the package") != std::string::npos);
    CHECK(all_messages(missing).find("hostile.claimdeck (decks/mini.json): article \"b\", field \"file\"") !=
          std::string::npos);
    PackageReadResult stray = read_changed([](DeckPackage& p) { p.articles.push_back({"stray.txt", "x\n"}); });
    CHECK(all_messages(stray).find("article file \"stray.txt\": no article of the deck is read from this file") !=
          std::string::npos);
}

TEST_CASE("a package from a newer ClaimDeck says to update ClaimDeck") {
    std::string bytes = write_package(mini_package());
    const std::string version = "\"package_version\":1";
    bytes.replace(bytes.find(version), version.size(), "\"package_version\":2");
    PackageReadResult read = read_package(bytes, "new.claimdeck");
    REQUIRE(read.problems.size() == 1);
    CHECK(read.problems[0].place == "field \"package_version\"");
    CHECK(read.problems[0].message.find("update ClaimDeck") != std::string::npos);
}

TEST_CASE("a truncated package is named with the line and column where it stops") {
    const std::string bytes = write_package(mini_package());
    for (std::size_t cut : {std::size_t(0), std::size_t(1), bytes.size() / 3, bytes.size() - 3}) {
        PackageReadResult read = read_package(bytes.substr(0, cut), "cut.claimdeck");
        CHECK_FALSE(read.deck);
        REQUIRE_FALSE(read.problems.empty());
        CHECK(read.problems[0].file == "cut.claimdeck");
    }
    PackageReadResult read = read_package(bytes.substr(0, bytes.size() / 3), "cut.claimdeck");
    CHECK(read.problems[0].place.find("line 1, column") != std::string::npos);
}

TEST_CASE("packages and articles past the size caps are refused before they are read") {
    PackageLimits small;
    small.max_package_bytes = 100;
    PackageReadResult big = read_package(write_package(mini_package()), "big.claimdeck", small);
    REQUIRE(big.problems.size() == 1);
    CHECK(big.problems[0].message.find("the package is larger than") != std::string::npos);
    PackageLimits tight;
    tight.deck.max_article_bytes = 10;
    PackageReadResult article = read_package(write_package(mini_package()), "big.claimdeck", tight);
    CHECK(all_messages(article).find("article file \"a.txt\": is larger than") != std::string::npos);
}

TEST_CASE("a deck file or other JSON is not taken for a package") {
    PackageReadResult read = read_package(file_text(kMiniDeck), "mini.json");
    CHECK_FALSE(read.deck);
    CHECK(all_messages(read).find("mini.json: field \"format\": is missing") != std::string::npos);
}

TEST_CASE("the deck inside a package is checked like any deck, its problems placed in the package") {
    PackageReadResult read = read_changed([](DeckPackage& p) {
        const std::string verdict = "\"verdict\": \"";
        p.deck_file.text.replace(p.deck_file.text.find(verdict), verdict.size(), verdict + "x");
    });
    CHECK_FALSE(read.deck);
    CHECK(all_messages(read).find("hostile.claimdeck (decks/mini.json): claim \"a-distance\"") != std::string::npos);
}
