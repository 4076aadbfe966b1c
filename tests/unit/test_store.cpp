#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <set>
#include <thread>

#include "committing_connections.hpp"
#include "learning/session.hpp"
#include "storage/backup.hpp"
#include "storage/store.hpp"
#include "storage/store_errors.hpp"
#include "store_samples.hpp"
#include "sync_counting_vfs.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

namespace {

StoreOptions at_time(std::int64_t now_ms) {
    StoreOptions options;
    options.now_ms = now_ms;
    return options;
}

std::string random_bytes(std::size_t count) {
    std::mt19937 generator(42);
    std::string bytes(count, '\0');
    for (char& byte : bytes) byte = static_cast<char>(generator() & 0xff);
    return bytes;
}

// Checks that `open` refuses with a StoreError of `kind` whose message contains `words`.
void check_refused(const std::function<void()>& open, StoreError::Kind kind, const std::string& words) {
    try {
        open();
        FAIL("expected a StoreError");
    } catch (const StoreError& error) {
        CHECK(error.kind() == kind);
        CHECK_MESSAGE(std::string(error.what()).find(words) != std::string::npos, error.what());
    }
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

}  // namespace

TEST_CASE("store: a new store is at the current schema version, in WAL mode, with foreign keys enforced") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
    CHECK(query_file(dir / "progress.sqlite", "PRAGMA journal_mode") == "wal");

    Profile ada = store->create_profile("Ada");
    record_answers(*store, ada.id, 3);
    store->delete_profile(ada.id);
    CHECK(store->review_count(ada.id) == 0);  // removed by ON DELETE CASCADE
}

TEST_CASE("store: every connection that commits an answer runs with synchronous = FULL") {
    // FULL (2), not NORMAL (1): see ProgressStore::open. Both ways the app
    // opens the store are checked.
    CommittingConnections connections;
    TempDir dir;
    auto check_answers_commit_with_full_sync = [&](ProgressStore& store) {
        Profile ada = store.create_profile("Ada");
        connections.clear();
        record_answers(store, ada.id, 2);
        REQUIRE(connections.list().size() == 1);
        for (sqlite3* db : connections.list()) CHECK(CommittingConnections::query(db, "PRAGMA synchronous") == "2");
    };
    SUBCASE("opened directly") { check_answers_commit_with_full_sync(*ProgressStore::open(dir / "progress.sqlite")); }
    SUBCASE("opened with backups and recovery, as the CLI and the app do") {
        check_answers_commit_with_full_sync(*open_progress_store(dir.path(), at_time(kSampleTime)).store);
    }
}

TEST_CASE("store: every answer is synced to the disk before record_review returns, so it survives power loss") {
    // See sync_counting_vfs.hpp for why fsyncs are counted rather than the
    // pragma read. Both ways the app opens the store are checked.
    SyncCountingVfs syncs;
    TempDir dir;
    SUBCASE("opened directly") {
        auto store = ProgressStore::open(dir / "progress.sqlite");
        Profile ada = store->create_profile("Ada");
        const int before = syncs.wal();
        record_answers(*store, ada.id, 3);
        CHECK(syncs.wal() - before >= 3);
    }
    SUBCASE("opened with backups and recovery, as the CLI and the app do") {
        OpenedStore opened = open_progress_store(dir.path(), at_time(kSampleTime));
        Profile ada = opened.store->create_profile("Ada");
        const int before = syncs.wal();
        record_answers(*opened.store, ada.id, 3);
        CHECK(syncs.wal() - before >= 3);
    }
}

TEST_CASE("store: study and quiz answers are stored under their own kind") {
    CHECK(to_string(ReviewKind::Study) == "study");
    CHECK(to_string(ReviewKind::Quiz) == "quiz");
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = store->create_profile("Ada");
    Review quiz_answer = sample_review(ada.id, "c1", kSampleTime);
    quiz_answer.kind = ReviewKind::Quiz;
    store->record_review(sample_review(ada.id, "c0", kSampleTime), std::nullopt);
    store->record_review(quiz_answer, std::nullopt);
    const std::vector<Review> log = store->reviews(ada.id);
    REQUIRE(log.size() == 2);
    CHECK(log[0].kind == ReviewKind::Study);
    CHECK(log[1].kind == ReviewKind::Quiz);
    CHECK(query_file(dir / "progress.sqlite",
                     "SELECT group_concat(kind, ',') FROM (SELECT kind FROM reviews ORDER BY id)") == "study,quiz");
}

TEST_CASE("store: an answer is on disk, visible to another connection, when record_review returns") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = store->create_profile("Ada");
    const std::int64_t id = record_answers(*store, ada.id, 1).front();
    CHECK(query_file(dir / "progress.sqlite", "SELECT MAX(id) FROM reviews") == std::to_string(id));
}

