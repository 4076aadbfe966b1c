// A deck package (`*.claimdeck`): one file that carries a deck and its
// article files, byte for byte, to send by mail, an LMS or a USB stick.
//
// It is a JSON object (FORMAT.md, "Deck packages"), so anyone can look
// inside with a text editor:
//   { "format": "claimdeck-package", "package_version": 1,
//     "deck_file": "x.json", "deck": "<the deck file's text>",
//     "articles": [ { "file": "a.txt", "text": "<the article file's text>" } ] }
// Reading one is as strict as reading a deck: size caps, every problem named
// with its place, file names that are bare names only (so unpacking writes
// nothing outside the folder it is given), and the deck inside read and
// checked by read_deck().
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "content/deck.hpp"

namespace claimdeck {

// The package format this version of ClaimDeck reads and writes.
inline constexpr int kPackageFormatVersion = 1;
inline constexpr const char* kPackageExtension = ".claimdeck";

struct PackageLimits {
    DeckLimits deck;
    // A whole package: the largest deck and a good number of large articles.
    std::uintmax_t max_package_bytes = 256u << 20;
};

// One file of a deck folder, its text exactly as on disk.
struct PackedFile {
    std::string name;  // a bare file name
    std::string text;
};

// The files a package holds: the deck file (for decks/) and its articles
// (for articles/), in the order the deck names them.
struct DeckPackage {
    PackedFile deck_file;
    std::vector<PackedFile> articles;
};

struct PackageReadResult {
    std::optional<DeckPackage> files;  // both set only when there are no problems
    std::optional<Deck> deck;
    std::vector<Problem> problems;
};

// The package's bytes.
std::string write_package(const DeckPackage& package);

// Reads and checks a package held in memory; `file` names it in problems.
PackageReadResult read_package(std::string_view bytes, const std::string& file, const PackageLimits& limits = {});
PackageReadResult read_package_file(const std::filesystem::path& file, const PackageLimits& limits = {});

// A deck file on disk and the article files it names, checked by
// load_deck() and taken byte for byte.
PackageReadResult package_deck_file(const std::filesystem::path& deck_file, const DeckLimits& limits = {});
// A deck held in memory (the Studio's): its JSON as write_deck_json() writes
// it, in `<id>.json`, and its article texts. Checked by read_deck().
PackageReadResult package_deck(const Deck& deck);

// Writes the package's files as a deck folder: `folder/decks/<deck file>`
// and `folder/articles/<file>`, each written whole or not at all. Returns an
// empty string, or a sentence naming the file that could not be written.
std::string write_deck_folder(const DeckPackage& package, const std::filesystem::path& folder);
// The same with the deck file under another bare name (an installed deck's is always <id>.json).
std::string write_deck_folder(const DeckPackage& package, const std::filesystem::path& folder,
                              const std::string& deck_file_name);

}  // namespace claimdeck
