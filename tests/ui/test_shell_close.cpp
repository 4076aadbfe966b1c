// Closing the window while answers wait to be saved: the shell refuses the
// first close so the window can say so, and lets the next one through.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "../unit/deck_samples.hpp"
#include "../unit/temp_dir.hpp"
#include "app/app_store.hpp"
#include "app/study_app.hpp"
#include "shell.hpp"

using namespace claimdeck;

namespace {

struct Fixture {
    claimdeck::testing::TempDir dir;
    std::unique_ptr<StudyApp> app;
    sqlite3* other = nullptr;

    Fixture() {
        StoreOptions quick;  // gives up at once on a lock
        quick.busy_timeout_ms = 20;
        app = std::make_unique<StudyApp>(claimdeck::testing::sample_deck(6, 2, 1, "close-deck"),
                                         open_app_store(dir.path(), quick), [] { return 1'630'000'000'000; });
        app->create_profile("Ana");
        app->start_session(1);
        sqlite3_open((dir / "progress.sqlite").string().c_str(), &other);
    }
    ~Fixture() { sqlite3_close(other); }
    void lock(bool locked) { sqlite3_exec(other, locked ? "BEGIN IMMEDIATE" : "ROLLBACK", nullptr, nullptr, nullptr); }
    void answer() { app->answer(app->session()->current()->verdict, Confidence::Seventy); }
};

}  // namespace

TEST_CASE("the window closes at once when every answer is saved") {
    Fixture f;
    f.answer();
    ui::Shell shell(*f.app, {}, 1);
    CHECK(shell.may_close());
}

TEST_CASE("closing with answers unsaved is refused once, to warn, and allowed the second time") {
    Fixture f;
    f.lock(true);
    f.answer();
    REQUIRE(f.app->session()->pending_saves() == 1);
    ui::Shell shell(*f.app, {}, 1);
    CHECK_FALSE(shell.may_close());
    CHECK(shell.may_close());
    f.lock(false);
}

TEST_CASE("a close refused for unsaved answers goes through once they could be saved") {
    Fixture f;
    f.lock(true);
    f.answer();
    ui::Shell shell(*f.app, {}, 1);
    CHECK_FALSE(shell.may_close());
    f.lock(false);
    CHECK(shell.may_close());
    CHECK(f.app->session()->pending_saves() == 0);
}
