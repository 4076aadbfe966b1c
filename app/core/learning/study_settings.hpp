// A learner's study settings, kept in the progress store per profile.
#pragma once

#include <cstdint>

#include "learning/session.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// Missing or unreadable values fall back to the defaults, clamped to sane
// ranges, so a hand-edited store cannot break a session.
StudySettings load_study_settings(ProgressStore& store, std::int64_t profile_id);
void save_study_settings(ProgressStore& store, std::int64_t profile_id, const StudySettings& settings);

}  // namespace claimdeck
