#include <sys/file.h>
#include <windows.h>

namespace {

// The lock covers the first byte, far enough: every holder locks the same one.
bool unlock(HANDLE file) {
    OVERLAPPED from_start{};
    return UnlockFileEx(file, 0, 1, 0, &from_start) != 0;
}

bool lock(HANDLE file, int operation) {
    DWORD flags = (operation & LOCK_EX) ? LOCKFILE_EXCLUSIVE_LOCK : 0;
    if (operation & LOCK_NB) flags |= LOCKFILE_FAIL_IMMEDIATELY;
    OVERLAPPED from_start{};
    return LockFileEx(file, flags, 0, 1, 0, &from_start) != 0;
}

}  // namespace

int flock(int fd, int operation) {
    const auto file = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (file == INVALID_HANDLE_VALUE) return -1;
    unlock(file);
    if (operation & LOCK_UN) return 0;
    return lock(file, operation) ? 0 : -1;
}
