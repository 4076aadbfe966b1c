#include "app/display_settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace claimdeck {
namespace {

constexpr const char* kTextSizeKey = "text_size_percent";
constexpr const char* kThemeKey = "theme";

}  // namespace

std::string_view to_string(Theme theme) {
    switch (theme) {
        case Theme::Light: return "light";
        case Theme::Dark: return "dark";
        case Theme::HighContrast: return "high-contrast";
    }
    return "light";
}

std::optional<Theme> parse_theme(std::string_view text) {
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast})
        if (to_string(theme) == text) return theme;
    return std::nullopt;
}

DisplaySettings load_display_settings(ProgressStore& store) {
    DisplaySettings settings;
    if (auto size = store.setting(kDeviceSettings, kTextSizeKey)) {
        int percent = std::atoi(size->c_str());
        if (std::find(kTextSizePercents.begin(), kTextSizePercents.end(), percent) != kTextSizePercents.end())
            settings.text_size_percent = percent;
    }
    if (auto theme = store.setting(kDeviceSettings, kThemeKey))
        settings.theme = parse_theme(*theme).value_or(settings.theme);
    return settings;
}

void save_display_settings(ProgressStore& store, const DisplaySettings& settings) {
    store.set_setting(kDeviceSettings, kTextSizeKey, std::to_string(settings.text_size_percent));
    store.set_setting(kDeviceSettings, kThemeKey, std::string(to_string(settings.theme)));
}

}  // namespace claimdeck
