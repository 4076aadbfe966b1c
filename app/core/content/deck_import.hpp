// What the importers (CSV/TSV, ClaimReview) share: the result they hand
// back, the ids they make up, and the deck folder they write.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "content/deck.hpp"

namespace claimdeck {

struct DeckImport {
    std::optional<Deck> deck;       // article texts filled in; unset when nothing could be imported
    std::vector<Problem> skipped;   // rows or reviews left out, each with its place; the rest are in `deck`
    std::vector<Problem> problems;  // what stopped the whole import
};

// A lower-case kebab-case id made from any text ("Lions of Panjshir!" ->
// "lions-of-panjshir"), at most 48 bytes; `fallback` when nothing is left.
std::string kebab_id(std::string_view text, std::string_view fallback);

// Ids handed out once each: "a", then "a-2", "a-3" ...
class IdRegistry {
public:
    std::string take(const std::string& wanted);

private:
    std::set<std::string> taken_;
};

// A deck skeleton: format version, id, version 1, title, no content.
Deck new_deck(const std::string& id, const std::string& title);

// Adds an article whose text is `text` (in article-file form) under an id
// made from `name`, its file `<id>.txt`, its title the text's first line.
Article& add_article(Deck& deck, IdRegistry& ids, std::string_view name, std::string text);

// Writes a deck folder: `out/decks/<id>.json` and each article as
// `out/articles/<file>`, articles first so the deck never names a missing
// file. Refuses to replace a deck file that is already there, or an article
// file with other text. Returns "" or a sentence naming the file.
std::string write_deck_folder(const Deck& deck, const std::filesystem::path& out);

// A path a CSV may name for an article: relative, without "..", not hidden,
// so an import reads nothing outside the CSV's own folder.
bool is_safe_relative_path(std::string_view path);

}  // namespace claimdeck
