// How the app looks on this device, whoever studies: the text size and the
// theme. The GUI's look (app/ui/theme.hpp) needs only this, not the whole app.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "storage/store.hpp"

namespace claimdeck {

// The profile id under which settings that belong to the device, not to a
// learner, are kept in the store.
inline constexpr std::int64_t kDeviceSettings = 0;

enum class Theme { Light, Dark, HighContrast };

// The themes in the order they are offered: the name kept in the store and
// given on the command line, and the words on the settings screen.
struct ThemeChoice {
    Theme value;
    std::string_view key;
    std::string_view label;
    std::string_view short_label;
};
inline constexpr std::array<ThemeChoice, 3> kThemes = {{
    {Theme::Light, "light", "Light", "Light"},
    {Theme::Dark, "dark", "Dark", "Dark"},
    {Theme::HighContrast, "high-contrast", "High contrast", "Contrast"},
}};
std::string_view to_string(Theme theme);
std::optional<Theme> parse_theme(std::string_view text);

// The text sizes offered, in percent of the normal size, smallest first.
struct TextSizeChoice {
    int value;  // percent
    std::string_view label;
    std::string_view short_label;
};
// 200 % is WCAG's "resize text" (1.4.4): every screen must still show all
// its content at that size (tests/ui/test_screens.cpp draws them).
inline constexpr std::array<TextSizeChoice, 5> kTextSizes = {{
    {85, "Small", "S"},
    {100, "Medium", "M"},
    {120, "Large", "L"},
    {145, "Larger", "XL"},
    {200, "Largest", "2\u00D7"},
}};

struct DisplaySettings {
    int text_size_percent = 100;
    Theme theme = Theme::Light;
    // Shortcuts of one key (1 2 3, H, S, ?) act at once; off, they do
    // nothing, for speech input that types words as keys (WCAG 2.1.4).
    // Tab, Enter, Space and Esc work either way.
    bool single_key_shortcuts = true;
};

// A missing or unknown stored value keeps its default.
DisplaySettings load_display_settings(ProgressStore& store);
void save_display_settings(ProgressStore& store, const DisplaySettings& settings);

}  // namespace claimdeck
