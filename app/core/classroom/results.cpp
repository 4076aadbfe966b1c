#include "classroom/results.hpp"

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/text_file.hpp"
#include "classroom/classroom_files.hpp"

namespace claimdeck {

namespace {

const JsonFileFormat kResultsFormat{"claimdeck-results", 4, 4u << 20, JsonShapeLimits{4, 4096}, 1};
constexpr const char* kChecksumPrefix = "fnv1a64:";
// More searches or passages than this on one card is not a pupil reading.
constexpr int kMostLateralCount = 10000;

std::string picked_name(const QuizAnswer& answer) {
    return answer.picked ? std::string(to_string(*answer.picked)) : std::string();
}

std::string studied_text(const QuizAnswer& answer) {
    if (!answer.studied) return "";
    return *answer.studied ? "true" : "false";
}

// The checksum's input: every field but the checksum, each as
// `name=LENGTH:VALUE\n`. The byte length in front of every value makes the
// text unambiguous whatever the values hold, and the fixed order makes it
// independent of how the JSON happens to be laid out.
class CanonicalText {
public:
    void add(std::string_view name, std::string_view value) {
        text_.append(name).append("=").append(std::to_string(value.size())).append(":").append(value).append("\n");
    }
    void add(std::string_view name, std::int64_t value) { add(name, std::to_string(value)); }
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

// An answer without a record (the quiz did not offer the other sources)
// sums differently from one that consulted nothing.
void add_lateral_reading(CanonicalText& canonical, const std::optional<LateralReading>& lateral) {
    if (!lateral) return canonical.add("lateral", "");
    canonical.add("lateral_searches", lateral->searches);
    canonical.add("lateral_passages", lateral->passages_read);
    canonical.add("lateral_ms", lateral->ms);
}

std::string canonical_text(const QuizResults& results) {
    CanonicalText canonical;
    canonical.add("format", kResultsFormat.name);
    canonical.add("format_version", results.format_version());
    canonical.add("quiz_id", results.quiz_id);
    canonical.add("form", to_string(results.form));
    canonical.add("deck_id", results.deck_id);
    canonical.add("deck_version", results.deck_version);
    canonical.add("profile", results.profile);
    // Version 1 files were summed without these; their checksums still hold.
    if (results.format_version() >= 2) {
        canonical.add("learner_id", results.learner_id);
        canonical.add("quiz_title", results.quiz_title);
    }
    if (results.form == QuizForm::DelayedC) canonical.add("days_after_post", results.days_after_post);
    canonical.add("app_version", results.app_version);
    canonical.add("finished_ms", results.finished_ms);
    canonical.add("answers", static_cast<std::int64_t>(results.answers.size()));
    for (const QuizAnswer& answer : results.answers) {
        canonical.add("claim", answer.claim_id);
        canonical.add("truth", to_string(answer.truth));
        canonical.add("picked", picked_name(answer));
        canonical.add("confidence", percent(answer.confidence));
        canonical.add("response_ms", answer.response_ms);
        canonical.add("timed_out", answer.timed_out() ? "true" : "false");
        if (results.format_version() >= 3) canonical.add("studied", studied_text(answer));
        if (results.format_version() >= 4) add_lateral_reading(canonical, answer.lateral);
    }
    return canonical.text();
}

std::uint64_t fnv1a_64(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 1099511628211ull;
    }
    return hash;
}

// ---- Reading ---------------------------------------------------------------

// "lateral_searches" says whether the answer carries a record at all; with
// it, the other two must be there.
void read_lateral_reading(FieldReader& fields, std::optional<LateralReading>& out) {
    std::int64_t present = 0;
    if (!fields.read_int("lateral_searches", present, Presence::Optional)) return;
    LateralReading lateral;
    const std::size_t problems_before = fields.problem_count();
    read_int_in_range(fields, "lateral_searches", 0, kMostLateralCount, lateral.searches);
    read_int_in_range(fields, "lateral_passages", 0, kMostLateralCount, lateral.passages_read);
    read_int_in_range(fields, "lateral_ms", std::int64_t{0}, kMaxResponseMs, lateral.ms);
    if (!fields.has_problems_since(problems_before)) out = lateral;
}

void read_answer(FieldReader& fields, QuizAnswer& answer, std::int64_t version) {
    read_non_empty_string(fields, "claim", answer.claim_id);
    read_named_value(fields, "truth", parse_verdict, "verified, contested, propaganda", answer.truth);
    std::string picked;
    if (fields.read_string("picked", picked)) {
        answer.picked = parse_verdict(picked);
        if (!picked.empty() && !answer.picked)
            fields.report("picked", "\"" + picked + "\" is not one of verified, contested, propaganda, \"\"");
    }
    int confidence = 0;
    if (read_int_in_range(fields, "confidence", 0, 100, confidence)) {
        if (auto stated = confidence_from_percent(confidence))
            answer.confidence = *stated;
        else
            fields.report("confidence", "is " + std::to_string(confidence) + "; it must be 0, 50, 70 or 90");
    }
    read_int_in_range(fields, "response_ms", std::int64_t{0}, kMaxResponseMs, answer.response_ms);
    bool timed_out = false;
    if (fields.read_bool("timed_out", timed_out)) {
        // A timed-out card has no answer; an answered card has a verdict.
        if (timed_out != picked.empty())
            fields.report("timed_out",
                          timed_out ? "is true but \"picked\" holds a verdict" : "is false but \"picked\" is empty");
        else if (timed_out && answer.confidence != Confidence::Unstated)
            fields.report("confidence", "must be 0 for a card that timed out");
    }
    bool studied = false;
    if (version >= 3 && fields.read_bool("studied", studied, Presence::Optional)) answer.studied = studied;
    if (version >= 4) read_lateral_reading(fields, answer.lateral);
}

// The id becomes part of no path, but it is shown and compared: the same
// short, plain characters as a quiz id.
void read_learner_id(FieldReader& fields, std::string& out) {
    if (!read_non_empty_string(fields, "learner_id", out) || is_valid_quiz_id(out)) return;
    fields.report("learner_id", "\"" + out + "\" is not a learner id: use only letters, digits, - and _, at most " +
                                    std::to_string(kMaxQuizIdBytes) + " of them");
    out.clear();
}

void read_answers(FieldReader& fields, std::vector<QuizAnswer>& answers, std::int64_t version) {
    const std::size_t problems_before = fields.problem_count();
    fields.read_objects("answers", kMaxQuizClaims, [&](FieldReader& item, std::size_t) {
        answers.emplace_back();
        read_answer(item, answers.back(), version);
    });
    if (fields.has_problems_since(problems_before)) return;
    if (answers.empty()) fields.report("answers", "is empty");
    std::set<std::string> seen;
    for (const QuizAnswer& answer : answers)
        if (!seen.insert(answer.claim_id).second)
            fields.report("answers", "holds two answers for claim \"" + answer.claim_id + "\"");
}

void read_results_fields(FieldReader& fields, QuizResults& results) {
    const std::size_t problems_before = fields.problem_count();
    read_quiz_id(fields, "quiz_id", results.quiz_id);
    read_named_value(fields, "form", parse_quiz_form, kQuizFormNames, results.form);
    read_non_empty_string(fields, "deck_id", results.deck_id);
    read_int_in_range(fields, "deck_version", 1, std::numeric_limits<int>::max(), results.deck_version);
    read_non_empty_string(fields, "profile", results.profile);
    std::int64_t version = 0;
    if (fields.read_int("format_version", version) && version >= 2) {
        read_learner_id(fields, results.learner_id);
        fields.read_string("quiz_title", results.quiz_title);
    }
    if (results.form == QuizForm::DelayedC) {
        if (version < 3)
            fields.report("format_version", "is " + std::to_string(version) + "; results of form C are version 3");
        read_int_in_range(fields, "days_after_post", 1, kMaxDaysAfterPost, results.days_after_post);
    }
    read_non_empty_string(fields, "app_version", results.app_version);
    read_int_in_range(fields, "finished_ms", std::int64_t{0}, std::numeric_limits<std::int64_t>::max(),
                      results.finished_ms);
    read_answers(fields, results.answers, version);
    std::string checksum;
    // Only a file that is otherwise sound is worth checking; a mismatch on a
    // broken file would say nothing new.
    if (fields.read_string("checksum", checksum) && !fields.has_problems_since(problems_before) &&
        checksum != results_checksum(results))
        fields.report("checksum",
                      "does not match the rest of the file: it was changed after the quiz "
                      "(edited by hand or damaged)");
}

ResultsLoadResult loaded(QuizResults results, std::vector<Problem> problems) {
    ResultsLoadResult outcome;
    if (problems.empty()) outcome.results = std::move(results);
    outcome.problems = std::move(problems);
    return outcome;
}

}  // namespace

// cereal finds this by argument-dependent lookup when it writes the answers.
template <class Archive>
void save(Archive& archive, const QuizAnswer& answer) {
    archive(cereal::make_nvp("claim", answer.claim_id), cereal::make_nvp("truth", std::string(to_string(answer.truth))),
            cereal::make_nvp("picked", picked_name(answer)), cereal::make_nvp("confidence", percent(answer.confidence)),
            cereal::make_nvp("response_ms", answer.response_ms), cereal::make_nvp("timed_out", answer.timed_out()));
    if (answer.studied) archive(cereal::make_nvp("studied", *answer.studied));
    if (answer.lateral)
        archive(cereal::make_nvp("lateral_searches", answer.lateral->searches),
                cereal::make_nvp("lateral_passages", answer.lateral->passages_read),
                cereal::make_nvp("lateral_ms", answer.lateral->ms));
}

bool QuizAnswer::operator==(const QuizAnswer& other) const {
    return claim_id == other.claim_id && truth == other.truth && picked == other.picked &&
           confidence == other.confidence && response_ms == other.response_ms && studied == other.studied &&
           lateral == other.lateral;
}

bool QuizResults::says_what_was_studied() const {
    return std::any_of(answers.begin(), answers.end(), [](const QuizAnswer& answer) { return answer.studied; });
}

bool QuizResults::says_what_was_consulted() const {
    return std::any_of(answers.begin(), answers.end(), [](const QuizAnswer& answer) { return answer.lateral; });
}

bool QuizResults::operator==(const QuizResults& other) const {
    return quiz_id == other.quiz_id && form == other.form && deck_id == other.deck_id &&
           deck_version == other.deck_version && profile == other.profile && learner_id == other.learner_id &&
           quiz_title == other.quiz_title && days_after_post == other.days_after_post &&
           app_version == other.app_version && finished_ms == other.finished_ms && answers == other.answers;
}

std::string results_checksum(const QuizResults& results) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(canonical_text(results))));
    return kChecksumPrefix + std::string(hex);
}

