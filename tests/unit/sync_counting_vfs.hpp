// A test-only SQLite VFS that passes everything through to the real one and
// counts the fsyncs (xSync) asked for, by kind of file.
//
// Why a VFS shim rather than reading PRAGMA synchronous or a commit hook:
// the promise the store makes is "an answer is on the disk, not only in the
// operating system's cache, before we say it is saved". The pragma is only a
// means to that, and a commit hook fires before the data is written. An fsync
// of the write-ahead log during the call that records the answer is the thing
// itself: with `synchronous = FULL` SQLite syncs the WAL on every commit; with
// NORMAL it syncs only at checkpoints, so a process kill loses nothing but a
// power cut can lose the last answers. Killing the process (the crash test)
// cannot tell the two apart; this can.
//
// While a SyncCountingVfs lives it is the default VFS, so every connection
// the code under test opens goes through it. Declare it before the store, so
// the store's connection closes first.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <stdexcept>

namespace claimdeck::testing {

class SyncCountingVfs {
public:
    SyncCountingVfs() {
        real_ = sqlite3_vfs_find(nullptr);
        if (!real_) throw std::runtime_error("no default SQLite VFS");
        shim_ = *real_;
        shim_.zName = "claimdeck-sync-counting";
        shim_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
        shim_.pAppData = real_;
        shim_.xOpen = &open_file;
        shim_.xDelete = [](sqlite3_vfs* vfs, const char* name, int sync_dir) {
            return real_of(vfs)->xDelete(real_of(vfs), name, sync_dir);
        };
        shim_.xAccess = [](sqlite3_vfs* vfs, const char* name, int flags, int* out) {
            return real_of(vfs)->xAccess(real_of(vfs), name, flags, out);
        };
        shim_.xFullPathname = [](sqlite3_vfs* vfs, const char* name, int size, char* out) {
            return real_of(vfs)->xFullPathname(real_of(vfs), name, size, out);
        };
        wal_syncs() = 0;
        other_syncs() = 0;
        sqlite3_vfs_register(&shim_, 1);
    }
    ~SyncCountingVfs() {
        sqlite3_vfs_unregister(&shim_);
        sqlite3_vfs_register(real_, 1);
    }
    SyncCountingVfs(const SyncCountingVfs&) = delete;
    SyncCountingVfs& operator=(const SyncCountingVfs&) = delete;

    // fsyncs of write-ahead logs, and of every other file (database, journal).
    int wal() const { return wal_syncs(); }
    int other() const { return other_syncs(); }

private:
    // Our file object, with the real VFS's file right behind it.
    struct File {
        sqlite3_file base;
        bool is_wal;
        sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
    };

    static std::atomic<int>& wal_syncs() {
        static std::atomic<int> count{0};
        return count;
    }
    static std::atomic<int>& other_syncs() {
        static std::atomic<int> count{0};
        return count;
    }
    static sqlite3_vfs* real_of(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
    static sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<File*>(file)->real(); }

    static int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
        File* ours = reinterpret_cast<File*>(file);
        ours->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
        const int result = real_of(vfs)->xOpen(real_of(vfs), name, ours->real(), flags, out_flags);
        ours->base.pMethods = ours->real()->pMethods ? &methods() : nullptr;
        return result;
    }

    static int sync(sqlite3_file* file, int flags) {
        ++(reinterpret_cast<File*>(file)->is_wal ? wal_syncs() : other_syncs());
        return real_of(file)->pMethods->xSync(real_of(file), flags);
    }

    // Every other method forwards to the real file unchanged.
    static const sqlite3_io_methods& methods() {
        static const sqlite3_io_methods forward = {
            3,
            [](sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); },
            [](sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
                return real_of(f)->pMethods->xRead(real_of(f), data, amount, offset);
            },
            [](sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
                return real_of(f)->pMethods->xWrite(real_of(f), data, amount, offset);
            },
            [](sqlite3_file* f, sqlite3_int64 size) { return real_of(f)->pMethods->xTruncate(real_of(f), size); },
            &sync,
            [](sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); },
            [](sqlite3_file* f, int lock) { return real_of(f)->pMethods->xLock(real_of(f), lock); },
            [](sqlite3_file* f, int lock) { return real_of(f)->pMethods->xUnlock(real_of(f), lock); },
            [](sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); },
            [](sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); },
            [](sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); },
            [](sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); },
            [](sqlite3_file* f, int page, int size, int extend, void volatile** out) {
                return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
            },
            [](sqlite3_file* f, int offset, int n, int flags) {
                return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
            },
            [](sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); },
            [](sqlite3_file* f, int remove) { return real_of(f)->pMethods->xShmUnmap(real_of(f), remove); },
            [](sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
                return real_of(f)->pMethods->xFetch(real_of(f), offset, amount, out);
            },
            [](sqlite3_file* f, sqlite3_int64 offset, void* page) {
                return real_of(f)->pMethods->xUnfetch(real_of(f), offset, page);
            },
        };
        return forward;
    }

    sqlite3_vfs* real_ = nullptr;
    sqlite3_vfs shim_{};
};

}  // namespace claimdeck::testing
