#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>

#include "app/study_app.hpp"
#include "base/calendar.hpp"
#include "deck_samples.hpp"
#include "storage/backup.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

Deck make_deck() { return claimdeck::testing::sample_deck(6, 2, 1, "app-deck"); }

struct Fixture {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;  // 2021-08-26 17:46 UTC
    std::unique_ptr<StudyApp> app =
        std::make_unique<StudyApp>(make_deck(), ProgressStore::open(dir / "progress.sqlite"), [this] { return now; });

    void reopen() {
        app.reset();
        app = std::make_unique<StudyApp>(make_deck(), ProgressStore::open(dir / "progress.sqlite"),
                                         [this] { return now; });
    }
};

}  // namespace

TEST_CASE("a deleted learner is not chosen again at the next start") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->delete_profile(f.app->profile()->id);
    f.reopen();
    CHECK_FALSE(f.app->profile());
}

TEST_CASE("profiles are created, chosen, renamed and deleted through the app") {
    Fixture f;
    CHECK(f.app->profiles().empty());
    CHECK_FALSE(f.app->profile());
    f.app->create_profile("  Ana ");
    REQUIRE(f.app->profile());
    CHECK(f.app->profile()->name == "Ana");
    CHECK(f.app->counts().fresh == 6);

    f.app->rename_profile(f.app->profile()->id, "Anna");
    CHECK(f.app->profile()->name == "Anna");
    CHECK(f.app->profiles().at(0).name == "Anna");

    f.app->open_profile("Ben");
    CHECK(f.app->profile()->name == "Ben");
    CHECK(f.app->profiles().size() == 2);
    f.app->delete_profile(f.app->profile()->id);
    CHECK_FALSE(f.app->profile());
    CHECK(f.app->profiles().size() == 1);
}

TEST_CASE("profile names are checked before they reach the store") {
    std::vector<Profile> existing{{1, "Ana"}};
    CHECK(problem_with_profile_name("   ", existing) == "Type a name first.");
    CHECK(problem_with_profile_name("ana", existing) == "There is already a learner called Ana.");
    CHECK(problem_with_profile_name("ANA", existing, 1).empty());  // renaming Ana herself
    CHECK(problem_with_profile_name(std::string(41, 'x'), existing).find("too long") != std::string::npos);
    CHECK(problem_with_profile_name("Ben", existing).empty());
}

TEST_CASE("answers move the counts, the score and the session tally, undo takes them back") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(7);
    REQUIRE(f.app->session());
    const Claim first = *f.app->session()->current();
    AnswerOutcome outcome = f.app->answer(first.verdict, Confidence::Ninety);
    CHECK(outcome.correct);
    CHECK(f.app->counts().learned == 1);
    CHECK(f.app->answers_given() == 1);
    CHECK(f.app->scorecard().overall.right == 1);
    CHECK(f.app->session_tally().right == 1);
    CHECK(f.app->card_state(first.id));
    REQUIRE(f.app->answers_per_day().size() == 1);
    CHECK(f.app->answers_per_day().at(f.now / kMsPerDay).answered == 1);
    CHECK(f.app->answers_per_day().at(f.now / kMsPerDay).right == 1);

    f.app->undo();
    CHECK(f.app->answers_per_day().empty());
    CHECK(f.app->session()->current()->id == first.id);
    CHECK(f.app->counts().fresh == 6);
    CHECK(f.app->answers_given() == 0);
    CHECK(f.app->scorecard().overall.answered == 0);
    CHECK(f.app->session_tally().answered == 0);
    CHECK_FALSE(f.app->card_state(first.id));
}

TEST_CASE("progress and settings survive a restart") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(1);
    f.app->answer(Verdict::Verified, Confidence::Fifty);
    StudySettings study = f.app->study_settings();
    study.new_cards_per_day = 3;
    study.ask_confidence = false;
    study.daily_limit = false;
    f.app->set_study_settings(study);
    f.app->set_display_settings({120, Theme::HighContrast, true});

    f.reopen();
    CHECK(f.app->display_settings().text_size_percent == 120);
    CHECK(f.app->display_settings().theme == Theme::HighContrast);
    REQUIRE(f.app->profile());  // the last learner is chosen again
    CHECK(f.app->profile()->name == "Ana");
    CHECK(f.app->answers_given() == 1);
    CHECK(f.app->answers_per_day().at(f.now / kMsPerDay).answered == 1);
    CHECK(f.app->study_settings().new_cards_per_day == 3);
    CHECK_FALSE(f.app->study_settings().ask_confidence);
    CHECK_FALSE(f.app->study_settings().daily_limit);
}

