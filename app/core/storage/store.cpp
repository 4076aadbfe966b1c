#include "storage/store.hpp"

#include <chrono>
#include <limits>
#include <random>
#include <set>
#include <system_error>
#include <thread>

#include "storage/backup.hpp"
#include "storage/kept_answers.hpp"
#include "storage/salvage.hpp"
#include "storage/sqlite.hpp"
#include "storage/store_errors.hpp"
#include "storage/store_rows.hpp"

namespace claimdeck {

// Where a profile's learner id is kept among its settings.
constexpr const char* kLearnerIdKey = "learner_id";
namespace {

// Each schema step takes the store from version N to N+1, in its own
// transaction. Earlier steps are never edited once shipped: a store of any
// age migrates step by step. To add version 2, append its step here, raise
// kStoreSchemaVersion, and add a test that a store made with
// create_store_at_version(path, 1) and some data opens with the data intact.
const char* const kMigrations[] = {
    // 0 -> 1: the first shipped schema.
    R"sql(
    CREATE TABLE profiles(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_ms INTEGER NOT NULL);
    CREATE TABLE sessions(
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        deck_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        started_ms INTEGER NOT NULL);
    CREATE TABLE card_states(
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER NOT NULL,
        first_review_ms INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        PRIMARY KEY(profile_id, deck_id, card_id)) WITHOUT ROWID;
    CREATE TABLE reviews(
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ids are never reused, even after an undo
        uid TEXT NOT NULL UNIQUE,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        reviewed_ms INTEGER NOT NULL,
        truth TEXT NOT NULL,
        picked TEXT NOT NULL,
        confidence INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        response_ms INTEGER NOT NULL,
        hint_used INTEGER NOT NULL,
        grade INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        due_ms INTEGER NOT NULL);
    CREATE INDEX reviews_by_profile ON reviews(profile_id, reviewed_ms);
    -- These two cover answer_counts() and answers_per_day(): a learner's
    -- statistics are read from an index alone, in its order (so the GROUP BY
    -- needs no sorting), however long the history.
    CREATE INDEX reviews_by_answer ON reviews(profile_id, deck_id, article_id, truth, picked, confidence);
    CREATE INDEX reviews_by_day ON reviews(profile_id, deck_id, reviewed_ms, correct);
    CREATE TABLE settings(
        profile_id INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY(profile_id, key)) WITHOUT ROWID;
    )sql",
    // 1 -> 2: a pupil's answers in a live class, kept until the server
    // confirms them (live/pupil_client.hpp); the key is the one the server
    // knows the answer by, so sending it again never counts it twice.
    R"sql(
    CREATE TABLE live_answers(
        key TEXT PRIMARY KEY,
        server TEXT NOT NULL,
        class_code TEXT NOT NULL,
        token TEXT NOT NULL,
        card_id TEXT NOT NULL,
        verdict TEXT NOT NULL,
        confidence INTEGER NOT NULL,
        given_ms INTEGER NOT NULL) WITHOUT ROWID;
    )sql",
    // 2 -> 3: what the learner consulted before answering (LateralReading).
    // Answers from before had no other sources to check: none, rightly.
    // The answer index gains the split so statistics with and without
    // lateral reading are still read from the index alone.
    R"sql(
    ALTER TABLE reviews ADD COLUMN lateral_searches INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reviews ADD COLUMN lateral_passages INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reviews ADD COLUMN lateral_ms INTEGER NOT NULL DEFAULT 0;
    DROP INDEX reviews_by_answer;
    CREATE INDEX reviews_by_answer
        ON reviews(profile_id, deck_id, article_id, truth, picked, confidence, lateral_searches);
    )sql",
    // 3 -> 4: technique cards (learning/technique_cards.hpp), scheduled and
    // logged apart from the claims: their answers are no verdicts, so the
    // claims' scoring never has to tell the two kinds apart.
    R"sql(
    CREATE TABLE technique_states(
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER NOT NULL,
        first_review_ms INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        PRIMARY KEY(profile_id, deck_id, card_id)) WITHOUT ROWID;
    CREATE TABLE technique_reviews(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        deck_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        reviewed_ms INTEGER NOT NULL,
        technique TEXT NOT NULL,
        picked TEXT NOT NULL,
        words_overlap REAL NOT NULL,
        response_ms INTEGER NOT NULL,
        grade INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        due_ms INTEGER NOT NULL);
    CREATE INDEX technique_reviews_by_technique ON technique_reviews(profile_id, deck_id, technique);
    )sql",
};
static_assert(std::size(kMigrations) == kStoreSchemaVersion, "one migration per schema version");

// The room a store needs to open and take an answer or two; less free space
// than this turns SQLite's vague "disk I/O error" into "the disk is full".
constexpr std::uintmax_t kRoomNeededBytes = std::uintmax_t{1} << 20;

