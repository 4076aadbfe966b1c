#include "studio_text_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <unordered_map>

#include "text_layout.hpp"

namespace claimdeck::ui {
namespace {

// What one view keeps between frames: its text laid out for a width and a
// font (laid out again only when one of them changes) and the selection.
struct TextViewState {
    std::string text;  // the text laid out, to notice a change
    float wrap_width = -1;
    const ImFont* font = nullptr;
    float font_size = 0;
    std::vector<std::size_t> line_starts;
    std::size_t anchor = 0;  // where the selection began
    std::size_t caret = 0;   // where it ends; equal to anchor: nothing selected
    bool selecting_words = false;

    Span selection() const { return {std::min(anchor, caret), std::max(anchor, caret)}; }
};

// Keyed by the view's ImGui id; a handful of views, one per place.
TextViewState& state_of(ImGuiID id) {
    static std::unordered_map<ImGuiID, TextViewState> states;
    return states[id];
}

GlyphWidths current_widths() {
    const ImFont* font = ImGui::GetFont();
    return {font->IndexAdvanceX.Data, static_cast<std::size_t>(font->IndexAdvanceX.Size), font->FallbackAdvanceX,
            ImGui::GetFontSize() / font->FontSize};
}

void lay_out(TextViewState& state, const std::string& text, float wrap_width) {
    const bool new_text = state.text != text;
    if (!new_text && state.wrap_width == wrap_width && state.font == ImGui::GetFont() &&
        state.font_size == ImGui::GetFontSize())
        return;
    if (new_text) {
        state.text = text;
        state.anchor = state.caret = 0;
    }
    state.wrap_width = wrap_width;
    state.font = ImGui::GetFont();
    state.font_size = ImGui::GetFontSize();
    state.line_starts = wrap_lines(state.text, wrap_width, current_widths());
}

// The byte under the point `at` of the text whose first line's top left is `origin`.
std::size_t byte_under(const TextViewState& state, ImVec2 origin, ImVec2 at) {
    const float line_height = ImGui::GetTextLineHeight();
    const float row = std::max(0.0f, (at.y - origin.y) / line_height);
    const std::size_t line = std::min(static_cast<std::size_t>(row), state.line_starts.size() - 1);
    return byte_at_x(state.text, line_bytes(state.text, state.line_starts, line), at.x - origin.x, current_widths());
}

// Press to place, drag to extend, shift-click to extend, double-click for a word.
void follow_pointer(TextViewState& state, ImVec2 origin) {
    const ImGuiIO& io = ImGui::GetIO();
    const std::size_t under = byte_under(state, origin, io.MousePos);
    if (ImGui::IsItemActivated()) {
        state.selecting_words = io.MouseDoubleClicked[0];
        if (state.selecting_words) {
            const LineBytes word = word_at(state.text, under);
            state.anchor = word.begin;
            state.caret = word.end;
            return;
        }
        if (!io.KeyShift) state.anchor = under;
        state.caret = under;
    } else if (ImGui::IsItemActive() && !state.selecting_words) {
        state.caret = under;
    }
}

// While a drag goes past the top or bottom edge, the text scrolls a line a frame.
void scroll_while_dragging() {
    if (!ImGui::IsItemActive()) return;
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float y = ImGui::GetIO().MousePos.y;
    if (y < window->InnerRect.Min.y) ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetTextLineHeight());
    if (y > window->InnerRect.Max.y) ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetTextLineHeight());
}

void keyboard(TextViewState& state) {
    if (!ImGui::IsWindowFocused()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_A))) {
        state.anchor = 0;
        state.caret = state.text.size();
    }
    const Span selected = state.selection();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C)) && selected.end > selected.begin)
        ImGui::SetClipboardText(state.text.substr(selected.begin, selected.end - selected.begin).c_str());
}

// The lines in view, with the selection behind them.
void draw_visible_lines(const TextViewState& state, ImVec2 origin) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float line_height = ImGui::GetTextLineHeight();
    const LineRange range = visible_lines(window->InnerRect.Min.y - origin.y, window->InnerRect.GetHeight(),
                                          line_height, state.line_starts.size());
    const GlyphWidths widths = current_widths();
    const Span selected = state.selection();
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 selection_colour = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    for (std::size_t line = range.first; line < range.last; ++line) {
        const LineBytes bytes = line_bytes(state.text, state.line_starts, line);
        const ImVec2 at(origin.x, origin.y + static_cast<float>(line) * line_height);
        const std::size_t from = std::max(selected.begin, bytes.begin);
        const std::size_t to = std::min(selected.end, bytes.end);
        if (from < to) {
            const float left = text_width(state.text, bytes.begin, from, widths);
            const float right = left + text_width(state.text, from, to, widths);
            draw->AddRectFilled(ImVec2(at.x + left, at.y), ImVec2(at.x + right, at.y + line_height), selection_colour);
        }
        const char* begin = state.text.data() + bytes.begin;
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, text_colour, begin, state.text.data() + bytes.end);
    }
}

}  // namespace

std::optional<Span> selectable_text(const char* id, const std::string& text, float width, float height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool fits_its_text = height <= 0;
    // A box that scrolls keeps room for its scroll bar, so its lines do not
    // wrap again when the bar appears.
    const float wrap_width =
        std::max(1.0f, width - 2 * style.FramePadding.x - (fits_its_text ? 0 : style.ScrollbarSize));
    TextViewState& state = state_of(ImGui::GetID(id));
    lay_out(state, text, wrap_width);
    const float text_height = static_cast<float>(state.line_starts.size()) * ImGui::GetTextLineHeight();
    if (fits_its_text) height = text_height + 2 * style.FramePadding.y;

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.FramePadding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, style.FrameRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, style.FrameBorderSize);
    ImGui::BeginChild(id, ImVec2(width, height), style.FrameBorderSize > 0,
                      fits_its_text ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##text", ImVec2(wrap_width, std::max(text_height, 1.0f)));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    follow_pointer(state, origin);
    scroll_while_dragging();
    keyboard(state);
    draw_visible_lines(state, origin);
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();

    const Span selected = state.selection();
    if (selected.end <= selected.begin) return std::nullopt;
    return selected;
}

}  // namespace claimdeck::ui
