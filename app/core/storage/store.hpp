// The progress store: learners' profiles, their card states and the
// append-only log of every answer, in one SQLite file.
//
// Every answer is committed in its own transaction before record_review()
// returns, so the reveal is shown only once the answer is on disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/verdict.hpp"
#include "storage/folder_lock.hpp"

namespace claimdeck {

namespace sql {
class Database;
}

// The store's file inside a data directory.
inline constexpr const char* kStoreFileName = "progress.sqlite";
inline std::filesystem::path store_file_in(const std::filesystem::path& data_dir) { return data_dir / kStoreFileName; }

// The store's file format version, kept in PRAGMA user_version.
inline constexpr int kStoreSchemaVersion = 4;

// A fault a learner can act on: full disk, read-only folder, locked or newer
// store. `what()` is written for them.
class StoreError : public std::runtime_error {
public:
    enum class Kind { DiskFull, ReadOnly, Locked, NewerVersion, Corrupt, Other };
    StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct Profile {
    std::int64_t id = 0;
    std::string name;
};

// A card's memory state for one learner. A card with no state is new.
struct CardState {
    std::string card_id;
    double stability = 0;
    double difficulty = 0;
    std::int64_t due_ms = 0;
    std::int64_t last_review_ms = 0;
    std::int64_t first_review_ms = 0;  // counts new cards against the daily limit
    int reps = 0;
    int lapses = 0;
};

enum class ReviewKind { Study, Quiz };

// What the learner consulted among the deck's other articles before
// answering ("Check other sources"): lateral reading, as fact-checkers do.
struct LateralReading {
    int searches = 0;       // searches whose results the learner looked at
    int passages_read = 0;  // paragraphs found and opened in their article
    std::int64_t ms = 0;    // time spent among the other sources
    // An answer "with lateral reading" is one given after looking at the
    // results of a search; opening the search and coming back is not.
    bool used() const { return searches > 0; }
    bool operator==(const LateralReading& other) const {
        return searches == other.searches && passages_read == other.passages_read && ms == other.ms;
    }
};

// One answer, as the log keeps it. The true verdict and the article are
// copied in so history stays scorable after the deck changes.
struct Review {
    std::int64_t id = 0;  // assigned by the store
    std::string uid;      // globally unique, so imports never duplicate
    std::int64_t profile_id = 0;
    std::int64_t session_id = 0;
    std::string deck_id;
    std::string card_id;
    std::string article_id;
    ReviewKind kind = ReviewKind::Study;
    std::int64_t reviewed_ms = 0;
    Verdict truth = Verdict::Verified;
    Verdict picked = Verdict::Verified;
    Confidence confidence = Confidence::Unstated;
    bool correct = false;
    std::int64_t response_ms = 0;
    bool hint_used = false;
    LateralReading lateral;
    int grade = 0;  // the scheduler's rating, 1-4
    double stability = 0;
    double difficulty = 0;
    std::int64_t due_ms = 0;
};

// One answer to a technique card (learning/technique_cards.hpp): which of
// four technique names was picked, and how well the words picked in the
// quote matched the deck's. Its own log, apart from the claims' verdicts.
struct TechniqueReview {
    std::string uid;  // globally unique, as a Review's; made when recorded if empty
    std::int64_t profile_id = 0;
    std::string deck_id;
    std::string card_id;
    std::int64_t reviewed_ms = 0;
    std::string technique;     // the technique at work, as the deck names it
    std::string picked;        // the name the learner chose
    double words_overlap = 0;  // 0..1, learning/technique_cards.hpp's words_overlap()
    std::int64_t response_ms = 0;
    int grade = 0;         // the scheduler's rating, 1-4
    double stability = 0;  // the card's, after this answer
    double difficulty = 0;
    std::int64_t due_ms = 0;
};

// A learner's answers to the technique cards of one technique.
struct TechniqueTally {
    std::string technique;
    int answers = 0;
    int named = 0;  // the right name picked
    double words_overlap_sum = 0;
};

// How many times a learner gave one kind of answer about one article.
struct AnswerCount {
    std::string article_id;
    Verdict truth = Verdict::Verified;
    Verdict picked = Verdict::Verified;
    Confidence confidence = Confidence::Unstated;
    bool lateral_reading = false;  // given after checking other sources (LateralReading::used)
    int count = 0;
};

// A pupil's answer in a live class, kept on the device from the moment it is
// given until the class's server confirms it (live/pupil_client.hpp).
struct LiveAnswerRow {
    std::string key;  // the idempotency key the server knows it by
    std::string server;
    std::string class_code;
    std::string token;  // the pupil's, from joining
    std::string card_id;
    Verdict verdict = Verdict::Contested;
    Confidence confidence = Confidence::Unstated;
    std::int64_t given_ms = 0;
};

struct StoreOptions {
    // WAL on desktops; the web build asks for a rollback journal because
    // IndexedDB snapshots copy files one at a time.
    bool write_ahead_log = true;
    // How long a write waits for another window or the CLI to finish its own.
    int busy_timeout_ms = 2000;
    // open_progress_store() only: write a backup when one is due (backup.hpp).
    bool backup_on_open = true;
    // open_progress_store() only: the time of opening, for the names and ages
    // of backups and moved-aside files. Unset: the system clock.
    std::optional<std::int64_t> now_ms;
};

// A card id the store has history for that the deck no longer has (removed,
// or renamed by an edit). Its history is kept, never deleted.
struct OrphanedCard {
    std::string card_id;
    std::int64_t review_count = 0;
};

// A card state with the deck it belongs to.
struct StoredCardState {
    std::string deck_id;
    CardState state;
};

// Everything one learner's progress consists of, as export and import move it.
struct ProfileProgress {
    std::string profile_name;
    std::vector<Review> reviews;
    std::vector<StoredCardState> card_states;
    std::vector<TechniqueReview> technique_reviews;
    std::vector<StoredCardState> technique_states;
};

// Technique cards' answers and states are counted with the claims'.
struct ImportCounts {
    int reviews_added = 0;
    int reviews_already_there = 0;  // same uid: imported before
    int card_states_taken = 0;      // new to the store, or from a newer review
    int card_states_kept = 0;       // the store's own was as new or newer
};

class ProgressStore {
public:
    // Opens (creating if needed) the store at `path`. Throws StoreError; a
    // store written by a newer ClaimDeck is refused before anything is
    // written to it. open_progress_store() below also repairs and backs up.
    static std::unique_ptr<ProgressStore> open(const std::filesystem::path& path, const StoreOptions& options = {});
    // An empty store that lives in memory only: the stand-in the app opens
    // on when the real one cannot be opened, to say why (app/app_store.hpp).
    static std::unique_ptr<ProgressStore> open_in_memory();
    ~ProgressStore();
    ProgressStore(const ProgressStore&) = delete;
    ProgressStore& operator=(const ProgressStore&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Reads are const: they change nothing in the store (a const store is
    // one nobody writes through), though each runs SQL.

    // Profiles
    std::vector<Profile> profiles() const;
    std::optional<Profile> find_profile(const std::string& name) const;
    Profile create_profile(const std::string& name);
    Profile ensure_profile(const std::string& name);
    void rename_profile(std::int64_t profile_id, const std::string& new_name);
    void delete_profile(std::int64_t profile_id);
    // This learner's id on this device: random, made the first time it is
    // asked for and kept with the profile (renaming keeps it). Class
    // results carry it, so two pupils who typed the same name stay apart.
    std::string learner_id(std::int64_t profile_id);
    // The id if one was made (the learner took a quiz), without making one.
    std::optional<std::string> existing_learner_id(std::int64_t profile_id) const;

    // Sessions and answers
    std::int64_t start_session(std::int64_t profile_id, const std::string& deck_id, ReviewKind kind,
                               std::int64_t started_ms);
    // Appends the review and, for study answers, writes the card's new state:
    // one transaction, committed before this returns. Returns the review id.
    std::int64_t record_review(const Review& review, const std::optional<CardState>& new_state);
    // Removes a review and puts the card back as it was before it (nullopt: new).
    void undo_review(std::int64_t review_id, std::int64_t profile_id, const std::string& deck_id,
                     const std::string& card_id, const std::optional<CardState>& previous_state);

    std::map<std::string, CardState> card_states(std::int64_t profile_id, const std::string& deck_id) const;
    // Technique cards: their states, an answer (logged and its card's new
    // state written in one transaction), and the figures per technique.
    std::map<std::string, CardState> technique_states(std::int64_t profile_id, const std::string& deck_id) const;
    std::int64_t record_technique_review(const TechniqueReview& review, const CardState& new_state);
    std::vector<TechniqueReview> technique_reviews(std::int64_t profile_id) const;
    std::vector<TechniqueTally> technique_tallies(std::int64_t profile_id, const std::string& deck_id) const;
    // How many cards of the deck this learner saw for the first time since `since_ms`.
    int new_cards_since(std::int64_t profile_id, const std::string& deck_id, std::int64_t since_ms) const;
    std::vector<Review> reviews(std::int64_t profile_id) const;
    std::int64_t review_count(std::int64_t profile_id) const;
    // The profile's answers (on one deck, or on all) grouped by everything
    // scoring looks at: a million-answer history comes back as a few hundred rows.
    std::vector<AnswerCount> answer_counts(std::int64_t profile_id,
                                           const std::optional<std::string>& deck_id = std::nullopt) const;
    // Answers on the deck, and how many were right, per UTC day (days since 1970-01-01).
    std::map<std::int64_t, Tally> answers_per_day(std::int64_t profile_id, const std::string& deck_id) const;

    // Settings: per profile, or for the device with profile_id 0.
    std::optional<std::string> setting(std::int64_t profile_id, const std::string& key) const;
    void set_setting(std::int64_t profile_id, const std::string& key, const std::string& value);

    // Live class answers not confirmed by their server yet, oldest first.
    // Keeping one whose key is there already changes nothing.
    void keep_live_answer(const LiveAnswerRow& answer);
    std::vector<LiveAnswerRow> live_answers() const;
    void forget_live_answer(const std::string& key);

    // Cards of `deck_id` this learner has history for that are not among
    // `deck_claim_ids`, with how many answers about each were kept.
    std::vector<OrphanedCard> orphaned_cards(std::int64_t profile_id, const std::string& deck_id,
                                             const std::vector<std::string>& deck_claim_ids) const;

    // One deck's progress, for removing a deck from the library: of one
    // learner, or of every learner with kAllProfiles. The count is of
    // answers in the logs (claims' and technique cards'); deleting takes the
    // answers, the card states and the sessions on that deck, in one
    // transaction.
    static constexpr std::int64_t kAllProfiles = 0;
    std::int64_t deck_answer_count(std::int64_t profile_id, const std::string& deck_id) const;
    void delete_deck_progress(std::int64_t profile_id, const std::string& deck_id);

    // Export and import (progress_io.hpp reads and writes the file).
    ProfileProgress progress_of(const Profile& profile) const;
    // In one transaction, into the profile of the same name (created if
    // needed): reviews whose uid is already here are skipped, and a card
    // state replaces the store's only when its last review is newer.
    ImportCounts import_progress(const ProfileProgress& progress);

    // Test hooks that simulate a full disk and a read-only folder the same way
    // on every machine: tests may run as root, where chmod stops no write.
    // PRAGMA max_page_count never goes below the current size.
    std::int64_t page_count() const;
    void set_max_page_count(std::int64_t pages);
    void set_query_only(bool query_only);

private:
    ProgressStore(std::filesystem::path path, std::unique_ptr<sql::Database> db);
    friend struct OpenedStore open_progress_store(const std::filesystem::path& data_dir, const StoreOptions& options);

    std::filesystem::path path_;
    std::unique_ptr<sql::Database> db_;
    FolderLock folder_lock_;  // held while open, when opened by open_progress_store()
};

// The careful way to open the store of a data directory (created if needed):
//  - the folder's lock is shared while the store is open (folder_lock.hpp);
//  - a damaged file (quick_check fails, or it is no database at all) is moved
//    aside as progress.sqlite.corrupt-<time>, never deleted, the newest good
//    backup is restored, or a fresh store started when there is none, and
//    what the damaged file still holds is read back into it (salvage.hpp);
//    with another ClaimDeck open on the folder it throws instead (Corrupt);
//  - answers kept from an earlier run that could not save them are saved
//    (kept_answers.hpp);
//  - a backup is written when one is due (backup.hpp).
// `notices` says, for the learner, what was done and what was kept.
struct OpenedStore {
    std::unique_ptr<ProgressStore> store;
    std::vector<std::string> notices;
};
OpenedStore open_progress_store(const std::filesystem::path& data_dir, const StoreOptions& options = {});

// For tests of the migrations: writes an empty store at an older schema
// version, as that version of ClaimDeck would have left it.
void create_store_at_version(const std::filesystem::path& path, int version);

// The schema version of the store at `path`, read through a read-only
// connection so the file is not touched; 0 for an empty file.
int stored_schema_version(const std::filesystem::path& path);

std::string_view to_string(ReviewKind kind);

// A fresh unique id for a review: time plus randomness, as text.
std::string new_review_uid();

}  // namespace claimdeck