TEST_CASE("next review dates are said in days") {
    const std::int64_t now = 1'630'000'000'000;  // 2021-08-26
    CHECK(describe_next_review(now, now) == "today");
    CHECK(describe_next_review(now, now + kMsPerDay) == "tomorrow (2021-08-27)");
    CHECK(describe_next_review(now, now + 12 * kMsPerDay) == "in 12 days (2021-09-07)");
}

TEST_CASE("the forecast counts seen cards by the day they fall due, overdue ones today") {
    Fixture f;
    f.app->open_profile("Forecast");
    f.app->start_session(1);
    for (int i = 0; i < 3; ++i) f.app->answer(f.app->session()->current()->verdict, Confidence::Seventy);
    f.app->end_session();
    const std::vector<int> soon = f.app->due_forecast(30);
    int total = 0;
    for (int count : soon) total += count;
    CHECK(total == 3);
    CHECK(soon[0] == 0);  // answered right today: none due today

    f.now += 40 * kMsPerDay;  // every card is overdue by then
    const std::vector<int> later = f.app->due_forecast(7);
    CHECK(later[0] == 3);
}

TEST_CASE("answers per day keep how many were right, and undo takes an answer back") {
    Fixture f;
    f.app->open_profile("Days");
    f.app->start_session(1);
    const Claim first = *f.app->session()->current();
    f.app->answer(first.verdict, Confidence::Seventy);
    const Claim second = *f.app->session()->current();
    f.app->answer(second.verdict == Verdict::Verified ? Verdict::Propaganda : Verdict::Verified, Confidence::Fifty);
    const std::int64_t today = f.now / kMsPerDay;
    CHECK(f.app->answers_per_day().at(today).answered == 2);
    CHECK(f.app->answers_per_day().at(today).right == 1);
    f.app->undo();
    CHECK(f.app->answers_per_day().at(today).answered == 1);
    CHECK(f.app->answers_per_day().at(today).right == 1);
}

TEST_CASE("statistics are read when the learner is chosen, so showing them later runs no SQL") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(1);
    for (int i = 0; i < 3; ++i) f.app->answer(f.app->session()->current()->verdict, Confidence::Seventy);
    f.reopen();  // Ana is chosen again at start, with her history read
    REQUIRE(f.app->profile());
    // Another program empties the log behind the app's back: figures read
    // at the choice stay, figures read on first display would drop to 0.
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((f.dir / "progress.sqlite").string().c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "DELETE FROM reviews", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    CHECK(f.app->answers_given() == 3);
    CHECK(f.app->scorecard().overall.answered == 3);
    CHECK(f.app->answers_per_day().size() == 1);
}

namespace {

// A store that gives up quickly on a lock, and a second connection that
// holds one: the app's writes then fail as they do behind another program.
struct LockedStoreFixture {
    TempDir dir;
    std::int64_t now = 1'630'000'000'000;
    sqlite3* other = nullptr;
    std::unique_ptr<StudyApp> app;

    LockedStoreFixture() {
        StoreOptions quick;
        quick.busy_timeout_ms = 20;
        quick.now_ms = now;
        app = std::make_unique<StudyApp>(make_deck(), open_app_store(dir.path(), quick), [this] { return now; });
        sqlite3_open((dir / "progress.sqlite").string().c_str(), &other);
    }
    ~LockedStoreFixture() { sqlite3_close(other); }
    void lock(bool locked) { sqlite3_exec(other, locked ? "BEGIN IMMEDIATE" : "ROLLBACK", nullptr, nullptr, nullptr); }
    void answer() { app->answer(app->session()->current()->verdict, Confidence::Seventy); }
    std::string reviews() {
        return claimdeck::testing::query_file(dir / "progress.sqlite", "SELECT COUNT(*) FROM reviews");
    }
};

}  // namespace

