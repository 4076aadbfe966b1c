#include "storage/backup.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <system_error>

#include "base/calendar.hpp"
#include "storage/sqlite.hpp"
#include "storage/store.hpp"
#include "storage/store_errors.hpp"

namespace claimdeck {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBackupPrefix = "progress-";
constexpr const char* kBackupSuffix = ".sqlite";
// SQLite's companion files, which belong with the main file wherever it goes.
constexpr const char* kCompanionSuffixes[] = {"-wal", "-shm"};

// The periods backups are kept per: a UTC day, a Monday-based week.
std::int64_t week_of(std::int64_t ms) { return week_of_day(utc_day(ms)); }

// "2021-08-26 17:30 UTC", for notices.
std::string readable_time(std::int64_t ms) {
    const CivilTime t = civil_time(ms);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d UTC", t.date.year, t.date.month, t.date.day, t.hour,
                  t.minute);
    return text;
}

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
    fs::path result = path;
    result += suffix;
    return result;
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
    std::error_code error;
    fs::rename(from, to, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly,
                         "Could not move " + from.u8string() + " to " + to.u8string() + ": " + error.message() + ".");
}

// Copies the database at `from` into `to`, replacing anything left there by
// an interrupted copy, and checks the copy; a copy that fails is deleted.
// The copy is one standalone file in rollback-journal mode: the backup API
// copies the source's header, WAL flag included, and a WAL file would leave
// -wal and -shm files beside every later reader.
void write_checked_copy(const fs::path& from, const fs::path& to) {
    std::error_code ignored;
    fs::remove(to, ignored);
    try {
        guarded(to, "write a copy of the progress store", [&] {
            sql::Database source(from, sql::Database::Mode::ReadOnly);
            sql::Database copy(to, sql::Database::Mode::ReadWriteCreate);
            sql::copy_database(source, copy);
            copy.execute("PRAGMA journal_mode = DELETE");
        });
        if (std::optional<std::string> damage = find_damage(to))
            throw StoreError(StoreError::Kind::Corrupt, "The copy of " + from.u8string() + " written to " +
                                                            to.u8string() + " failed its check (" + *damage +
                                                            ") and was deleted.");
    } catch (const StoreError&) {
        fs::remove(to, ignored);
        throw;
    }
}

// Throws StoreError saying why `source` cannot be restored: missing, not a
// ClaimDeck store, damaged or from a newer ClaimDeck.
void check_restorable(const fs::path& source) {
    std::error_code ignored;
    if (!fs::is_regular_file(source, ignored))
        throw StoreError(StoreError::Kind::Other, source.u8string() + " does not exist or is not a file.");
    if (std::optional<std::string> damage = find_damage(source))
        throw StoreError(StoreError::Kind::Corrupt,
                         source.u8string() + " is damaged or no database at all (" + *damage + ").");
    const int version = stored_schema_version(source);
    if (version < 1)
        throw StoreError(StoreError::Kind::Other, source.u8string() + " is not a ClaimDeck progress store.");
    if (version > kStoreSchemaVersion)
        throw StoreError(StoreError::Kind::NewerVersion, source.u8string() + " was written by a newer ClaimDeck.");
}

struct BackupFile {
    std::int64_t time_ms;
    fs::path path;
};

// The backups in `backups_dir`, newest first.
std::vector<BackupFile> list_backups(const fs::path& backups_dir) {
    std::vector<BackupFile> backups;
    std::error_code error;  // a folder that cannot be listed (or is not there yet) holds no backups
    for (fs::directory_iterator entry(backups_dir, error), end; !error && entry != end; entry.increment(error))
        if (std::optional<std::int64_t> time = backup_time(entry->path().filename().u8string()))
            backups.push_back({*time, entry->path()});
    std::sort(backups.begin(), backups.end(),
              [](const BackupFile& a, const BackupFile& b) { return a.time_ms > b.time_ms; });
    return backups;
}

// Counts that change whenever an answer is given or undone (review ids
// never go back, see the schema) or a profile, card state or setting is
// added or removed; a changed setting value alone waits for the next answer.
// All zero for an empty store.
using Fingerprint = std::array<std::int64_t, 5>;

