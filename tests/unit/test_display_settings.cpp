#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>

#include "app/display_settings.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

TEST_CASE("every theme's stored name reads back as that theme") {
    std::set<std::string_view> keys;
    for (const ThemeChoice& choice : kThemes) {
        CHECK(to_string(choice.value) == choice.key);
        CHECK(parse_theme(choice.key) == choice.value);
        keys.insert(choice.key);
    }
    CHECK(keys.size() == kThemes.size());
    CHECK(to_string(Theme::HighContrast) == "high-contrast");
    CHECK_FALSE(parse_theme("High contrast").has_value());
}

TEST_CASE("a stored text size is kept only when it is one of those offered") {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    save_display_settings(*store, {145, Theme::Dark, true});
    CHECK(load_display_settings(*store).text_size_percent == 145);
    CHECK(load_display_settings(*store).theme == Theme::Dark);
    store->set_setting(kDeviceSettings, "text_size_percent", "110");
    store->set_setting(kDeviceSettings, "theme", "sepia");
    CHECK(load_display_settings(*store).text_size_percent == DisplaySettings{}.text_size_percent);
    CHECK(load_display_settings(*store).theme == DisplaySettings{}.theme);
}

TEST_CASE("single-key shortcuts turned off stay off, and are on when nothing was stored") {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    CHECK(load_display_settings(*store).single_key_shortcuts);
    save_display_settings(*store, {100, Theme::Light, false});
    CHECK_FALSE(load_display_settings(*store).single_key_shortcuts);
    save_display_settings(*store, {100, Theme::Light, true});
    CHECK(load_display_settings(*store).single_key_shortcuts);
}
