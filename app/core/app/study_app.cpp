#include "app/study_app.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/calendar.hpp"
#include "learning/study_settings.hpp"

namespace claimdeck {
namespace {

constexpr const char* kLastProfileKey = "last_profile";
constexpr std::size_t kMaxProfileNameBytes = 40;

std::string trimmed(std::string_view text) {
    auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return std::string(text);
}

bool same_name(std::string_view a, std::string_view b) {
    // The store compares names without case (COLLATE NOCASE, ASCII only).
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

}  // namespace

std::string problem_with_profile_name(std::string_view name, const std::vector<Profile>& existing,
                                      std::int64_t renaming_id) {
    const std::string clean = trimmed(name);
    if (clean.empty()) return "Type a name first.";
    if (clean.size() > kMaxProfileNameBytes) return "That name is too long; keep it under 40 letters.";
    for (const Profile& profile : existing)
        if (profile.id != renaming_id && same_name(profile.name, clean))
            return "There is already a learner called " + profile.name + ".";
    return "";
}

std::string describe_next_review(std::int64_t now_ms, std::int64_t due_ms) {
    const int days = calendar_days_between(now_ms, due_ms);
    const std::string date = " (" + utc_date(due_ms) + ")";
    if (days <= 0) return "today";
    if (days == 1) return "tomorrow" + date;
    return "in " + std::to_string(days) + " days" + date;
}

StudyApp::StudyApp(Deck deck, std::unique_ptr<ProgressStore> store, Clock clock, std::filesystem::path classroom_dir)
    : deck_(std::move(deck)),
      store_(std::move(store)),
      clock_(std::move(clock)),
      classroom_dir_(std::move(classroom_dir)),
      class_quiz_(deck_, *store_, clock_, classroom_dir_ / "results"),
      quiz_builder_(deck_, clock_, classroom_dir_ / "quizzes"),
      class_report_(classroom_dir_ / "results", classroom_dir_ / "reports") {
    display_settings_ = load_display_settings(*store_);
    reload_profiles();
    // Whoever studied last on this device is chosen again.
    if (auto last = store_->setting(kDeviceSettings, kLastProfileKey)) choose_profile(std::atoll(last->c_str()));
}

void StudyApp::reload_profiles() { profiles_ = store_->profiles(); }

void StudyApp::choose_profile(std::int64_t profile_id) {
    auto found = std::find_if(profiles_.begin(), profiles_.end(), [&](const Profile& p) { return p.id == profile_id; });
    if (found == profiles_.end()) return;
    end_session();
    class_quiz_.end_run();  // a run belongs to the learner who started it
    profile_ = *found;
    load_progress();
    store_->set_setting(kDeviceSettings, kLastProfileKey, std::to_string(profile_id));
}

void StudyApp::open_profile(const std::string& name) {
    Profile profile = store_->ensure_profile(trimmed(name));
    reload_profiles();
    choose_profile(profile.id);
}

void StudyApp::create_profile(const std::string& name) {
    Profile profile = store_->create_profile(trimmed(name));
    reload_profiles();
    choose_profile(profile.id);
}

void StudyApp::rename_profile(std::int64_t profile_id, const std::string& name) {
    store_->rename_profile(profile_id, trimmed(name));
    reload_profiles();
    if (profile_ && profile_->id == profile_id) profile_->name = trimmed(name);
}

void StudyApp::delete_profile(std::int64_t profile_id) {
    if (profile_ && profile_->id == profile_id) {
        end_session();
        class_quiz_.end_run();
        profile_.reset();
        load_progress();
    }
    store_->delete_profile(profile_id);
    reload_profiles();
}

void StudyApp::load_progress() {
    states_.clear();
    history_.reset();
    study_settings_ = StudySettings();
    if (!profile_) return;
    states_ = store_->card_states(profile_->id, deck_.id);
    study_settings_ = load_study_settings(*store_, profile_->id);
}

const StudyApp::History& StudyApp::history() const {
    if (history_) return *history_;
    History history;
    if (profile_) {
        for (const AnswerCount& group : store_->answer_counts(profile_->id, deck_.id)) {
            history.score.add({group.article_id, group.truth, group.picked, group.confidence}, group.count);
            history.answers += group.count;
        }
        history.per_day = store_->answers_per_day(profile_->id, deck_.id);
    }
    return history_.emplace(std::move(history));
}

DeckCounts StudyApp::counts() const { return count_cards(deck_, states_, now()); }

std::optional<CardState> StudyApp::card_state(const std::string& claim_id) const {
    auto found = states_.find(claim_id);
    if (found == states_.end()) return std::nullopt;
    return found->second;
}

void StudyApp::set_study_settings(const StudySettings& settings) {
    if (!profile_) return;
    save_study_settings(*store_, profile_->id, settings);
    study_settings_ = load_study_settings(*store_, profile_->id);
}

void StudyApp::set_display_settings(const DisplaySettings& settings) {
    save_display_settings(*store_, settings);
    display_settings_ = settings;
}

void StudyApp::start_session(std::uint64_t shuffle_seed) {
    if (!profile_) return;
    end_session();
    session_ = std::make_unique<StudySession>(deck_, *store_, *profile_, study_settings_, clock_, shuffle_seed);
}

void StudyApp::end_session() {
    if (session_) session_->retry_pending();
    session_.reset();
    session_answers_.clear();
    session_tally_ = Tally();
}

void StudyApp::use_hint() {
    if (session_) session_->use_hint();
}

void StudyApp::History::count(const ScoredAnswer& answer, std::int64_t day, int change) {
    if (change > 0)
        score.add(answer);
    else
        score.remove(answer);
    answers += change;
    Tally& tally = per_day[day];
    tally.answered += change;
    if (answer.correct()) tally.right += change;
    if (tally.answered <= 0) per_day.erase(day);
}

std::vector<int> StudyApp::due_forecast(int days) const {
    std::vector<int> per_day(static_cast<std::size_t>(std::max(days, 0)), 0);
    const std::int64_t today = utc_day(now());
    for (const auto& [claim_id, state] : states_) {
        const std::int64_t offset = std::max<std::int64_t>(0, utc_day(state.due_ms) - today);
        if (offset < days) ++per_day[static_cast<std::size_t>(offset)];
    }
    return per_day;
}

ScoredAnswer StudyApp::scored(const Claim& claim, Verdict picked, Confidence confidence) {
    return {claim.article, claim.verdict, picked, confidence};
}

AnswerOutcome StudyApp::answer(Verdict picked, Confidence confidence) {
    if (!session_ || session_->finished()) return {};
    AnswerOutcome outcome = session_->answer(picked, confidence);
    states_[outcome.claim->id] = outcome.new_state;
    const GivenAnswer given{scored(*outcome.claim, picked, confidence), utc_day(now())};
    // History not read yet will be read with this answer in it.
    if (history_) history_->count(given.scored, given.day, +1);
    session_answers_.push_back(given);
    ++session_tally_.answered;
    if (outcome.correct) ++session_tally_.right;
    return outcome;
}

void StudyApp::undo() {
    if (!session_ || !session_->can_undo()) return;
    session_->undo();
    const Claim& claim = *session_->current();  // the card taken back is in front again
    if (auto state = session_->state_of(claim.id))
        states_[claim.id] = *state;
    else
        states_.erase(claim.id);
    const GivenAnswer given = session_answers_.back();
    session_answers_.pop_back();
    if (history_) history_->count(given.scored, given.day, -1);
    --session_tally_.answered;
    if (given.scored.correct()) --session_tally_.right;
}

bool StudyApp::retry_pending_saves() { return !session_ || session_->retry_pending(); }

void StudyApp::start_quiz(bool count_towards_schedule) {
    if (!profile_) return;
    QuizRunOptions options;
    options.count_towards_schedule = count_towards_schedule;
    options.desired_retention = study_settings_.desired_retention;
    class_quiz_.start(*profile_, options);
}

}  // namespace claimdeck
