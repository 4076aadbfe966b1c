// What a frame shows, in reading order: its headings, paragraphs and
// controls, with their names and states. ImGui draws pixels and tells no one
// what they mean; this outline is what the screen is to anyone who does not
// see it. The keyboard walks its controls (keyboard_focus.hpp), the browser
// mirrors it into HTML that a screen reader reads (platform/web), and the
// GUI tests find controls and read messages by it.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <string>
#include <string_view>
#include <vector>

namespace claimdeck::ui {

enum class Role {
    Heading,
    Text,
    Button,
    Toggle,  // a button that stays pressed: a chosen segment, a tapped word
    CheckBox,
    Field,     // a text field
    ComboBox,  // a drop-down list, closed
    Option,    // one entry of an open drop-down list
};
bool is_control(Role role);
const char* role_name(Role role);  // "button", as ARIA names it

struct OutlineNode {
    Role role = Role::Text;
    std::string name;       // what it says; a field's hint
    ImGuiID id = 0;         // a control's ImGui id; 0 for text
    ImRect box;             // where it is drawn, in screen units
    ImRect clip;            // the part of its window that shows it
    ImGuiID window = 0;     // the window it scrolls in
    bool on = false;        // a toggle pressed, a box ticked, an option chosen
    std::string value;      // a field's text, a drop-down's choice
    bool typing = false;    // a field taking the keyboard
    bool in_popup = false;  // in a popup, which the keyboard does not leave while it is open
};

struct PageOutline {
    std::vector<OutlineNode> nodes;
    // Said once by a screen reader when it changes (an ARIA live region):
    // the reveal's verdict, an error the learner must hear.
    std::string announcement;
};

// The outline of the frame being drawn, which starts empty with each frame.
// What is drawn in a hidden window (a popup measuring itself on its first
// frame) is left out: nobody sees it.
void outline_text(Role role, std::string_view text);
// The item ImGui drew last is the control: its id and box are ImGui's.
void outline_control(Role role, std::string_view name, bool on = false, std::string_view value = {});
void announce(std::string_view text);
const PageOutline& outline_this_frame();

}  // namespace claimdeck::ui
