// Opening the progress store from a command, with the messages a terminal
// user needs.
#pragma once

#include <filesystem>
#include <memory>

#include "storage/store.hpp"

namespace claimdeck::cli {

// Both open through open_progress_store(), which repairs a damaged store from
// a backup and writes backups, and print its notices to stderr.

// Opens the store in data_dir, creating the folder and the store if needed.
std::unique_ptr<ProgressStore> open_or_create_store(const std::filesystem::path& data_dir,
                                                    const StoreOptions& options = {});
// Opens the store in data_dir; a missing store is an error, never created.
std::unique_ptr<ProgressStore> open_existing_store(const std::filesystem::path& data_dir,
                                                   const StoreOptions& options = {});

}  // namespace claimdeck::cli
