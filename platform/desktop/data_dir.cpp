#include "data_dir.hpp"

#include <cstdlib>

namespace claimdeck::desktop {
namespace {

std::filesystem::path from_environment(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? std::filesystem::u8path(value) : std::filesystem::path();
}

}  // namespace

std::filesystem::path default_data_dir() {
#if defined(_WIN32)
    const std::filesystem::path app_data = from_environment("APPDATA");
    return app_data.empty() ? app_data : app_data / "ClaimDeck";
#elif defined(__APPLE__)
    const std::filesystem::path home = from_environment("HOME");
    return home.empty() ? home : home / "Library" / "Application Support" / "ClaimDeck";
#else
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    const std::filesystem::path xdg = from_environment("XDG_DATA_HOME");
    if (xdg.is_absolute()) return xdg / "claimdeck";
    const std::filesystem::path home = from_environment("HOME");
    return home.empty() ? home : home / ".local" / "share" / "claimdeck";
#endif
}

}  // namespace claimdeck::desktop
