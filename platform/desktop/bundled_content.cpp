#include "bundled_content.hpp"

#include <system_error>

#ifdef _WIN32
#include <windows.h>
#endif

namespace claimdeck::desktop {
namespace {

// The folder of the running program, asked of Linux (/proc/self/exe) and
// Windows; elsewhere the answer is empty and the compile-time folder is used,
// until a platform's own call (_NSGetExecutablePath) is added here.
std::filesystem::path program_dir() {
#if defined(__linux__)
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) return program.parent_path();
#elif defined(_WIN32)
    wchar_t program[32768];
    const DWORD length = GetModuleFileNameW(nullptr, program, sizeof program / sizeof program[0]);
    if (length > 0 && length < sizeof program / sizeof program[0]) return std::filesystem::path(program).parent_path();
#endif
    return {};
}

bool is_folder(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::is_directory(path, error);
}

}  // namespace

std::filesystem::path bundled_content_dir_for(const std::filesystem::path& program_dir,
                                              const std::filesystem::path& source) {
    if (program_dir.empty()) return source;
    // CLAIMDECK_INSTALLED_CONTENT is the install layout's path from the
    // programs' folder to the content (CMake's GNUInstallDirs).
    const std::filesystem::path installed = (program_dir / CLAIMDECK_INSTALLED_CONTENT).lexically_normal();
    if (is_folder(installed / "decks")) return installed;
    // An installed program whose content is missing names the installed
    // place in its message, not a source tree that is not on this machine.
    return is_folder(source) ? source : installed;
}

std::filesystem::path bundled_content_dir() { return bundled_content_dir_for(program_dir(), CLAIMDECK_CONTENT_DIR); }

std::filesystem::path bundled_deck_path() { return bundled_content_dir() / "decks" / "panjshir-2021.json"; }

std::vector<std::filesystem::path> web_app_folders() {
    std::vector<std::filesystem::path> folders;
    // CLAIMDECK_INSTALLED_WEB_APP is the install layout's path from the programs' folder to the web app.
    if (const std::filesystem::path programs = program_dir(); !programs.empty())
        folders.push_back((programs / CLAIMDECK_INSTALLED_WEB_APP).lexically_normal());
    folders.push_back(std::filesystem::u8path(CLAIMDECK_WEB_APP_BUILT_FOR_TESTS));
    folders.push_back(std::filesystem::u8path(CLAIMDECK_WEB_APP_BUILT_BY_DEV));
    return folders;
}

std::filesystem::path first_web_app(const std::vector<std::filesystem::path>& folders) {
    for (const std::filesystem::path& folder : folders) {
        std::error_code error;
        if (std::filesystem::is_regular_file(folder / "index.html", error)) return folder;
    }
    return {};
}

}  // namespace claimdeck::desktop
