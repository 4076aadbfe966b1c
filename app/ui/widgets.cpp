#include "widgets.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_stdlib.h>

#include "keyboard_focus.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {
namespace {

struct OpenCard {
    ImDrawListSplitter splitter;
    Column column;
    ImVec2 top_left;
    bool open = false;
};
struct PrimaryButton {
    int frame = -1;
    ImRect box;
};
PrimaryButton& last_primary() {
    static PrimaryButton drawn;
    return drawn;
}

OpenCard& open_card() {
    static OpenCard card;
    return card;
}

// ImGui's wrap position is in window-local coordinates.
float local_x(float screen_x) { return screen_x - ImGui::GetWindowPos().x + ImGui::GetScrollX(); }

void centred_text(ImDrawList* draw, ImFont* font, ImVec2 centre, ImU32 colour, std::string_view text) {
    const float size = font_size(font);
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    draw->AddText(font, size, ImVec2(std::round(centre.x - extent.x / 2), std::round(centre.y - extent.y / 2)), colour,
                  text.data(), text.data() + text.size());
}

struct KeptScroll {
    std::string text;
    int frame = -1;  // the frame it last scrolled in: only the first paragraph that matches counts
};
KeptScroll& kept_scroll() {
    static KeptScroll kept;
    return kept;
}

void scroll_here_if_kept(std::string_view paragraph) {
    KeptScroll& kept = kept_scroll();
    if (kept.text.empty() || kept.frame == ImGui::GetFrameCount() || paragraph.rfind(kept.text, 0) != 0) return;
    kept.frame = ImGui::GetFrameCount();
    const float above = 2 * card_padding();
    ImGui::SetScrollFromPosY(ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y - above, 0.0f);
}

}  // namespace

void keep_scrolled_to(std::string text) { kept_scroll().text = std::move(text); }

Column page_column(float max_width) {
    const float window_x = ImGui::GetWindowPos().x;
    // The scrollbar's room is always kept so the page does not shift when it appears.
    const float available = ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize;
    const float margin = std::clamp(available * 0.05f, 0.75f * em(), 2.5f * em());
    const float width = std::min(max_width, available - 2 * margin);
    return {std::round(window_x + (available - width) / 2), std::floor(width)};
}

PageColumns page_columns(float max_width, float single_width, bool allow_wide) {
    PageColumns columns;
    columns.page = page_column(max_width);
    columns.wide = allow_wide && columns.page.width >= 60 * em();
    const float gap = 1.5f * em();
    columns.left =
        columns.wide ? Column{columns.page.x, std::floor((columns.page.width - gap) / 2)} : page_column(single_width);
    columns.right = columns.wide ? Column{columns.left.x + columns.left.width + gap, columns.left.width} : columns.left;
    return columns;
}

InColumn::InColumn(const Column& column) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    shift_ = column.x - (window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x);
    // Indent(0) would indent by the style's default, so a zero shift is skipped.
    if (shift_ != 0) ImGui::Indent(shift_);
    ImGui::PushTextWrapPos(local_x(column.x + column.width));
}

InColumn::~InColumn() {
    ImGui::PopTextWrapPos();
    if (shift_ != 0) ImGui::Unindent(shift_);
}

float available_width() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float cursor_x = ImGui::GetCursorScreenPos().x;
    if (window->DC.TextWrapPos > 0) return window->Pos.x - window->Scroll.x + window->DC.TextWrapPos - cursor_x;
    return ImGui::GetContentRegionAvail().x;
}

// At most 5 % of the window's width: on a phone at the largest text the
// card's words need the room more than its margins do.
float card_padding() { return std::round(std::min(1.2f * em(), 0.05f * ImGui::GetMainViewport()->Size.x)); }

float card_inner_width(const Column& column) { return column.width - 2 * card_padding(); }

void begin_card(const Column& column) {
    OpenCard& card = open_card();
    IM_ASSERT(!card.open && "cards cannot be nested");
    card.open = true;
    card.column = column;
    card.top_left = ImVec2(column.x, ImGui::GetCursorScreenPos().y);
    card.splitter.Split(ImGui::GetWindowDrawList(), 2);
    card.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::SetCursorScreenPos(ImVec2(column.x + card_padding(), card.top_left.y + card_padding()));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(local_x(column.x + column.width - card_padding()));
}

