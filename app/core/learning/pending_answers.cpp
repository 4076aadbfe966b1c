#include "learning/pending_answers.hpp"

#include <algorithm>

namespace claimdeck {

std::int64_t PendingAnswers::save(Review review, std::optional<CardState> state, const SavedCallback& on_saved) {
    const std::string uid = review.uid;
    waiting_.push_back({std::move(review), std::move(state)});
    std::int64_t id = 0;
    retry([&](const std::string& saved_uid, std::int64_t saved_id) {
        if (saved_uid == uid) id = saved_id;
        if (on_saved) on_saved(saved_uid, saved_id);
    });
    return id;
}

bool PendingAnswers::retry(const SavedCallback& on_saved) {
    while (!waiting_.empty()) {
        const Waiting& oldest = waiting_.front();
        std::int64_t id = 0;
        try {
            id = store_.record_review(oldest.review, oldest.state);
        } catch (const StoreError& error) {
            error_ = error.what();
            return false;
        }
        if (on_saved) on_saved(oldest.review.uid, id);
        waiting_.erase(waiting_.begin());
    }
    error_.clear();
    return true;
}

bool PendingAnswers::discard(const std::string& uid) {
    auto found = std::find_if(waiting_.begin(), waiting_.end(),
                              [&](const Waiting& waiting) { return waiting.review.uid == uid; });
    if (found == waiting_.end()) return false;
    waiting_.erase(found);
    if (waiting_.empty()) error_.clear();
    return true;
}

}  // namespace claimdeck
