#include "text_layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace claimdeck::ui {
namespace {

// The code point at text[at] and how many bytes it takes (ASCII without a call).
unsigned decode(std::string_view text, std::size_t at, std::size_t& length) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
        length = 1;
        return byte;
    }
    unsigned code_point = 0;
    length = static_cast<std::size_t>(ImTextCharFromUtf8(&code_point, text.data() + at, text.data() + text.size()));
    length = std::max<std::size_t>(length, 1);
    return code_point;
}

bool is_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte);
}

}  // namespace

std::vector<std::size_t> wrap_lines(std::string_view text, float width, const GlyphWidths& widths) {
    std::vector<std::size_t> starts{0};
    float x = 0;                                    // the current line's width so far
    std::size_t break_at = std::string_view::npos;  // after the line's last space
    float x_at_break = 0;
    std::size_t length = 0;
    for (std::size_t at = 0; at < text.size(); at += length) {
        const unsigned c = decode(text, at, length);
        if (c == '\n') {
            starts.push_back(at + length);
            x = 0;
            break_at = std::string_view::npos;
            continue;
        }
        const float advance = widths.of(c);
        if (c == ' ') {  // a space never starts a line: it hangs past the edge
            x += advance;
            break_at = at + length;
            x_at_break = x;
            continue;
        }
        if (x + advance > width && at > starts.back()) {
            if (break_at != std::string_view::npos && break_at > starts.back()) {
                starts.push_back(break_at);
                x -= x_at_break;
            } else {
                starts.push_back(at);
                x = 0;
            }
            break_at = std::string_view::npos;
        }
        x += advance;
    }
    return starts;
}

LineBytes line_bytes(std::string_view text, const std::vector<std::size_t>& line_starts, std::size_t index) {
    const std::size_t begin = line_starts[index];
    std::size_t end = index + 1 < line_starts.size() ? line_starts[index + 1] : text.size();
    if (end > begin && text[end - 1] == '\n') --end;
    return {begin, end};
}

LineRange visible_lines(float scroll_y, float view_height, float line_height, std::size_t line_count) {
    const auto clamp_line = [&](double line) {
        return static_cast<std::size_t>(std::clamp(line, 0.0, static_cast<double>(line_count)));
    };
    const std::size_t first = clamp_line(std::floor(scroll_y / line_height));
    const std::size_t last = clamp_line(std::ceil((scroll_y + view_height) / line_height));
    return {first, std::max(first, last)};
}

float text_width(std::string_view text, std::size_t begin, std::size_t end, const GlyphWidths& widths) {
    float width = 0;
    std::size_t length = 0;
    for (std::size_t at = begin; at < end; at += length) width += widths.of(decode(text, at, length));
    return width;
}

std::size_t byte_at_x(std::string_view text, LineBytes line, float x, const GlyphWidths& widths) {
    float left = 0;
    std::size_t length = 0;
    for (std::size_t at = line.begin; at < line.end; at += length) {
        const float advance = widths.of(decode(text, at, length));
        if (x < left + advance / 2) return at;
        left += advance;
    }
    return line.end;
}

std::size_t line_of(const std::vector<std::size_t>& line_starts, std::size_t offset) {
    const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    return static_cast<std::size_t>(after - line_starts.begin()) - 1;
}

LineBytes word_at(std::string_view text, std::size_t offset) {
    std::size_t begin = std::min(offset, text.size());
    std::size_t end = begin;
    while (begin > 0 && is_word_byte(text[begin - 1])) --begin;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    return {begin, end};
}

}  // namespace claimdeck::ui
