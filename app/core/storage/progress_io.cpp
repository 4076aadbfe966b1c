#include "storage/progress_io.hpp"

#include <cmath>
#include <set>
#include <sstream>

#include "base/json_input.hpp"
#include "base/json_library.hpp"
#include "base/problems.hpp"
#include "base/text_file.hpp"

namespace claimdeck {
namespace {

constexpr std::size_t kMaxNameBytes = 256;  // profile names and deck, card and article ids
constexpr std::size_t kMaxUidBytes = 64;
constexpr std::size_t kProblemsListed = 20;
// Deep enough for root -> list -> record; strings no longer than the caps above need.
constexpr JsonShapeLimits kShapeLimits{8, 4096};

// The file's records hold what the JSON holds, names as text, so every field
// can be checked before anything is converted.
struct ReviewRecord {
    std::string uid, deck_id, card_id, article_id, kind, truth, picked;
    std::int64_t reviewed_ms = 0, response_ms = 0, due_ms = 0;
    int confidence = 0, grade = 0;
    bool correct = false, hint_used = false;
    double stability = 0, difficulty = 0;

    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(uid), CEREAL_NVP(deck_id), CEREAL_NVP(card_id), CEREAL_NVP(article_id), CEREAL_NVP(kind),
                CEREAL_NVP(reviewed_ms), CEREAL_NVP(truth), CEREAL_NVP(picked), CEREAL_NVP(confidence),
                CEREAL_NVP(correct), CEREAL_NVP(response_ms), CEREAL_NVP(hint_used), CEREAL_NVP(grade),
                CEREAL_NVP(stability), CEREAL_NVP(difficulty), CEREAL_NVP(due_ms));
    }
};

struct CardStateRecord {
    std::string deck_id, card_id;
    double stability = 0, difficulty = 0;
    std::int64_t due_ms = 0, last_review_ms = 0, first_review_ms = 0;
    int reps = 0, lapses = 0;

    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(deck_id), CEREAL_NVP(card_id), CEREAL_NVP(stability), CEREAL_NVP(difficulty),
                CEREAL_NVP(due_ms), CEREAL_NVP(last_review_ms), CEREAL_NVP(first_review_ms), CEREAL_NVP(reps),
                CEREAL_NVP(lapses));
    }
};

struct ProgressRecord {
    int format = kProgressFileFormat;
    std::string profile;
    std::vector<ReviewRecord> reviews;
    std::vector<CardStateRecord> card_states;

    // Called on the archive's root object, so these are the file's top-level fields.
    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(format), CEREAL_NVP(profile), CEREAL_NVP(reviews), CEREAL_NVP(card_states));
    }
};

ReviewRecord to_record(const Review& review) {
    return {review.uid,
            review.deck_id,
            review.card_id,
            review.article_id,
            std::string(to_string(review.kind)),
            std::string(to_string(review.truth)),
            std::string(to_string(review.picked)),
            review.reviewed_ms,
            review.response_ms,
            review.due_ms,
            percent(review.confidence),
            review.grade,
            review.correct,
            review.hint_used,
            review.stability,
            review.difficulty};
}

CardStateRecord to_record(const StoredCardState& entry) {
    const CardState& s = entry.state;
    return {entry.deck_id,    s.card_id,         s.stability, s.difficulty, s.due_ms,
            s.last_review_ms, s.first_review_ms, s.reps,      s.lapses};
}

// Collects every problem in a file, each with its place, e.g.
// `reviews[3], field "picked"`.
class Checker {
public:
    explicit Checker(std::string file) : file_(std::move(file)) {}

    void expect(bool ok, const std::string& place, const char* field, const std::string& message) {
        if (ok) return;
        problems_.push_back({file_, (place.empty() ? "" : place + ", ") + "field \"" + field + "\"", message});
    }
    void expect_text(const std::string& place, const char* field, const std::string& value, std::size_t max_bytes) {
        expect(!value.empty() && value.size() <= max_bytes, place, field,
               "must be 1 to " + std::to_string(max_bytes) + " bytes long");
    }
    void expect_time(const std::string& place, const char* field, std::int64_t ms) {
        expect(ms >= 0, place, field, "must not be negative");
    }
    void expect_memory(const std::string& place, double stability, double difficulty) {
        expect(std::isfinite(stability) && stability >= 0, place, "stability", "must be a number not below 0");
        expect(std::isfinite(difficulty) && difficulty >= 0, place, "difficulty", "must be a number not below 0");
    }

    void check(const ReviewRecord& r, const std::string& place) {
        expect_text(place, "uid", r.uid, kMaxUidBytes);
        expect_text(place, "deck_id", r.deck_id, kMaxNameBytes);
        expect_text(place, "card_id", r.card_id, kMaxNameBytes);
        expect_text(place, "article_id", r.article_id, kMaxNameBytes);
        expect(r.kind == to_string(ReviewKind::Study) || r.kind == to_string(ReviewKind::Quiz), place, "kind",
               "must be \"study\" or \"quiz\"");
        const std::optional<Verdict> truth = parse_verdict(r.truth), picked = parse_verdict(r.picked);
        expect(truth.has_value(), place, "truth", "must be verified, contested or propaganda");
        expect(picked.has_value(), place, "picked", "must be verified, contested or propaganda");
        if (truth && picked)
            expect(r.correct == (truth == picked), place, "correct", "disagrees with truth and picked");
        expect(confidence_from_percent(r.confidence).has_value(), place, "confidence", "must be 0, 50, 70 or 90");
        expect(r.grade >= 1 && r.grade <= 4, place, "grade", "must be 1, 2, 3 or 4");
        expect_time(place, "reviewed_ms", r.reviewed_ms);
        expect_time(place, "response_ms", r.response_ms);
        expect_time(place, "due_ms", r.due_ms);
        expect_memory(place, r.stability, r.difficulty);
        expect(uids_.insert(r.uid).second, place, "uid", "appears twice in the file");
    }

