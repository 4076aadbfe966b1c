// The building blocks every screen shares: the page column, cards drawn
// with the draw list, large buttons, chips, keyboard shortcuts and
// drag-to-scroll. Screens are made of these rather than of raw ImGui
// widgets so the whole app keeps one look.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "page_outline.hpp"
#include "theme.hpp"

namespace claimdeck::ui {

// The readable column of a page: centred, at most `max_width` wide, with
// margins that shrink on a narrow window.
struct Column {
    float x = 0;  // screen x of its left edge
    float width = 0;
};
Column page_column(float max_width);

// A page of two columns side by side when the window is wide enough (the
// page `max_width` wide, at least 60 em), else one `single_width` column
// where `right` is the same as `left` and its cards follow below.
struct PageColumns {
    Column page;
    Column left;
    Column right;
    bool wide = false;
};
PageColumns page_columns(float max_width, float single_width, bool allow_wide = true);

// While one lives, new lines start at the column's left edge.
class InColumn {
public:
    explicit InColumn(const Column& column);
    ~InColumn();
    InColumn(const InColumn&) = delete;
    InColumn& operator=(const InColumn&) = delete;

private:
    float shift_;
};

// A card: what is drawn between begin_card() and end_card() sits on a
// rounded surface with a soft shadow. Cards cannot be nested.
void begin_card(const Column& column);
ImRect end_card(ImU32 fill = 0, ImU32 outline = 0);  // returns the card's rectangle
float card_padding();
// The width of the text inside a card placed in `column`.
float card_inner_width(const Column& column);

// The room left on the line: to the wrap position of the card or column
// the cursor is in, else to the window's edge.
float available_width();

// Plain text, wrapped at `width` (0: available_width()).
void text_block(std::string_view text, ImFont* font = nullptr, ImU32 colour = 0, float width = 0);
void heading(std::string_view text);
void muted(std::string_view text, float width = 0);  // 0: available_width()
void vertical_space(float ems);
// Scripted screenshots of a screen's lower cards (claimdeck --scroll-to):
// every frame, the page scrolls so that the first paragraph starting with
// `text` sits near its top, its card's heading room included. Empty: off.
void keep_scrolled_to(std::string text);

// A full-height flat button with the theme's look; `width` 0 fits the label.
// `spoken` names it to a screen reader when the label is only a symbol.
bool button(const char* label, float width = 0, std::string_view spoken = {});
// A button that stays pressed while `on` (a tapped word): a screen reader
// says whether it is. Its look is the caller's.
bool toggle_button(const char* label, float width, bool on);
// Two buttons side by side, or one under the other when their labels would
// be clipped at half the width (a phone, large text). 0 or 1: the one
// pressed; -1: neither. `draw` draws one of them (button() unless given).
int button_pair(const char* first, const char* second, float width,
                const std::function<bool(const char*, float)>& draw);
int button_pair(const char* first, const char* second, float width);
// A button whose text comes from content (a name, a title): drawn as text,
// never parsed for ImGui's "##" ids. Give it a unique id with PushID.
bool content_button(std::string_view text, float width, ImFont* font = nullptr);
// The primary action of a screen, filled with the accent colour.
bool primary_button(const char* label, float width = 0);

// A box to tick, named by `label`; true when it changed.
bool checkbox(const char* label, bool& ticked);

// A one-line text field as tall as a button, with `hint` shown while it is
// empty; true when Enter is pressed in it. `flags` adds ImGui's, e.g. ReadOnly.
bool text_field(const char* id, const char* hint, std::string& text, float width, ImGuiInputTextFlags flags = 0);
// A drop-down list of `labels`; returns the index picked this frame, or -1.
// A screen reader calls it by `id` without its "##", dashes read as spaces.
int drop_down(const char* id, const std::vector<std::string>& labels, int chosen, float width);
// The same for `count` options labelled on demand: only the chosen one and,
// while the list is open, those in view are labelled and drawn, so a list of
// ten thousand claims costs a frame next to nothing.
int drop_down(const char* id, std::size_t count, const std::function<std::string(std::size_t)>& label, int chosen,
              float width);

// Where the frame's last primary button was drawn, if it drew one: the GUI
// tests click it (see FrameReport).
std::optional<ImRect> primary_button_this_frame();

// A row of buttons of which one is chosen; returns the index
// clicked this frame, or -1.
int segmented(const char* id, const std::vector<std::string>& labels, int chosen, float width);

// One choice offered on screen: the value it stands for, its label (and a
// shorter one for narrow columns) and what it means. A table of these is the
// one place a choice's words are tied to its value, so reordering the rows
// reorders the control and nothing else.
template <class Value>
struct Choice {
    Value value;
    std::string_view label;
    std::string_view short_label;
    std::string_view explanation = {};
};

// A column narrower than this shows the short labels.
bool is_narrow(float width);
// Whether labels this wide each fit their equal share of a row `width` wide,
// with `spacing` between the shares and `padding` on each side of a label.
bool fits_in_a_row(const std::vector<float>& label_widths, float width, float spacing, float padding);
bool labels_fit_in_a_row(const std::vector<std::string>& labels, float width);
float segment_spacing();

// The row for `value`, or the first row when there is none.
template <class Row, std::size_t N>
const Row& row_for(const std::array<Row, N>& rows, const decltype(Row::value)& value) {
    for (const Row& row : rows)
        if (row.value == value) return row;
    return rows.front();
}

// segmented() over a table of rows with `value`, `label` and `short_label`;
// returns the value picked this frame, or nullopt.
template <class Row, std::size_t N>
std::optional<decltype(Row::value)> segmented_choice(const char* id, const std::array<Row, N>& rows,
                                                     const decltype(Row::value)& current, float width) {
    std::vector<std::string> labels;
    for (const Row& row : rows) labels.emplace_back(row.label);
    if (is_narrow(width) || !labels_fit_in_a_row(labels, width)) {
        labels.clear();
        for (const Row& row : rows) labels.emplace_back(row.short_label);
    }
    const int chosen = static_cast<int>(&row_for(rows, current) - rows.data());
    const int picked = segmented(id, labels, chosen, width);
    if (picked < 0) return std::nullopt;
    return rows[static_cast<std::size_t>(picked)].value;
}
// "−  value  +": returns -1 or +1 when a side is clicked, else 0.
int stepper(const char* id, std::string_view value, float width);

// One of the big answer buttons: a filled bar with a symbol, the label and
// the key that picks it.
struct BigButton {
    const char* id;
    const char* symbol;  // may be null
    std::string_view label;
    const char* key_hint;  // may be null
    ImU32 fill;
    ImU32 text;
    bool centred = false;  // the label in the middle rather than after the symbol
};
bool big_button(const BigButton& look, float width);
float big_button_height();

// A small rounded label, e.g. a stance or a verdict.
void chip(std::string_view text, ImU32 fill, ImU32 text_colour, float min_width = 0);
ImVec2 chip_size(std::string_view text);

// A thin progress bar across `width`.
void progress_bar(float fraction, float width, ImU32 fill);

// The surface of a bar fixed under the page, `height` tall from the cursor
// and as wide as the window. Draws only; the caller places what is on it.
void footer_background(float height);

// A notice across the page, for store faults and other warnings.
void banner(std::string_view text, ImU32 fill, ImU32 text_colour, const Column& column);

// Whether keys are named on screen: not on a touch screen (the platform
// sets ImGuiConfigFlags_IsTouchScreen), which has no key to press.
bool keys_shown();
// `label` with its key where keys are shown: "Next  (Space)", else "Next".
std::string with_key(std::string_view label, const char* key);
// The keys named on screen (by with_key() and big buttons) since the frame
// began (start_naming_keys()), for the tests.
void start_naming_keys();
const std::vector<std::string>& keys_named();

// Keyboard shortcuts. Printable keys are read as typed characters so they
// follow the keyboard layout; none fire while a text field has the focus,
// nor at all while single-key shortcuts are off (Settings, WCAG 2.1.4).
void allow_single_key_shortcuts(bool allowed);
bool typed(char character);
bool pressed(ImGuiKey key);
bool ctrl_pressed(ImGuiKey key);
// Ctrl (or Cmd) with a letter ImGui 1.86 has no ImGuiKey for, e.g. 'F'.
bool ctrl_pressed_letter(char capital);

// Lets a left-mouse drag on empty space scroll the current window, as a
// finger would on a touch screen (ImGui 1.86 has no touch scrolling).
void drag_to_scroll();

}  // namespace claimdeck::ui