ImRect end_card(ImU32 fill, ImU32 outline) {
    OpenCard& card = open_card();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + card_padding();
    const ImRect rect(card.top_left, ImVec2(card.column.x + card.column.width, bottom));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    card.splitter.SetCurrentChannel(draw, 0);
    const float rounding = 0.8f * em();
    const float lift = std::max(1.0f, 0.15f * em());
    draw->AddRectFilled(ImVec2(rect.Min.x, rect.Min.y + lift), ImVec2(rect.Max.x, rect.Max.y + 2 * lift),
                        palette().shadow, rounding);
    draw->AddRectFilled(rect.Min, rect.Max, fill ? fill : palette().surface, rounding);
    draw->AddRect(rect.Min, rect.Max, outline ? outline : palette().border, rounding, 0,
                  outline ? std::max(2.0f, 0.12f * em()) : 1.0f);
    card.splitter.Merge(draw);
    card.open = false;

    ImGui::SetCursorScreenPos(ImVec2(rect.Min.x, rect.Max.y));
    ImGui::Dummy(ImVec2(rect.GetWidth(), 0.9f * em()));
    return rect;
}

namespace {

// Whether a word of `text` is wider than `width` in `font`, so a line would
// break it in two ("PROPAGAN DA" at the largest text on a phone).
bool word_too_wide(std::string_view text, ImFont* font, float width) {
    const float size = font_size(font);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        if (font->CalcTextSizeA(size, FLT_MAX, 0, text.data() + start, text.data() + end).x > width) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

void text_block(std::string_view text, ImFont* font, ImU32 colour, float width) {
    scroll_here_if_kept(text);
    Paragraph paragraph;
    paragraph.text = text;
    paragraph.font = font;
    paragraph.colour = colour;
    const float line = width > 0 ? width : available_width();
    // A heading whose longest word is wider than the line is set in the
    // body's bold instead, whole.
    if (font && font == fonts().heading && word_too_wide(text, font, line)) {
        paragraph.font = fonts().bold;
        paragraph.heading = true;
    }
    rich_text(paragraph, line);
}

void heading(std::string_view text) { text_block(text, fonts().heading, 0); }

void muted(std::string_view text, float width) { text_block(text, nullptr, palette().text_muted, width); }

void vertical_space(float ems) { ImGui::Dummy(ImVec2(0, ems * em())); }

namespace {

// A button's visible label: what precedes ImGui's "##".
std::string_view shown_label(const char* label) {
    return {label, static_cast<std::size_t>(ImGui::FindRenderedTextEnd(label) - label)};
}

// The name a drop-down's id gives it: "##evidence-article" is "evidence article".
std::string name_from_id(const char* id) {
    std::string name = id;
    name.erase(0, name.find_first_not_of('#'));
    std::replace(name.begin(), name.end(), '-', ' ');
    return name;
}

// A button as tall as its label wrapped at `width`, drawn in the current
// font and text colour. `id` is ImGui's, unique under the caller's PushID.
bool wrapped_button(const char* id, std::string_view text, float width, ImFont* font) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float size = font_size(font);
    const float wrap = width - 2 * style.FramePadding.x;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.data(), text.data() + text.size());
    const float height = std::max(touch_target(), extent.y + 2 * style.FramePadding.y);
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, height));
    // Its label for ImGui's test-engine hooks, as ImGui's own buttons give
    // theirs (the browser tests find buttons by it; nothing without the hooks).
    [[maybe_unused]] ImGuiContext& g = *GImGui;
    IMGUI_TEST_ENGINE_ITEM_INFO(ImGui::GetItemID(), id, g.LastItemData.StatusFlags);
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const ImU32 fill = ImGui::GetColorU32(ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                          : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                                   : ImGuiCol_Button);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(rect.Min, rect.Max, fill, style.FrameRounding);
    draw->AddRect(rect.Min, rect.Max, palette().control_border, style.FrameRounding);
    const ImVec2 at(rect.Min.x + style.FramePadding.x, std::round(rect.GetCenter().y - extent.y / 2));
    draw->AddText(font, size, at, ImGui::GetColorU32(ImGuiCol_Text), text.data(), text.data() + text.size(), wrap);
    return clicked;
}

// A label wider than the room for it (the largest text on a phone) wraps
// onto more lines in a taller button rather than being cut off.
bool button_as(Role role, const char* label, float width, bool on = false, std::string_view spoken = {}) {
    const std::string_view shown = shown_label(label);
    const float room = width > 0 ? width : available_width();
    const float wanted =
        ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x + 2 * ImGui::GetStyle().FramePadding.x;
    bool clicked = false;
    if (wanted <= room) {
        clicked = ImGui::Button(label, ImVec2(width, touch_target()));
    } else {
        // Its ImGui id is the label, as a plain button's is (the browser
        // tests find buttons by it).
        clicked = wrapped_button(label, shown, room, ImGui::GetFont());
    }
    outline_control(role, spoken.empty() ? shown : spoken, on);
    return clicked;
}

}  // namespace

