// The deck library: the decks a user made or imported, kept in the data
// folder as `<data>/library/<deck id>/`, each a deck folder
// (`decks/<deck id>.json` and `articles/`, FORMAT.md).
//
// Installing never loses the copy already there: the new one is written
// whole beside it (`.<id>.incoming`), then the old one is moved aside
// (`.<id>.previous`) and the new one moved in, and only then is the old one
// deleted. A run cut short between the two moves is put right the next time
// the library is read. Progress is not kept here but in the progress store,
// by deck id and claim id, so an update keeps every answer.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "content/deck.hpp"
#include "content/deck_package.hpp"

namespace claimdeck {

inline std::filesystem::path library_folder_in(const std::filesystem::path& data_dir) { return data_dir / "library"; }

struct InstalledDeck {
    std::filesystem::path deck_file;  // inside the library (or the bundled deck's own)
    Deck deck;
};

struct LibraryContents {
    std::vector<InstalledDeck> decks;  // by title
    std::vector<Problem> problems;     // folders that no longer hold a readable deck, left out
};

// Every deck in the library. A folder whose deck cannot be read is named in
// `problems` and left where it is.
LibraryContents read_library(const std::filesystem::path& library);

struct InstallResult {
    std::string deck_id;
    std::string title;
    int version = 0;
    int replaced_version = 0;       // the version that was there before; 0 when none
    std::vector<Problem> problems;  // empty when installed

    bool installed() const { return problems.empty(); }
    // "Installed “Title” (version 2), replacing version 1." for the user.
    std::string summary() const;
};

// Installs a checked package (read_package() and the like). Refused when
// the library holds the same deck at a higher version; the same or a newer
// version replaces it.
InstallResult install_package(const std::filesystem::path& library, const DeckPackage& files, const Deck& deck);
// A `.claimdeck` file, or a deck file in a deck folder (`decks/x.json`).
InstallResult install_file(const std::filesystem::path& library, const std::filesystem::path& file);
// A package's bytes, e.g. from the browser's file picker; `name` names it.
InstallResult install_package_bytes(const std::filesystem::path& library, std::string_view bytes,
                                    const std::string& name);
// A deck held in memory with its article texts, e.g. the Studio's.
InstallResult install_deck(const std::filesystem::path& library, const Deck& deck);

// Whether the file is a package (by its name), not a deck file.
bool is_package_file(const std::filesystem::path& file);

bool in_library(const std::filesystem::path& library, const std::string& deck_id);

// Takes the deck out of the library (its progress stays in the store).
// Returns an empty string, or a sentence saying why it could not be.
std::string remove_from_library(const std::filesystem::path& library, const std::string& deck_id);

}  // namespace claimdeck
