// What every platform does each frame, whatever its window: build the frame
// with ImGui around the shell, and when to draw the next one. The platform
// keeps only what differs (window, GL context, events, data folder, storage).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "shell.hpp"

namespace claimdeck::platform {

// The app draws only when something happens: after input it goes on for
// `frames_after_input` frames (ImGui measures in one frame and uses the size
// in the next, and a click can start a chain: a field opens, asks for the
// keyboard, gets it), and while idle it draws one frame every
// `idle_redraw_seconds` so dates and due counts stay true.
struct IdlePolicy {
    int frames_after_input;
    double idle_redraw_seconds;
};
// The two differ on purpose. The desktop waits on GLFW's events and wakes
// only for them: six frames finish any chain, and a minute is enough for a
// clock that shows days. The browser calls the app every animation frame and
// cannot tell ImGui's transitions (a touch's hover fading) from input, so it
// keeps drawing for half a second at 60 Hz, and once a second it checks the
// page size and storage anyway.
inline constexpr IdlePolicy kDesktopIdle{6, 60.0};
inline constexpr IdlePolicy kWebIdle{30, 1.0};

// ImGui::NewFrame(), draw(), ImGui::Render(), with one boundary around it:
// if draw() throws, the windows and stacks it left open are closed
// (ImGui::ErrorCheckEndFrameRecover), the frame is still rendered, and the
// message is returned instead of ending the process.
std::optional<std::string> build_frame(const std::function<void()>& draw);

// build_frame() for the shell: a fault while drawing shows in its banner.
void build_frame(ui::Shell& shell);

}  // namespace claimdeck::platform
