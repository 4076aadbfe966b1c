#include "app/display_settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace claimdeck {
namespace {

constexpr const char* kTextSizeKey = "text_size_percent";
constexpr const char* kThemeKey = "theme";
constexpr const char* kSingleKeyShortcutsKey = "single_key_shortcuts";

}  // namespace

std::string_view to_string(Theme theme) {
    for (const ThemeChoice& choice : kThemes)
        if (choice.value == theme) return choice.key;
    return kThemes.front().key;
}

std::optional<Theme> parse_theme(std::string_view text) {
    for (const ThemeChoice& choice : kThemes)
        if (choice.key == text) return choice.value;
    return std::nullopt;
}

DisplaySettings load_display_settings(ProgressStore& store) {
    DisplaySettings settings;
    if (auto size = store.setting(kDeviceSettings, kTextSizeKey)) {
        const int percent = std::atoi(size->c_str());
        for (const TextSizeChoice& choice : kTextSizes)
            if (choice.value == percent) settings.text_size_percent = percent;
    }
    if (auto theme = store.setting(kDeviceSettings, kThemeKey))
        settings.theme = parse_theme(*theme).value_or(settings.theme);
    if (auto shortcuts = store.setting(kDeviceSettings, kSingleKeyShortcutsKey))
        settings.single_key_shortcuts = *shortcuts != "off";
    return settings;
}

void save_display_settings(ProgressStore& store, const DisplaySettings& settings) {
    store.set_setting(kDeviceSettings, kTextSizeKey, std::to_string(settings.text_size_percent));
    store.set_setting(kDeviceSettings, kThemeKey, std::string(to_string(settings.theme)));
    store.set_setting(kDeviceSettings, kSingleKeyShortcutsKey, settings.single_key_shortcuts ? "on" : "off");
}

}  // namespace claimdeck