std::uintmax_t free_bytes_beside(const std::filesystem::path& path) {
    std::error_code error;
    const std::filesystem::space_info space = std::filesystem::space(path.parent_path(), error);
    return error ? std::numeric_limits<std::uintmax_t>::max() : space.available;
}

// The advice says what to do about the fault only. Whether an answer waits
// is for the caller to say (PendingAnswers does): at start or for a setting
// there is none.
std::string advice_for(StoreError::Kind kind) {
    switch (kind) {
        case StoreError::Kind::DiskFull: return "The disk is full. Free some space.";
        case StoreError::Kind::ReadOnly: return "The data folder cannot be written. Check its permissions.";
        case StoreError::Kind::Locked: return "The progress store is busy in another ClaimDeck window.";
        case StoreError::Kind::Corrupt: return "The progress store is damaged.";
        default: return "";
    }
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

StoreError newer_store_error(const std::filesystem::path& path, int version) {
    return StoreError(StoreError::Kind::NewerVersion,
                      path.u8string() + " was written by a newer ClaimDeck (store version " + std::to_string(version) +
                          "; this one reads up to " + std::to_string(kStoreSchemaVersion) +
                          "). It was left untouched. Update ClaimDeck to open it.");
}

int user_version(sql::Database& db) {
    auto query = db.prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.column_int(0));
}

// Takes the store up to `target_version`, one step per transaction.
void migrate(sql::Database& db, const std::filesystem::path& path, int target_version) {
    for (int version = user_version(db); version < target_version; version = user_version(db)) {
        sql::Transaction transaction(db);
        // Read again under the write lock: another ClaimDeck starting at the
        // same moment may have taken this step already.
        if (user_version(db) != version) continue;
        db.execute(kMigrations[version]);
        // A number of ours, not user text: PRAGMA takes no bound parameters.
        db.execute(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        transaction.commit();
    }
    // Checked here too, not only before opening: a newer ClaimDeck may have
    // upgraded the file in between.
    if (int version = user_version(db); version > kStoreSchemaVersion) throw newer_store_error(path, version);
}

// Refuses a store from a newer ClaimDeck before anything writes to it: even
// switching the journal to WAL would change its header.
void refuse_newer_store(const std::filesystem::path& path) {
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) return;
    if (int version = stored_schema_version(path); version > kStoreSchemaVersion)
        throw newer_store_error(path, version);
}

