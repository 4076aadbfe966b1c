// Saves what was just drawn as a PNG, for tests and documentation.
#pragma once

#include <filesystem>

namespace claimdeck::desktop {

// Reads the current OpenGL back buffer (call before swapping) and writes it
// to `path`. Returns false when the file cannot be written.
bool save_screenshot(const std::filesystem::path& path, int framebuffer_width, int framebuffer_height);

}  // namespace claimdeck::desktop
