#include "store_access.hpp"

#include <system_error>

namespace claimdeck::cli {

std::unique_ptr<ProgressStore> open_or_create_store(const std::filesystem::path& data_dir) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly,
                         "cannot create the data folder " + data_dir.string() + ": " + error.message());
    return ProgressStore::open(store_file_in(data_dir));
}

std::unique_ptr<ProgressStore> open_existing_store(const std::filesystem::path& data_dir) {
    const std::filesystem::path file = store_file_in(data_dir);
    if (!std::filesystem::exists(file))
        throw StoreError(StoreError::Kind::Other, "no progress store in " + data_dir.string() + " (expected " +
                                                      file.string() + ")");
    return ProgressStore::open(file);
}

}  // namespace claimdeck::cli