std::string results_to_json(const QuizResults& results) {
    JsonFileFormat format = kResultsFormat;
    format.version = results.format_version();
    return write_json_text(format, [&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("quiz_id", results.quiz_id),
                cereal::make_nvp("form", std::string(to_string(results.form))),
                cereal::make_nvp("deck_id", results.deck_id), cereal::make_nvp("deck_version", results.deck_version),
                cereal::make_nvp("profile", results.profile));
        if (format.version >= 2)
            archive(cereal::make_nvp("learner_id", results.learner_id),
                    cereal::make_nvp("quiz_title", results.quiz_title));
        if (results.form == QuizForm::DelayedC) archive(cereal::make_nvp("days_after_post", results.days_after_post));
        archive(cereal::make_nvp("app_version", results.app_version),
                cereal::make_nvp("finished_ms", results.finished_ms), cereal::make_nvp("answers", results.answers),
                cereal::make_nvp("checksum", results_checksum(results)));
    });
}

std::string write_results_file(const std::filesystem::path& path, const QuizResults& results) {
    return write_text_file(path, results_to_json(results));
}

ResultsLoadResult parse_results(std::string_view json, const std::string& file_name) {
    QuizResults results;
    std::vector<Problem> problems = read_json_text(json, file_name, kResultsFormat,
                                                   [&](FieldReader& fields) { read_results_fields(fields, results); });
    return loaded(std::move(results), std::move(problems));
}

ResultsLoadResult load_results(const std::filesystem::path& path) {
    QuizResults results;
    std::vector<Problem> problems =
        read_json_file(path, kResultsFormat, [&](FieldReader& fields) { read_results_fields(fields, results); });
    return loaded(std::move(results), std::move(problems));
}

}  // namespace claimdeck
