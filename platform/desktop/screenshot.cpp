#include "screenshot.hpp"

#include <GLFW/glfw3.h>

#include <cstdint>
#include <vector>

// The one place stb_image_write's code is compiled. Static, so it cannot
// clash with the copy in the system's libstb.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>

namespace claimdeck::desktop {

bool save_screenshot(const std::filesystem::path& path, int width, int height) {
    constexpr int kChannels = 4;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * kChannels);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // Drop the alpha the clear left behind: a screenshot is opaque.
    for (std::size_t i = kChannels - 1; i < pixels.size(); i += kChannels) pixels[i] = 0xFF;
    // OpenGL's rows run bottom to top; PNG's top to bottom.
    stbi_flip_vertically_on_write(1);
    if (path.has_parent_path()) {
        std::error_code ignored;
        std::filesystem::create_directories(path.parent_path(), ignored);
    }
    return stbi_write_png(path.u8string().c_str(), width, height, kChannels, pixels.data(), width * kChannels) != 0;
}

}  // namespace claimdeck::desktop
