#include "classroom/research_export.hpp"

#include <algorithm>
#include <iterator>
#include <random>

#include "base/csv_writer.hpp"
#include "base/sha256.hpp"

namespace claimdeck {

std::string pseudonymous_learner_id(const std::string& name, const std::string& salt) {
    // The salt's length goes first, so ("ab", "c") and ("a", "bc") hash
    // different texts.
    return sha256_hex(std::to_string(salt.size()) + ":" + salt + name).substr(0, kLearnerIdDigits);
}

std::string research_form_name(QuizForm form) {
    switch (form) {
        case QuizForm::PreA: return "pre";
        case QuizForm::PostB: return "post";
        case QuizForm::DelayedC: return "delayed";
        case QuizForm::Single: break;
    }
    return "single";
}

namespace {

void write_header(CsvWriter& csv) {
    for (const char* column : kResearchColumns) csv.text(column);
    csv.end_row();
}

// Quizzes offer no hint: one pupil's test must not be easier than another's.
constexpr int kQuizHintUsed = 0;

void write_lateral_reading(CsvWriter& csv, const LateralReading& lateral) {
    csv.integer(lateral.searches).integer(lateral.passages_read).integer(lateral.ms);
}

// Empty cells for a quiz that did not offer the other sources: nothing
// could be consulted, which is not the same as consulting nothing.
void write_quiz_lateral_reading(CsvWriter& csv, const std::optional<LateralReading>& lateral) {
    if (lateral)
        write_lateral_reading(csv, *lateral);
    else
        csv.raw("").raw("").raw("");
}

void write_answer(CsvWriter& csv, const std::string& learner, const QuizResults& results, const QuizAnswer& answer) {
    csv.raw(learner).text(answer.claim_id).text(results.quiz_id).raw(research_form_name(results.form));
    csv.raw(std::string(to_string(answer.truth)));
    csv.raw(answer.picked ? std::string(to_string(*answer.picked)) : "");
    csv.raw(answer.timed_out() ? "" : std::to_string(percent(answer.confidence)));
    csv.integer(answer.response_ms).integer(kQuizHintUsed);
    write_quiz_lateral_reading(csv, answer.lateral);
    csv.integer(answer.correct() ? 1 : 0);
    csv.raw(!answer.studied ? "" : *answer.studied ? "1" : "0");
    csv.end_row();
}

// Study offers the hint and the other sources, so here they are what the learner did.
void write_study_answer(CsvWriter& csv, const std::string& learner, const Review& review) {
    csv.raw(learner).text(review.card_id).raw("").raw(kStudyFormName);
    csv.raw(std::string(to_string(review.truth))).raw(std::string(to_string(review.picked)));
    csv.raw(review.confidence == Confidence::Unstated ? "" : std::to_string(percent(review.confidence)));
    csv.integer(review.response_ms).integer(review.hint_used ? 1 : 0);
    write_lateral_reading(csv, review.lateral);
    csv.integer(review.correct ? 1 : 0).raw("");  // studied_before is for quiz answers
    csv.end_row();
}

}  // namespace

std::string research_csv(const std::vector<QuizResults>& results, const std::vector<StudyHistory>& studied,
                         const std::string& salt) {
    CsvWriter csv;
    write_header(csv);
    for (const QuizResults& file : results) {
        const std::string learner = pseudonymous_learner_id(file.profile, salt);
        for (const QuizAnswer& answer : file.answers) write_answer(csv, learner, file, answer);
    }
    for (const StudyHistory& history : studied) {
        const std::string learner = pseudonymous_learner_id(history.learner, salt);
        for (const Review& answer : history.answers) write_study_answer(csv, learner, answer);
    }
    return csv.str();
}

StudyHistory study_history(std::string learner, const std::vector<Review>& reviews) {
    StudyHistory history{std::move(learner), {}};
    std::copy_if(reviews.begin(), reviews.end(), std::back_inserter(history.answers),
                 [](const Review& review) { return review.kind == ReviewKind::Study; });
    return history;
}

std::string random_salt() {
    std::random_device device;
    std::string salt;
    const char* digits = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) salt += digits[device() % 16];
    return salt;
}

}  // namespace claimdeck
