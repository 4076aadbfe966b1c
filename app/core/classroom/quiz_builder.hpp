// The teacher's side of a class quiz in the app, without drawing it: what
// they chose (which claims, how many, the clock, when verdicts show), the
// quiz or pretest/posttest pair those choices make, and saving it as files
// to hand out. The quizzes are drawn once per change of choices, so what
// the teacher previews is exactly what is saved.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "classroom/quiz.hpp"
#include "content/deck.hpp"
#include "learning/session.hpp"

namespace claimdeck {

enum class QuizKind {
    Matching,  // every claim the filter lets through
    Balanced,  // `count` of them, the verdicts as equal as the deck allows
    PrePost,   // two parallel forms of `count` claims each, from the whole deck, and
               // with `delayed` a third, the delayed posttest
};

struct QuizPlan {
    QuizKind kind = QuizKind::Balanced;
    ClaimFilter filter;    // not used by PrePost, whose forms need the whole deck to match
    int count = 12;        // the builder starts with 12, or the whole deck when smaller
    bool delayed = false;  // PrePost only: add form C, meant for `days_after_post` days after B
    int days_after_post = kDefaultDaysAfterPost;
    QuizSettings settings;   // created_ms is set when the quizzes are drawn
    std::uint64_t seed = 0;  // which draw; "draw again" picks another

    bool operator==(const QuizPlan& other) const;
    bool operator!=(const QuizPlan& other) const { return !(*this == other); }
};

class QuizBuilder {
public:
    // Quizzes are saved in `quizzes_dir` unless the teacher chooses elsewhere.
    QuizBuilder(const Deck& deck, Clock clock, std::filesystem::path quizzes_dir);

    const QuizPlan& plan() const { return plan_; }
    // Draws the quizzes again when the plan changed. A plan that becomes a
    // pretest/posttest pair reveals at the end (kPrePostRevealDefault); the
    // teacher can change that afterwards.
    void set_plan(const QuizPlan& plan);

    // One quiz, or the pretest (form A), the posttest (form B) and the
    // delayed posttest (form C) when planned; empty when the plan cannot be
    // met, and problem() says why in a sentence.
    const std::vector<Quiz>& quizzes() const { return quizzes_; }
    const std::string& problem() const { return problem_; }

    // <quizzes dir>/<title, made safe for a file name>.json
    std::filesystem::path default_path() const;
    // Writes the quizzes: one to `path`, parallel forms to `path` with -A,
    // -B (and -C) added before the extension. Returns false when nothing usable was
    // written; message() says where they went or what failed.
    bool save(const std::filesystem::path& path);
    const std::string& message() const { return message_; }
    // The files the last save wrote; empty when it failed or the plan changed since.
    const std::vector<std::filesystem::path>& saved_files() const { return saved_files_; }

private:
    void draw();

    const Deck& deck_;
    Clock clock_;
    std::filesystem::path quizzes_dir_;
    QuizPlan plan_;
    std::vector<Quiz> quizzes_;
    std::string problem_;
    std::string message_;
    std::vector<std::filesystem::path> saved_files_;
};

// The files a set of quizzes is saved to (see QuizBuilder::save).
std::vector<std::filesystem::path> quiz_file_paths(const std::filesystem::path& path, std::size_t quiz_count);
// "a.json", "a.json and b.json", "a.json, b.json and c.json".
std::string list_of_files(const std::vector<std::filesystem::path>& files);

}  // namespace claimdeck
