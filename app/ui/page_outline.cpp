#include "page_outline.hpp"

namespace claimdeck::ui {
namespace {

struct Outline {
    int frame = -1;
    PageOutline page;
};
Outline& outline() {
    static Outline state;
    return state;
}

// This frame's outline, an earlier frame's dropped; nullptr in a hidden window.
PageOutline* noting() {
    Outline& state = outline();
    if (state.frame != ImGui::GetFrameCount()) {
        state.page = {};
        state.frame = ImGui::GetFrameCount();
    }
    if (ImGui::GetCurrentWindowRead()->Hidden) return nullptr;
    return &state.page;
}

}  // namespace

bool is_control(Role role) { return role != Role::Heading && role != Role::Text; }

const char* role_name(Role role) {
    switch (role) {
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::Button: return "button";
        case Role::Toggle: return "toggle";
        case Role::CheckBox: return "checkbox";
        case Role::Field: return "textbox";
        case Role::ComboBox: return "combobox";
        case Role::Option: return "option";
    }
    return "text";
}

void outline_text(Role role, std::string_view text) {
    PageOutline* page = noting();
    if (!page || text.empty()) return;
    OutlineNode node;
    node.role = role;
    node.name = text;
    page->nodes.push_back(std::move(node));
}

void outline_control(Role role, std::string_view name, bool on, std::string_view value) {
    PageOutline* page = noting();
    if (!page) return;
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    OutlineNode node;
    node.role = role;
    node.name = name;
    node.id = ImGui::GetItemID();
    node.box = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    node.clip = window->ClipRect;
    node.window = window->ID;
    node.on = on;
    node.value = value;
    node.typing = role == Role::Field && ImGui::IsItemActive();
    node.in_popup = (window->RootWindow->Flags & ImGuiWindowFlags_Popup) != 0;
    page->nodes.push_back(std::move(node));
}

void announce(std::string_view text) {
    if (PageOutline* page = noting()) page->announcement = text;
}

const PageOutline& outline_this_frame() {
    static const PageOutline nothing;
    return outline().frame == ImGui::GetFrameCount() ? outline().page : nothing;
}

}  // namespace claimdeck::ui
