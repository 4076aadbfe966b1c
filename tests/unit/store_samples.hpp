// Answers, card states and decks for the progress store's tests.
#pragma once

#include <sqlite3.h>

#include <string>

#include "content/deck.hpp"
#include "deck_samples.hpp"
#include "storage/store.hpp"

namespace claimdeck::testing {

inline constexpr std::int64_t kSampleTime = 1'630'000'000'000;  // 2021-08-26, a fixed clock
inline constexpr std::int64_t kDayMs = 86'400'000;

inline CardState sample_state(const std::string& card_id, std::int64_t reviewed_ms) {
    return CardState{card_id, 3.5, 5.0, reviewed_ms + 3 * kDayMs, reviewed_ms, reviewed_ms, 1, 0};
}

// A right answer about `card_id` in deck "deck".
inline Review sample_review(std::int64_t profile_id, const std::string& card_id, std::int64_t reviewed_ms) {
    Review review;
    review.uid = new_review_uid();
    review.profile_id = profile_id;
    review.deck_id = "deck";
    review.card_id = card_id;
    review.article_id = "a";
    review.reviewed_ms = reviewed_ms;
    review.truth = review.picked = Verdict::Contested;
    review.confidence = Confidence::Seventy;
    review.correct = true;
    review.response_ms = 4200;
    review.grade = 3;
    review.stability = 3.5;
    review.difficulty = 5.0;
    review.due_ms = reviewed_ms + 3 * kDayMs;
    return review;
}

// Records answers about cards c0, c1, ..., one minute apart; returns their ids.
inline std::vector<std::int64_t> record_answers(ProgressStore& store, std::int64_t profile_id, int count,
                                                std::int64_t start_ms = kSampleTime) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < count; ++i) {
        const std::string card = "c" + std::to_string(i);
        const std::int64_t at = start_ms + i * 60'000;
        ids.push_back(store.record_review(sample_review(profile_id, card, at), sample_state(card, at)));
    }
    return ids;
}

// SQL run on a file through a connection of the test's own, outside the
// store: the first column of the first row, as text ("" when there is none).
inline std::string query_file(const std::filesystem::path& file, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string result;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        if (const unsigned char* text = sqlite3_column_text(statement, 0)) result = reinterpret_cast<const char*>(text);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

// A store as version 2 left it, before lateral reading was recorded: Ada
// (profile 1) and one right answer of hers, given in 4.2 s with the hint.
inline void create_version_2_store_with_an_answer(const std::filesystem::path& file) {
    create_store_at_version(file, 2);
    query_file(file, "INSERT INTO profiles(id, name, created_ms) VALUES (1, 'Ada', 0)");
    query_file(file,
               "INSERT INTO reviews(uid, profile_id, deck_id, card_id, article_id, kind, reviewed_ms, truth, picked, "
               "confidence, correct, response_ms, hint_used, grade, stability, difficulty, due_ms) VALUES ('u1', 1, "
               "'deck', 'c1', 'a1', 'study', 5, 'verified', 'verified', 70, 1, 4200, 1, 3, 2.5, 5.0, 9)");
}

}  // namespace claimdeck::testing
