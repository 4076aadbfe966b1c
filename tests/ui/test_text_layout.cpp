// The reader's layout: lines broken once to a width, the lines in view, and
// the byte under the pointer, with every character 1 unit wide ("é" too).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text_layout.hpp"

using namespace claimdeck::ui;

namespace {

const std::vector<float> kOneEach(256, 1.0f);
const GlyphWidths kWidths{kOneEach.data(), kOneEach.size(), 1.0f, 1.0f};

std::vector<std::string> lines_of(const std::string& text, float width) {
    const std::vector<std::size_t> starts = wrap_lines(text, width, kWidths);
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const LineBytes bytes = line_bytes(text, starts, i);
        lines.push_back(text.substr(bytes.begin, bytes.end - bytes.begin));
    }
    return lines;
}

}  // namespace

TEST_CASE("a line wider than the view breaks after its last space, the space hanging at its end") {
    CHECK(lines_of("the valley fell on Monday", 12) == std::vector<std::string>{"the valley ", "fell on ", "Monday"});
}

TEST_CASE("the text's own newlines end lines, and an empty line stays a line") {
    CHECK(lines_of("Headline\n\nBody text", 40) == std::vector<std::string>{"Headline", "", "Body text"});
}

TEST_CASE("a word wider than the view is broken where it reaches the edge") {
    CHECK(lines_of("abcdefghij xy", 4) == std::vector<std::string>{"abcd", "efgh", "ij ", "xy"});
}

TEST_CASE("a character of several bytes is never cut in two by a break") {
    const std::string text = "\xc3\xa9\xc3\xa9\xc3\xa9";  // "ééé", two bytes each, one unit wide
    CHECK(lines_of(text, 2) == std::vector<std::string>{"\xc3\xa9\xc3\xa9", "\xc3\xa9"});
}

TEST_CASE("every byte of the text is on exactly one line, in order") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += (i % 7 == 0 ? "\n" : "") + std::string("word") + std::to_string(i) + " ";
    const std::vector<std::size_t> starts = wrap_lines(text, 23, kWidths);
    for (std::size_t i = 1; i < starts.size(); ++i) CHECK(starts[i] > starts[i - 1]);
    CHECK(starts.back() <= text.size());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const LineBytes line = line_bytes(text, starts, i);
        CHECK(text_width(text, line.begin, line.end, kWidths) <= 23 + 1);  // one hanging space at most
    }
}

TEST_CASE("the lines in view are those the scrolled box shows, partly shown ones included") {
    const LineRange top = visible_lines(0, 100, 20, 1000);
    CHECK(top.first == 0);
    CHECK(top.last == 5);
    const LineRange middle = visible_lines(210, 100, 20, 1000);
    CHECK(middle.first == 10);
    CHECK(middle.last == 16);
    const LineRange end = visible_lines(19950, 100, 20, 1000);
    CHECK(end.first == 997);
    CHECK(end.last == 1000);
    CHECK(visible_lines(0, 100, 20, 0).last == 0);
}

TEST_CASE("the pointer picks the boundary between characters nearest to it") {
    const std::string text =
        "ab\xc3\xa9"
        "cd";
    const LineBytes line{0, text.size()};
    CHECK(byte_at_x(text, line, -5, kWidths) == 0);
    CHECK(byte_at_x(text, line, 0.4f, kWidths) == 0);
    CHECK(byte_at_x(text, line, 0.6f, kWidths) == 1);
    CHECK(byte_at_x(text, line, 2.6f, kWidths) == 4);  // after "é", two bytes
    CHECK(byte_at_x(text, line, 50, kWidths) == text.size());
}

TEST_CASE("a byte's line is found among the line starts") {
    const std::vector<std::size_t> starts{0, 10, 25};
    CHECK(line_of(starts, 0) == 0);
    CHECK(line_of(starts, 9) == 0);
    CHECK(line_of(starts, 10) == 1);
    CHECK(line_of(starts, 40) == 2);
}

TEST_CASE("a double click takes the whole word around the pointer, or the word it ends") {
    const std::string text = "the Taliban's claim";
    const LineBytes word = word_at(text, 6);
    CHECK(text.substr(word.begin, word.end - word.begin) == "Taliban");
    const LineBytes before_space = word_at(text, 3);
    CHECK(text.substr(before_space.begin, before_space.end - before_space.begin) == "the");
}
