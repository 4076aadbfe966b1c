#include "classroom/own_quizzes.hpp"

#include <map>
#include <system_error>

#include "classroom/results.hpp"

namespace claimdeck {

namespace {

// The newest results file of each form that is the learner's, on this deck.
std::vector<std::filesystem::path> latest_of_each_form(const std::filesystem::path& results_dir,
                                                       const std::string& learner_id, const Deck& deck) {
    std::map<QuizForm, std::pair<std::int64_t, std::filesystem::path>> latest;
    std::error_code error;
    std::size_t looked_at = 0;
    for (std::filesystem::directory_iterator entry(results_dir, error), end; !error && entry != end;
         entry.increment(error)) {
        if (entry->path().extension() != ".json" || !entry->is_regular_file(error)) continue;
        if (++looked_at > kMostOwnResultsFiles) break;
        const ResultsLoadResult loaded = load_results(entry->path());
        if (!loaded.results) continue;
        const QuizResults& results = *loaded.results;
        if (results.learner_id != learner_id || results.deck_id != deck.id || results.deck_version != deck.version)
            continue;
        auto [kept, is_new] = latest.try_emplace(results.form, results.finished_ms, entry->path());
        if (!is_new && results.finished_ms > kept->second.first) kept->second = {results.finished_ms, entry->path()};
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : latest) paths.push_back(entry.second.second);
    return paths;
}

}  // namespace

OwnQuizzes read_own_quizzes(const std::filesystem::path& results_dir, const std::string& learner_id, const Deck& deck) {
    OwnQuizzes own;
    if (learner_id.empty()) return own;
    const std::vector<std::filesystem::path> paths = latest_of_each_form(results_dir, learner_id, deck);
    if (paths.empty()) return own;
    const ClassReport report = build_class_report(paths, &deck);
    own.forms = report.forms;
    if (report.pre_post)
        own.pre_post = describe_pre_post(report.pre_post->pre, report.pre_post->post, Audience::Learner);
    if (report.retention) own.retention = describe_retention(*report.retention, Audience::Learner);
    return own;
}

}  // namespace claimdeck
