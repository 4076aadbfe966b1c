// Bringing progress from another device, the one rule for the app's "Import
// progress" and `claimdeck-cli import-progress`. The file is either a backup
// of a whole store ("Back up my progress", `claimdeck-cli backup`, the
// automatic backups, the browser's old Export) or one learner's progress
// file (`export-progress`). Each learner in it is merged into the learner of
// the same name here (created if needed) by ProgressStore::import_progress:
// an answer already here is not added again, and a card keeps the newer of
// the two states. Importing the same file twice adds nothing.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "storage/progress_io.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// The learners' progress in `file`, read and checked before anything is
// written. Throws ProgressFileError naming the file when it is neither kind,
// is from a newer ClaimDeck, or cannot be read.
std::vector<ProfileProgress> read_progress_to_import(const std::filesystem::path& file);

struct ProgressImport {
    std::vector<std::string> learners;  // by name, as in the file
    ImportCounts counts;                // over all of them
};

// Reads `file` and merges every learner in it into `store`. Throws
// ProgressFileError (nothing written) or StoreError.
ProgressImport import_progress_from(ProgressStore& store, const std::filesystem::path& file);

// "Imported 120 answers for Maya; 3 were already here."
std::string describe_import(const ProgressImport& result);

}  // namespace claimdeck
