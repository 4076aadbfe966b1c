// One learner's progress as a JSON file (written and read with cereal), to
// move it between devices or keep it outside the app:
//
//   {"format": 1, "profile": "Ada",
//    "reviews": [{"uid": ..., "deck_id": ..., "truth": "verified", ...}],
//    "card_states": [{"deck_id": ..., "card_id": ..., "stability": ..., ...}],
//    "technique_reviews": [{"uid": ..., "technique": ..., "picked": ..., "words_overlap": ..., ...}],
//    "technique_states": [...]}
//
// The technique cards' two lists came later: a file without them still reads.
//
// A file to import is untrusted: read_progress_file() checks its size, the
// JSON's shape and every field before it returns anything, so a bad file
// never reaches the store; ProgressStore::import_progress() then writes it in
// one transaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>

#include "storage/store.hpp"

namespace claimdeck {

inline constexpr int kProgressFileFormat = 1;
inline constexpr std::uintmax_t kMaxProgressFileBytes = 64u << 20;

// A progress file that cannot be written or read. what() names the file and
// lists the problems found.
class ProgressFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes the file whole or not at all, as write_text_file() does.
void write_progress_file(const ProfileProgress& progress, const std::filesystem::path& file);

// Reads and checks a progress file; throws ProgressFileError.
ProfileProgress read_progress_file(const std::filesystem::path& file);

}  // namespace claimdeck
