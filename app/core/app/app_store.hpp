// How the apps open the progress store: the careful way of
// open_progress_store() (repair, backups, answers kept from last time), and
// when even that fails (a store from a newer ClaimDeck, a folder that cannot
// be written, a repair another window blocks) the app still opens, on an
// empty stand-in in memory, to say why in its window: a learner who starts
// it from a launcher never sees a terminal.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/store.hpp"

namespace claimdeck {

struct AppStore {
    std::unique_ptr<ProgressStore> store;
    std::vector<std::string> notices;  // what opening did, for the learner
    std::string fault;                 // why the real store could not be opened; empty when it was
};

AppStore open_app_store(const std::filesystem::path& data_dir, const StoreOptions& options = {});

}  // namespace claimdeck
