#include "learning/pending_answers.hpp"

#include <algorithm>

namespace claimdeck {
namespace {

constexpr const char* kKeptSentence = "Your answers are kept and saved again as soon as possible.";

}  // namespace

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
            // Said here, where an answer really waits, and not by the store,
            // whose faults also come at start or with a setting.
            error_ = std::string(error.what()) + " " + kKeptSentence;
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

ProfileProgress PendingAnswers::as_progress(const std::string& profile_name) const {
    ProfileProgress progress;
    progress.profile_name = profile_name;
    for (const Waiting& waiting : waiting_) {
        progress.reviews.push_back(waiting.review);
        if (waiting.state) progress.card_states.push_back({waiting.review.deck_id, *waiting.state});
    }
    return progress;
}

}  // namespace claimdeck