bool button(const char* label, float width, std::string_view spoken) {
    return button_as(Role::Button, label, width, false, spoken);
}

bool toggle_button(const char* label, float width, bool on) { return button_as(Role::Toggle, label, width, on); }

bool content_button(std::string_view text, float width, ImFont* font) {
    const bool clicked = wrapped_button("##content", text, width, font ? font : fonts().body);
    outline_control(Role::Button, text);
    return clicked;
}

bool primary_button(const char* label, float width) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.text_muted);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    ImGui::PushFont(fonts().bold);
    const bool clicked = button(label, width);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    last_primary() = {ImGui::GetFrameCount(), {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}};
    return clicked;
}

std::optional<ImRect> primary_button_this_frame() {
    if (last_primary().frame != ImGui::GetFrameCount()) return std::nullopt;
    return last_primary().box;
}

bool text_field(const char* id, const char* hint, std::string& text, float width, ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(width);
    const float pad_y = std::max(0.0f, (touch_target() - em()) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.8f * em(), pad_y));
    // Tab moves through every control in reading order (keyboard_focus.hpp),
    // not ImGui's way from field to field.
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
    const bool entered = ImGui::InputTextWithHint(id, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue | flags);
    ImGui::PopItemFlag();
    outline_control(Role::Field, hint, false, text);
    ImGui::PopStyleVar();
    return entered;
}

bool checkbox(const char* label, bool& ticked) {
    const bool changed = ImGui::Checkbox(label, &ticked);
    outline_control(Role::CheckBox, shown_label(label), ticked);
    return changed;
}

int drop_down(const char* id, const std::vector<std::string>& labels, int chosen, float width) {
    return drop_down(
        id, labels.size(), [&](std::size_t i) { return labels[i]; }, chosen, width);
}

int drop_down(const char* id, std::size_t count, const std::function<std::string(std::size_t)>& label, int chosen,
              float width) {
    int picked = -1;
    ImGui::SetNextItemWidth(width);
    const float pad_y = std::max(0.0f, (touch_target() - em()) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.8f * em(), pad_y));
    const std::string shown = chosen >= 0 && static_cast<std::size_t>(chosen) < count ? label(chosen) : "";
    const bool open = ImGui::BeginCombo(id, shown.c_str(), ImGuiComboFlags_HeightLarge);
    if (!open) outline_control(Role::ComboBox, name_from_id(id), false, shown);  // open, the last item is the list's
    if (open) {
        ImGuiListClipper options;
        options.Begin(static_cast<int>(count), touch_target() + ImGui::GetStyle().ItemSpacing.y);
        while (options.Step()) {
            for (int i = options.DisplayStart; i < options.DisplayEnd; ++i) {
                ImGui::PushID(i);
                // Labels come from content (topic names, titles): drawn as text, never parsed for "##".
                if (ImGui::Selectable("##option", i == chosen, 0, ImVec2(0, touch_target()))) picked = i;
                const std::string text = label(static_cast<std::size_t>(i));
                outline_control(Role::Option, text, i == chosen);
                const ImVec2 at = ImGui::GetItemRectMin();
                ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (touch_target() - em()) / 2), palette().text,
                                                    text.c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    return picked;
}

bool is_narrow(float width) { return width < 24 * em(); }

float segment_spacing() { return 0.25f * em(); }

bool fits_in_a_row(const std::vector<float>& label_widths, float width, float spacing, float padding) {
    if (label_widths.empty()) return true;
    const float count = static_cast<float>(label_widths.size());
    const float each = std::floor((width - spacing * (count - 1)) / count);
    return std::all_of(label_widths.begin(), label_widths.end(),
                       [&](float label) { return label + 2 * padding <= each; });
}

int button_pair(const char* first, const char* second, float width,
                const std::function<bool(const char*, float)>& draw) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool side_by_side = labels_fit_in_a_row({first, second}, width);
    const float each = side_by_side ? std::floor((width - spacing) / 2) : width;
    const bool first_pressed = draw(first, each);
    if (side_by_side) ImGui::SameLine(0, spacing);
    const bool second_pressed = draw(second, each);
    return first_pressed ? 0 : second_pressed ? 1 : -1;
}

int button_pair(const char* first, const char* second, float width) {
    return button_pair(first, second, width, [](const char* label, float each) { return button(label, each); });
}

