#include "rich_text.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "page_outline.hpp"
#include "theme.hpp"

namespace claimdeck::ui {
namespace {

enum class Kind { Word, Space, Newline };

// A run of text with one kind and one style: the unit of layout.
struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
    Kind kind = Kind::Word;
    int range = -1;  // index into Paragraph::ranges, or -1
};

struct Placed {
    Segment segment;
    float x = 0;
    float y = 0;
    float width = 0;
};

Kind kind_of(char c) {
    if (c == '\n') return Kind::Newline;
    if (c == ' ' || c == '\t' || c == '\r') return Kind::Space;
    return Kind::Word;
}

std::vector<Segment> segments_of(const Paragraph& p) {
    std::vector<Segment> segments;
    std::size_t next_range = 0;
    auto range_at = [&](std::size_t pos) {
        while (next_range < p.ranges.size() && p.ranges[next_range].span.end <= pos) ++next_range;
        if (next_range < p.ranges.size() && p.ranges[next_range].span.begin <= pos) return static_cast<int>(next_range);
        return -1;
    };
    for (std::size_t pos = 0; pos < p.text.size(); ++pos) {
        const Kind kind = kind_of(p.text[pos]);
        const int range = range_at(pos);
        bool extends = !segments.empty() && segments.back().kind == kind && kind != Kind::Newline &&
                       segments.back().range == range;
        if (extends)
            segments.back().end = pos + 1;
        else
            segments.push_back({pos, pos + 1, kind, range});
    }
    return segments;
}

std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

class Layout {
public:
    Layout(const Paragraph& p, float width, float font_size)
        : p_(p), width_(width), size_(font_size), line_(std::round(p.line_height * font_size)) {}

    std::vector<Placed> place(const std::vector<Segment>& segments) {
        for (std::size_t i = 0; i < segments.size();) {
            const Segment& s = segments[i];
            if (s.kind == Kind::Newline) {
                new_line();
                pending_space_ = {};
                ++i;
            } else if (s.kind == Kind::Space) {
                if (x_ > 0) pending_space_ = s;
                ++i;
            } else {
                i = place_word(segments, i);
            }
        }
        return std::move(placed_);
    }

    float height() const { return y_ + line_; }

private:
    ImFont* font_for(const Segment& s) const {
        if (s.range >= 0 && p_.ranges[s.range].style.bold && fonts().bold) return fonts().bold;
        return p_.font;
    }
    float measure(const Segment& s, std::size_t begin, std::size_t end) const {
        return font_for(s)->CalcTextSizeA(size_, FLT_MAX, 0, p_.text.data() + begin, p_.text.data() + end).x;
    }
    void new_line() {
        x_ = 0;
        y_ += line_;
    }

    // Places the word that starts at segments[first]; returns the index after it.
    std::size_t place_word(const std::vector<Segment>& segments, std::size_t first) {
        std::size_t last = first;
        float word_width = 0;
        while (last < segments.size() && segments[last].kind == Kind::Word) {
            word_width += measure(segments[last], segments[last].begin, segments[last].end);
            ++last;
        }
        const float space = pending_space_.end > pending_space_.begin
                                ? measure(pending_space_, pending_space_.begin, pending_space_.end)
                                : 0;
        if (x_ > 0 && x_ + space + word_width > width_) {
            new_line();
        } else if (space > 0) {
            placed_.push_back({pending_space_, x_, y_, space});
            x_ += space;
        }
        pending_space_ = {};
        for (std::size_t i = first; i < last; ++i) {
            if (word_width > width_)
                place_by_character(segments[i]);
            else
                place_whole(segments[i]);
        }
        return last;
    }

    void place_whole(const Segment& s) {
        const float w = measure(s, s.begin, s.end);
        placed_.push_back({s, x_, y_, w});
        x_ += w;
    }

    // A word wider than the line (a long link) breaks between characters.
    void place_by_character(const Segment& s) {
        for (std::size_t pos = s.begin; pos < s.end;) {
            const std::size_t end = std::min(s.end, pos + utf8_length(static_cast<unsigned char>(p_.text[pos])));
            const float w = measure(s, pos, end);
            if (x_ > 0 && x_ + w > width_) new_line();
            placed_.push_back({{pos, end, s.kind, s.range}, x_, y_, w});
            x_ += w;
            pos = end;
        }
    }

    const Paragraph& p_;
    float width_;
    float size_;
    float line_;
    float x_ = 0;
    float y_ = 0;
    Segment pending_space_{};
    std::vector<Placed> placed_;
};

Paragraph with_font(const Paragraph& input) {
    Paragraph p = input;
    if (!p.font) p.font = fonts().body;
    return p;
}

float font_size_of(const Paragraph& p) { return font_size(p.font); }

}  // namespace