// Each version's test starts from a store as that version left it.
TEST_CASE("store: a store of every earlier schema version migrates to the current one") {
    for (int version = 0; version < kStoreSchemaVersion; ++version) {
        CAPTURE(version);
        TempDir dir;
        create_store_at_version(dir / "progress.sqlite", version);
        REQUIRE(stored_schema_version(dir / "progress.sqlite") == version);

        auto store = ProgressStore::open(dir / "progress.sqlite");
        CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
        Profile ada = store->create_profile("Ada");
        record_answers(*store, ada.id, 2);
        CHECK(store->review_count(ada.id) == 2);
        CHECK(store->technique_tallies(ada.id, "deck").empty());  // the technique cards' tables are there
    }
}

TEST_CASE("store: a version 1 store keeps its learners, answers and settings through the step that adds live answers") {
    TempDir dir;
    create_store_at_version(dir / "progress.sqlite", 1);
    query_file(dir / "progress.sqlite", "INSERT INTO profiles(id, name, created_ms) VALUES (1, 'Ada', 0)");
    query_file(dir / "progress.sqlite", "INSERT INTO settings(profile_id, key, value) VALUES (0, 'theme', 'dark')");
    {
        auto at_one = ProgressStore::open(dir / "progress.sqlite");  // the step runs here
    }
    auto store = ProgressStore::open(dir / "progress.sqlite");
    CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
    REQUIRE(store->find_profile("Ada"));
    CHECK(store->setting(0, "theme") == "dark");
    CHECK(store->live_answers().empty());
}

TEST_CASE(
    "store: a version 2 store keeps its answers through the step that adds lateral reading, as given without it") {
    TempDir dir;
    create_version_2_store_with_an_answer(dir / "progress.sqlite");
    auto store = ProgressStore::open(dir / "progress.sqlite");
    CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
    const std::vector<Review> kept = store->reviews(1);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].response_ms == 4200);
    CHECK(kept[0].hint_used);
    CHECK_FALSE(kept[0].lateral.used());
    CHECK(kept[0].lateral.ms == 0);
    const std::vector<AnswerCount> counts = store->answer_counts(1);
    REQUIRE(counts.size() == 1);
    CHECK_FALSE(counts[0].lateral_reading);
}

TEST_CASE("store: an answer keeps what was consulted before it, and its counts say whether sources were checked") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = store->create_profile("Ada");
    Review checked = sample_review(ada.id, "c1", kSampleTime);
    checked.lateral = {2, 3, 45'000};
    store->record_review(checked, std::nullopt);
    for (int searches : {0, 1, 4}) {  // as the first answer, in every respect but its searches
        Review other = sample_review(ada.id, "c1", kSampleTime);
        other.lateral.searches = searches;
        store->record_review(other, std::nullopt);
    }
    const Review read = store->reviews(ada.id).front();
    CHECK(read.lateral.searches == 2);
    CHECK(read.lateral.passages_read == 3);
    CHECK(read.lateral.ms == 45'000);
    int with = 0, without = 0;
    for (const AnswerCount& group : store->answer_counts(ada.id))
        (group.lateral_reading ? with : without) += group.count;
    CHECK(with == 3);
    CHECK(without == 1);
}

TEST_CASE("store: an empty file is version 0 and becomes a new store") {
    TempDir dir;
    dir.write("progress.sqlite", "");
    OpenedStore opened = open_progress_store(dir.path(), at_time(kSampleTime));
    CHECK(opened.notices.empty());
    CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
}

TEST_CASE("store: two stores on one file, as two windows would have, write interleaved answers safely") {
    TempDir dir;
    auto first = ProgressStore::open(dir / "progress.sqlite");
    auto second = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = first->create_profile("Ada");
    REQUIRE(second->find_profile("Ada"));

    std::set<std::int64_t> ids;
    for (int i = 0; i < 20; ++i) {
        const std::int64_t at = kSampleTime + i * 1000;
        ids.insert(first->record_review(sample_review(ada.id, "first", at), sample_state("first", at)));
        ids.insert(second->record_review(sample_review(ada.id, "second", at), sample_state("second", at)));
    }
    CHECK(ids.size() == 40);
    CHECK(first->review_count(ada.id) == 40);
    CHECK(second->review_count(ada.id) == 40);
    CHECK(second->card_states(ada.id, "deck").size() == 2);
    CHECK(query_file(dir / "progress.sqlite", "PRAGMA quick_check") == "ok");
}

TEST_CASE("store: ClaimDecks starting together on a new store all open it") {
    TempDir dir;
    std::vector<std::thread> starts;
    std::vector<std::string> failures(6);  // one slot per start: no two threads write the same string
    for (std::size_t i = 0; i < failures.size(); ++i)
        starts.emplace_back([&, i] {
            try {
                ProgressStore::open(dir / "progress.sqlite");
            } catch (const StoreError& error) {
                failures[i] = error.what();
            }
        });
    for (std::thread& start : starts) start.join();
    for (const std::string& failure : failures) CHECK(failure == "");
    CHECK(stored_schema_version(dir / "progress.sqlite") == kStoreSchemaVersion);
}

TEST_CASE("store: answers about claims no longer in the deck are kept and reported") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = store->create_profile("Ada");
    record_answers(*store, ada.id, 5);  // c0 .. c4
    store->record_review(sample_review(ada.id, "c4", kSampleTime + kDayMs), sample_state("c4", kSampleTime + kDayMs));
    // A card whose only answer was undone keeps its state, so it is reported with no answers.
    const std::int64_t undone = store->record_review(sample_review(ada.id, "c9", kSampleTime), sample_state("c9", 0));
    store->undo_review(undone, ada.id, "deck", "c9", sample_state("c9", 0));

    // The deck dropped c3, c4 and c9 and gained "new".
    const std::vector<OrphanedCard> orphans = store->orphaned_cards(ada.id, "deck", {"c0", "c1", "c2", "new"});
    REQUIRE(orphans.size() == 3);
    CHECK(orphans[0].card_id == "c3");
    CHECK(orphans[0].review_count == 1);
    CHECK(orphans[1].card_id == "c4");
    CHECK(orphans[1].review_count == 2);
    CHECK(orphans[2].card_id == "c9");
    CHECK(orphans[2].review_count == 0);
    CHECK(store->review_count(ada.id) == 6);  // nothing deleted
    CHECK(store->orphaned_cards(ada.id, "another-deck", {}).empty());
}