bool labels_fit_in_a_row(const std::vector<std::string>& labels, float width) {
    std::vector<float> widths;
    for (const std::string& label : labels) widths.push_back(ImGui::CalcTextSize(label.c_str()).x);
    // ImGui clips a button's label at its border, not at its padding: a
    // little room each side is enough.
    return fits_in_a_row(widths, width, segment_spacing(), 0.25f * em());
}

// Labels too wide for their share of the row (the largest text on a phone)
// are stacked one under another rather than clipped.
int segmented(const char* id, const std::vector<std::string>& labels, int chosen, float width) {
    int clicked = -1;
    const float spacing = segment_spacing();
    const bool in_a_row = labels_fit_in_a_row(labels, width);
    const float each =
        in_a_row ? std::floor((width - spacing * static_cast<float>(labels.size() - 1)) / labels.size()) : width;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0 && in_a_row) ImGui::SameLine(0, spacing);
        const bool is_chosen = static_cast<int>(i) == chosen;
        if (is_chosen) {
            ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_Text, palette().accent_text);
        }
        ImGui::PushID(static_cast<int>(i));
        if (button_as(Role::Toggle, labels[i].c_str(), each, is_chosen)) clicked = static_cast<int>(i);
        ImGui::PopID();
        if (is_chosen) ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    return clicked;
}

int stepper(const char* id, std::string_view value, float width) {
    const float side = touch_target() * 1.3f;
    int step = 0;
    ImGui::PushID(id);
    // Named for a screen reader by what they do to the value, not by − and +.
    const std::string value_text(value);
    if (ImGui::Button("\u2212", ImVec2(side, touch_target()))) step = -1;  // −
    outline_control(Role::Button, "Decrease from " + value_text);
    ImGui::SameLine();
    const float middle = width - 2 * side - 2 * ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(middle, touch_target()));
    ImFont* bold = fonts().bold;
    centred_text(ImGui::GetWindowDrawList(), bold, ImVec2(at.x + middle / 2, at.y + touch_target() / 2), palette().text,
                 value);
    ImGui::SameLine();
    if (ImGui::Button("+", ImVec2(side, touch_target()))) step = +1;
    outline_control(Role::Button, "Increase from " + value_text);
    ImGui::PopID();
    return step;
}

float big_button_height() { return std::max(touch_target(), 2.8f * em()); }

namespace {

std::vector<std::string>& named_keys() {
    static std::vector<std::string> named;
    return named;
}

void note_key_named(const char* key) { named_keys().emplace_back(key); }

}  // namespace

bool keys_shown() { return (ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_IsTouchScreen) == 0; }

std::string with_key(std::string_view label, const char* key) {
    if (!keys_shown()) return std::string(label);
    note_key_named(key);
    return std::string(label) + "  (" + key + ")";
}

void start_naming_keys() { named_keys().clear(); }

const std::vector<std::string>& keys_named() { return named_keys(); }

bool big_button(const BigButton& look, float width) {
    const bool clicked = ImGui::InvisibleButton(look.id, ImVec2(width, big_button_height()));
    outline_control(Role::Button, look.label);
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = 0.6f * em();
    draw->AddRectFilled(rect.Min, rect.Max, look.fill, rounding);
    draw->AddRect(rect.Min, rect.Max, palette().control_border, rounding);
    if (ImGui::IsItemHovered())
        draw->AddRect(rect.Min, rect.Max, palette().text, rounding, 0, std::max(2.0f, 0.14f * em()));
    if (ImGui::IsItemActive()) draw->AddRectFilled(rect.Min, rect.Max, IM_COL32(0, 0, 0, 0x30), rounding);

    // Where the label, the symbol and the key do not all fit (the largest
    // text on a phone), the key goes first, then the symbol: the label says
    // the verdict, and the keys are listed under "?".
    ImFont* bold = fonts().bold;
    const float label_width =
        bold->CalcTextSizeA(font_size(bold), FLT_MAX, 0, look.label.data(), look.label.data() + look.label.size()).x;
    const float symbol_width = 2.3f * em();
    const float key_width = 3.0f * em();
    const float room = width - 2.0f * em();
    const bool show_key =
        look.key_hint && keys_shown() && label_width + (look.symbol ? symbol_width : 0) + key_width <= room;
    const bool show_symbol = look.symbol && label_width + symbol_width <= room;

    const float mid_y = rect.GetCenter().y;
    float x = rect.Min.x + 1.0f * em();
    if (show_symbol) {
        const float radius = 0.8f * em();
        draw->AddCircle(ImVec2(x + radius, mid_y), radius, look.text, 0, std::max(1.5f, 0.1f * em()));
        centred_text(draw, fonts().bold, ImVec2(x + radius, mid_y), look.text, look.symbol);
        x += 2 * radius + 0.7f * em();
    }
    if (look.centred) {
        centred_text(draw, bold, rect.GetCenter(), look.text, look.label);
    } else {
        const float size = font_size(bold);
        draw->AddText(bold, size, ImVec2(x, std::round(mid_y - size / 2)), look.text, look.label.data(),
                      look.label.data() + look.label.size());
    }
    if (show_key) {
        note_key_named(look.key_hint);
        const float box = 1.5f * em();
        const ImVec2 centre(rect.Max.x - 1.0f * em() - box / 2, mid_y);
        draw->AddRect(ImVec2(centre.x - box / 2, centre.y - box / 2), ImVec2(centre.x + box / 2, centre.y + box / 2),
                      look.text, 0.3f * em(), 0, 1.0f);
        centred_text(draw, fonts().small, centre, look.text, look.key_hint);
    }
    return clicked;
}

