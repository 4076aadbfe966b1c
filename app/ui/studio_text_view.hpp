// A block of text the editor can select words in, but not change: the
// Studio's article reader and the quote that techniques are picked from.
#pragma once

#include <optional>
#include <string>

#include "content/deck.hpp"

namespace claimdeck::ui {

// Draws `text` read-only in a box of `height` (0: as tall as the text needs,
// for short texts), its lines wrapped to the box. The text is laid out once,
// again only when it, the width or the font changes, and only the lines in
// view are drawn, so a 1 MiB article scrolls as fast as a short one. Drag,
// shift-click or double-click to select; Ctrl+A selects all, Ctrl+C copies.
// Returns the selection, in bytes of `text`, while there is one.
std::optional<Span> selectable_text(const char* id, const std::string& text, float width, float height);

}  // namespace claimdeck::ui
