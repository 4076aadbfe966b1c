#include <doctest/doctest.h>

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "live/live_classes.hpp"
#include "live/secrets.hpp"
#include "storage/sqlite.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::live;
using claimdeck::testing::TempDir;

namespace {

NewClass three_cards(Pace pace = Pace::Teacher) {
    return {"Panjshir",
            pace,
            {{"c1", "The valley fell.", Verdict::Verified},
             {"c2", "The valley held.", Verdict::Propaganda},
             {"c3", "Both said they won.", Verdict::Contested}}};
}

Answer answer_of(const Joined& pupil, const std::string& card, Verdict verdict, const std::string& key) {
    return {pupil.token, card, verdict, Confidence::Seventy, key};
}

Refusal refusal_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const LiveError& error) {
        return error.refusal();
    }
    FAIL("no LiveError was thrown");
    return Refusal::Invalid;
}

}  // namespace

TEST_CASE("join codes are six unambiguous letters and are typed back in any case or spacing") {
    const std::string code = make_join_code();
    CHECK(code.size() == kJoinCodeLength);
    CHECK(code.find_first_not_of(kJoinCodeLetters) == std::string::npos);
    CHECK(normalize_join_code("ack-dhx") == std::optional<std::string>("ACKDHX"));
    CHECK(normalize_join_code(" ACK DHX ") == std::optional<std::string>("ACKDHX"));
    CHECK_FALSE(normalize_join_code("ACKDH0").has_value());  // 0 is never used: it reads as O
    CHECK_FALSE(normalize_join_code("ACKDH").has_value());
}

TEST_CASE("secrets are hex of the asked length and differ each time") {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) seen.insert(make_secret());
    CHECK(seen.size() == 50);
    CHECK(make_secret(16).size() == 32);
}

TEST_CASE("the teacher key is checked against its hash and never stored in clear") {
    TempDir folder;
    {
        LiveClasses classes(folder / "live.sqlite");
        CHECK_FALSE(classes.has_teacher_key());
        CHECK(classes.set_first_teacher_key("secret-key-122"));
        CHECK_FALSE(classes.set_first_teacher_key("secret-key-121"));  // the first key stays
        CHECK(classes.is_teacher_key("secret-key-122"));
        classes.set_teacher_key("secret-key-123");
        CHECK(classes.has_teacher_key());
        CHECK(classes.is_teacher_key("secret-key-123"));
        CHECK_FALSE(classes.is_teacher_key("secret-key-124"));
        CHECK_FALSE(classes.is_teacher_key(""));
    }
    CHECK(testing::read_file(folder / "live.sqlite").find("secret-key-123") == std::string::npos);
}

TEST_CASE("three pupils join, answer the teacher's card, and the class totals count each answer") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    const Joined ben = classes.join(code, "Ben", 1002);
    const Joined cy = classes.join(code, "Cy", 1003);
    CHECK(classes.next_card_for(code, ana.token).card->id == "c1");
    classes.answer(answer_of(ana, "c1", Verdict::Verified, "a1"), 2000);
    classes.answer(answer_of(ben, "c1", Verdict::Propaganda, "b1"), 2001);
    classes.answer(answer_of(cy, "c1", Verdict::Verified, "c1"), 2002);

    const Dashboard board = classes.dashboard(code);
    REQUIRE(board.cards.size() == 3);
    CHECK(board.cards[0].answered == 3);
    CHECK(board.cards[0].right == 2);
    CHECK(board.cards[0].by_verdict[index_of(Verdict::Verified)] == 2);
    CHECK(board.cards[0].by_verdict[index_of(Verdict::Propaganda)] == 1);
    CHECK(board.cards[1].answered == 0);
    REQUIRE(board.pupils.size() == 3);
    CHECK(board.pupils[1].nickname == "Ben");
    CHECK(board.pupils[1].answered == 1);
    CHECK(board.pupils[1].right == 0);
}

