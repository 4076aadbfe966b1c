// Who has a data folder's store open. Every app window and claimdeck-cli
// command holds a shared lock on <data-dir>/progress.lock while its store is
// open; replacing the store (restore, or repairing a damaged one) needs the
// lock alone, so it never moves the file from under a running app, which
// would go on writing into the moved file. SQLite's own locks cannot say
// this: they last one transaction, not as long as a window stays open.
//
// flock(2): on Linux, macOS and the BSDs. Emscripten's does nothing, which
// is right there: a browser tab is the only app on its folder.
#pragma once

#include <filesystem>

namespace claimdeck {

class FolderLock {
public:
    FolderLock() = default;  // holds nothing
    // A shared lock. Throws StoreError (Locked) while the store is being
    // replaced. A lock file that cannot be created (a read-only folder)
    // gives a lock that holds nothing: the store's own errors say more.
    static FolderLock shared(const std::filesystem::path& data_dir);
    // The lock alone, or StoreError (Locked) saying to close ClaimDeck first.
    static FolderLock exclusive(const std::filesystem::path& data_dir);
    ~FolderLock();
    FolderLock(FolderLock&& other) noexcept;
    FolderLock& operator=(FolderLock&& other) noexcept;
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

    // Turns a shared lock into the only one; false, still shared, when
    // another ClaimDeck holds it too.
    bool try_alone();
    void share();

private:
    explicit FolderLock(const std::filesystem::path& data_dir);
    int fd_ = -1;
};

}  // namespace claimdeck
