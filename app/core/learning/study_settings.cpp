#include "learning/study_settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace claimdeck {
namespace {

constexpr const char* kNewCardsKey = "new_cards_per_day";
constexpr const char* kRetentionKey = "desired_retention";
constexpr const char* kAskConfidenceKey = "ask_confidence";
constexpr const char* kDailyLimitKey = "daily_limit";
constexpr const char* kTechniqueCardsKey = "technique_cards";

double stored_number(ProgressStore& store, std::int64_t profile_id, const char* key, double fallback, double min,
                     double max) {
    std::optional<std::string> text = store.setting(profile_id, key);
    if (!text) return fallback;
    char* end = nullptr;
    double value = std::strtod(text->c_str(), &end);
    if (end == text->c_str() || *end != '\0' || !(value >= min && value <= max)) return fallback;
    return value;
}

template <typename T>
double stored_number(ProgressStore& store, std::int64_t profile_id, const char* key, const SettingRange<T>& range) {
    return stored_number(store, profile_id, key, range.fallback, range.min, range.max);
}

}  // namespace

StudySettings load_study_settings(ProgressStore& store, std::int64_t profile_id) {
    const StudySettings defaults;
    StudySettings settings;
    settings.new_cards_per_day = static_cast<int>(stored_number(store, profile_id, kNewCardsKey, kNewCardsPerDay));
    settings.desired_retention = stored_number(store, profile_id, kRetentionKey, kDesiredRetention);
    settings.ask_confidence = stored_number(store, profile_id, kAskConfidenceKey, defaults.ask_confidence, 0, 1) != 0;
    settings.daily_limit = stored_number(store, profile_id, kDailyLimitKey, defaults.daily_limit, 0, 1) != 0;
    settings.technique_cards =
        stored_number(store, profile_id, kTechniqueCardsKey, defaults.technique_cards, 0, 1) != 0;
    return settings;
}

void save_study_settings(ProgressStore& store, std::int64_t profile_id, const StudySettings& settings) {
    store.set_setting(profile_id, kNewCardsKey, std::to_string(settings.new_cards_per_day));
    store.set_setting(profile_id, kRetentionKey, std::to_string(settings.desired_retention));
    store.set_setting(profile_id, kAskConfidenceKey, settings.ask_confidence ? "1" : "0");
    store.set_setting(profile_id, kDailyLimitKey, settings.daily_limit ? "1" : "0");
    store.set_setting(profile_id, kTechniqueCardsKey, settings.technique_cards ? "1" : "0");
}

}  // namespace claimdeck
