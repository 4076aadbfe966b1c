// Backups of the progress store, and recovery from a damaged one.
//
// A backup is a copy made with SQLite's online backup API (one consistent
// snapshot, even while a session writes) into
// <data-dir>/backups/progress-YYYYMMDD-HHMMSS.sqlite, the time in UTC. Every
// copy is checked with quick_check before it takes its final name, so a file
// with such a name is whole. Backups are thinned to the newest of each of the
// last 7 days and of the last 4 weeks that have one.
//
// A damaged store is never deleted: it is moved aside, with its -wal and
// -shm, as progress.sqlite.<reason>-<time>.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace claimdeck {

inline constexpr std::int64_t kMinMsBetweenBackups = std::int64_t{30} * 60 * 1000;
inline constexpr int kDailyBackupsKept = 7;
inline constexpr int kWeeklyBackupsKept = 4;

std::filesystem::path backups_folder_in(const std::filesystem::path& data_dir);

// "20210826-173000" (UTC): sorts by time, and is safe in a file name anywhere.
std::string file_timestamp(std::int64_t ms);
// "progress-20210826-173000.sqlite"
std::string backup_file_name(std::int64_t ms);
// The time in a backup's file name; nullopt for any other name.
std::optional<std::int64_t> backup_time(const std::string& file_name);

// Writes a backup of `store_file` now, whatever the schedule, and returns its
// path. Throws StoreError; a copy that fails its check is deleted first.
std::filesystem::path write_backup(const std::filesystem::path& store_file, const std::filesystem::path& backups_dir,
                                   std::int64_t now_ms);

// "Back up my progress": the same checked copy written to `destination`, a
// file the learner chose. A file already there is replaced only once the
// new copy is whole. Throws StoreError.
void write_backup_as(const std::filesystem::path& store_file, const std::filesystem::path& destination);

// What to do on start, now and then while studying, and at close: write a
// backup when the store changed since the newest backup and that one is at
// least `min_ms_since_last` old, then thin. Never throws, since studying
// matters more than the backup: a failure comes back as a notice for the
// learner.
std::vector<std::string> back_up_if_due(const std::filesystem::path& store_file,
                                        const std::filesystem::path& backups_dir, std::int64_t now_ms,
                                        std::int64_t min_ms_since_last = kMinMsBetweenBackups);

// The names among `file_names` that thinning deletes: all backups but the
// newest of each of the kDailyBackupsKept most recent days and of the
// kWeeklyBackupsKept most recent weeks (Monday to Sunday) that have one.
// Names that are not backups' are never listed.
std::vector<std::string> backups_to_thin(const std::vector<std::string>& file_names);
void thin_backups(const std::filesystem::path& backups_dir);

// What PRAGMA quick_check finds wrong with the store at `store_file`,
// including "not a database" for random bytes; nullopt when it is sound or
// absent. Other faults (a lock, no permission) throw StoreError.
std::optional<std::string> find_damage(const std::filesystem::path& store_file);

// Renames `store_file`, and its -wal and -shm when present, to
// "<store_file>.<reason>-<time>" (numbered if that is taken; nothing is ever
// overwritten). Returns the new path of the main file.
std::filesystem::path move_store_aside(const std::filesystem::path& store_file, const std::string& reason,
                                       std::int64_t now_ms);

// The newest backup that is sound and not from a newer ClaimDeck.
std::optional<std::filesystem::path> newest_good_backup(const std::filesystem::path& backups_dir);

// Puts a copy of `source` (a backup, or any store file the user names) in
// place of `store_file`, after moving the current one aside as
// "before-restore". Checks `source` first and leaves everything as it was
// when it is damaged or newer. Returns where the current store went, if
// there was one.
std::optional<std::filesystem::path> restore_store(const std::filesystem::path& source,
                                                   const std::filesystem::path& store_file, std::int64_t now_ms);

// What open_progress_store() does with a damaged store: moves it aside and
// restores the newest good backup, if any. Says what was done and where the
// damaged file was kept (salvage.hpp then reads back what it still holds).
struct Recovery {
    std::vector<std::string> notices;
    std::filesystem::path kept;
};
Recovery recover_damaged_store(const std::filesystem::path& store_file, const std::filesystem::path& backups_dir,
                               const std::string& damage, std::int64_t now_ms);

}  // namespace claimdeck