// Switches the journal mode, trying again until `busy_timeout_ms` has
// passed. SQLite answers this pragma with SQLITE_BUSY at once, without
// waiting in the busy handler, while other connections are opening the same
// new file: of six ClaimDecks starting together on one, one in a few dozen
// starts failed so.
void set_journal_mode(sql::Database& db, const char* pragma, int busy_timeout_ms) {
    const auto give_up_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        try {
            db.execute(pragma);
            return;
        } catch (const sql::Error& error) {
            if (error.primary_code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= give_up_at) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void create_data_folder(const std::filesystem::path& data_dir) {
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly,
                         "Could not create the data folder " + data_dir.u8string() + ": " + error.message() + ".");
}

enum class DuplicateUid { Fail, Skip };

// Appends one review to the log. Returns false when `Skip` skipped it because
// a review with its uid is already there (it was imported before).
bool insert_review(sql::Database& db, const Review& review, DuplicateUid on_duplicate) {
    const std::string sql = std::string(R"sql(INSERT INTO reviews
        (uid, profile_id, session_id, deck_id, card_id, article_id, kind, reviewed_ms, truth, picked,
         confidence, correct, response_ms, hint_used, grade, stability, difficulty, due_ms,
         lateral_searches, lateral_passages, lateral_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21))sql") +
                            (on_duplicate == DuplicateUid::Skip ? " ON CONFLICT(uid) DO NOTHING" : "");
    auto insert = db.prepare(sql.c_str());
    insert.bind(1, review.uid.empty() ? new_review_uid() : review.uid).bind(2, review.profile_id);
    if (review.session_id > 0)
        insert.bind(3, review.session_id);
    else
        insert.bind_null(3);
    insert.bind(4, review.deck_id)
        .bind(5, review.card_id)
        .bind(6, review.article_id)
        .bind(7, to_string(review.kind))
        .bind(8, review.reviewed_ms)
        .bind(9, to_string(review.truth))
        .bind(10, to_string(review.picked))
        .bind(11, percent(review.confidence))
        .bind(12, review.correct ? 1 : 0)
        .bind(13, review.response_ms)
        .bind(14, review.hint_used ? 1 : 0)
        .bind(15, review.grade)
        .bind(16, review.stability)
        .bind(17, review.difficulty)
        .bind(18, review.due_ms)
        .bind(19, review.lateral.searches)
        .bind(20, review.lateral.passages_read)
        .bind(21, review.lateral.ms)
        .run();
    return db.changes() > 0;
}

// The same for a technique card's answer.
bool insert_technique_review(sql::Database& db, const TechniqueReview& review, DuplicateUid on_duplicate) {
    const std::string sql = std::string(R"sql(INSERT INTO technique_reviews
        (uid, profile_id, deck_id, card_id, reviewed_ms, technique, picked, words_overlap, response_ms, grade,
         stability, difficulty, due_ms)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql") +
                            (on_duplicate == DuplicateUid::Skip ? " ON CONFLICT(uid) DO NOTHING" : "");
    db.prepare(sql.c_str())
        .bind(1, review.uid.empty() ? new_review_uid() : review.uid)
        .bind(2, review.profile_id)
        .bind(3, review.deck_id)
        .bind(4, review.card_id)
        .bind(5, review.reviewed_ms)
        .bind(6, review.technique)
        .bind(7, review.picked)
        .bind(8, review.words_overlap)
        .bind(9, review.response_ms)
        .bind(10, review.grade)
        .bind(11, review.stability)
        .bind(12, review.difficulty)
        .bind(13, review.due_ms)
        .run();
    return db.changes() > 0;
}

enum class StateWrite { Replace, OnlyIfNewer };

// Claims and technique cards keep their states in tables of the same shape.
enum class CardTable { Claims, Techniques };
const char* table_name(CardTable table) { return table == CardTable::Claims ? "card_states" : "technique_states"; }

// Writes a card's state. `OnlyIfNewer` keeps the stored state when its last
// review is as new or newer (an import merging two devices' histories).
// Either way the first review stays the earliest known, which the daily
// new-card limit counts by. Returns true when the row was written.
bool write_card_state(sql::Database& db, std::int64_t profile_id, const std::string& deck_id, const CardState& state,
                      StateWrite how, CardTable table = CardTable::Claims) {
    const std::string name = table_name(table);
    const std::string sql = "INSERT INTO " + name + R"sql(
        (profile_id, deck_id, card_id, stability, difficulty, due_ms, last_review_ms, first_review_ms, reps, lapses)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT(profile_id, deck_id, card_id) DO UPDATE SET
            stability = excluded.stability, difficulty = excluded.difficulty, due_ms = excluded.due_ms,
            last_review_ms = excluded.last_review_ms, reps = excluded.reps, lapses = excluded.lapses,
            first_review_ms = MIN(excluded.first_review_ms, )sql" +
                            name + R"sql(.first_review_ms)
        WHERE ?11 OR excluded.last_review_ms > )sql" +
                            name + ".last_review_ms";
    db.prepare(sql.c_str())
        .bind(1, profile_id)
        .bind(2, deck_id)
        .bind(3, state.card_id)
        .bind(4, state.stability)
        .bind(5, state.difficulty)
        .bind(6, state.due_ms)
        .bind(7, state.last_review_ms)
        .bind(8, state.first_review_ms)
        .bind(9, state.reps)
        .bind(10, state.lapses)
        .bind(11, how == StateWrite::Replace ? 1 : 0)
        .run();
    return db.changes() > 0;
}

}  // namespace

std::string review_columns(bool lateral_columns) {
    return std::string(
               "id, uid, profile_id, session_id, deck_id, card_id, article_id, kind, reviewed_ms, truth, picked, "
               "confidence, correct, response_ms, hint_used, grade, stability, difficulty, due_ms, ") +
           (lateral_columns ? "lateral_searches, lateral_passages, lateral_ms" : "0, 0, 0");
}

const char* const kTechniqueReviewColumns =
    "id, uid, profile_id, deck_id, card_id, reviewed_ms, technique, picked, words_overlap, response_ms, grade, "
    "stability, difficulty, due_ms";

TechniqueReview read_technique_review(const sql::Statement& row) {
    return {row.column_text(1),    row.column_int(2),
            row.column_text(3),    row.column_text(4),
            row.column_int(5),     row.column_text(6),
            row.column_text(7),    row.column_double(8),
            row.column_int(9),     static_cast<int>(row.column_int(10)),
            row.column_double(11), row.column_double(12),
            row.column_int(13)};
}

Review read_review(const sql::Statement& row) {
    Review review;
    review.id = row.column_int(0);
    review.uid = row.column_text(1);
    review.profile_id = row.column_int(2);
    review.session_id = row.column_is_null(3) ? 0 : row.column_int(3);
    review.deck_id = row.column_text(4);
    review.card_id = row.column_text(5);
    review.article_id = row.column_text(6);
    review.kind = row.column_text(7) == "quiz" ? ReviewKind::Quiz : ReviewKind::Study;
    review.reviewed_ms = row.column_int(8);
    review.truth = parse_verdict(row.column_text(9)).value_or(Verdict::Verified);
    review.picked = parse_verdict(row.column_text(10)).value_or(Verdict::Verified);
    review.confidence = confidence_from_percent(static_cast<int>(row.column_int(11))).value_or(Confidence::Unstated);
    review.correct = row.column_int(12) != 0;
    review.response_ms = row.column_int(13);
    review.hint_used = row.column_int(14) != 0;
    review.grade = static_cast<int>(row.column_int(15));
    review.stability = row.column_double(16);
    review.difficulty = row.column_double(17);
    review.due_ms = row.column_int(18);
    review.lateral.searches = static_cast<int>(row.column_int(19));
    review.lateral.passages_read = static_cast<int>(row.column_int(20));
    review.lateral.ms = row.column_int(21);
    return review;
}

