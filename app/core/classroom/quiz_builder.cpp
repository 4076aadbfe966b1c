#include "classroom/quiz_builder.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "classroom/quiz_app.hpp"

namespace claimdeck {
namespace {

// A quiz that fits in a lesson's first ten minutes.
constexpr std::size_t kDefaultQuizClaims = 12;

}  // namespace

std::string list_of_files(const std::vector<std::filesystem::path>& files) {
    std::string list;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i > 0) list += i + 1 == files.size() ? " and " : ", ";
        list += files[i].u8string();
    }
    return list;
}

bool QuizPlan::operator==(const QuizPlan& other) const {
    return kind == other.kind && filter.topic == other.filter.topic && filter.article == other.filter.article &&
           filter.verdict == other.filter.verdict && count == other.count && delayed == other.delayed &&
           days_after_post == other.days_after_post && settings.title == other.settings.title &&
           settings.time_limit_seconds == other.settings.time_limit_seconds &&
           settings.reveal == other.settings.reveal && settings.other_sources == other.settings.other_sources &&
           seed == other.seed;
}

QuizBuilder::QuizBuilder(const Deck& deck, Clock clock, std::filesystem::path quizzes_dir)
    : deck_(deck), clock_(std::move(clock)), quizzes_dir_(std::move(quizzes_dir)) {
    // Each time the app starts, another draw.
    plan_.seed = static_cast<std::uint64_t>(clock_());
    plan_.count = static_cast<int>(std::min<std::size_t>(kDefaultQuizClaims, deck_.claims.size()));
    draw();
}

void QuizBuilder::set_plan(const QuizPlan& plan) {
    if (plan == plan_) return;
    const bool became_pre_post = plan.kind == QuizKind::PrePost && plan_.kind != QuizKind::PrePost;
    plan_ = plan;
    if (became_pre_post) plan_.settings.reveal = kPrePostRevealDefault;
    message_.clear();
    saved_files_.clear();
    draw();
}

void QuizBuilder::draw() {
    quizzes_.clear();
    problem_.clear();
    QuizSettings settings = plan_.settings;
    settings.created_ms = clock_();
    const std::size_t count = plan_.count > 0 ? static_cast<std::size_t>(plan_.count) : 0;
    try {
        switch (plan_.kind) {
            case QuizKind::Matching:
                quizzes_.push_back(quiz_of_matching_claims(deck_, plan_.filter, settings, plan_.seed));
                break;
            case QuizKind::Balanced:
                quizzes_.push_back(balanced_quiz(deck_, plan_.filter, count, settings, plan_.seed));
                break;
            case QuizKind::PrePost: {
                ParallelForms forms =
                    parallel_forms(deck_, count, settings, plan_.seed,
                                   plan_.delayed ? std::optional(plan_.days_after_post) : std::nullopt);
                quizzes_.push_back(std::move(forms.pre));
                quizzes_.push_back(std::move(forms.post));
                if (forms.delayed) quizzes_.push_back(std::move(*forms.delayed));
                break;
            }
        }
    } catch (const std::invalid_argument& cannot) {
        // The builders' sentences start in lower case, to follow a colon.
        problem_ = cannot.what();
        if (!problem_.empty()) problem_[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(problem_[0])));
        problem_ += ".";
    }
}

std::filesystem::path QuizBuilder::default_path() const {
    const std::string& title = plan_.settings.title.empty() ? deck_.title : plan_.settings.title;
    return quizzes_dir_ / (file_name_part(title, "quiz") + ".json");
}

bool QuizBuilder::save(const std::filesystem::path& path) {
    saved_files_.clear();
    if (quizzes_.empty()) {
        message_ = problem_;
        return false;
    }
    const std::vector<std::filesystem::path> files = quiz_file_paths(path, quizzes_.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (std::string error = write_quiz_file(files[i], quizzes_[i]); !error.empty()) {
            message_ = "Could not save the quiz: " + error + ".";
            return false;
        }
    }
    saved_files_ = files;
    message_ = "Saved to " + list_of_files(files) + ".";
    return true;
}

std::vector<std::filesystem::path> quiz_file_paths(const std::filesystem::path& path, std::size_t quiz_count) {
    if (quiz_count == 1) return {path};
    std::vector<std::filesystem::path> files;
    for (std::size_t form = 0; form < quiz_count; ++form) {
        std::filesystem::path file = path.parent_path() / path.stem();
        file += std::string("-") + static_cast<char>('A' + form);
        file += path.has_extension() ? path.extension() : std::filesystem::path(".json");
        files.push_back(file);
    }
    return files;
}

}  // namespace claimdeck
