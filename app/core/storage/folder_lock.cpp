#include "storage/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <utility>

#include "storage/store.hpp"

namespace claimdeck {
namespace {

constexpr const char* kLockFileName = "progress.lock";

}  // namespace

FolderLock::FolderLock(const std::filesystem::path& data_dir)
    : fd_(::open((data_dir / kLockFileName).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {}

FolderLock FolderLock::shared(const std::filesystem::path& data_dir) {
    FolderLock lock(data_dir);
    if (lock.fd_ >= 0 && ::flock(lock.fd_, LOCK_SH | LOCK_NB) != 0)
        throw StoreError(StoreError::Kind::Locked, "The progress store in " + data_dir.u8string() +
                                                       " is being restored or repaired by another ClaimDeck. "
                                                       "Try again in a moment.");
    return lock;
}

FolderLock FolderLock::exclusive(const std::filesystem::path& data_dir) {
    FolderLock lock(data_dir);
    if (lock.fd_ >= 0 && ::flock(lock.fd_, LOCK_EX | LOCK_NB) != 0)
        throw StoreError(StoreError::Kind::Locked, "ClaimDeck is open on " + data_dir.u8string() +
                                                       " (an app window or a claimdeck-cli command). "
                                                       "Close ClaimDeck first, then try again.");
    return lock;
}

FolderLock::~FolderLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

FolderLock::FolderLock(FolderLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FolderLock& FolderLock::operator=(FolderLock&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
}

bool FolderLock::try_alone() {
    if (fd_ < 0) return true;
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return true;
    // A refused conversion may have dropped the shared lock (flock(2) is
    // not atomic there): take it again.
    ::flock(fd_, LOCK_SH);
    return false;
}

void FolderLock::share() {
    if (fd_ >= 0) ::flock(fd_, LOCK_SH);
}

}  // namespace claimdeck
