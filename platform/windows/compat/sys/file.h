// flock(2) for the Windows build (on its include path before the system's):
// a lock on the whole file through LockFileEx, held by the open file.
#pragma once

#include <unistd.h>

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

// As flock(2): 0, or -1 when another process holds a lock in the way.
// Turning one kind of lock into the other is not atomic, as flock(2) says of
// itself: the old lock is let go first.
int flock(int fd, int operation);