TEST_CASE("the learner is not switched while their answers wait to be saved, and none is dropped") {
    LockedStoreFixture f;
    f.app->create_profile("Ben");
    const std::int64_t ben = f.app->profile()->id;
    f.app->create_profile("Ana");
    f.app->start_session(1);
    f.lock(true);
    f.answer();
    REQUIRE(f.app->session()->pending_saves() == 1);
    CHECK_THROWS_WITH_AS(f.app->choose_profile(ben), doctest::Contains("not saved yet"), StoreError);
    CHECK(f.app->profile()->name == "Ana");
    CHECK(f.app->session()->pending_saves() == 1);
    f.lock(false);
    f.app->choose_profile(ben);
    CHECK(f.app->profile()->name == "Ben");
    CHECK(f.reviews() == "1");
}

TEST_CASE("answers still unsaved when the app closes are kept in a file and saved at the next start") {
    LockedStoreFixture f;
    f.app->create_profile("Ana");
    f.app->start_session(1);
    f.lock(true);
    f.answer();
    f.answer();
    const std::vector<std::string> said = f.app->close();
    REQUIRE(said.size() == 1);
    CHECK_MESSAGE(doctest::String(said[0].c_str()) == doctest::Contains("2 answers could not be saved"), said[0]);
    CHECK_MESSAGE(doctest::String(said[0].c_str()) == doctest::Contains("unsaved-answers-"), said[0]);
    f.lock(false);
    f.app.reset();
    CHECK(f.reviews() == "0");

    OpenedStore next = open_progress_store(f.dir.path());
    CHECK(f.reviews() == "2");
    REQUIRE(next.notices.size() == 1);
    CHECK_MESSAGE(doctest::String(next.notices[0].c_str()) == doctest::Contains("are saved now"), next.notices[0]);
    for (const auto& entry : std::filesystem::directory_iterator(f.dir.path()))
        CHECK(entry.path().filename().string().rfind("unsaved-answers-", 0) == std::string::npos);
}

TEST_CASE("answers given while studying reach a backup without waiting for the next start") {
    LockedStoreFixture f;
    f.app->create_profile("Ana");
    f.app->start_session(1);
    f.answer();  // the first answer makes the first backup: there was none
    CHECK(claimdeck::testing::query_file(f.dir / "backups" / backup_file_name(f.now), "SELECT COUNT(*) FROM reviews") ==
          "1");
    f.now += kMinMsBetweenBackups + 60'000;
    f.answer();
    const std::filesystem::path backup = f.dir / "backups" / backup_file_name(f.now);
    REQUIRE(std::filesystem::exists(backup));
    CHECK(claimdeck::testing::query_file(backup, "SELECT COUNT(*) FROM reviews") == "2");

    f.answer();  // a minute later: in no backup yet, until the app closes
    f.now += 60'000;
    CHECK(f.app->close().empty());
    CHECK(claimdeck::testing::query_file(f.dir / "backups" / backup_file_name(f.now), "SELECT COUNT(*) FROM reviews") ==
          "3");
}

TEST_CASE("a backup that keeps failing while studying is said once on Home, not every few minutes") {
    LockedStoreFixture f;
    f.dir.write("backups", "a file where the backups folder should be");
    f.app->create_profile("Ana");
    f.app->start_session(1);
    for (int i = 0; i < 3; ++i) {
        f.answer();
        f.now += kMinMsBetweenBackups + 60'000;
    }
    REQUIRE(f.app->notices().size() == 1);
    CHECK_MESSAGE(doctest::String(f.app->notices()[0].c_str()) == doctest::Contains("No backup"), f.app->notices()[0]);
}

TEST_CASE("home can say the session's size before it starts, and what tomorrow brings once the day is done") {
    Fixture f;
    f.app->open_profile("Ana");
    StudySettings settings = f.app->study_settings();
    settings.new_cards_per_day = 4;
    f.app->set_study_settings(settings);
    CHECK(f.app->next_session(SessionKind::Today).fresh.size() == 4);
    f.app->start_session(3);
    while (const Claim* claim = f.app->session()->current()) f.app->answer(claim->verdict, Confidence::Ninety);
    CHECK(f.app->next_session(SessionKind::Today).size() == 0);
    CHECK(f.app->next_session(SessionKind::MoreNew).fresh.size() == 2);  // the deck's last two
    CHECK(f.app->next_session(SessionKind::Practice).size() == 4);
    CHECK(f.app->new_tomorrow() == 2);
    CHECK(f.app->due_tomorrow() == 0);  // answered right at 90 %: days away
}

