// Writing a deck back to its JSON file: what the Studio saves and the
// importers produce. The layout is the one the bundled deck is written in
// (two-space indent, keys in FORMAT.md's order, short lists on one line), so
// a deck read and written again is the same file byte for byte and a change
// shows in a diff as the lines that changed.
#pragma once

#include <string>
#include <string_view>

#include "content/deck.hpp"

namespace claimdeck {

// The deck file's text, ending in a newline. Article texts are not part of
// it: they live in their own files, named by Article::file.
std::string write_deck_json(const Deck& deck);

// `text` as a JSON string, appended to `out`: UTF-8 as it is, with the
// characters that cannot be seen (no-break and zero-width spaces, line and
// paragraph separators, the byte order mark) escaped so whoever edits the
// file by hand sees them. Runs of plain text are copied whole.
void append_json_string(std::string& out, std::string_view text);

}  // namespace claimdeck
