// Answers on their way to the store. Each is written at once when it can be;
// when the store refuses (full disk, locked or read-only file) it waits here,
// in time order, and is written before the next one or on retry(). Nothing
// waiting is ever dropped silently.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/store.hpp"

namespace claimdeck {

class PendingAnswers {
public:
    explicit PendingAnswers(ProgressStore& store) : store_(store) {}

    // Told the uid of each answer written and the review id it got.
    using SavedCallback = std::function<void(const std::string& uid, std::int64_t review_id)>;

    // Writes the answer (and the card's new state, if any) after any that
    // wait; returns its review id, or 0 when it has to wait too.
    std::int64_t save(Review review, std::optional<CardState> state, const SavedCallback& on_saved = {});

    // Writes what waits, oldest first. True when nothing waits any more.
    bool retry(const SavedCallback& on_saved = {});

    // Drops a waiting answer (it was undone before it reached the store).
    // False when no answer with that uid waits.
    bool discard(const std::string& uid);

    std::size_t size() const { return waiting_.size(); }
    // What waits, as a progress file holds it: kept there when the store
    // still refuses it at the end (storage/kept_answers.hpp).
    ProfileProgress as_progress(const std::string& profile_name) const;
    // Why the last write failed; empty once everything is written.
    const std::string& error() const { return error_; }

private:
    struct Waiting {
        Review review;
        std::optional<CardState> state;
    };

    ProgressStore& store_;
    std::vector<Waiting> waiting_;
    std::string error_;
};

}  // namespace claimdeck
