#include "store_access.hpp"

#include <iostream>

namespace claimdeck::cli {
namespace {

// Tells the user what opening did (a damaged store moved aside and restored,
// a backup that failed) and hands the store on.
std::unique_ptr<ProgressStore> with_notices_printed(OpenedStore opened) {
    for (const std::string& notice : opened.notices) std::cerr << "claimdeck-cli: " << notice << "\n";
    return std::move(opened.store);
}

}  // namespace

std::unique_ptr<ProgressStore> open_or_create_store(const std::filesystem::path& data_dir,
                                                    const StoreOptions& options) {
    return with_notices_printed(open_progress_store(data_dir, options));
}

std::unique_ptr<ProgressStore> open_existing_store(const std::filesystem::path& data_dir, const StoreOptions& options) {
    const std::filesystem::path file = store_file_in(data_dir);
    if (!std::filesystem::exists(file))
        throw StoreError(StoreError::Kind::Other,
                         "no progress store in " + data_dir.u8string() + " (expected " + file.u8string() + ")");
    return with_notices_printed(open_progress_store(data_dir, options));
}

}  // namespace claimdeck::cli
