// The GLFW window, its OpenGL context and the main loop. The loop draws
// only when something happened (input, resize, a new monitor scale): a
// waiting app costs nothing.
#pragma once

#include <filesystem>
#include <optional>

#include "app/gui_options.hpp"
#include "shell.hpp"

namespace claimdeck::desktop {

struct WindowOptions {
    WindowSize size;
    std::optional<int> quit_after_frames;  // draw this many frames, then close
    std::filesystem::path screenshot;      // the last frame, as a PNG; empty: none
    bool bench = false;                    // see GuiOptions::bench
    int bench_frame_times = 0;             // see GuiOptions::bench_frame_times
};

// Runs `shell` in a window until it is closed. Returns the process exit
// code: 0, or 1 when there is no display or no OpenGL 3.2, the fonts cannot
// be built, or the screenshot cannot be written. In quit-after-frames runs it
// prints what the last frame showed to stdout.
int run_window(ui::Shell& shell, const WindowOptions& options);

// Asks the loop for a frame soon, from any thread: a live class's answer
// arrived on the transport's thread and waits to be collected.
void request_frame();

}  // namespace claimdeck::desktop