TEST_CASE("the session's mistakes are listed once each, and practice answers stay out of the history") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(3);
    const Claim first = *f.app->session()->current();
    const Verdict wrong = first.verdict == Verdict::Verified ? Verdict::Contested : Verdict::Verified;
    f.app->answer(wrong, Confidence::Fifty);
    while (const Claim* claim = f.app->session()->current())
        f.app->answer(claim->id == first.id ? wrong : claim->verdict, Confidence::Fifty);
    const std::vector<StudyApp::Mistake> mistakes = f.app->session_mistakes();
    REQUIRE(mistakes.size() == 1);
    CHECK(mistakes[0].claim->id == first.id);
    CHECK(mistakes[0].picked == wrong);

    const int answers = f.app->answers_given();
    const CardState state = *f.app->card_state(first.id);
    f.app->start_session(4, SessionKind::Practice);
    REQUIRE(f.app->session()->practice());
    const Claim practised = *f.app->session()->current();
    f.app->answer(practised.verdict, Confidence::Ninety);
    CHECK(f.app->answers_given() == answers);
    CHECK(f.app->session_tally().answered == 1);
    f.app->undo();
    CHECK(f.app->answers_given() == answers);
    CHECK(f.app->card_state(first.id)->due_ms == state.due_ms);
}

TEST_CASE("an unfinished session goes on after a restart: same cards, same place, same answers so far") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(7);
    const StudySession& before = *f.app->session();
    const int size = before.size();
    REQUIRE(size >= 4);
    std::vector<std::string> order;
    for (int i = 0; i < 3; ++i) {
        const Claim claim = *f.app->session()->current();
        order.push_back(claim.id);
        // The second answer is wrong: its card comes back later in the session.
        f.app->answer(i == 1 ? kAllVerdicts[(index_of(claim.verdict) + 1) % 3] : claim.verdict, Confidence::Seventy);
    }
    const std::string next = f.app->session()->current()->id;
    const int waiting = f.app->session()->comebacks_waiting();
    REQUIRE(waiting == 1);

    f.reopen();
    REQUIRE(f.app->profile());
    const StudySession* after = f.app->session();
    REQUIRE(after);
    CHECK(after->current()->id == next);
    CHECK(after->size() == size);
    CHECK(after->done() == 3);
    CHECK(after->answered() == 3);
    CHECK(after->comebacks_waiting() == waiting);
    CHECK(f.app->session_tally().answered == 3);
    CHECK(f.app->session_tally().right == 2);
    REQUIRE(f.app->session_mistakes().size() == 1);
    CHECK(f.app->session_mistakes()[0].claim->id == order[1]);
    CHECK_FALSE(after->can_undo());

    // Answering on goes on counting in the same session, and its end forgets it.
    while (!f.app->session()->finished()) f.app->answer(f.app->session()->current()->verdict, Confidence::Ninety);
    CHECK(f.app->session_tally().answered == size + 1);
    f.reopen();
    CHECK_FALSE(f.app->session());
}

TEST_CASE("a session left on an earlier day is dropped, and one ended now is not kept") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(7);
    f.app->answer(f.app->session()->current()->verdict, Confidence::Seventy);
    f.now += 24 * 60 * 60 * 1000;
    f.reopen();
    CHECK_FALSE(f.app->session());

    f.app->start_session(8);
    f.app->answer(f.app->session()->current()->verdict, Confidence::Seventy);
    f.app->stop_session();
    f.reopen();
    CHECK_FALSE(f.app->session());
}

