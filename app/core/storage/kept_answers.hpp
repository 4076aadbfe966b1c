// Answers that could not reach the store before the app or a command ended
// (the disk still full, the store locked or read-only) are not dropped: they
// are kept in the data folder as unsaved-answers-<time>.json, a progress
// file (progress_io.hpp), and saved the next time the store opens.
//
// Why a progress file: it is small (a few answers), checked field by field
// when read back, and importing is idempotent (a review whose uid is already
// in the store is skipped; a card state only replaces an older one), so an
// app cut off between saving and deleting the file never counts an answer
// twice.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/store.hpp"

namespace claimdeck {

// Writes `unsaved` beside the store and returns the file's path. Throws
// ProgressFileError when even that cannot be written.
std::filesystem::path keep_unsaved_answers(const ProfileProgress& unsaved, const std::filesystem::path& data_dir,
                                           std::int64_t now_ms);

// Keeps `unsaved` (refused by the store for the reason `why`) with
// keep_unsaved_answers() and says, for the learner, where they went or that
// even keeping them failed. Never throws: it is the last thing done before
// the program ends.
std::string keep_unsaved_answers_and_say(const ProfileProgress& unsaved, const std::string& why,
                                         const std::filesystem::path& data_dir, std::int64_t now_ms);

// Saves every kept file's answers into `store` and deletes the files that
// were saved; a file that cannot be saved yet stays for the next time.
// Returns notices for the learner. Never throws.
std::vector<std::string> save_kept_answers(ProgressStore& store, const std::filesystem::path& data_dir);

}  // namespace claimdeck
