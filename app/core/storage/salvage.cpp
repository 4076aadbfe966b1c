#include "storage/salvage.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>
#include <tuple>

#include "storage/backup.hpp"
#include "storage/sqlite.hpp"
#include "storage/store_rows.hpp"

namespace claimdeck {
namespace {

namespace fs = std::filesystem;

// The largest id in `table`, from the table or, when its last page cannot be
// read, from the counter AUTOINCREMENT keeps; 0 when neither can be read.
std::int64_t last_id(sql::Database& db, const std::string& table) {
    for (const std::string& sql :
         {"SELECT MAX(id) FROM " + table, "SELECT seq FROM sqlite_sequence WHERE name = '" + table + "'"}) {
        try {
            auto query = db.prepare(sql.c_str());
            if (query.step()) return query.column_int(0);
        } catch (const sql::Error&) {
            // try the next way
        }
    }
    return 0;
}

// Calls `take` for each row of `select` (its ?1 is "the id read last", its
// rows are ordered by id, which is column 0), stepping over each id that
// cannot be read, up to the table's last id.
template <class Take>
void read_by_id(sql::Database& db, const std::string& table, const std::string& select, Take&& take,
                std::size_t& unreadable) {
    const std::int64_t last = last_id(db, table);
    for (std::int64_t after = 0; after < last; ++after, ++unreadable) {
        try {
            auto query = db.prepare(select.c_str());
            query.bind(1, after);
            while (query.step()) {
                after = query.column_int(0);
                take(query);
            }
            return;
        } catch (const sql::Error&) {
            // The row after `after` cannot be read: step over its id.
        }
    }
}

constexpr int kGradeAgain = 1;  // the scheduler's lowest rating: a lapse after the first answer

using CardKey = std::tuple<std::int64_t, std::string, std::string>;  // profile, deck, card

// Card states (of `table`: the claims' or the technique cards') in key order
// until the first that cannot be read: a table without row ids offers no id
// to step over, and the rest are rebuilt.
std::map<CardKey, CardState> read_card_states(sql::Database& db, const std::string& table = "card_states") {
    std::map<CardKey, CardState> states;
    try {
        const std::string sql = R"sql(SELECT profile_id, deck_id, card_id, stability, difficulty, due_ms,
            last_review_ms, first_review_ms, reps, lapses FROM )sql" +
                                table + " ORDER BY profile_id, deck_id, card_id";
        auto query = db.prepare(sql.c_str());
        while (query.step())
            states.emplace(CardKey{query.column_int(0), query.column_text(1), query.column_text(2)},
                           read_card_state(query, 2));
    } catch (const sql::Error&) {
        // the states read so far are kept
    }
    return states;
}

// A card's state as its study answers (oldest first) left it: each answer
// records the stability, difficulty and due date it led to.
CardState state_from_answers(const std::string& card_id, const std::vector<const Review*>& answers) {
    const Review& last = *answers.back();
    CardState state{card_id,
                    last.stability,
                    last.difficulty,
                    last.due_ms,
                    last.reviewed_ms,
                    answers.front()->reviewed_ms,
                    static_cast<int>(answers.size()),
                    0};
    for (std::size_t i = 1; i < answers.size(); ++i)
        if (answers[i]->grade == kGradeAgain) ++state.lapses;
    return state;
}

// Rebuilds, from the answers read, the state of each studied card whose own
// state could not be read.
void rebuild_missing_states(const std::vector<Review>& reviews, std::map<CardKey, CardState>& states) {
    std::map<CardKey, std::vector<const Review*>> answers;  // study answers only: quizzes move no schedule
    for (const Review& review : reviews)
        if (review.kind == ReviewKind::Study)
            answers[{review.profile_id, review.deck_id, review.card_id}].push_back(&review);
    for (auto& [key, list] : answers) {
        if (states.count(key)) continue;
        std::sort(list.begin(), list.end(),
                  [](const Review* a, const Review* b) { return a->reviewed_ms < b->reviewed_ms; });
        states.emplace(key, state_from_answers(std::get<2>(key), list));
    }
}

// Whether the store has what a query needs (columns or tables a later
// version added).
bool can_prepare(sql::Database& db, const char* query) {
    try {
        db.prepare(query);
        return true;
    } catch (const sql::Error&) {
        return false;
    }
}

// Whether the reviews table has the columns version 3 added.
bool keeps_lateral_reading(sql::Database& db) {
    return can_prepare(db, "SELECT lateral_searches, lateral_passages, lateral_ms FROM reviews LIMIT 0");
}

// Whether the store has the technique cards' tables version 4 added.
bool keeps_technique_cards(sql::Database& db) { return can_prepare(db, "SELECT id FROM technique_reviews LIMIT 0"); }

Salvage read_salvage(sql::Database& db) {
    Salvage salvage;
    std::map<std::int64_t, std::string> names;
    read_by_id(
        db, "profiles", "SELECT id, name FROM profiles WHERE id > ?1 ORDER BY id",
        [&](const sql::Statement& row) { names[row.column_int(0)] = row.column_text(1); }, salvage.unreadable_rows);
    std::vector<Review> reviews;
    read_by_id(
        db, "reviews",
        "SELECT " + review_columns(keeps_lateral_reading(db)) + " FROM reviews WHERE id > ?1 ORDER BY id",
        [&](const sql::Statement& row) { reviews.push_back(read_review(row)); }, salvage.unreadable_rows);
    std::map<CardKey, CardState> states = read_card_states(db);
    rebuild_missing_states(reviews, states);

    std::map<std::int64_t, ProfileProgress> by_profile;
    auto learner = [&](std::int64_t id) -> ProfileProgress& {
        ProfileProgress& progress = by_profile[id];
        if (progress.profile_name.empty())
            progress.profile_name = names.count(id) ? names[id] : "Learner " + std::to_string(id) + " (read back)";
        return progress;
    };
    for (const auto& [id, name] : names) learner(id);
    for (Review& review : reviews) learner(review.profile_id).reviews.push_back(std::move(review));
    for (const auto& [key, state] : states) learner(std::get<0>(key)).card_states.push_back({std::get<1>(key), state});
    // Technique cards' answers and states as they are: a state lost makes
    // its card new again, which costs a review, never an answer.
    if (keeps_technique_cards(db)) {
        read_by_id(
            db, "technique_reviews",
            std::string("SELECT ") + kTechniqueReviewColumns + " FROM technique_reviews WHERE id > ?1 ORDER BY id",
            [&](const sql::Statement& row) {
                TechniqueReview review = read_technique_review(row);
                learner(review.profile_id).technique_reviews.push_back(std::move(review));
            },
            salvage.unreadable_rows);
        for (const auto& [key, state] : read_card_states(db, "technique_states"))
            learner(std::get<0>(key)).technique_states.push_back({std::get<1>(key), state});
    }
    for (auto& [id, progress] : by_profile) {
        salvage.answers += progress.reviews.size() + progress.technique_reviews.size();
        salvage.learners.push_back(std::move(progress));
    }
    return salvage;
}

}  // namespace

