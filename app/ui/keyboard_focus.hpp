// The keyboard's way through every screen. Tab and Shift+Tab move a ring
// through the frame's controls in reading order (the page outline), Enter
// and Space press the one in the ring, and a text field reached by Tab takes
// the typing. While a popup is open, Tab stays inside it. A mouse click or a
// tap hides the ring, as browsers do; the next Tab goes on from where it was.
//
// ImGui 1.86 tabs only between text fields, and its own navigation moves by
// arrows; neither reaches the screens' drawn buttons, so the app keeps its
// own focus and presses a control through ImGui's ActivateItem().
#pragma once

#include <imgui.h>

namespace claimdeck::ui {

// After the frame's windows are drawn: reads Tab, Enter and Space, moves or
// presses, scrolls the control in focus into view and draws its ring.
void keyboard_focus_frame_ends();

// A control on screen holds the focus and shows it: Enter and Space are its,
// not the screen's shortcuts.
bool keyboard_focus_shown();
// The control in focus, or 0.
ImGuiID focused_control();

// What a screen reader does through the browser's mirror of the outline:
// moves the focus to a control, or presses it (a text field: starts typing).
void focus_control(ImGuiID id);
void press_control(ImGuiID id);

}  // namespace claimdeck::ui
