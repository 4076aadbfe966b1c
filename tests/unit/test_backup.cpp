#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "base/calendar.hpp"
#include "storage/backup.hpp"
#include "storage/salvage.hpp"
#include "storage/store.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

std::int64_t utc_ms(int year, int month, int day, int hour) {
    return days_from_civil(year, month, day) * kDayMs + hour * kHourMs;
}

std::vector<std::string> files_in(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Opens the data folder at `now_ms` as the app does on start, optionally
// records answers, and closes it again.
void start_app(const TempDir& dir, std::int64_t now_ms, int answers = 0) {
    StoreOptions options;
    options.now_ms = now_ms;
    OpenedStore opened = open_progress_store(dir.path(), options);
    REQUIRE(opened.notices.empty());
    if (answers > 0) record_answers(*opened.store, opened.store->ensure_profile("Ada").id, answers, now_ms);
}

bool contains_text(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string review_count_in(const std::filesystem::path& file) {
    return query_file(file, "SELECT COUNT(*) FROM reviews");
}

}  // namespace

TEST_CASE("backup: a backup's name carries its UTC time, and other names are not backups") {
    CHECK(backup_file_name(kSampleTime) == "progress-20210826-174640.sqlite");
    CHECK(backup_time("progress-20210826-174640.sqlite") == kSampleTime);
    for (const char* other :
         {"progress.sqlite", "progress-20210826-174640.sqlite.partial", "progress-20210231-120000.sqlite",
          "progress-20211326-120000.sqlite", "progress-20210826-246000.sqlite", "progress-2021082a-174640.sqlite",
          "progress-20210826_174640.sqlite", "notes.txt"}) {
        CAPTURE(other);
        CHECK_FALSE(backup_time(other));
    }
}

TEST_CASE("backup: thinning keeps the newest backup of each of the last 7 days and 4 weeks") {
    // Every six hours from Thursday 1 July to Thursday 26 August 2021.
    std::vector<std::string> names{"notes.txt", "progress.sqlite"};
    for (std::int64_t t = utc_ms(2021, 7, 1, 0); t <= utc_ms(2021, 8, 26, 18); t += 6 * kHourMs)
        names.push_back(backup_file_name(t));

    const std::vector<std::string> thinned = backups_to_thin(names);
    std::set<std::string> kept(names.begin(), names.end());
    for (const std::string& name : thinned) kept.erase(name);

    std::set<std::string> expected{"notes.txt", "progress.sqlite"};
    for (int day = 20; day <= 26; ++day) expected.insert(backup_file_name(utc_ms(2021, 8, day, 18)));  // daily
    // Weekly, Monday to Sunday: the weeks of 23 and 16 August are already
    // kept by their Thursday 26 and Sunday 22; then Sundays 15 and 8.
    expected.insert(backup_file_name(utc_ms(2021, 8, 15, 18)));
    expected.insert(backup_file_name(utc_ms(2021, 8, 8, 18)));
    CHECK(kept == expected);
    CHECK(thinned.size() == names.size() - expected.size());
}

TEST_CASE("backup: thinning counts days and weeks that have a backup, not calendar days") {
    // A learner who studies now and then keeps all three.
    const std::vector<std::string> sparse{backup_file_name(utc_ms(2021, 8, 26, 9)),
                                          backup_file_name(utc_ms(2021, 8, 16, 9)),
                                          backup_file_name(utc_ms(2021, 7, 17, 9))};
    CHECK(backups_to_thin(sparse).empty());
}

TEST_CASE("backup: on start, one is written when the store changed, at most once per 30 minutes") {
    TempDir dir;
    const std::filesystem::path backups = backups_folder_in(dir.path());
    const std::int64_t t0 = kSampleTime;

    start_app(dir, t0, 3);
    CHECK_FALSE(std::filesystem::exists(backups));  // the store was empty at the start

    start_app(dir, t0 + kMinuteMs, 2);
    CHECK(files_in(backups) == std::vector<std::string>{backup_file_name(t0 + kMinuteMs)});
    CHECK(review_count_in(backups / backup_file_name(t0 + kMinuteMs)) == "3");

    start_app(dir, t0 + 20 * kMinuteMs);  // changed, but the last backup is too recent
    CHECK(files_in(backups).size() == 1);

    start_app(dir, t0 + 40 * kMinuteMs);  // changed, and 39 minutes since; thinning keeps the day's newest
    CHECK(files_in(backups) == std::vector<std::string>{backup_file_name(t0 + 40 * kMinuteMs)});
    CHECK(review_count_in(backups / backup_file_name(t0 + 40 * kMinuteMs)) == "5");

    start_app(dir, t0 + 2 * kHourMs);  // nothing changed since
    CHECK(files_in(backups).size() == 1);
}

TEST_CASE("backup: the 30 minutes between backups are counted to the millisecond") {
    TempDir dir;
    const std::filesystem::path backups = backups_folder_in(dir.path());
    start_app(dir, kSampleTime, 1);
    const std::int64_t first = kSampleTime + kMinuteMs;
    start_app(dir, first, 1);
    REQUIRE(files_in(backups) == std::vector<std::string>{backup_file_name(first)});

    start_app(dir, first + kMinMsBetweenBackups - 1, 1);  // changed, but a millisecond too soon
    CHECK(files_in(backups) == std::vector<std::string>{backup_file_name(first)});
    start_app(dir, first + kMinMsBetweenBackups);  // changed since, and 30 minutes on: the day's newest is kept
    CHECK(files_in(backups) == std::vector<std::string>{backup_file_name(first + kMinMsBetweenBackups)});
}

TEST_CASE("backup: a backup is a sound standalone copy, taken while the store is open") {
    TempDir dir;
    auto store = ProgressStore::open(store_file_in(dir.path()));
    record_answers(*store, store->create_profile("Ada").id, 20);  // still in the -wal

    const std::filesystem::path backup = write_backup(store->path(), backups_folder_in(dir.path()), kSampleTime);
    CHECK(review_count_in(backup) == "20");
    CHECK(query_file(backup, "PRAGMA quick_check") == "ok");
    CHECK(query_file(backup, "PRAGMA journal_mode") == "delete");
    CHECK(files_in(backups_folder_in(dir.path())) == std::vector<std::string>{backup.filename().string()});
}

TEST_CASE("backup: a store with a damaged page gets no backup, a notice instead, and older backups stay") {
    // The backup API copies pages as they are, so only a check of the copy
    // notices a bad page; without it the damaged copy would be kept, and
    // thinning could then delete the good backups it replaces.
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    const std::filesystem::path backups = backups_folder_in(dir.path());
    {
        auto store = ProgressStore::open(file);
        record_answers(*store, store->create_profile("Ada").id, 300);
    }  // closed: the write-ahead log is now in the file
    const std::filesystem::path good = write_backup(file, backups, kSampleTime - kDayMs);
    {
        auto store = ProgressStore::open(file);
        record_answers(*store, store->ensure_profile("Ada").id, 10, kSampleTime);  // so a backup is due
    }

    const std::uintmax_t page = 4096, pages = std::filesystem::file_size(file) / page;
    REQUIRE(pages > 4);
    {
        std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekp(static_cast<std::streamoff>(pages / 2 * page));
        const std::string garbage(page, '\xAB');
        bytes.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    REQUIRE(find_damage(file).has_value());

    const std::vector<std::string> notices = back_up_if_due(file, backups, kSampleTime);
    REQUIRE(notices.size() == 1);
    CHECK(contains_text(notices[0], "No backup of your progress was written"));
    CHECK(files_in(backups) == std::vector<std::string>{good.filename().string()});
    CHECK(review_count_in(good) == "300");
}

TEST_CASE("backup: restore puts a copy in place and keeps the store it replaced") {
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    std::filesystem::path backup;
    {
        auto store = ProgressStore::open(file);
        const std::int64_t ada = store->create_profile("Ada").id;
        record_answers(*store, ada, 5);
        backup = write_backup(file, backups_folder_in(dir.path()), kSampleTime);
        record_answers(*store, ada, 5, kSampleTime + kDayMs);
    }
    const std::int64_t now = kSampleTime + 2 * kDayMs;
    std::optional<std::filesystem::path> kept = restore_store(backup, file, now);
    REQUIRE(kept);
    CHECK(kept->string() == file.string() + ".before-restore-" + file_timestamp(now));
    CHECK(review_count_in(*kept) == "10");
    CHECK(review_count_in(file) == "5");
    CHECK(review_count_in(backup) == "5");  // the backup itself stays for another time
}

TEST_CASE("backup: restore refuses a damaged, foreign or newer file and changes nothing") {
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    {
        auto store = ProgressStore::open(file);
        record_answers(*store, store->create_profile("Ada").id, 3);
    }
    const std::string before = read_file(file);
    const std::filesystem::path garbage = dir.write("garbage.sqlite", std::string(5000, 'x'));
    const std::filesystem::path foreign = dir.write("empty.sqlite", "");
    const std::filesystem::path newer = dir / "newer.sqlite";
    create_store_at_version(newer, kStoreSchemaVersion);
    query_file(newer, ("PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1)).c_str());

    CHECK_THROWS_WITH_AS(restore_store(garbage, file, kSampleTime), doctest::Contains("damaged"), StoreError);
    CHECK_THROWS_WITH_AS(restore_store(foreign, file, kSampleTime), doctest::Contains("not a ClaimDeck"), StoreError);
    CHECK_THROWS_WITH_AS(restore_store(newer, file, kSampleTime), doctest::Contains("newer ClaimDeck"), StoreError);
    CHECK_THROWS_AS(restore_store(dir / "missing.sqlite", file, kSampleTime), StoreError);
    CHECK(read_file(file) == before);
    CHECK_FALSE(std::filesystem::exists(file.string() + ".before-restore-" + file_timestamp(kSampleTime)));
}

TEST_CASE("backup: of two good backups, the newer one is restored, not the older") {
    // Oldest good (2 answers), newer good (4 answers), newest damaged: the
    // learner gets the 4 answers back, not the 2.
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    const std::filesystem::path backups = backups_folder_in(dir.path());
    {
        auto store = ProgressStore::open(file);
        const std::int64_t ada = store->create_profile("Ada").id;
        record_answers(*store, ada, 2);
        write_backup(file, backups, kSampleTime);
        record_answers(*store, ada, 2, kSampleTime + kHourMs);
        write_backup(file, backups, kSampleTime + kDayMs);
    }
    dir.write("backups/" + backup_file_name(kSampleTime + 2 * kDayMs), "the newest backup, damaged");
    dir.write("progress.sqlite", "a damaged store");

    StoreOptions options;
    options.now_ms = kSampleTime + 3 * kDayMs;
    OpenedStore opened = open_progress_store(dir.path(), options);
    REQUIRE(opened.notices.size() == 2);
    CHECK(opened.notices[1].find(backup_file_name(kSampleTime + kDayMs)) != std::string::npos);
    CHECK(opened.store->review_count(opened.store->find_profile("Ada")->id) == 4);
}

TEST_CASE("backup: a damaged store is replaced by the newest backup that passes its check") {
    TempDir dir;
    const std::filesystem::path file = store_file_in(dir.path());
    const std::filesystem::path backups = backups_folder_in(dir.path());
    {
        auto store = ProgressStore::open(file);
        record_answers(*store, store->create_profile("Ada").id, 4);
        write_backup(file, backups, kSampleTime);
    }
    dir.write("backups/" + backup_file_name(kSampleTime + kDayMs), "a newer backup, damaged");
    dir.write("progress.sqlite", "a damaged store");

    StoreOptions options;
    options.now_ms = kSampleTime + 2 * kDayMs;
    OpenedStore opened = open_progress_store(dir.path(), options);
    REQUIRE(opened.notices.size() == 2);
    CHECK(opened.notices[1].find(backup_file_name(kSampleTime)) != std::string::npos);
    CHECK(opened.store->review_count(opened.store->find_profile("Ada")->id) == 4);
}

TEST_CASE("backup: the store cannot be replaced while a ClaimDeck has it open") {
    TempDir dir;
    OpenedStore running = open_progress_store(dir.path());
    CHECK_THROWS_WITH_AS(FolderLock::exclusive(dir.path()), doctest::Contains("Close ClaimDeck first"), StoreError);
    running.store.reset();
    CHECK_NOTHROW(FolderLock::exclusive(dir.path()));
}

TEST_CASE("backup: a damaged store is not moved aside while another ClaimDeck has it open") {
    TempDir dir;
    StoreOptions rollback_journal;  // everything in the main file, none of it in a -wal
    rollback_journal.write_ahead_log = false;
    OpenedStore running = open_progress_store(dir.path(), rollback_journal);
    running.store->create_profile("Ada");
    dir.write("progress.sqlite", std::string(8192, 'x'));  // damaged under the running app
    CHECK_THROWS_WITH_AS(open_progress_store(dir.path()), doctest::Contains("another ClaimDeck has it open"),
                         StoreError);
    CHECK(std::filesystem::exists(dir / "progress.sqlite"));
    running.store.reset();
    OpenedStore repaired = open_progress_store(dir.path());
    CHECK(repaired.notices.at(0).find("was damaged") != std::string::npos);
}

namespace {

// A store of `answers` answers of Ada's in one file (no -wal), with one page
// of its answers overwritten, as a disk that lost a sector leaves it.
void make_damaged_store(const std::filesystem::path& file, int answers, int backup_after = 0,
                        const std::filesystem::path& backups = {}) {
    {
        StoreOptions one_file;
        one_file.write_ahead_log = false;
        auto store = ProgressStore::open(file, one_file);
        const std::int64_t ada = store->create_profile("Ada").id;
        record_answers(*store, ada, backup_after);
        if (backup_after > 0) write_backup(file, backups, kSampleTime);
        record_answers(*store, ada, answers - backup_after, kSampleTime + kDayMs);
    }
    const std::string page = query_file(
        file,
        "SELECT pageno FROM dbstat WHERE name = 'reviews' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1 "
        "OFFSET 2");
    REQUIRE_FALSE(page.empty());
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp((std::stoll(page) - 1) * 4096);
    bytes << std::string(4096, 'x');
}

}  // namespace

TEST_CASE("backup: restore reads back what a damaged store still holds, row by row") {
    TempDir dir;
    const std::filesystem::path damaged = dir / "progress.sqlite.corrupt-20210826-174600";
    make_damaged_store(damaged, 300);
    REQUIRE(find_damage(damaged));
    CHECK_THROWS_WITH_AS(restore_store(damaged, store_file_in(dir.path()), kSampleTime), doctest::Contains("damaged"),
                         StoreError);

    const SalvageRestored restored = restore_salvage(damaged, store_file_in(dir.path()), kSampleTime);
    CHECK(restored.learners == 1);
    CHECK(restored.answers > 250);  // all but the rows of the lost page
    CHECK(restored.answers < 300);
    CHECK(review_count_in(store_file_in(dir.path())) == std::to_string(restored.answers));
    CHECK(query_file(store_file_in(dir.path()), "SELECT COUNT(*) FROM card_states") == "300");
    CHECK_FALSE(find_damage(store_file_in(dir.path())));

    const std::filesystem::path garbage = dir.write("garbage.sqlite", std::string(5000, 'x'));
    CHECK_THROWS_WITH_AS(restore_salvage(garbage, store_file_in(dir.path()), kSampleTime),
                         doctest::Contains("nothing could be read back"), StoreError);
}

TEST_CASE("backup: a damaged store's technique cards' answers and states are read back with the rest") {
    TempDir dir;
    const std::filesystem::path damaged = dir / "progress.sqlite.corrupt-20210826-174600";
    make_damaged_store(damaged, 300);
    {
        auto store = ProgressStore::open(damaged);  // its damage is in the claims' log, not here
        TechniqueReview answer;
        answer.profile_id = 1;
        answer.deck_id = "deck";
        answer.card_id = "c1#Doubt";
        answer.reviewed_ms = kSampleTime;
        answer.technique = answer.picked = "Doubt";
        answer.words_overlap = 1;
        answer.grade = 3;
        store->record_technique_review(answer, sample_state("c1#Doubt", kSampleTime));
    }
    const SalvageRestored restored = restore_salvage(damaged, store_file_in(dir.path()), kSampleTime);
    CHECK(query_file(store_file_in(dir.path()), "SELECT card_id || ' ' || picked FROM technique_reviews") ==
          "c1#Doubt Doubt");
    CHECK(query_file(store_file_in(dir.path()), "SELECT card_id FROM technique_states") == "c1#Doubt");
    CHECK(restored.answers == std::stoul(review_count_in(store_file_in(dir.path()))) + 1);
}

TEST_CASE("backup: a store older than lateral reading is read back whole, its answers given without it") {
    TempDir dir;
    const std::filesystem::path old = dir / "progress.sqlite";
    create_version_2_store_with_an_answer(old);
    const Salvage salvage = salvage_store(old);
    CHECK(salvage.unreadable_rows == 0);
    REQUIRE(salvage.answers == 1);
    const Review read = salvage.learners.front().reviews.front();
    CHECK(read.response_ms == 4200);
    CHECK_FALSE(read.lateral.used());
}

TEST_CASE("backup: a repair adds to the restored backup the answers only the damaged store still holds") {
    TempDir dir;
    make_damaged_store(store_file_in(dir.path()), 300, 100, backups_folder_in(dir.path()));
    StoreOptions later;
    later.now_ms = kSampleTime + 2 * kDayMs;
    OpenedStore opened = open_progress_store(dir.path(), later);
    const std::int64_t answers = opened.store->review_count(opened.store->find_profile("Ada")->id);
    CHECK(answers > 250);  // the backup's 100, and all the damaged file could still give
    CHECK(answers < 300);
    REQUIRE(opened.notices.size() == 3);
    CHECK_MESSAGE(opened.notices[2].find("read back") != std::string::npos, opened.notices[2]);
}