TEST_CASE("another learner, or another deck, does not end the session kept for the first") {
    Fixture f;
    f.app->open_profile("Ana");
    f.app->start_session(7);
    f.app->answer(f.app->session()->current()->verdict, Confidence::Seventy);
    const std::string next = f.app->session()->current()->id;
    const std::int64_t ana = f.app->profile()->id;
    f.app->open_profile("Ben");
    CHECK_FALSE(f.app->session());
    f.app->choose_profile(ana);
    REQUIRE(f.app->session());
    CHECK(f.app->session()->current()->id == next);
    CHECK(f.app->session()->done() == 1);
}

TEST_CASE("a kept session that names a card the deck no longer has, or is damaged, is not read") {
    const Deck deck = make_deck();
    SessionSnapshot snapshot;
    snapshot.kind = SessionKind::MoreNew;
    snapshot.session_id = 4;
    snapshot.day = 18'865;
    snapshot.size = 2;
    snapshot.done = 1;
    snapshot.queue = {{deck.claims[1].id, false}, {deck.claims[0].id, true}};
    snapshot.answers = {{deck.claims[0].id, Verdict::Propaganda, Confidence::Fifty}};
    const std::optional<SessionSnapshot> read = read_session_snapshot(write_session_snapshot(snapshot), deck);
    REQUIRE(read);
    CHECK(read->kind == SessionKind::MoreNew);
    CHECK(read->session_id == 4);
    CHECK(read->day == 18'865);
    CHECK(read->size == 2);
    CHECK(read->done == 1);
    REQUIRE(read->queue.size() == 2);
    CHECK(read->queue[1].card == deck.claims[0].id);
    CHECK(read->queue[1].comeback);
    REQUIRE(read->answers.size() == 1);
    CHECK(read->answers[0].picked == Verdict::Propaganda);
    CHECK(read->answers[0].confidence == Confidence::Fifty);

    snapshot.queue[0].card = "gone-from-the-deck";
    CHECK_FALSE(read_session_snapshot(write_session_snapshot(snapshot), deck));
    CHECK_FALSE(read_session_snapshot("{\"kind\": \"today\"", deck));
    CHECK_FALSE(read_session_snapshot("", deck));
}

TEST_CASE("progress backed up on one device is imported on another, and importing it again adds nothing") {
    Fixture phone;
    phone.app->open_profile("Maya");
    phone.app->start_session(7);
    for (int i = 0; i < 3; ++i) phone.app->answer(phone.app->session()->current()->verdict, Confidence::Seventy);
    const std::filesystem::path backup = phone.dir / phone.app->backup_file_name();
    CHECK(backup.filename() == "claimdeck-progress-2021-08-26.sqlite");
    phone.app->back_up_progress(backup);

    Fixture laptop;  // no learner yet: the one imported is chosen
    const ProgressImport first = laptop.app->import_progress(backup);
    CHECK(describe_import(first) == "Imported 3 answers for Maya; 0 were already here.");
    REQUIRE(laptop.app->profile());
    CHECK(laptop.app->profile()->name == "Maya");
    CHECK(laptop.app->answers_given() == 3);
    CHECK(laptop.app->counts().learned == 3);

    const ProgressImport again = laptop.app->import_progress(backup);
    CHECK(describe_import(again) == "Imported 0 answers for Maya; 3 were already here.");
    CHECK(laptop.app->answers_given() == 3);
}

TEST_CASE("a file to import that is neither a backup nor a progress file is refused by name, and changes nothing") {
    Fixture f;
    f.app->open_profile("Ana");
    const std::filesystem::path junk = f.dir / "notes.sqlite";
    std::ofstream(junk) << "not progress at all";
    CHECK_THROWS_WITH_AS(f.app->import_progress(junk),
                         doctest::Contains((junk.string() + " is not a ClaimDeck progress file").c_str()),
                         ProgressFileError);
    const std::filesystem::path other_database = f.dir / "other.sqlite";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other_database.string().c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH_AS(f.app->import_progress(other_database),
                         (other_database.string() + " is a database, but not a ClaimDeck backup.").c_str(),
                         ProgressFileError);
    CHECK_THROWS_WITH_AS(f.app->import_progress(f.dir / "missing.json"),
                         (f.dir / "missing.json").string().append(" does not exist or is not a file.").c_str(),
                         ProgressFileError);
    CHECK(f.app->profiles().size() == 1);
    CHECK(f.app->answers_given() == 0);
}
