// A deck on disk as FORMAT.md lays it out: FOLDER/decks/<id>.json beside
// FOLDER/articles/*.txt. Saving never leaves a half-written deck and keeps
// the version before it as FOLDER.previous.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck {

// Writes the deck and its article texts into FOLDER.partial (each file
// fsynced), moves the old FOLDER to FOLDER.previous and the new one into
// place. Returns an empty string on success, else a sentence naming the file.
// A FOLDER that holds anything but one deck (see holds_one_deck_only) is
// refused: saving never moves a folder of other files aside.
std::string save_deck_folder(const Deck& deck, const std::filesystem::path& folder);

// Whether FOLDER is missing, empty, or a deck folder with one deck file and
// nothing beside decks/ and articles/: one a save may replace.
bool holds_one_deck_only(const std::filesystem::path& folder);

struct OpenedDeckFolder {
    std::optional<Deck> deck;
    std::vector<Problem> problems;
};

// Reads the one deck in FOLDER/decks/. `checked`: as strictly as the app
// reads a deck; otherwise as a draft (read_deck_for_editing). A save cut
// short between its two renames leaves only FOLDER.previous: that is read.
OpenedDeckFolder open_deck_folder(const std::filesystem::path& folder, bool checked);
// One deck file (FOLDER/decks/<id>.json) read as a draft, its articles from FOLDER/articles/.
OpenedDeckFolder open_deck_file(const std::filesystem::path& deck_file);

}  // namespace claimdeck