float paragraph_height(const Paragraph& input, float width) {
    const Paragraph p = with_font(input);
    const float size = font_size_of(p);
    Layout layout(p, std::max(width, size), size);
    layout.place(segments_of(p));
    return layout.height();
}

RichTextResult rich_text(const Paragraph& input, float width) {
    const Paragraph p = with_font(input);
    outline_text(p.heading || p.font == fonts().heading ? Role::Heading : Role::Text, p.text);
    const ImU32 text_colour = p.colour ? p.colour : palette().text;
    const float size = font_size_of(p);

    Layout layout(p, std::max(width, size), size);
    const std::vector<Placed> placed = layout.place(segments_of(p));
    const float line = std::round(p.line_height * size);
    const float text_offset = std::round((line - size) * 0.5f);

    const ImVec2 origin(std::round(ImGui::GetCursorScreenPos().x), std::round(ImGui::GetCursorScreenPos().y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    RichTextResult result;
    for (const Placed& piece : placed) {
        const TextStyle none;
        const TextStyle& style = piece.segment.range >= 0 ? p.ranges[piece.segment.range].style : none;
        const ImVec2 top_left(origin.x + piece.x, origin.y + piece.y);
        const ImVec2 bottom_right(top_left.x + piece.width, top_left.y + line);
        // Neighbouring pieces share an edge exactly, so translucent washes do not overlap into seams.
        if (style.background)
            draw->AddRectFilled(ImVec2(top_left.x, top_left.y + 1), ImVec2(bottom_right.x, bottom_right.y - 1),
                                style.background);
        if (style.underline) {
            const float y = top_left.y + text_offset + size + 1;
            draw->AddLine(ImVec2(top_left.x, y), ImVec2(bottom_right.x, y), style.underline, std::max(1.5f, size / 10));
        }
        if (piece.segment.kind == Kind::Word) {
            ImFont* font = style.bold && fonts().bold ? fonts().bold : p.font;
            draw->AddText(font, size, ImVec2(top_left.x, top_left.y + text_offset),
                          style.colour ? style.colour : text_colour, p.text.data() + piece.segment.begin,
                          p.text.data() + piece.segment.end);
        }
        if (style.tag >= 0) {
            result.tag_top.emplace(style.tag, top_left.y);
            result.tag_first_box.emplace(style.tag, ImRect(top_left, bottom_right));
            if (ImGui::IsMouseHoveringRect(top_left, bottom_right, false)) result.hovered_tag = style.tag;
        }
    }

    ImGui::Dummy(ImVec2(width, layout.height()));
    if (!ImGui::IsItemHovered()) result.hovered_tag = -1;
    if (result.hovered_tag >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const ImGuiIO& io = ImGui::GetIO();
        const float threshold = io.MouseDragThreshold;
        // A release after a drag is a scroll, not a click.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < threshold * threshold)
            result.clicked_tag = result.hovered_tag;
    }
    return result;
}

std::vector<StyledRange> styled(const std::vector<Span>& spans, const TextStyle& style) {
    std::vector<StyledRange> ranges;
    for (Span span : spans) ranges.push_back({span, style});
    return ranges;
}

namespace {

const TextStyle* style_at(const std::vector<StyledRange>& ranges, std::size_t pos) {
    for (const StyledRange& range : ranges)
        if (range.span.begin <= pos && pos < range.span.end) return &range.style;
    return nullptr;
}

TextStyle combined(const TextStyle* under, const TextStyle* over) {
    TextStyle style = under ? *under : TextStyle();
    if (!over) return style;
    if (over->colour) style.colour = over->colour;
    if (over->background) style.background = over->background;
    if (over->underline) style.underline = over->underline;
    if (over->bold) style.bold = true;
    if (over->tag >= 0) style.tag = over->tag;
    return style;
}

bool same_style(const TextStyle& a, const TextStyle& b) {
    return a.colour == b.colour && a.background == b.background && a.underline == b.underline && a.bold == b.bold &&
           a.tag == b.tag;
}

}  // namespace

std::vector<StyledRange> layered(const std::vector<StyledRange>& under, const std::vector<StyledRange>& over) {
    std::vector<std::size_t> edges;
    for (const auto* list : {&under, &over})
        for (const StyledRange& range : *list) {
            edges.push_back(range.span.begin);
            edges.push_back(range.span.end);
        }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

    std::vector<StyledRange> out;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const TextStyle* below = style_at(under, edges[i]);
        const TextStyle* above = style_at(over, edges[i]);
        if (!below && !above) continue;
        const TextStyle style = combined(below, above);
        if (!out.empty() && out.back().span.end == edges[i] && same_style(out.back().style, style))
            out.back().span.end = edges[i + 1];
        else
            out.push_back({{edges[i], edges[i + 1]}, style});
    }
    return out;
}

}  // namespace claimdeck::ui