CardState read_card_state(const sql::Statement& row, int first) {
    return CardState{row.column_text(first),
                     row.column_double(first + 1),
                     row.column_double(first + 2),
                     row.column_int(first + 3),
                     row.column_int(first + 4),
                     row.column_int(first + 5),
                     static_cast<int>(row.column_int(first + 6)),
                     static_cast<int>(row.column_int(first + 7))};
}

StoreError::Kind kind_of_fault(int sqlite_code, std::uintmax_t free_bytes) {
    switch (sqlite_code & 0xff) {
        case SQLITE_FULL: return StoreError::Kind::DiskFull;
        // A disk that is full before the store opens fails as an I/O error:
        // SQLite cannot grow the -shm file, which it does not report as FULL.
        case SQLITE_IOERR: return free_bytes < kRoomNeededBytes ? StoreError::Kind::DiskFull : StoreError::Kind::Other;
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM: return StoreError::Kind::ReadOnly;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return StoreError::Kind::Locked;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return StoreError::Kind::Corrupt;
        default: return StoreError::Kind::Other;
    }
}

StoreError store_error(const sql::Error& error, const std::filesystem::path& path, std::string_view doing) {
    StoreError::Kind kind = kind_of_fault(error.code(), free_bytes_beside(path));
    std::string advice = advice_for(kind);
    return StoreError(kind, "Could not " + std::string(doing) + " in " + path.u8string() + " (" + error.what() + ")." +
                                (advice.empty() ? "" : " " + advice));
}

std::string_view to_string(ReviewKind kind) { return kind == ReviewKind::Quiz ? "quiz" : "study"; }

std::string new_review_uid() {
    static std::mt19937_64 generator{std::random_device{}() ^ static_cast<std::uint64_t>(now_ms())};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%013llx-%016llx", static_cast<unsigned long long>(now_ms()),
                  static_cast<unsigned long long>(generator()));
    return buffer;
}

int stored_schema_version(const std::filesystem::path& path) {
    return guarded(path, "read the store's version", [&] {
        sql::Database db(path, sql::Database::Mode::ReadOnly);
        return user_version(db);
    });
}

void create_store_at_version(const std::filesystem::path& path, int version) {
    guarded(path, "create a test store", [&] {
        sql::Database db(path, sql::Database::Mode::ReadWriteCreate);
        migrate(db, path, version);
    });
}

namespace {

// Moves the damaged store aside and restores what can be restored, with the
// folder's lock alone: another window would go on writing into the moved file.
Recovery repair_alone(FolderLock& lock, const std::filesystem::path& file, const std::filesystem::path& backups,
                      const std::string& damage, std::int64_t now) {
    if (!lock.try_alone())
        throw StoreError(StoreError::Kind::Corrupt,
                         file.u8string() + " is damaged (" + damage +
                             "), and another ClaimDeck has it open, so it cannot be repaired now. Close every "
                             "ClaimDeck window and command, then start again: the damaged file is then kept, never "
                             "deleted, and the newest good backup restored.");
    Recovery recovery = recover_damaged_store(file, backups, damage, now);
    lock.share();
    return recovery;
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
    for (std::string& notice : more) to.push_back(std::move(notice));
}

}  // namespace

OpenedStore open_progress_store(const std::filesystem::path& data_dir, const StoreOptions& options) {
    const std::int64_t now = options.now_ms.value_or(now_ms());
    create_data_folder(data_dir);
    FolderLock lock = FolderLock::shared(data_dir);
    const std::filesystem::path file = store_file_in(data_dir);
    const std::filesystem::path backups = backups_folder_in(data_dir);
    OpenedStore opened;
    std::optional<Recovery> recovery;
    if (std::optional<std::string> damage = find_damage(file)) {
        recovery = repair_alone(lock, file, backups, *damage, now);
        opened.notices = recovery->notices;
    }
    opened.store = ProgressStore::open(file, options);
    opened.store->folder_lock_ = std::move(lock);
    if (recovery) append(opened.notices, add_salvage(*opened.store, recovery->kept));
    append(opened.notices, save_kept_answers(*opened.store, data_dir));
    if (options.backup_on_open) append(opened.notices, back_up_if_due(file, backups, now));
    return opened;
}