    void check(const CardStateRecord& s, const std::string& place) {
        expect_text(place, "deck_id", s.deck_id, kMaxNameBytes);
        expect_text(place, "card_id", s.card_id, kMaxNameBytes);
        expect_memory(place, s.stability, s.difficulty);
        expect_time(place, "due_ms", s.due_ms);
        expect_time(place, "last_review_ms", s.last_review_ms);
        expect_time(place, "first_review_ms", s.first_review_ms);
        expect(s.reps >= 0, place, "reps", "must not be negative");
        expect(s.lapses >= 0, place, "lapses", "must not be negative");
        expect(cards_.insert({s.deck_id, s.card_id}).second, place, "card_id", "has two states in the file");
    }

    void check(const ProgressRecord& record) {
        expect(record.format == kProgressFileFormat, "", "format",
               "is " + std::to_string(record.format) + "; this ClaimDeck reads format " +
                   std::to_string(kProgressFileFormat));
        expect_text("", "profile", record.profile, kMaxNameBytes);
        for (std::size_t i = 0; i < record.reviews.size(); ++i)
            check(record.reviews[i], "reviews[" + std::to_string(i) + "]");
        for (std::size_t i = 0; i < record.card_states.size(); ++i)
            check(record.card_states[i], "card_states[" + std::to_string(i) + "]");
    }

    // Throws ProgressFileError listing the first problems, if there are any.
    void throw_if_any() const {
        if (problems_.empty()) return;
        std::string message = file_ + " was not imported; nothing was changed. Problems:\n";
        for (std::size_t i = 0; i < problems_.size() && i < kProblemsListed; ++i)
            message += "  " + problems_[i].describe() + "\n";
        if (problems_.size() > kProblemsListed)
            message += "  and " + std::to_string(problems_.size() - kProblemsListed) + " more\n";
        throw ProgressFileError(message);
    }

private:
    std::string file_;
    std::vector<Problem> problems_;
    std::set<std::string> uids_;
    std::set<std::pair<std::string, std::string>> cards_;
};

// Converts a record that passed the Checker.
Review to_review(const ReviewRecord& r) {
    Review review;
    review.uid = r.uid;
    review.deck_id = r.deck_id;
    review.card_id = r.card_id;
    review.article_id = r.article_id;
    review.kind = r.kind == to_string(ReviewKind::Quiz) ? ReviewKind::Quiz : ReviewKind::Study;
    review.reviewed_ms = r.reviewed_ms;
    review.truth = *parse_verdict(r.truth);
    review.picked = *parse_verdict(r.picked);
    review.confidence = *confidence_from_percent(r.confidence);
    review.correct = r.correct;
    review.response_ms = r.response_ms;
    review.hint_used = r.hint_used;
    review.grade = r.grade;
    review.stability = r.stability;
    review.difficulty = r.difficulty;
    review.due_ms = r.due_ms;
    return review;
}

StoredCardState to_card_state(const CardStateRecord& s) {
    return {s.deck_id, CardState{s.card_id, s.stability, s.difficulty, s.due_ms, s.last_review_ms, s.first_review_ms,
                                 s.reps, s.lapses}};
}

ProgressRecord parse_record(const std::string& json, const std::string& file) {
    // Bounded before cereal parses: its parser recurses on nesting.
    if (std::optional<Problem> problem = check_json_shape(json, file, kShapeLimits))
        throw ProgressFileError(problem->describe());
    ProgressRecord record;
    try {
        std::istringstream in(json);
        cereal::JSONInputArchive archive(in);
        record.serialize(archive);
    } catch (const cereal::RapidJSONException& error) {  // a failed type assertion inside rapidjson
        throw ProgressFileError(file + " is not a ClaimDeck progress file: a field has the wrong type (" +
                                error.what() + ")");
    } catch (const cereal::Exception& error) {  // a missing field
        throw ProgressFileError(file + " is not a ClaimDeck progress file: " + error.what());
    }
    return record;
}

}  // namespace

void write_progress_file(const ProfileProgress& progress, const std::filesystem::path& file) {
    ProgressRecord record;
    record.profile = progress.profile_name;
    for (const Review& review : progress.reviews) record.reviews.push_back(to_record(review));
    for (const StoredCardState& entry : progress.card_states) record.card_states.push_back(to_record(entry));

    std::ostringstream out;
    {
        cereal::JSONOutputArchive archive(out);
        record.serialize(archive);
    }  // the archive writes its closing brace when it goes
    out << "\n";
    if (std::string error = write_text_file(file, out.str()); !error.empty())
        throw ProgressFileError("The progress file was not written: " + error + ".");
}

ProfileProgress read_progress_file(const std::filesystem::path& file) {
    const std::string name = file.string();
    TextFileResult text = read_text_file(file, kMaxProgressFileBytes);
    if (!text.error.empty()) throw ProgressFileError(text.error);
    const ProgressRecord record = parse_record(text.text, name);

    Checker checker(name);
    checker.check(record);
    checker.throw_if_any();

    ProfileProgress progress;
    progress.profile_name = record.profile;
    for (const ReviewRecord& r : record.reviews) progress.reviews.push_back(to_review(r));
    for (const CardStateRecord& s : record.card_states) progress.card_states.push_back(to_card_state(s));
    return progress;
}

}  // namespace claimdeck