// The faults a learner can meet while answering. For each: the answer that
// cannot be written stays in the session with a message that says why, and
// retry_pending() writes it once the fault is gone.
namespace {

struct SessionFixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store;
    Deck deck = sample_deck(400);
    Profile profile;
    std::int64_t now = kSampleTime;

    explicit SessionFixture(StoreOptions options = {}) {
        store = ProgressStore::open(dir / "progress.sqlite", options);
        profile = store->create_profile("Ada");
    }

    void check_answer_survives(const std::function<void()>& start_fault, const std::function<void()>& end_fault,
                               const std::string& words) {
        StudySettings settings;
        settings.new_cards_per_day = static_cast<int>(deck.claims.size());
        StudySession session(
            deck, *store, profile, settings, [this] { return now; }, 1);
        session.answer(session.current()->verdict, Confidence::Ninety);  // a saved answer before the fault
        start_fault();
        // A full disk may still take a few answers in pages that have room.
        int answered = 1;
        while (session.pending_saves() == 0 && !session.finished()) {
            session.answer(session.current()->verdict, Confidence::Ninety);
            ++answered;
        }
        REQUIRE(session.pending_saves() == 1);
        CHECK_MESSAGE(contains(session.save_error(), words), session.save_error());
        CHECK_MESSAGE(contains(session.save_error(), "kept and saved again"), session.save_error());
        CHECK(store->review_count(profile.id) == answered - 1);

        end_fault();
        CHECK(session.retry_pending());
        CHECK(session.save_error().empty());
        CHECK(store->review_count(profile.id) == answered);
    }
};

}  // namespace

TEST_CASE("fault: a full disk keeps the answer in memory, and it is saved once there is room") {
    SessionFixture f;
    // PRAGMA max_page_count stands in for the disk: the store cannot grow.
    f.check_answer_survives([&] { f.store->set_max_page_count(f.store->page_count()); },
                            [&] { f.store->set_max_page_count(1'000'000); }, "The disk is full");
}

TEST_CASE("fault: a read-only data folder keeps the answer in memory, and it is saved once writable") {
    SessionFixture f;
    // PRAGMA query_only stands in for chmod, which stops no write when the
    // tests run as root.
    f.check_answer_survives([&] { f.store->set_query_only(true); }, [&] { f.store->set_query_only(false); },
                            "cannot be written");
}

TEST_CASE("fault: a store locked by another program keeps the answer in memory, and it is saved once free") {
    StoreOptions quick;
    quick.busy_timeout_ms = 50;
    SessionFixture f(quick);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((f.dir / "progress.sqlite").string().c_str(), &other) == SQLITE_OK);
    f.check_answer_survives([&] { sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr); },
                            [&] { sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr); }, "busy");
    sqlite3_close(other);
}