std::optional<Fingerprint> content_fingerprint(const fs::path& file) {
    try {
        sql::Database db(file, sql::Database::Mode::ReadOnly);
        auto query = db.prepare(R"sql(SELECT (SELECT COUNT(*) FROM reviews),
            (SELECT IFNULL(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'reviews'),
            (SELECT COUNT(*) FROM profiles), (SELECT COUNT(*) FROM card_states), (SELECT COUNT(*) FROM settings))sql");
        query.step();
        Fingerprint counts;
        for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = query.column_int(static_cast<int>(i));
        return counts;
    } catch (const sql::Error&) {
        return std::nullopt;
    }
}

// True when the newest backup is at least `min_age_ms` old and the store
// has changed since (with no backup yet: since it was empty).
bool backup_due(const fs::path& store_file, const std::vector<BackupFile>& newest_first, std::int64_t now_ms,
                std::int64_t min_age_ms) {
    std::optional<Fingerprint> last = Fingerprint{};
    if (!newest_first.empty()) {
        const std::int64_t age = now_ms - newest_first.front().time_ms;
        // A negative age means the clock was set back; waiting for it could
        // leave the learner without backups for days.
        if (age >= 0 && age < min_age_ms) return false;
        last = content_fingerprint(newest_first.front().path);
    }
    const std::optional<Fingerprint> current = content_fingerprint(store_file);
    // An unreadable store is "due" too: writing the backup says what is wrong.
    return !current || current != last;
}

struct DatedName {
    std::int64_t time_ms;
    std::string name;
};

// Marks the newest backup of each of the `periods` most recent periods that
// have one. `newest_first` is sorted by time, newest first.
void keep_newest_per_period(const std::vector<DatedName>& newest_first, int periods,
                            std::int64_t (*period_of)(std::int64_t), std::set<std::string>& keep) {
    std::optional<std::int64_t> last_period;
    int kept = 0;
    for (const DatedName& backup : newest_first) {
        if (kept == periods) return;
        const std::int64_t period = period_of(backup.time_ms);
        if (period == last_period) continue;
        keep.insert(backup.name);
        last_period = period;
        ++kept;
    }
}

}  // namespace

fs::path backups_folder_in(const fs::path& data_dir) { return data_dir / "backups"; }

std::string file_timestamp(std::int64_t ms) {
    const CivilTime t = civil_time(ms);
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02d%02d-%02d%02d%02d", t.date.year, t.date.month, t.date.day, t.hour,
                  t.minute, t.second);
    return text;
}

std::string backup_file_name(std::int64_t ms) { return kBackupPrefix + file_timestamp(ms) + kBackupSuffix; }

