#include "show_folder.hpp"

#ifdef _WIN32
#include <windows.h>
// after windows.h, which it needs
#include <shellapi.h>
#else
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <string>
#include <thread>

extern char** environ;
#endif

namespace claimdeck::desktop {

#ifdef _WIN32
// Explorer opens on the folder; ShellExecuteW returns once it is asked.
bool show_folder(const std::filesystem::path& folder) {
    const auto result = ShellExecuteW(nullptr, L"explore", folder.c_str(), nullptr, nullptr, SW_SHOWNORMAL);
    return reinterpret_cast<INT_PTR>(result) > 32;  // its documented success test
}
#else
bool show_folder(const std::filesystem::path& folder) {
    std::string program = "xdg-open";
    std::string target = folder.u8string();
    char* args[] = {program.data(), target.data(), nullptr};
    pid_t child = 0;
    if (posix_spawnp(&child, args[0], nullptr, nullptr, args, environ) != 0) return false;
    // xdg-open returns once the file manager is asked; it is reaped off the
    // frame so the window never waits for it.
    std::thread([child] {
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
    }).detach();
    return true;
}
#endif

}  // namespace claimdeck::desktop