TEST_CASE("fault: a setting that meets a full disk says the disk is full, not that an answer is kept") {
    SessionFixture f;
    f.store->set_max_page_count(f.store->page_count());
    std::string message;
    try {
        for (int i = 0; i < 10'000; ++i) f.store->set_setting(0, "key" + std::to_string(i), std::string(500, 'x'));
    } catch (const StoreError& error) {
        message = error.what();
    }
    CHECK_MESSAGE(contains(message, "The disk is full"), message);
    CHECK_MESSAGE(!contains(message, "answer"), message);
}

TEST_CASE("fault: an I/O error on a disk with no room left is called a full disk") {
    CHECK(kind_of_fault(SQLITE_IOERR, 0) == StoreError::Kind::DiskFull);
    CHECK(kind_of_fault(SQLITE_IOERR_SHMSIZE, 4096) == StoreError::Kind::DiskFull);
    CHECK(kind_of_fault(SQLITE_IOERR, std::uintmax_t{50} << 30) == StoreError::Kind::Other);
    CHECK(kind_of_fault(SQLITE_FULL, std::uintmax_t{50} << 30) == StoreError::Kind::DiskFull);
}

TEST_CASE("fault: a data folder that cannot be written is refused with a clear message") {
    if (geteuid() == 0) {
        MESSAGE("skipped as root, where permissions stop no write; the query_only test stands in");
        return;
    }
    TempDir dir;
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    check_refused([&] { open_progress_store(dir.path()); }, StoreError::Kind::ReadOnly, "cannot be written");
}

TEST_CASE("fault: a file of random bytes is moved aside, never deleted, and a new store started") {
    TempDir dir;
    const std::string garbage = random_bytes(8192);
    dir.write("progress.sqlite", garbage);

    OpenedStore opened = open_progress_store(dir.path(), at_time(kSampleTime));
    const std::filesystem::path kept = dir / ("progress.sqlite.corrupt-" + file_timestamp(kSampleTime));
    CHECK(read_file(kept) == garbage);
    REQUIRE(opened.store);
    CHECK(opened.store->profiles().empty());
    REQUIRE(opened.notices.size() == 2);
    CHECK(contains(opened.notices[0], "was damaged"));
    CHECK(contains(opened.notices[0], kept.string()));
    CHECK(contains(opened.notices[1], "no good backup"));
}

TEST_CASE("fault: a truncated store is moved aside with its -wal and -shm, and the newest good backup restored") {
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    std::int64_t profile_id = 0;
    {
        OpenedStore first_day = open_progress_store(dir.path(), at_time(kSampleTime));
        profile_id = first_day.store->create_profile("Ada").id;
        record_answers(*first_day.store, profile_id, 100);
    }
    {
        // The next day's start backs up those 100; its answers are after the backup.
        OpenedStore second_day = open_progress_store(dir.path(), at_time(kSampleTime + kDayMs));
        record_answers(*second_day.store, profile_id, 10, kSampleTime + kDayMs);
    }
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
    // What a crash leaves beside the file; they must go with it.
    dir.write("progress.sqlite-wal", "");
    dir.write("progress.sqlite-shm", "");

    const std::int64_t third_day = kSampleTime + 2 * kDayMs;
    OpenedStore opened = open_progress_store(dir.path(), at_time(third_day));
    const std::string kept = file.string() + ".corrupt-" + file_timestamp(third_day);
    CHECK(std::filesystem::exists(kept));
    CHECK(std::filesystem::exists(kept + "-wal"));
    CHECK(std::filesystem::exists(kept + "-shm"));
    REQUIRE(opened.notices.size() == 2);
    CHECK(contains(opened.notices[0], "was damaged"));
    CHECK(contains(opened.notices[1], "restored from the backup of 2021-08-27"));
    CHECK(opened.store->review_count(profile_id) == 100);
}

TEST_CASE("fault: a store from a newer ClaimDeck is refused and left byte for byte as it was") {
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    {
        auto store = ProgressStore::open(file);
        record_answers(*store, store->create_profile("Ada").id, 3);
    }
    query_file(file, ("PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1)).c_str());
    const std::string before = read_file(file);

    check_refused([&] { ProgressStore::open(file); }, StoreError::Kind::NewerVersion, "newer ClaimDeck");
    check_refused([&] { open_progress_store(dir.path(), at_time(kSampleTime)); }, StoreError::Kind::NewerVersion,
                  "Update ClaimDeck");
    CHECK(read_file(file) == before);
    CHECK_FALSE(std::filesystem::exists(file.string() + ".corrupt-" + file_timestamp(kSampleTime)));
}