Salvage salvage_store(const fs::path& damaged) {
    try {
        sql::Database db(damaged, sql::Database::Mode::ReadOnly);
        return read_salvage(db);
    } catch (const sql::Error&) {
        return {};  // not even opened: nothing to read back
    }
}

std::vector<std::string> add_salvage(ProgressStore& store, const fs::path& damaged) {
    try {
        int added = 0;
        for (const ProfileProgress& learner : salvage_store(damaged).learners)
            added += store.import_progress(learner).reviews_added;
        if (added == 0) return {};
        return {std::to_string(added) + (added == 1 ? " answer" : " answers") +
                " that only the damaged file still held were read back from it."};
    } catch (const StoreError& error) {
        return {std::string("What the damaged file still holds could not be read back: ") + error.what()};
    }
}

SalvageRestored restore_salvage(const fs::path& damaged, const fs::path& store_file, std::int64_t now_ms) {
    const Salvage salvage = salvage_store(damaged);
    if (salvage.learners.empty())
        throw StoreError(StoreError::Kind::Corrupt,
                         damaged.u8string() + " is damaged, and nothing could be read back from it.");
    // Built beside the store before the store is touched, in one file (no
    // -wal to leave behind when it is renamed).
    fs::path incoming = store_file;
    incoming += ".restoring";
    std::error_code ignored;
    fs::remove(incoming, ignored);
    {
        StoreOptions one_file;
        one_file.write_ahead_log = false;
        auto store = ProgressStore::open(incoming, one_file);
        for (const ProfileProgress& learner : salvage.learners) store->import_progress(learner);
    }
    SalvageRestored restored{std::nullopt, salvage.learners.size(), salvage.answers};
    if (fs::exists(store_file, ignored)) restored.kept = move_store_aside(store_file, "before-restore", now_ms);
    std::error_code error;
    fs::rename(incoming, store_file, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly, "Could not move " + incoming.u8string() + " to " +
                                                         store_file.u8string() + ": " + error.message() + ".");
    return restored;
}

}  // namespace claimdeck
