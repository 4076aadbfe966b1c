#include "app/app_store.hpp"

namespace claimdeck {

AppStore open_app_store(const std::filesystem::path& data_dir, const StoreOptions& options) {
    try {
        OpenedStore opened = open_progress_store(data_dir, options);
        return {std::move(opened.store), std::move(opened.notices), ""};
    } catch (const StoreError& fault) {
        return {ProgressStore::open_in_memory(), {}, fault.what()};
    }
}

}  // namespace claimdeck