std::optional<std::int64_t> backup_time(const std::string& file_name) {
    const std::string prefix = kBackupPrefix, suffix = kBackupSuffix;
    constexpr std::string_view kStampLayout = "YYYYMMDD-hhmmss";  // as file_timestamp() writes it
    if (file_name.size() != prefix.size() + kStampLayout.size() + suffix.size() || file_name.rfind(prefix, 0) != 0 ||
        file_name.compare(file_name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    const ParsedStamp stamp = parse_utc_stamp(std::string_view(file_name).substr(prefix.size()), kStampLayout);
    if (stamp.fault != StampFault::None) return std::nullopt;
    return ms_from_civil(stamp.time);
}

fs::path write_backup(const fs::path& store_file, const fs::path& backups_dir, std::int64_t now_ms) {
    std::error_code error;
    fs::create_directories(backups_dir, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly,
                         "Could not create the backup folder " + backups_dir.u8string() + ": " + error.message() + ".");
    fs::path backup = backups_dir / backup_file_name(now_ms);
    write_backup_as(store_file, backup);
    return backup;
}

void write_backup_as(const fs::path& store_file, const fs::path& destination) {
    // Written under another name first: a backup interrupted half-way never
    // looks like a whole one.
    const fs::path partial = with_suffix(destination, ".partial");
    write_checked_copy(store_file, partial);
    rename_or_throw(partial, destination);
}

std::vector<std::string> back_up_if_due(const fs::path& store_file, const fs::path& backups_dir, std::int64_t now_ms,
                                        std::int64_t min_ms_since_last) {
    try {
        if (!backup_due(store_file, list_backups(backups_dir), now_ms, min_ms_since_last)) return {};
        write_backup(store_file, backups_dir, now_ms);
        thin_backups(backups_dir);
        return {};
    } catch (const StoreError& error) {
        return {std::string("No backup of your progress was written this time. ") + error.what()};
    }
}

std::vector<std::string> backups_to_thin(const std::vector<std::string>& file_names) {
    std::vector<DatedName> backups;
    for (const std::string& name : file_names)
        if (std::optional<std::int64_t> time = backup_time(name)) backups.push_back({*time, name});
    std::sort(backups.begin(), backups.end(),
              [](const DatedName& a, const DatedName& b) { return a.time_ms > b.time_ms; });
    std::set<std::string> keep;
    keep_newest_per_period(backups, kDailyBackupsKept, utc_day, keep);
    keep_newest_per_period(backups, kWeeklyBackupsKept, week_of, keep);
    std::vector<std::string> thinned;
    for (const DatedName& backup : backups)
        if (!keep.count(backup.name)) thinned.push_back(backup.name);
    return thinned;
}

void thin_backups(const fs::path& backups_dir) {
    std::vector<std::string> names;
    for (const BackupFile& backup : list_backups(backups_dir)) names.push_back(backup.path.filename().u8string());
    for (const std::string& name : backups_to_thin(names)) {
        std::error_code ignored;  // a backup that cannot be deleted now is thinned next time
        fs::remove(backups_dir / name, ignored);
    }
}

std::optional<std::string> find_damage(const fs::path& store_file) {
    std::error_code ignored;
    if (!fs::exists(store_file, ignored)) return std::nullopt;
    try {
        sql::Database db(store_file, sql::Database::Mode::ReadOnly);
        return sql::quick_check(db);
    } catch (const sql::Error& error) {
        if (error.primary_code() == SQLITE_CORRUPT || error.primary_code() == SQLITE_NOTADB) return error.what();
        throw store_error(error, store_file, "check the progress store");
    }
}

fs::path move_store_aside(const fs::path& store_file, const std::string& reason, std::int64_t now_ms) {
    const std::string stem = store_file.u8string() + "." + reason + "-" + file_timestamp(now_ms);
    fs::path aside = stem;
    std::error_code ignored;
    for (int number = 2; fs::exists(aside, ignored); ++number) aside = stem + "-" + std::to_string(number);
    // Companions first: a -wal left beside a new store would be replayed into it.
    for (const char* suffix : kCompanionSuffixes)
        if (fs::exists(with_suffix(store_file, suffix), ignored))
            rename_or_throw(with_suffix(store_file, suffix), with_suffix(aside, suffix));
    rename_or_throw(store_file, aside);
    return aside;
}

std::optional<fs::path> newest_good_backup(const fs::path& backups_dir) {
    for (const BackupFile& backup : list_backups(backups_dir)) {
        try {
            check_restorable(backup.path);
            return backup.path;
        } catch (const StoreError&) {
            // Damaged or unreadable: try the next older one.
        }
    }
    return std::nullopt;
}

std::optional<fs::path> restore_store(const fs::path& source, const fs::path& store_file, std::int64_t now_ms) {
    check_restorable(source);
    // Copied and checked beside the store before the store is touched.
    const fs::path incoming = with_suffix(store_file, ".restoring");
    write_checked_copy(source, incoming);
    std::optional<fs::path> kept;
    std::error_code ignored;
    if (fs::exists(store_file, ignored)) kept = move_store_aside(store_file, "before-restore", now_ms);
    rename_or_throw(incoming, store_file);
    return kept;
}

Recovery recover_damaged_store(const fs::path& store_file, const fs::path& backups_dir, const std::string& damage,
                               std::int64_t now_ms) {
    const fs::path kept = move_store_aside(store_file, "corrupt", now_ms);
    std::vector<std::string> notices{store_file.u8string() + " was damaged (" + damage +
                                     "). It was kept, not deleted, as " + kept.u8string() + "."};
    if (std::optional<fs::path> backup = newest_good_backup(backups_dir)) {
        try {
            restore_store(*backup, store_file, now_ms);
        } catch (const StoreError& error) {
            throw StoreError(error.kind(), notices.front() + " Restoring the backup " + backup->string() +
                                               " failed: " + error.what());
        }
        notices.push_back("Your progress was restored from the backup of " +
                          readable_time(*backup_time(backup->filename().u8string())) + " (" + backup->string() + ").");
    } else {
        notices.push_back("There was no good backup to restore, so a new progress store was started.");
    }
    return {notices, kept};
}

}  // namespace claimdeck
