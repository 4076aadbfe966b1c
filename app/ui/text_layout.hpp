// Long text laid out once into wrapped lines, so a reader of a 1 MiB article
// draws only the lines in view and finds the character under the pointer
// without measuring the whole text again each frame.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimdeck::ui {

// How wide each character is drawn: a font's advances by code point, scaled
// to the size it is drawn at; code points past the table take `fallback`.
struct GlyphWidths {
    const float* advance = nullptr;
    std::size_t count = 0;
    float fallback = 0;
    float scale = 1;
    float of(unsigned code_point) const { return (code_point < count ? advance[code_point] : fallback) * scale; }
};

// The byte where each line starts, the first at 0: lines end at the text's
// newlines, and a line that would be wider than `width` is broken after its
// last space (spaces may hang past the edge), or where it reaches the edge
// when one word is wider than the line. A line holds at least one character.
std::vector<std::size_t> wrap_lines(std::string_view text, float width, const GlyphWidths& widths);

// The drawn bytes of line `index`: from its start to the next line's, less
// the newline that ended it.
struct LineBytes {
    std::size_t begin = 0;
    std::size_t end = 0;
};
LineBytes line_bytes(std::string_view text, const std::vector<std::size_t>& line_starts, std::size_t index);

// The lines [first, last) that show in a view `view_height` high scrolled
// down by `scroll_y`, of `line_count` lines each `line_height` high.
struct LineRange {
    std::size_t first = 0;
    std::size_t last = 0;
};
LineRange visible_lines(float scroll_y, float view_height, float line_height, std::size_t line_count);

// The width of text[begin, end) drawn on one line.
float text_width(std::string_view text, std::size_t begin, std::size_t end, const GlyphWidths& widths);
// The byte of line [begin, end) nearest to `x` from the line's left edge:
// the boundary between characters closest to the pointer.
std::size_t byte_at_x(std::string_view text, LineBytes line, float x, const GlyphWidths& widths);
// The line holding byte `offset` (the last line for the text's end).
std::size_t line_of(const std::vector<std::size_t>& line_starts, std::size_t offset);

// The word around byte `offset`: letters, digits and any non-ASCII
// character, for a double click. Empty when `offset` is not in a word.
LineBytes word_at(std::string_view text, std::size_t offset);

}  // namespace claimdeck::ui
