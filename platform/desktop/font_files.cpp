#include "font_files.hpp"

#include <cstdlib>
#include <system_error>

namespace claimdeck::desktop {
namespace {

constexpr const char* kRegular = "DejaVuSans.ttf";
constexpr const char* kBold = "DejaVuSans-Bold.ttf";

bool is_file(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

}  // namespace

std::vector<std::filesystem::path> font_folders(const std::vector<std::filesystem::path>& asset_dirs) {
    std::vector<std::filesystem::path> folders;
    for (const std::filesystem::path& assets : asset_dirs) folders.push_back(assets / "fonts");
#if defined(_WIN32)
    folders.push_back("C:/Windows/Fonts");
#elif defined(__APPLE__)
    folders.push_back("/Library/Fonts");
    if (const char* home = std::getenv("HOME")) folders.push_back(std::filesystem::u8path(home) / "Library" / "Fonts");
#else
    folders.push_back("/usr/share/fonts/truetype/dejavu");
    folders.push_back("/usr/share/fonts/TTF");
    folders.push_back("/usr/share/fonts/dejavu");
    folders.push_back("/usr/share/fonts/dejavu-sans-fonts");
    folders.push_back("/usr/local/share/fonts");
#endif
    return folders;
}

std::optional<ui::FontFiles> find_font_files(const std::vector<std::filesystem::path>& folders) {
    for (const std::filesystem::path& folder : folders)
        if (is_file(folder / kRegular) && is_file(folder / kBold))
            return ui::FontFiles{(folder / kRegular).u8string(), (folder / kBold).u8string()};
    return std::nullopt;
}

}  // namespace claimdeck::desktop
