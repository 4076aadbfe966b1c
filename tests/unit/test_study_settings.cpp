#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "learning/study_settings.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

struct StoreFixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    std::int64_t profile = store->create_profile("Ada").id;

    StudySettings load_with(const char* key, const std::string& text) {
        store->set_setting(profile, key, text);
        return load_study_settings(*store, profile);
    }
};

}  // namespace

TEST_CASE("a stored new-cards limit is kept on both bounds and refused just outside them") {
    StoreFixture f;
    CHECK(f.load_with("new_cards_per_day", "0").new_cards_per_day == 0);
    CHECK(f.load_with("new_cards_per_day", "9999").new_cards_per_day == 9999);
    CHECK(f.load_with("new_cards_per_day", "-1").new_cards_per_day == kNewCardsPerDay.fallback);
    CHECK(f.load_with("new_cards_per_day", "10000").new_cards_per_day == kNewCardsPerDay.fallback);
}

TEST_CASE("a stored desired retention is kept on both bounds and refused just outside them") {
    StoreFixture f;
    CHECK(f.load_with("desired_retention", "0.70").desired_retention == doctest::Approx(0.70));
    CHECK(f.load_with("desired_retention", "0.97").desired_retention == doctest::Approx(0.97));
    CHECK(f.load_with("desired_retention", "0.69").desired_retention == kDesiredRetention.fallback);
    CHECK(f.load_with("desired_retention", "0.98").desired_retention == kDesiredRetention.fallback);
}

TEST_CASE("a setting's range keeps values inside and clamps the stepper at both ends") {
    CHECK(kDesiredRetention.contains(kDesiredRetention.min));
    CHECK(kDesiredRetention.contains(kDesiredRetention.max));
    CHECK_FALSE(kDesiredRetention.contains(kDesiredRetention.min - 0.001));
    CHECK_FALSE(kDesiredRetention.contains(kDesiredRetention.max + 0.001));
    CHECK(kNewCardsPerDay.clamped(-kNewCardsPerDay.step) == 0);
    CHECK(kNewCardsPerDay.clamped(kNewCardsPerDay.max + kNewCardsPerDay.step) == kNewCardsPerDay.max);
    CHECK(kDesiredRetention.clamped(0.5) == kDesiredRetention.min);
}

TEST_CASE("the defaults lie inside their ranges") {
    const StudySettings defaults;
    CHECK(kNewCardsPerDay.contains(defaults.new_cards_per_day));
    CHECK(kDesiredRetention.contains(defaults.desired_retention));
}

TEST_CASE("saved settings come back as they were") {
    StoreFixture f;
    StudySettings settings;
    settings.new_cards_per_day = 40;
    settings.desired_retention = 0.85;
    settings.ask_confidence = false;
    settings.daily_limit = false;
    settings.technique_cards = false;
    save_study_settings(*f.store, f.profile, settings);
    const StudySettings loaded = load_study_settings(*f.store, f.profile);
    CHECK(loaded.new_cards_per_day == 40);
    CHECK(loaded.desired_retention == doctest::Approx(0.85));
    CHECK_FALSE(loaded.ask_confidence);
    CHECK_FALSE(loaded.daily_limit);
    CHECK_FALSE(loaded.technique_cards);
    CHECK(StudySettings().technique_cards);  // on unless turned off
}
