#include "classroom/quiz_run.hpp"

#include <algorithm>
#include <stdexcept>

#include "learning/card_schedule.hpp"

namespace claimdeck {

namespace {

const Quiz& checked(const Quiz& quiz, const Deck& deck) {
    if (auto mismatch = quiz_deck_mismatch(quiz, deck)) throw std::invalid_argument(*mismatch);
    return quiz;
}

fsrs::Parameters parameters_for(const QuizRunOptions& options) {
    fsrs::Parameters parameters;
    parameters.desired_retention = options.desired_retention;
    return parameters;
}

}  // namespace

QuizRun::QuizRun(const Quiz& quiz, const Deck& deck, ProgressStore& store, Profile profile, QuizRunOptions options,
                 Clock clock)
    : quiz_(checked(quiz, deck)),
      deck_(deck),
      store_(store),
      profile_(std::move(profile)),
      learner_id_(store.learner_id(profile_.id)),
      options_(options),
      clock_(std::move(clock)),
      scheduler_(parameters_for(options)),
      pending_(store) {
    std::map<std::string, CardState> scheduled = store_.card_states(profile_.id, deck_.id);
    for (const auto& entry : scheduled) studied_before_.insert(entry.first);
    if (options_.count_towards_schedule) states_ = std::move(scheduled);
    session_id_ = store_.start_session(profile_.id, deck_.id, ReviewKind::Quiz, clock_());
    start_card_clock();
}

const Claim* QuizRun::current() const {
    if (revealing_ || answers_.size() >= size()) return nullptr;
    return deck_.claim(quiz_.claim_ids[answers_.size()]);
}

std::int64_t QuizRun::elapsed_ms() const { return current() ? std::max<std::int64_t>(0, clock_() - shown_at_ms_) : 0; }

std::optional<std::int64_t> QuizRun::remaining_ms() const {
    if (quiz_.time_limit_seconds == 0) return std::nullopt;
    return std::max<std::int64_t>(0, quiz_.time_limit_seconds * std::int64_t{1000} - elapsed_ms());
}

bool QuizRun::time_is_up(std::int64_t now) const {
    return quiz_.time_limit_seconds > 0 && now - shown_at_ms_ >= quiz_.time_limit_seconds * std::int64_t{1000};
}

const QuizAnswer* QuizRun::answer(Verdict picked, Confidence confidence) {
    if (!current()) return nullptr;
    if (time_is_up(clock_())) return record(std::nullopt, Confidence::Unstated);
    if (sources_still_required()) return nullptr;
    return record(picked, confidence);
}

void QuizRun::begin_lateral_reading() {
    if (current() && quiz_.offers_other_sources()) lateral_.begin(clock_());
}

void QuizRun::end_lateral_reading() { lateral_.end(clock_()); }

bool QuizRun::sources_still_required() const {
    return current() && quiz_.other_sources == OtherSources::Required && !lateral_.consulted().used();
}

bool QuizRun::time_out_if_expired() {
    if (!current() || !time_is_up(clock_())) return false;
    record(std::nullopt, Confidence::Unstated);
    return true;
}

const QuizAnswer* QuizRun::record(std::optional<Verdict> picked, Confidence confidence) {
    const Claim& claim = *current();
    const std::int64_t now = clock_();
    QuizAnswer answer;
    answer.claim_id = claim.id;
    answer.truth = claim.verdict;
    answer.picked = picked;
    answer.confidence = confidence;
    answer.response_ms = std::max<std::int64_t>(0, now - shown_at_ms_);
    answer.studied = studied_before_.count(claim.id) > 0;
    lateral_.end(now);
    if (quiz_.offers_other_sources()) answer.lateral = lateral_.consulted();
    answers_.push_back(answer);
    if (picked) log_review(claim, answer, now);

    if (answers_.size() == size()) finished_ms_ = now;
    if (quiz_.reveal == RevealMode::AfterEach)
        revealing_ = true;
    else
        start_card_clock();
    return &answers_.back();
}

void QuizRun::log_review(const Claim& claim, const QuizAnswer& answer, std::int64_t now) {
    Review review = review_of_answer(claim, deck_.id, profile_.id, session_id_, ReviewKind::Quiz, now, *answer.picked,
                                     answer.confidence);
    review.response_ms = answer.response_ms;
    review.lateral = answer.lateral.value_or(LateralReading{});
    const auto grade = static_cast<fsrs::Rating>(review.grade);

    std::optional<CardState> new_state;
    if (options_.count_towards_schedule) {
        auto before = states_.find(claim.id);
        new_state = schedule_card(scheduler_, claim.id,
                                  before == states_.end() ? std::nullopt : std::optional<CardState>(before->second),
                                  grade, now);
        states_[claim.id] = *new_state;
        review.stability = new_state->stability;
        review.difficulty = new_state->difficulty;
        review.due_ms = new_state->due_ms;
    }
    pending_.save(std::move(review), std::move(new_state));
}

void QuizRun::next() {
    if (!revealing_) return;
    revealing_ = false;
    start_card_clock();
}

void QuizRun::start_card_clock() {
    shown_at_ms_ = clock_();
    lateral_.clear();
}

QuizResults QuizRun::results() const {
    QuizResults results;
    results.quiz_id = quiz_.id;
    results.form = quiz_.form;
    results.deck_id = quiz_.deck_id;
    results.deck_version = quiz_.deck_version;
    results.profile = profile_.name;
    results.learner_id = learner_id_;
    results.quiz_title = quiz_.title;
    results.days_after_post = quiz_.days_after_post;
    results.finished_ms = finished_ms_;
    results.answers = answers_;
    return results;
}

}  // namespace claimdeck
