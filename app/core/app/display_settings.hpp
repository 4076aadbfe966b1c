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
std::string_view to_string(Theme theme);
std::optional<Theme> parse_theme(std::string_view text);

struct DisplaySettings {
    int text_size_percent = 100;
    Theme theme = Theme::Light;
};
inline constexpr std::array<int, 4> kTextSizePercents = {85, 100, 120, 145};

// A missing or unknown stored value keeps its default.
DisplaySettings load_display_settings(ProgressStore& store);
void save_display_settings(ProgressStore& store, const DisplaySettings& settings);

}  // namespace claimdeck
