#include "keyboard_focus.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <vector>

#include "page_outline.hpp"
#include "theme.hpp"

namespace claimdeck::ui {
namespace {

struct Focus {
    // Ids are ImGui's: another context (the tests make one per app, maybe
    // at the same address) starts afresh.
    const ImGuiContext* context = nullptr;
    int frame = 0;
    ImGuiID id = 0;
    bool shown = false;      // the ring is drawn (keyboard or screen reader), not hidden by a click
    bool on_screen = false;  // `id` was drawn in the last frame
    bool scroll = false;     // bring it into view in the next frame
    ImGuiID press = 0;       // pressed from outside (the mirror), carried out at the frame's end
};
Focus& focus() {
    static Focus state;
    if (state.context != ImGui::GetCurrentContext() || ImGui::GetFrameCount() < state.frame)
        state = {ImGui::GetCurrentContext(), ImGui::GetFrameCount()};
    state.frame = ImGui::GetFrameCount();
    return state;
}

// The controls Tab walks, in reading order: a popup's alone while one is open.
std::vector<const OutlineNode*> tab_order(const PageOutline& page) {
    std::vector<const OutlineNode*> order;
    const bool popup_open =
        std::any_of(page.nodes.begin(), page.nodes.end(), [](const OutlineNode& n) { return n.in_popup; });
    for (const OutlineNode& node : page.nodes)
        if (is_control(node.role) && node.in_popup == popup_open) order.push_back(&node);
    return order;
}

const OutlineNode* find(const std::vector<const OutlineNode*>& order, ImGuiID id) {
    const auto found = std::find_if(order.begin(), order.end(), [id](const OutlineNode* n) { return n->id == id; });
    return found == order.end() ? nullptr : *found;
}

// One press, one step: ImGui's own repeat of a held key would move the
// focus on by itself when a frame comes late (a busy phone), so a held Tab
// does not repeat.
bool key_pressed(ImGuiKey key) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, false);
}

// The next control from the one in focus, wrapping round; the first (or,
// backwards, the last) when the focus is on none of them.
const OutlineNode* next_in_order(const std::vector<const OutlineNode*>& order, ImGuiID from, bool backwards) {
    const auto at = std::find_if(order.begin(), order.end(), [from](const OutlineNode* n) { return n->id == from; });
    const auto count = static_cast<std::ptrdiff_t>(order.size());
    if (at == order.end()) return backwards ? order.back() : order.front();
    const std::ptrdiff_t index = at - order.begin();
    return order[static_cast<std::size_t>((index + (backwards ? count - 1 : 1)) % count)];
}

// A field is pressed to type in it (ImGui's "input" activation); anything
// else as a click would. Either happens when the control is drawn next.
void activate(const OutlineNode& node) {
    ImGui::ActivateItem(node.id);
    if (node.role == Role::Field) GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
}

void move_to(const OutlineNode& node) {
    if (ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();  // Tab leaves the field typed in
    Focus& state = focus();
    state.id = node.id;
    state.shown = true;
    state.scroll = true;
    if (node.role == Role::Field) activate(node);
}

// Drawn just outside the control in the text's colour, which stands out
// from every surface by 4.5:1 (tests/ui/test_theme.cpp), twice the 3:1
// WCAG 2.4.13 asks of a focus indicator.
void draw_ring(const OutlineNode& node) {
    const float gap = std::max(2.0f, std::round(0.2f * em()));
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->PushClipRect(node.clip.Min, node.clip.Max);
    draw->AddRect(ImVec2(node.box.Min.x - gap, node.box.Min.y - gap),
                  ImVec2(node.box.Max.x + gap, node.box.Max.y + gap), palette().text, 0.4f * em(), 0, gap);
    draw->PopClipRect();
}

}  // namespace

void keyboard_focus_frame_ends() {
    Focus& state = focus();
    const std::vector<const OutlineNode*> order = tab_order(outline_this_frame());
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) state.shown = false;

    const OutlineNode* current = find(order, state.id);
    if (state.press != 0) {
        if (const OutlineNode* pressed = find(order, state.press)) activate(*pressed);
        state.press = 0;
    } else if (!order.empty() && key_pressed(ImGuiKey_Tab) && !io.KeyCtrl && !io.KeyAlt) {
        current = next_in_order(order, state.id, io.KeyShift);
        move_to(*current);
    } else if (current && state.shown && !current->typing &&
               (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter) || key_pressed(ImGuiKey_Space))) {
        activate(*current);
    }

    state.on_screen = current != nullptr;
    if (!current || !state.shown) return;
    if (state.scroll) {
        if (ImGuiWindow* window = ImGui::FindWindowByID(current->window))
            ImGui::ScrollToBringRectIntoView(window, current->box);
        state.scroll = false;
    }
    draw_ring(*current);
}

bool keyboard_focus_shown() { return focus().shown && focus().on_screen; }

ImGuiID focused_control() { return focus().on_screen ? focus().id : 0; }

void focus_control(ImGuiID id) {
    Focus& state = focus();
    state.id = id;
    state.shown = true;
    state.scroll = true;
    state.on_screen = true;
}

void press_control(ImGuiID id) {
    focus_control(id);
    focus().press = id;
}

}  // namespace claimdeck::ui