ImVec2 chip_size(std::string_view text) {
    ImFont* font = fonts().small;
    const ImVec2 extent = font->CalcTextSizeA(font_size(font), FLT_MAX, 0, text.data(), text.data() + text.size());
    return ImVec2(std::round(extent.x + 1.2f * em()), std::round(extent.y + 0.5f * em()));
}

void chip(std::string_view text, ImU32 fill, ImU32 text_colour, float min_width) {
    ImVec2 size = chip_size(text);
    size.x = std::max(size.x, min_width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), fill, size.y / 2);
    centred_text(draw, fonts().small, ImVec2(at.x + size.x / 2, at.y + size.y / 2), text_colour, text);
}

void progress_bar(float fraction, float width, ImU32 fill) {
    const float height = std::max(3.0f, std::round(0.22f * em()));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), palette().mark, height / 2);
    const float done = std::clamp(fraction, 0.0f, 1.0f) * width;
    if (done > 0) draw->AddRectFilled(at, ImVec2(at.x + done, at.y + height), fill, height / 2);
}

void footer_background(float height) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), palette().surface);
    draw->AddLine(at, ImVec2(at.x + width, at.y), palette().border);
}

void banner(std::string_view text, ImU32 fill, ImU32 text_colour, const Column& column) {
    InColumn in(column);
    begin_card(column);
    text_block(text, nullptr, text_colour, card_inner_width(column));
    end_card(fill, text_colour);
    announce(text);
}

namespace {
bool& single_key_shortcuts() {
    static bool allowed = true;
    return allowed;
}
}  // namespace

void allow_single_key_shortcuts(bool allowed) { single_key_shortcuts() = allowed; }

bool typed(char character) {
    if (!single_key_shortcuts()) return false;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return false;
    if (character == ' ' && keyboard_focus_shown()) return false;  // it presses the control in focus
    for (ImWchar c : io.InputQueueCharacters)
        if (c == static_cast<ImWchar>(character)) return true;
    return false;
}

bool pressed(ImGuiKey key) {
    if (ImGui::GetIO().WantTextInput && key != ImGuiKey_Escape) return false;
    // Enter and Space press the control in focus, not the screen's default.
    const bool pressing = key == ImGuiKey_Enter || key == ImGuiKey_KeyPadEnter || key == ImGuiKey_Space;
    if (pressing && keyboard_focus_shown()) return false;
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

bool ctrl_pressed(ImGuiKey key) {
    const ImGuiIO& io = ImGui::GetIO();
    return (io.KeyCtrl || io.KeySuper) && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

// Both platforms use ImGui's GLFW backend (the browser's through Emscripten's
// GLFW), whose key codes for letters are their ASCII capitals.
bool ctrl_pressed_letter(char capital) {
    const ImGuiIO& io = ImGui::GetIO();
    return (io.KeyCtrl || io.KeySuper) && !io.WantTextInput && ImGui::IsKeyPressed(capital, false);
}

void drag_to_scroll() {
    static ImGuiID dragging = 0;  // the window being scrolled by a drag
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiID window = ImGui::GetID("##drag-to-scroll");
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered())
        dragging = window;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (dragging == window) dragging = 0;
        return;
    }
    // The press's own frame may bring the pointer from elsewhere (a tap, or a
    // click right after a jump): that move is arriving, not dragging, and
    // scrolling by it would pull the control pressed from under the pointer.
    if (dragging == window && !ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.MouseDelta.y != 0)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace claimdeck::ui