ProgressStore::ProgressStore(std::filesystem::path path, std::unique_ptr<sql::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

ProgressStore::~ProgressStore() = default;

std::unique_ptr<ProgressStore> ProgressStore::open(const std::filesystem::path& path, const StoreOptions& options) {
    refuse_newer_store(path);
    return guarded(path, "open the progress store", [&] {
        auto db = std::make_unique<sql::Database>(path, sql::Database::Mode::ReadWriteCreate, options.busy_timeout_ms);
        db->execute("PRAGMA foreign_keys = ON");
        set_journal_mode(*db, options.write_ahead_log ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE",
                         options.busy_timeout_ms);
        // FULL, not NORMAL: in WAL mode NORMAL already survives a crash of the
        // process, but FULL also survives the machine losing power (a phone's
        // battery, a laptop's lid) at the price of one fsync per answer, which
        // a learner answering by hand never notices.
        db->execute("PRAGMA synchronous = FULL");
        migrate(*db, path, kStoreSchemaVersion);
        return std::unique_ptr<ProgressStore>(new ProgressStore(path, std::move(db)));
    });
}

std::unique_ptr<ProgressStore> ProgressStore::open_in_memory() {
    return guarded(":memory:", "open an empty store in memory", [&] {
        auto db = std::make_unique<sql::Database>(":memory:", sql::Database::Mode::ReadWriteCreate);
        migrate(*db, ":memory:", kStoreSchemaVersion);
        return std::unique_ptr<ProgressStore>(new ProgressStore(":memory:", std::move(db)));
    });
}

std::vector<Profile> ProgressStore::profiles() const {
    return guarded(path_, "read profiles", [&] {
        std::vector<Profile> all;
        auto query = db_->prepare("SELECT id, name FROM profiles ORDER BY name COLLATE NOCASE");
        while (query.step()) all.push_back({query.column_int(0), query.column_text(1)});
        return all;
    });
}

std::optional<Profile> ProgressStore::find_profile(const std::string& name) const {
    return guarded(path_, "read profiles", [&]() -> std::optional<Profile> {
        auto query = db_->prepare("SELECT id, name FROM profiles WHERE name = ?1");
        query.bind(1, name);
        if (!query.step()) return std::nullopt;
        return Profile{query.column_int(0), query.column_text(1)};
    });
}

Profile ProgressStore::create_profile(const std::string& name) {
    return guarded(path_, "create the profile", [&] {
        auto insert = db_->prepare("INSERT INTO profiles(name, created_ms) VALUES (?1, ?2)");
        insert.bind(1, name).bind(2, now_ms()).run();
        return Profile{db_->last_insert_id(), name};
    });
}

Profile ProgressStore::ensure_profile(const std::string& name) {
    if (auto existing = find_profile(name)) return *existing;
    return create_profile(name);
}

void ProgressStore::rename_profile(std::int64_t profile_id, const std::string& new_name) {
    guarded(path_, "rename the profile", [&] {
        db_->prepare("UPDATE profiles SET name = ?1 WHERE id = ?2").bind(1, new_name).bind(2, profile_id).run();
    });
}

void ProgressStore::delete_profile(std::int64_t profile_id) {
    guarded(path_, "delete the profile", [&] {
        sql::Transaction transaction(*db_);
        db_->prepare("DELETE FROM settings WHERE profile_id = ?1").bind(1, profile_id).run();
        db_->prepare("DELETE FROM profiles WHERE id = ?1").bind(1, profile_id).run();
        transaction.commit();
    });
}

std::optional<std::string> ProgressStore::existing_learner_id(std::int64_t profile_id) const {
    return setting(profile_id, kLearnerIdKey);
}

std::string ProgressStore::learner_id(std::int64_t profile_id) {
    if (auto kept = existing_learner_id(profile_id)) return *kept;
    const std::string made = new_review_uid();
    set_setting(profile_id, kLearnerIdKey, made);
    return made;
}

std::int64_t ProgressStore::start_session(std::int64_t profile_id, const std::string& deck_id, ReviewKind kind,
                                          std::int64_t started_ms) {
    return guarded(path_, "start a session", [&] {
        db_->prepare("INSERT INTO sessions(profile_id, deck_id, kind, started_ms) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, profile_id)
            .bind(2, deck_id)
            .bind(3, to_string(kind))
            .bind(4, started_ms)
            .run();
        return db_->last_insert_id();
    });
}

std::int64_t ProgressStore::record_review(const Review& review, const std::optional<CardState>& new_state) {
    return guarded(path_, "save your answer", [&] {
        sql::Transaction transaction(*db_);
        insert_review(*db_, review, DuplicateUid::Fail);
        const std::int64_t id = db_->last_insert_id();
        if (new_state) write_card_state(*db_, review.profile_id, review.deck_id, *new_state, StateWrite::Replace);
        transaction.commit();
        return id;
    });
}

void ProgressStore::undo_review(std::int64_t review_id, std::int64_t profile_id, const std::string& deck_id,
                                const std::string& card_id, const std::optional<CardState>& previous_state) {
    guarded(path_, "undo the answer", [&] {
        sql::Transaction transaction(*db_);
        db_->prepare("DELETE FROM reviews WHERE id = ?1").bind(1, review_id).run();
        if (previous_state)
            write_card_state(*db_, profile_id, deck_id, *previous_state, StateWrite::Replace);
        else
            db_->prepare("DELETE FROM card_states WHERE profile_id = ?1 AND deck_id = ?2 AND card_id = ?3")
                .bind(1, profile_id)
                .bind(2, deck_id)
                .bind(3, card_id)
                .run();
        transaction.commit();
    });
}

namespace {
std::map<std::string, CardState> read_states(sql::Database& db, CardTable table, std::int64_t profile_id,
                                             const std::string& deck_id) {
    std::map<std::string, CardState> states;
    const std::string sql = R"sql(SELECT card_id, stability, difficulty, due_ms, last_review_ms, first_review_ms,
            reps, lapses FROM )sql" +
                            std::string(table_name(table)) + " WHERE profile_id = ?1 AND deck_id = ?2";
    auto query = db.prepare(sql.c_str());
    query.bind(1, profile_id).bind(2, deck_id);
    while (query.step()) {
        CardState state = read_card_state(query, 0);
        states.emplace(state.card_id, state);
    }
    return states;
}
}  // namespace

std::map<std::string, CardState> ProgressStore::card_states(std::int64_t profile_id, const std::string& deck_id) const {
    return guarded(path_, "read card states",
                   [&] { return read_states(*db_, CardTable::Claims, profile_id, deck_id); });
}

std::map<std::string, CardState> ProgressStore::technique_states(std::int64_t profile_id,
                                                                 const std::string& deck_id) const {
    return guarded(path_, "read technique card states",
                   [&] { return read_states(*db_, CardTable::Techniques, profile_id, deck_id); });
}

std::int64_t ProgressStore::record_technique_review(const TechniqueReview& review, const CardState& new_state) {
    return guarded(path_, "save your answer", [&] {
        sql::Transaction transaction(*db_);
        insert_technique_review(*db_, review, DuplicateUid::Fail);
        const std::int64_t id = db_->last_insert_id();
        write_card_state(*db_, review.profile_id, review.deck_id, new_state, StateWrite::Replace,
                         CardTable::Techniques);
        transaction.commit();
        return id;
    });
}

std::vector<TechniqueReview> ProgressStore::technique_reviews(std::int64_t profile_id) const {
    return guarded(path_, "read the technique cards' answers", [&] {
        std::vector<TechniqueReview> all;
        const std::string sql = std::string("SELECT ") + kTechniqueReviewColumns +
                                " FROM technique_reviews WHERE profile_id = ?1 ORDER BY reviewed_ms, id";
        auto query = db_->prepare(sql.c_str());
        query.bind(1, profile_id);
        while (query.step()) all.push_back(read_technique_review(query));
        return all;
    });
}

std::vector<TechniqueTally> ProgressStore::technique_tallies(std::int64_t profile_id,
                                                             const std::string& deck_id) const {
    return guarded(path_, "read the technique cards' answers", [&] {
        std::vector<TechniqueTally> tallies;
        auto query = db_->prepare(R"sql(SELECT technique, COUNT(*), SUM(picked = technique), SUM(words_overlap)
            FROM technique_reviews WHERE profile_id = ?1 AND deck_id = ?2 GROUP BY technique)sql");
        query.bind(1, profile_id).bind(2, deck_id);
        while (query.step())
            tallies.push_back({query.column_text(0), static_cast<int>(query.column_int(1)),
                               static_cast<int>(query.column_int(2)), query.column_double(3)});
        return tallies;
    });
}

int ProgressStore::new_cards_since(std::int64_t profile_id, const std::string& deck_id, std::int64_t since_ms) const {
    return guarded(path_, "read card states", [&] {
        auto query = db_->prepare(
            "SELECT COUNT(*) FROM card_states WHERE profile_id = ?1 AND deck_id = ?2 AND first_review_ms >= ?3");
        query.bind(1, profile_id).bind(2, deck_id).bind(3, since_ms).step();
        return static_cast<int>(query.column_int(0));
    });
}

std::vector<Review> ProgressStore::reviews(std::int64_t profile_id) const {
    return guarded(path_, "read the review log", [&] {
        std::vector<Review> all;
        auto query = db_->prepare(
            ("SELECT " + review_columns() + " FROM reviews WHERE profile_id = ?1 ORDER BY reviewed_ms, id").c_str());
        query.bind(1, profile_id);
        while (query.step()) all.push_back(read_review(query));
        return all;
    });
}

std::int64_t ProgressStore::review_count(std::int64_t profile_id) const {
    return guarded(path_, "count reviews", [&] {
        auto query = db_->prepare("SELECT COUNT(*) FROM reviews WHERE profile_id = ?1");
        query.bind(1, profile_id).step();
        return query.column_int(0);
    });
}

// Profile ids start at 1, so ?2 = 0 (kAllProfiles) matches every learner.
constexpr const char* kOneDeckRows = " WHERE deck_id = ?1 AND (?2 = 0 OR profile_id = ?2)";

std::int64_t ProgressStore::deck_answer_count(std::int64_t profile_id, const std::string& deck_id) const {
    return guarded(path_, "count the deck's answers", [&] {
        // Technique cards' answers go with the deck too.
        const std::string sql = std::string("SELECT (SELECT COUNT(*) FROM reviews") + kOneDeckRows +
                                ") + (SELECT COUNT(*) FROM technique_reviews" + kOneDeckRows + ")";
        auto query = db_->prepare(sql.c_str());
        query.bind(1, deck_id).bind(2, profile_id).step();
        return query.column_int(0);
    });
}

void ProgressStore::delete_deck_progress(std::int64_t profile_id, const std::string& deck_id) {
    guarded(path_, "delete the deck's progress", [&] {
        sql::Transaction transaction(*db_);
        for (const char* table : {"reviews", "card_states", "technique_reviews", "technique_states", "sessions"}) {
            const std::string sql = std::string("DELETE FROM ") + table + kOneDeckRows;
            db_->prepare(sql.c_str()).bind(1, deck_id).bind(2, profile_id).run();
        }
        transaction.commit();
    });
}

std::vector<AnswerCount> ProgressStore::answer_counts(std::int64_t profile_id,
                                                      const std::optional<std::string>& deck_id) const {
    return guarded(path_, "read the review log", [&] {
        std::vector<AnswerCount> groups;
        // Grouped by the number of searches, not by whether there was one:
        // only a column of the index keeps the query on the index alone.
        auto query = db_->prepare(R"sql(SELECT article_id, truth, picked, confidence, lateral_searches, COUNT(*)
            FROM reviews WHERE profile_id = ?1 AND (?2 IS NULL OR deck_id = ?2)
            GROUP BY deck_id, article_id, truth, picked, confidence, lateral_searches)sql");
        query.bind(1, profile_id);
        if (deck_id)
            query.bind(2, *deck_id);
        else
            query.bind_null(2);
        while (query.step()) {
            AnswerCount group;
            group.article_id = query.column_text(0);
            group.truth = parse_verdict(query.column_text(1)).value_or(Verdict::Verified);
            group.picked = parse_verdict(query.column_text(2)).value_or(Verdict::Verified);
            group.confidence =
                confidence_from_percent(static_cast<int>(query.column_int(3))).value_or(Confidence::Unstated);
            group.lateral_reading = LateralReading{static_cast<int>(query.column_int(4)), 0, 0}.used();
            group.count = static_cast<int>(query.column_int(5));
            groups.push_back(std::move(group));
        }
        return groups;
    });
}

std::map<std::int64_t, Tally> ProgressStore::answers_per_day(std::int64_t profile_id,
                                                             const std::string& deck_id) const {
    return guarded(path_, "read the review log", [&] {
        std::map<std::int64_t, Tally> per_day;
        // Integer division gives the UTC day because no review predates 1970:
        // the clock cannot give one and imports refuse negative times.
        auto query = db_->prepare(R"sql(SELECT reviewed_ms / 86400000 AS day, COUNT(*), SUM(correct) FROM reviews
            WHERE profile_id = ?1 AND deck_id = ?2 GROUP BY day)sql");
        query.bind(1, profile_id).bind(2, deck_id);
        while (query.step())
            per_day.emplace(query.column_int(0),
                            Tally{static_cast<int>(query.column_int(1)), static_cast<int>(query.column_int(2))});
        return per_day;
    });
}

std::optional<std::string> ProgressStore::setting(std::int64_t profile_id, const std::string& key) const {
    return guarded(path_, "read settings", [&]() -> std::optional<std::string> {
        auto query = db_->prepare("SELECT value FROM settings WHERE profile_id = ?1 AND key = ?2");
        query.bind(1, profile_id).bind(2, key);
        if (!query.step()) return std::nullopt;
        return query.column_text(0);
    });
}

void ProgressStore::set_setting(std::int64_t profile_id, const std::string& key, const std::string& value) {
    guarded(path_, "save settings", [&] {
        db_->prepare("INSERT OR REPLACE INTO settings(profile_id, key, value) VALUES (?1, ?2, ?3)")
            .bind(1, profile_id)
            .bind(2, key)
            .bind(3, value)
            .run();
    });
}

void ProgressStore::keep_live_answer(const LiveAnswerRow& answer) {
    guarded(path_, "keep your live class answer", [&] {
        db_->prepare(
               "INSERT OR IGNORE INTO live_answers(key, server, class_code, token, card_id, verdict, confidence, "
               "given_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(1, answer.key)
            .bind(2, answer.server)
            .bind(3, answer.class_code)
            .bind(4, answer.token)
            .bind(5, answer.card_id)
            .bind(6, to_string(answer.verdict))
            .bind(7, percent(answer.confidence))
            .bind(8, answer.given_ms)
            .run();
    });
}

std::vector<LiveAnswerRow> ProgressStore::live_answers() const {
    return guarded(path_, "read the live class answers not sent yet", [&] {
        auto query = db_->prepare(
            "SELECT key, server, class_code, token, card_id, verdict, confidence, given_ms FROM live_answers "
            "ORDER BY given_ms, key");
        std::vector<LiveAnswerRow> rows;
        while (query.step()) {
            LiveAnswerRow row{query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3),
                              query.column_text(4)};
            row.verdict = parse_verdict(query.column_text(5)).value_or(Verdict::Contested);
            row.confidence =
                confidence_from_percent(static_cast<int>(query.column_int(6))).value_or(Confidence::Unstated);
            row.given_ms = query.column_int(7);
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

void ProgressStore::forget_live_answer(const std::string& key) {
    guarded(path_, "mark your live class answer as saved",
            [&] { db_->prepare("DELETE FROM live_answers WHERE key = ?1").bind(1, key).run(); });
}

std::vector<OrphanedCard> ProgressStore::orphaned_cards(std::int64_t profile_id, const std::string& deck_id,
                                                        const std::vector<std::string>& deck_claim_ids) const {
    return guarded(path_, "read the review log", [&] {
        const std::set<std::string> in_deck(deck_claim_ids.begin(), deck_claim_ids.end());
        std::vector<OrphanedCard> orphans;
        // Every card with a review or a state, so a card whose reviews were
        // all undone still counts.
        auto query = db_->prepare(R"sql(SELECT card_id, SUM(answers) FROM (
                SELECT card_id, COUNT(*) AS answers FROM reviews WHERE profile_id = ?1 AND deck_id = ?2 GROUP BY card_id
                UNION ALL
                SELECT card_id, 0 FROM card_states WHERE profile_id = ?1 AND deck_id = ?2)
            GROUP BY card_id ORDER BY card_id)sql");
        query.bind(1, profile_id).bind(2, deck_id);
        while (query.step())
            if (!in_deck.count(query.column_text(0))) orphans.push_back({query.column_text(0), query.column_int(1)});
        return orphans;
    });
}

ProfileProgress ProgressStore::progress_of(const Profile& profile) const {
    ProfileProgress progress{profile.name, reviews(profile.id), {}, technique_reviews(profile.id), {}};
    guarded(path_, "read card states", [&] {
        for (CardTable table : {CardTable::Claims, CardTable::Techniques}) {
            const std::string sql = R"sql(SELECT deck_id, card_id, stability, difficulty, due_ms, last_review_ms,
                first_review_ms, reps, lapses FROM )sql" +
                                    std::string(table_name(table)) + " WHERE profile_id = ?1 ORDER BY deck_id, card_id";
            auto query = db_->prepare(sql.c_str());
            query.bind(1, profile.id);
            auto& states = table == CardTable::Claims ? progress.card_states : progress.technique_states;
            while (query.step()) states.push_back({query.column_text(0), read_card_state(query, 1)});
        }
    });
    return progress;
}

ImportCounts ProgressStore::import_progress(const ProfileProgress& progress) {
    return guarded(path_, "import progress", [&] {
        ImportCounts counts;
        sql::Transaction transaction(*db_);
        const Profile profile = ensure_profile(progress.profile_name);
        for (Review review : progress.reviews) {
            review.profile_id = profile.id;
            review.session_id = 0;  // sessions stay on the device they were studied on
            ++(insert_review(*db_, review, DuplicateUid::Skip) ? counts.reviews_added : counts.reviews_already_there);
        }
        for (TechniqueReview review : progress.technique_reviews) {
            review.profile_id = profile.id;
            ++(insert_technique_review(*db_, review, DuplicateUid::Skip) ? counts.reviews_added
                                                                         : counts.reviews_already_there);
        }
        const auto take_states = [&](const std::vector<StoredCardState>& states, CardTable table) {
            for (const StoredCardState& entry : states)
                ++(write_card_state(*db_, profile.id, entry.deck_id, entry.state, StateWrite::OnlyIfNewer, table)
                       ? counts.card_states_taken
                       : counts.card_states_kept);
        };
        take_states(progress.card_states, CardTable::Claims);
        take_states(progress.technique_states, CardTable::Techniques);
        transaction.commit();
        return counts;
    });
}

std::int64_t ProgressStore::page_count() const {
    return guarded(path_, "measure the store", [&] {
        auto query = db_->prepare("PRAGMA page_count");
        query.step();
        return query.column_int(0);
    });
}

void ProgressStore::set_max_page_count(std::int64_t pages) {
    guarded(path_, "limit the store's size", [&] {
        // A number of ours, not user text: PRAGMA takes no bound parameters.
        db_->execute(("PRAGMA max_page_count = " + std::to_string(pages)).c_str());
    });
}

void ProgressStore::set_query_only(bool query_only) {
    guarded(path_, "make the store read-only",
            [&] { db_->execute(query_only ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF"); });
}

}  // namespace claimdeck