TEST_CASE("the same idempotency key twice counts once and returns the same confirmation") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    const Confirmation first = classes.answer(answer_of(ana, "c1", Verdict::Verified, "k-1"), 2000);
    const Confirmation again = classes.answer(answer_of(ana, "c1", Verdict::Verified, "k-1"), 9000);
    CHECK(again == first);
    CHECK(again.committed_ms == 2000);
    CHECK(classes.dashboard(code).cards[0].answered == 1);
}

TEST_CASE("a key reused for a different answer, or a second answer to a card, is a conflict") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    classes.answer(answer_of(ana, "c1", Verdict::Verified, "k-1"), 2000);
    CHECK(refusal_of([&] { classes.answer(answer_of(ana, "c1", Verdict::Contested, "k-1"), 2001); }) ==
          Refusal::Conflict);
    CHECK(refusal_of([&] { classes.answer(answer_of(ana, "c1", Verdict::Contested, "k-2"), 2002); }) ==
          Refusal::Conflict);
    CHECK(classes.dashboard(code).cards[0].by_verdict[index_of(Verdict::Verified)] == 1);
}

TEST_CASE("at the teacher's pace a card not yet shown cannot be answered until the teacher moves on") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    CHECK(refusal_of([&] { classes.answer(answer_of(ana, "c2", Verdict::Verified, "k"), 2000); }) == Refusal::Conflict);
    CHECK(classes.move_on(code).current == 1);
    CHECK(classes.next_card_for(code, ana.token).card->id == "c2");
    classes.answer(answer_of(ana, "c2", Verdict::Propaganda, "k"), 2001);
    CHECK(classes.next_card_for(code, ana.token).answered);
    classes.move_on(code);
    classes.move_on(code);
    CHECK_FALSE(classes.next_card_for(code, ana.token).card.has_value());
    CHECK(refusal_of([&] { classes.move_on(code); }) == Refusal::Conflict);
}

TEST_CASE("at their own pace each pupil gets their first unanswered card") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(Pace::Own), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    const Joined ben = classes.join(code, "Ben", 1001);
    classes.answer(answer_of(ana, "c1", Verdict::Verified, "a"), 2000);
    classes.answer(answer_of(ana, "c3", Verdict::Verified, "b"), 2000);
    CHECK(classes.next_card_for(code, ana.token).card->id == "c2");
    CHECK(classes.next_card_for(code, ben.token).card->id == "c1");
    CHECK(refusal_of([&] { classes.move_on(code); }) == Refusal::Conflict);
}

TEST_CASE("a pupil's card never carries its true verdict") {
    LiveClasses classes(":memory:");
    NewClass request = three_cards();
    request.cards[0].verdict = Verdict::Propaganda;
    const std::string code = classes.create_class(request, 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    CHECK(classes.next_card_for(code, ana.token).card->verdict != Verdict::Propaganda);
}

TEST_CASE("nicknames are unique in a class whatever their case, and must be sensible") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    classes.join(code, "Ana", 1001);
    CHECK(refusal_of([&] { classes.join(code, "ANA", 1002); }) == Refusal::Conflict);
    CHECK(refusal_of([&] { classes.join(code, "", 1002); }) == Refusal::Invalid);
    CHECK(refusal_of([&] { classes.join(code, "a\nb", 1002); }) == Refusal::Invalid);
    CHECK(refusal_of([&] { classes.join(code, std::string(25, 'x'), 1002); }) == Refusal::Invalid);
    CHECK(nickname_problem("Zoë Ödön 24 characters!!") == std::nullopt);  // counted in characters, not bytes
}

TEST_CASE("a join code dies with its class: nobody joins or answers afterwards, retries still confirm") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    const Confirmation given = classes.answer(answer_of(ana, "c1", Verdict::Verified, "k"), 2000);
    CHECK(classes.end(code).ended);
    CHECK(refusal_of([&] { classes.join(code, "Ben", 3000); }) == Refusal::Gone);
    CHECK(refusal_of([&] { classes.answer(answer_of(ana, "c1", Verdict::Verified, "k2"), 3000); }) == Refusal::Gone);
    CHECK(classes.answer(answer_of(ana, "c1", Verdict::Verified, "k"), 3001) == given);
    CHECK(refusal_of([&] { classes.end(code); }) == Refusal::Gone);
}

