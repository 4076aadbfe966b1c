#include "app/study_app.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include "base/calendar.hpp"
#include "learning/progress_stats.hpp"
#include "learning/session_snapshot.hpp"
#include "learning/study_settings.hpp"
#include "storage/backup.hpp"
#include "storage/kept_answers.hpp"
#include "storage/profile_name.hpp"

namespace claimdeck {
namespace {

constexpr const char* kLastProfileKey = "last_profile";
constexpr const char* kLastDeckKey = "last_deck";

bool same_name(std::string_view a, std::string_view b) {
    // The store compares names without case (COLLATE NOCASE, ASCII only).
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

}  // namespace

std::string problem_with_profile_name(std::string_view name, const std::vector<Profile>& existing,
                                      std::int64_t renaming_id) {
    if (std::string problem = profile_name_problem(name); !problem.empty()) return problem;
    const std::string clean = trimmed_profile_name(name);
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
      quiz_builder_(std::make_unique<QuizBuilder>(deck_, clock_, classroom_dir_ / "quizzes")),
      class_report_(classroom_dir_ / "results", classroom_dir_ / "reports", &deck_, classroom_dir_ / "quizzes"),
      start_deck_(deck_) {
    display_settings_ = load_display_settings(*store_);
    reload_profiles();
    reload_shelf();
    // Whoever studied last on this device is chosen again.
    if (auto last = store_->setting(kDeviceSettings, kLastProfileKey)) choose_profile(std::atoll(last->c_str()));
}

StudyApp::StudyApp(Deck deck, AppStore opened, Clock clock, std::filesystem::path classroom_dir)
    : StudyApp(std::move(deck), std::move(opened.store), std::move(clock), std::move(classroom_dir)) {
    notices_ = std::move(opened.notices);
    store_fault_ = std::move(opened.fault);
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
    Profile profile = store_->ensure_profile(trimmed_profile_name(name));
    reload_profiles();
    choose_profile(profile.id);
}

void StudyApp::create_profile(const std::string& name) {
    Profile profile = store_->create_profile(trimmed_profile_name(name));
    reload_profiles();
    choose_profile(profile.id);
}

void StudyApp::rename_profile(std::int64_t profile_id, const std::string& name) {
    store_->rename_profile(profile_id, trimmed_profile_name(name));
    reload_profiles();
    if (profile_ && profile_->id == profile_id) profile_->name = trimmed_profile_name(name);
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
    techniques_.reset();
    history_ = History();
    study_settings_ = StudySettings();
    own_quizzes_ = OwnQuizzes();
    if (!profile_) return;
    states_ = store_->card_states(profile_->id, deck_.id);
    techniques_.emplace(deck_, *store_, *profile_, clock_);
    count_shelf();
    study_settings_ = load_study_settings(*store_, profile_->id);
    history_.scores = load_scores(*store_, profile_->id, deck_.id);
    history_.per_day = store_->answers_per_day(profile_->id, deck_.id);
    for (const auto& [day, tally] : history_.per_day) history_.answers += tally.answered;
    refresh_own_quizzes();
    resume_session();
}

// A learner who never took a quiz has no learner id yet, and none is made here.
void StudyApp::refresh_own_quizzes() {
    const std::optional<std::string> learner = profile_ ? store_->existing_learner_id(profile_->id) : std::nullopt;
    own_quizzes_ = learner ? read_own_quizzes(classroom_dir_ / "results", *learner, deck_) : OwnQuizzes();
}

// The session the learner left on this deck today, with its answers so far.
void StudyApp::resume_session() {
    if (session_) return;
    const std::optional<SessionSnapshot> kept = kept_session_snapshot(*store_, profile_->id, deck_, utc_day(now()));
    if (!kept) return;
    session_ = std::make_unique<StudySession>(deck_, *store_, *profile_, study_settings_, clock_, *kept);
    for (const SessionSnapshot::Answer& answer : kept->answers) {
        const Claim& claim = deck_.claims[*deck_.claim_index(answer.card)];
        // Undo starts afresh on a resumed session, so whether these answers
        // followed lateral reading is never needed to take them back.
        const GivenAnswer given{&claim, scored(claim, answer.picked, answer.confidence), false, kept->day,
                                !session_->practice()};
        session_answers_.push_back(given);
        ++session_tally_.answered;
        if (given.scored.correct()) ++session_tally_.right;
    }
}

// Written after every change to the session, forgotten once it is over.
// A store that refuses it loses only the way back into the session: the
// answers themselves are saved (or kept pending) by the session.
void StudyApp::keep_session() {
    if (!session_ || !profile_) return;
    try {
        if (session_->finished()) return forget_session_snapshot(*store_, profile_->id, deck_.id);
        SessionSnapshot snapshot = session_->snapshot(utc_day(now()));
        for (const GivenAnswer& given : session_answers_)
            snapshot.answers.push_back({given.claim->id, given.scored.picked, given.scored.confidence});
        keep_session_snapshot(*store_, profile_->id, deck_.id, snapshot);
    } catch (const StoreError&) {
    }
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

void StudyApp::start_session(std::uint64_t shuffle_seed, SessionKind kind) {
    if (!profile_) return;
    end_session();
    session_ = std::make_unique<StudySession>(deck_, *store_, *profile_, study_settings_, clock_, shuffle_seed, kind);
    keep_session();
}

void StudyApp::stop_session() {
    if (!session_) return;
    session_->stop();
    keep_session();
}

SessionCards StudyApp::next_session(SessionKind kind) const {
    if (!profile_) return {};
    return choose_session_cards(deck_, states_, study_settings_, kind, now(), 0);
}

int StudyApp::due_tomorrow() const {
    const std::vector<int> forecast = due_forecast(2);
    return forecast[0] + forecast[1];
}

int StudyApp::new_tomorrow() const {
    const int fresh = counts().fresh;
    return study_settings_.daily_limit ? std::min(fresh, study_settings_.new_cards_per_day) : fresh;
}

void StudyApp::open_library(std::filesystem::path library) {
    library_ = std::move(library);
    LibraryContents contents = read_library(library_);
    library_decks_ = std::move(contents.decks);
    for (const Problem& problem : contents.problems)
        add_notice("A deck in your library cannot be read: " + problem.describe());
    reload_shelf();
}

void StudyApp::study_last_deck() {
    if (auto last = store_->setting(kDeviceSettings, kLastDeckKey); last && *last != deck_.id) study_deck(*last);
}

namespace {

ShelfDeck shelf_entry(const Deck& deck, bool in_library) {
    return {deck.id, deck.title, deck.description, deck.version, in_library, {}};
}

}  // namespace

// The start deck first, then the library by title; one entry per deck id.
void StudyApp::reload_shelf() {
    shelf_.assign(1, shelf_entry(start_deck_, false));
    for (const InstalledDeck& installed : library_decks_) {
        const Deck& deck = installed.deck;
        if (deck.id != start_deck_.id)
            shelf_.push_back(shelf_entry(deck, true));
        else if (deck.version > start_deck_.version)
            shelf_.front() = shelf_entry(deck, true);
    }
    count_shelf();
}

void StudyApp::count_shelf() {
    for (ShelfDeck& entry : shelf_) {
        entry.counts = {};
        if (!profile_) continue;
        const Deck* deck = listed_deck(entry.id);
        entry.counts =
            count_cards(*deck, entry.id == deck_.id ? states_ : store_->card_states(profile_->id, entry.id), now());
    }
}

const Deck* StudyApp::listed_deck(const std::string& deck_id) const {
    for (const InstalledDeck& installed : library_decks_)
        if (installed.deck.id == deck_id && (deck_id != start_deck_.id || installed.deck.version > start_deck_.version))
            return &installed.deck;
    return deck_id == start_deck_.id ? &start_deck_ : nullptr;
}

void StudyApp::study_deck(const std::string& deck_id) {
    if (const Deck* deck = listed_deck(deck_id)) switch_to(*deck);
}

void StudyApp::switch_to(const Deck& deck) {
    end_session();
    class_quiz_.end_run();
    deck_ = deck;
    store_->set_setting(kDeviceSettings, kLastDeckKey, deck_.id);
    quiz_builder_ = std::make_unique<QuizBuilder>(deck_, clock_, classroom_dir_ / "quizzes");
    load_progress();
}

InstallResult StudyApp::install(const std::filesystem::path& file) { return installed(install_file(library_, file)); }

InstallResult StudyApp::install_bytes(std::string_view bytes, const std::string& name) {
    return installed(install_package_bytes(library_, bytes, name));
}

InstallResult StudyApp::install_deck(const Deck& deck) { return installed(claimdeck::install_deck(library_, deck)); }

// After an install: the library is read again, and an update of the deck
// being studied is studied from now on (its progress carries over by claim id).
InstallResult StudyApp::installed(InstallResult result) {
    if (!result.installed()) return result;
    open_library(library_);
    if (result.deck_id == deck_.id) study_deck(deck_.id);
    return result;
}

std::int64_t StudyApp::answers_on_deck(const std::string& deck_id) const {
    return store_->deck_answer_count(ProgressStore::kAllProfiles, deck_id);
}

void StudyApp::remove_deck(const std::string& deck_id, bool delete_progress) {
    if (deck_id == deck_.id) switch_to(start_deck_);
    if (std::string error = remove_from_library(library_, deck_id); !error.empty()) throw std::runtime_error(error);
    if (delete_progress) {
        store_->delete_deck_progress(ProgressStore::kAllProfiles, deck_id);
        // Its sessions went with it, so none can go on.
        for (const Profile& profile : profiles_) forget_session_snapshot(*store_, profile.id, deck_id);
    }
    open_library(library_);
    if (deck_id == deck_.id) load_progress();
}

void StudyApp::end_session() {
    if (session_ && !session_->retry_pending())
        throw StoreError(StoreError::Kind::Other,
                         session_->profile().name + ": " + pending_answers_text(session_->pending_saves()) +
                             " not saved yet, so the session stays open. " + session_->save_error());
    session_.reset();
    session_answers_.clear();
    session_tally_ = Tally();
    if (techniques_) techniques_->put_away();
}

void StudyApp::use_hint() {
    if (session_) session_->use_hint();
}

template <class Act>
void StudyApp::on_card(CardAwaiting card, Act act) {
    if (card == CardAwaiting::ClassQuiz) {
        if (QuizRun* run = class_quiz_.run()) act(*run);
    } else if (session_) {
        act(*session_);
    }
}

const Claim* StudyApp::card_awaiting_answer(CardAwaiting card) const {
    if (card == CardAwaiting::ClassQuiz) return class_quiz_.run() ? class_quiz_.run()->current() : nullptr;
    return session_ ? session_->current() : nullptr;
}

void StudyApp::begin_lateral_reading(CardAwaiting card) {
    on_card(card, [](auto& answering) { answering.begin_lateral_reading(); });
}

void StudyApp::note_source_read(CardAwaiting card, const std::string& search_words) {
    on_card(card, [&](auto& answering) {
        answering.note_search(search_words);
        answering.note_passage_read();
    });
}

void StudyApp::end_lateral_reading(CardAwaiting card, const std::string& search_words) {
    on_card(card, [&](auto& answering) {
        answering.note_search(search_words);
        answering.end_lateral_reading();
    });
}

void StudyApp::History::count(const ScoredAnswer& answer, bool lateral_reading, std::int64_t day, int change) {
    if (change > 0)
        scores.add(answer, lateral_reading);
    else
        scores.remove(answer, lateral_reading);
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
    const GivenAnswer given{outcome.claim, scored(*outcome.claim, picked, confidence), outcome.lateral.used(),
                            utc_day(now()), !session_->practice()};
    if (given.recorded) {
        states_[outcome.claim->id] = outcome.new_state;
        history_.count(given.scored, given.lateral_reading, given.day, +1);
        if (techniques_) techniques_->claim_answered(outcome.claim->id);
    }
    session_answers_.push_back(given);
    ++session_tally_.answered;
    if (outcome.correct) ++session_tally_.right;
    keep_session();
    back_up_when_due(kMinMsBetweenBackups);
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
    if (given.recorded) history_.count(given.scored, given.lateral_reading, given.day, -1);
    if (given.recorded && techniques_) techniques_->claim_taken_back(claim.id);
    --session_tally_.answered;
    if (given.scored.correct()) --session_tally_.right;
    keep_session();
}

bool StudyApp::offer_technique_card(std::uint64_t seed) {
    if (!session_ || session_->practice() || !techniques_) return false;
    return techniques_->offer(study_settings_, states_, seed);
}

const TechniqueQuestion* StudyApp::technique_question() const {
    return techniques_ ? techniques_->question() : nullptr;
}

TechniqueOutcome StudyApp::answer_technique(std::string_view picked, const std::vector<bool>& picked_words) {
    return techniques_ ? techniques_->answer(picked, picked_words) : TechniqueOutcome();
}

TechniqueFigures StudyApp::technique_figures() const {
    return techniques_ ? techniques_->figures() : TechniqueFigures();
}

std::vector<StudyApp::Mistake> StudyApp::session_mistakes() const {
    std::vector<Mistake> mistakes;
    for (const GivenAnswer& given : session_answers_) {
        if (given.scored.correct()) continue;
        auto listed = std::find_if(mistakes.begin(), mistakes.end(),
                                   [&](const Mistake& mistake) { return mistake.claim == given.claim; });
        if (listed != mistakes.end())
            listed->picked = given.scored.picked;
        else
            mistakes.push_back({given.claim, given.scored.picked});
    }
    return mistakes;
}

bool StudyApp::retry_pending_saves() { return !session_ || session_->retry_pending(); }

void StudyApp::start_quiz(bool count_towards_schedule) {
    if (!profile_) return;
    QuizRunOptions options;
    options.count_towards_schedule = count_towards_schedule;
    options.desired_retention = study_settings_.desired_retention;
    class_quiz_.start(*profile_, options);
}

// Between answers, so the answers of a long session reach a backup without
// waiting for the next start. Checked every few minutes only: each check
// reads two stores' counts, and back_up_if_due() decides whether one is due.
void StudyApp::back_up_when_due(std::int64_t min_ms_since_last) {
    constexpr std::int64_t kMsBetweenChecks = 5 * 60 * 1000;
    if (!store_fault_.empty() || now() < next_backup_check_ms_) return;
    next_backup_check_ms_ = now() + kMsBetweenChecks;
    const std::filesystem::path& file = store_->path();
    for (std::string& notice : back_up_if_due(file, backups_folder_in(file.parent_path()), now(), min_ms_since_last))
        add_notice(std::move(notice));
}

// A backup that fails every few minutes for the same reason is said once.
void StudyApp::add_notice(std::string notice) {
    if (std::find(notices_.begin(), notices_.end(), notice) == notices_.end()) notices_.push_back(std::move(notice));
}

std::vector<std::string> StudyApp::close() {
    std::vector<std::string> unsaved;
    if (session_ && !session_->retry_pending())
        unsaved.push_back(keep_unsaved_answers_and_say(session_->unsaved_answers(), session_->save_error(),
                                                       store_->path().parent_path(), now()));
    session_.reset();
    class_quiz_.end_run();
    // Whatever changed since the last backup, however recent: the answers of
    // this run are then in a backup before the app is gone.
    next_backup_check_ms_ = 0;
    back_up_when_due(0);
    return unsaved;
}

void StudyApp::back_up_progress(const std::filesystem::path& file) const { write_backup_as(store_->path(), file); }

std::string StudyApp::backup_file_name() const { return "claimdeck-progress-" + utc_date(now()) + ".sqlite"; }

ProgressImport StudyApp::import_progress(const std::filesystem::path& file) {
    end_session();  // kept in the store: it goes on once the progress is read again
    const ProgressImport imported = import_progress_from(*store_, file);
    reload_profiles();
    std::optional<Profile> learner;
    if (!profile_ && imported.learners.size() == 1) learner = store_->find_profile(imported.learners.front());
    if (learner)
        choose_profile(learner->id);
    else if (profile_)
        load_progress();
    return imported;
}

std::string pending_answers_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " answer is" : " answers are");
}

void StudyApp::enable_live_classes(live::PupilClient::Connect connect) {
    live_pupil_ = std::make_unique<live::PupilClient>(*store_, std::move(connect), now());
}

}  // namespace claimdeck
