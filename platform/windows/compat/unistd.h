// The POSIX calls the core makes that mingw-w64's <unistd.h> lacks, for the
// Windows build only (on its include path before the system's).
#pragma once

#include_next <unistd.h>

#include <fcntl.h>
#include <io.h>

// Handles are not inherited by programs the app starts unless asked.
#ifndef O_CLOEXEC
#define O_CLOEXEC _O_NOINHERIT
#endif

// std::filesystem::path::c_str() is wide on Windows: opened as it is, so
// every character of the name counts.
inline int open(const wchar_t* path, int flags, int mode) { return _wopen(path, flags, mode); }

// Written through to the disk, as fsync(2) does.
inline int fsync(int fd) { return _commit(fd); }
