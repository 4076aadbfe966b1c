// The OpenGL half of a frame, the same on the desktop (OpenGL 3) and in the
// browser (WebGL 2): the font atlas when the shell's text size or scale
// changed, and the built frame painted over the window. Kept apart from
// frame.hpp so that what builds a frame can be tested without a GL context.
#pragma once

#include "shell.hpp"

namespace claimdeck::platform {

// Rebuilds the shell's fonts when they are out of date and gives the new
// atlas to the GPU (`upload`: false before the first frame, when the
// backend uploads it itself). False when the font files could not be read.
bool refresh_fonts(ui::Shell& shell, bool upload);

// Paints the frame ImGui built on the theme's background. (The backend sets
// the viewport from the frame's size; glClear ignores it.)
void render_frame();

}  // namespace claimdeck::platform