TEST_CASE("unknown codes, tokens and cards are refused with what was wrong") {
    LiveClasses classes(":memory:");
    const std::string code = classes.create_class(three_cards(), 1000);
    const std::string other = classes.create_class(three_cards(), 1000);
    const Joined ana = classes.join(code, "Ana", 1001);
    CHECK(refusal_of([&] { classes.dashboard("XXXXXX"); }) == Refusal::NotFound);
    CHECK(refusal_of([&] { classes.dashboard("not a code"); }) == Refusal::NotFound);
    CHECK(refusal_of([&] { classes.next_card_for(code, "forged"); }) == Refusal::Unauthorized);
    CHECK(refusal_of([&] { classes.next_card_for(other, ana.token); }) == Refusal::Unauthorized);
    CHECK(refusal_of([&] { classes.answer(answer_of(ana, "c9", Verdict::Verified, "k"), 1); }) == Refusal::NotFound);
    CHECK(refusal_of([&] { classes.create_class({"empty", Pace::Teacher, {}}, 1); }) == Refusal::Invalid);
}

TEST_CASE("answers committed to the file are there when the store is opened again") {
    TempDir folder;
    std::string code;
    Confirmation given;
    Joined ana;
    {
        LiveClasses classes(folder / "live.sqlite");
        code = classes.create_class(three_cards(), 1000);
        ana = classes.join(code, "Ana", 1001);
        given = classes.answer(answer_of(ana, "c1", Verdict::Verified, "k"), 2000);
    }
    LiveClasses reopened(folder / "live.sqlite");
    CHECK(reopened.answer(answer_of(ana, "c1", Verdict::Verified, "k"), 5000) == given);
    CHECK(reopened.dashboard(code).cards[0].answered == 1);
}

TEST_CASE("a live store from a newer ClaimDeck is refused and left untouched") {
    TempDir folder;
    { LiveClasses(folder / "live.sqlite"); }
    {
        sql::Database raw(folder / "live.sqlite", sql::Database::Mode::ReadWrite);
        raw.execute("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(LiveClasses(folder / "live.sqlite"), doctest::Contains("newer ClaimDeck"));
}

TEST_CASE(
    "transactions sent together to the SQLite store return once committed, and one that fails undoes only itself") {
    TempDir folder;
    constexpr int kThreads = 12, kEach = 8;
    {
        const std::unique_ptr<LiveDatabase> db = open_sqlite_live_database(folder / "live.sqlite");
        std::vector<std::thread> threads;
        std::atomic<int> unseen{0};
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    const std::string name = std::to_string(t) + "-" + std::to_string(i);
                    try {
                        db->transact([&] {
                            db->query("INSERT INTO settings(name, value) VALUES($1, 'x')", {name});
                            if (i % 2) throw std::runtime_error("refused after writing");
                        });
                    } catch (const std::runtime_error&) {
                        continue;
                    }
                    // A read outside the transaction sees only what is committed.
                    if (db->query("SELECT 1 FROM settings WHERE name = $1", {name}).empty()) ++unseen;
                }
            });
        for (std::thread& thread : threads) thread.join();
        CHECK(unseen == 0);
    }
    const std::unique_ptr<LiveDatabase> reopened = open_sqlite_live_database(folder / "live.sqlite");
    CHECK(reopened->query("SELECT COUNT(*) FROM settings")[0].number(0) == kThreads * kEach / 2);
    const char* failed =
        "SELECT COUNT(*) FROM settings WHERE CAST(substr(name, instr(name, '-') + 1) AS INTEGER) % 2 = 1";
    CHECK(reopened->query(failed)[0].number(0) == 0);
}
