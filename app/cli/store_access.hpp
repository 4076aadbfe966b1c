// Opening the progress store from a command, with the messages a terminal
// user needs.
#pragma once

#include <filesystem>
#include <memory>

#include "store.hpp"

namespace claimdeck::cli {

// Opens the store in data_dir, creating the folder and the store if needed.
std::unique_ptr<ProgressStore> open_or_create_store(const std::filesystem::path& data_dir);
// Opens the store in data_dir; a missing store is an error, never created.
std::unique_ptr<ProgressStore> open_existing_store(const std::filesystem::path& data_dir);

}  // namespace claimdeck::cli
