#include "live/class_results.hpp"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "classroom/quiz_app.hpp"

namespace claimdeck::live {
namespace {

// "live-ABC123-1700000000000": a quiz id (letters, digits, - and _) that no
// other class shares, as a code comes back once its class has ended.
std::string live_quiz_id(const ClassState& state, std::int64_t ended_ms) {
    return "live-" + file_name_part(state.code, "class") + "-" + std::to_string(ended_ms);
}

std::string two_digits(std::int64_t number) {
    char text[24];
    std::snprintf(text, sizeof text, "%02lld", static_cast<long long>(number));
    return text;
}

}  // namespace

std::vector<QuizResults> live_class_results(const ClassState& state, const Deck& deck,
                                            const std::vector<PupilAnswers>& pupils, std::int64_t ended_ms) {
    const std::string quiz_id = live_quiz_id(state, ended_ms);
    std::vector<QuizResults> all;
    for (const PupilAnswers& pupil : pupils) {
        QuizResults results;
        results.quiz_id = quiz_id;
        results.deck_id = deck.id;
        results.deck_version = deck.version;
        results.profile = pupil.nickname;
        results.learner_id = quiz_id + "-pupil-" + std::to_string(pupil.pupil);
        results.quiz_title = state.title;
        results.finished_ms = pupil.answers.empty() ? ended_ms : pupil.answers.back().committed_ms;
        std::int64_t since = pupil.joined_ms;
        for (const AnsweredCard& answer : pupil.answers) {
            // The server keeps when each answer came, not when its card was
            // shown: the time since the pupil's previous answer is the
            // nearest it knows. Nor does it know what a phone had studied.
            results.answers.push_back({answer.card, answer.truth, answer.picked, answer.confidence,
                                       std::clamp<std::int64_t>(answer.committed_ms - since, 0, kMaxResponseMs),
                                       std::nullopt, std::nullopt});
            since = answer.committed_ms;
        }
        all.push_back(std::move(results));
    }
    return all;
}

SavedResults save_live_class_results(const std::filesystem::path& results_dir, const ClassState& state,
                                     const Deck& deck, const std::vector<PupilAnswers>& pupils, std::int64_t ended_ms) {
    SavedResults saved{results_dir / live_quiz_id(state, ended_ms), ""};
    std::error_code error;
    std::filesystem::create_directories(saved.folder, error);
    if (error) {
        saved.problem = "The folder " + saved.folder.u8string() + " could not be made: " + error.message();
        return saved;
    }
    const std::vector<QuizResults> all = live_class_results(state, deck, pupils, ended_ms);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string name = two_digits(pupils[i].pupil) + "-" + file_name_part(pupils[i].nickname) + ".json";
        saved.problem = write_results_file(saved.folder / name, all[i]);
        if (!saved.problem.empty()) return saved;
    }
    return saved;
}

}  // namespace claimdeck::live
