#include "storage/progress_io.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <sstream>

#include "base/json_input.hpp"
#include "base/json_library.hpp"
#include "base/problems.hpp"
#include "base/text_file.hpp"
#include "storage/profile_name.hpp"

namespace claimdeck {
namespace {

constexpr std::size_t kMaxNameBytes = 256;  // profile names and deck, card and article ids
constexpr std::size_t kMaxUidBytes = 64;
constexpr std::size_t kProblemsListed = 20;
// The last moment of the year 9999, in ms since 1970: a later time (or a
// longer duration) is damage, and a card state dated INT64_MAX could never
// be replaced by a later import.
constexpr std::int64_t kLatestTimeMs = 253'402'300'799'999;
constexpr std::int64_t kMostReviews = std::numeric_limits<int>::max();
// Deep enough for root -> list -> record; strings no longer than the caps above need.
constexpr JsonShapeLimits kShapeLimits{8, 4096};

// The file's records hold what the JSON holds, names as text and whole
// numbers as 64 bits, so every field can be checked before anything is
// converted.
struct ReviewRecord {
    std::string uid, deck_id, card_id, article_id, kind, truth, picked;
    std::int64_t reviewed_ms = 0, response_ms = 0, due_ms = 0;
    std::int64_t confidence = 0, grade = 0;
    bool correct = false, hint_used = false;
    double stability = 0, difficulty = 0;
    // Files written before lateral reading was recorded have none of these.
    std::int64_t lateral_searches = 0, lateral_passages = 0, lateral_ms = 0;

    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(uid), CEREAL_NVP(deck_id), CEREAL_NVP(card_id), CEREAL_NVP(article_id), CEREAL_NVP(kind),
                CEREAL_NVP(reviewed_ms), CEREAL_NVP(truth), CEREAL_NVP(picked), CEREAL_NVP(confidence),
                CEREAL_NVP(correct), CEREAL_NVP(response_ms), CEREAL_NVP(hint_used), CEREAL_NVP(grade),
                CEREAL_NVP(stability), CEREAL_NVP(difficulty), CEREAL_NVP(due_ms), CEREAL_NVP(lateral_searches),
                CEREAL_NVP(lateral_passages), CEREAL_NVP(lateral_ms));
    }
};

struct CardStateRecord {
    std::string deck_id, card_id;
    double stability = 0, difficulty = 0;
    std::int64_t due_ms = 0, last_review_ms = 0, first_review_ms = 0;
    std::int64_t reps = 0, lapses = 0;

    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(deck_id), CEREAL_NVP(card_id), CEREAL_NVP(stability), CEREAL_NVP(difficulty),
                CEREAL_NVP(due_ms), CEREAL_NVP(last_review_ms), CEREAL_NVP(first_review_ms), CEREAL_NVP(reps),
                CEREAL_NVP(lapses));
    }
};

struct TechniqueReviewRecord {
    std::string uid, deck_id, card_id, technique, picked;
    std::int64_t reviewed_ms = 0, response_ms = 0, due_ms = 0, grade = 0;
    double words_overlap = 0, stability = 0, difficulty = 0;

    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(uid), CEREAL_NVP(deck_id), CEREAL_NVP(card_id), CEREAL_NVP(technique), CEREAL_NVP(picked),
                CEREAL_NVP(reviewed_ms), CEREAL_NVP(response_ms), CEREAL_NVP(grade), CEREAL_NVP(words_overlap),
                CEREAL_NVP(stability), CEREAL_NVP(difficulty), CEREAL_NVP(due_ms));
    }
};

struct ProgressRecord {
    std::int64_t format = kProgressFileFormat;
    std::string profile;
    std::vector<ReviewRecord> reviews;
    std::vector<CardStateRecord> card_states;
    // Files written before technique cards have neither.
    std::vector<TechniqueReviewRecord> technique_reviews;
    std::vector<CardStateRecord> technique_states;

    // Called on the archive's root object, so these are the file's top-level fields.
    template <class Archive>
    void serialize(Archive& archive) {
        archive(CEREAL_NVP(format), CEREAL_NVP(profile), CEREAL_NVP(reviews), CEREAL_NVP(card_states),
                CEREAL_NVP(technique_reviews), CEREAL_NVP(technique_states));
    }
};

// ---- Reading: FieldReader names the place of a missing or mistyped field ----

void read_record(FieldReader& f, ReviewRecord& r) {
    f.read_string("uid", r.uid);
    f.read_string("deck_id", r.deck_id);
    f.read_string("card_id", r.card_id);
    f.read_string("article_id", r.article_id);
    f.read_string("kind", r.kind);
    f.read_int("reviewed_ms", r.reviewed_ms);
    f.read_string("truth", r.truth);
    f.read_string("picked", r.picked);
    f.read_int("confidence", r.confidence);
    f.read_bool("correct", r.correct);
    f.read_int("response_ms", r.response_ms);
    f.read_bool("hint_used", r.hint_used);
    f.read_int("grade", r.grade);
    f.read_number("stability", r.stability);
    f.read_number("difficulty", r.difficulty);
    f.read_int("due_ms", r.due_ms);
    f.read_int("lateral_searches", r.lateral_searches, Presence::Optional);
    f.read_int("lateral_passages", r.lateral_passages, Presence::Optional);
    f.read_int("lateral_ms", r.lateral_ms, Presence::Optional);
}

void read_record(FieldReader& f, CardStateRecord& s) {
    f.read_string("deck_id", s.deck_id);
    f.read_string("card_id", s.card_id);
    f.read_number("stability", s.stability);
    f.read_number("difficulty", s.difficulty);
    f.read_int("due_ms", s.due_ms);
    f.read_int("last_review_ms", s.last_review_ms);
    f.read_int("first_review_ms", s.first_review_ms);
    f.read_int("reps", s.reps);
    f.read_int("lapses", s.lapses);
}

void read_record(FieldReader& f, TechniqueReviewRecord& r) {
    f.read_string("uid", r.uid);
    f.read_string("deck_id", r.deck_id);
    f.read_string("card_id", r.card_id);
    f.read_string("technique", r.technique);
    f.read_string("picked", r.picked);
    f.read_int("reviewed_ms", r.reviewed_ms);
    f.read_int("response_ms", r.response_ms);
    f.read_int("grade", r.grade);
    f.read_number("words_overlap", r.words_overlap);
    f.read_number("stability", r.stability);
    f.read_number("difficulty", r.difficulty);
    f.read_int("due_ms", r.due_ms);
}

template <class Record>
void read_records(FieldReader& fields, const char* field, std::vector<Record>& records,
                  Presence presence = Presence::Required) {
    fields.read_objects(
        field, std::numeric_limits<rapidjson::SizeType>::max(),
        [&](FieldReader& item, std::size_t) {
            records.emplace_back();
            read_record(item, records.back());
        },
        presence);
}

void read_record(FieldReader& fields, ProgressRecord& record) {
    fields.read_int("format", record.format);
    fields.read_string("profile", record.profile);
    read_records(fields, "reviews", record.reviews);
    read_records(fields, "card_states", record.card_states);
    read_records(fields, "technique_reviews", record.technique_reviews, Presence::Optional);
    read_records(fields, "technique_states", record.technique_states, Presence::Optional);
}

// ---- Writing ---------------------------------------------------------------

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
            review.difficulty,
            review.lateral.searches,
            review.lateral.passages_read,
            review.lateral.ms};
}

CardStateRecord to_record(const StoredCardState& entry) {
    const CardState& s = entry.state;
    return {entry.deck_id,    s.card_id,         s.stability, s.difficulty, s.due_ms,
            s.last_review_ms, s.first_review_ms, s.reps,      s.lapses};
}

TechniqueReviewRecord to_record(const TechniqueReview& review) {
    return {review.uid,    review.deck_id,       review.card_id,     review.technique,
            review.picked, review.reviewed_ms,   review.response_ms, review.due_ms,
            review.grade,  review.words_overlap, review.stability,   review.difficulty};
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
        expect(ms <= kLatestTimeMs, place, field,
               "is " + std::to_string(ms) + ", past the end of the year 9999 (" + std::to_string(kLatestTimeMs) + ")");
    }
    void expect_count(const std::string& place, const char* field, std::int64_t count) {
        expect(count >= 0 && count <= kMostReviews, place, field,
               "must be from 0 to " + std::to_string(kMostReviews) + ", not " + std::to_string(count));
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
        expect(r.confidence >= 0 && r.confidence <= 100 &&
                   confidence_from_percent(static_cast<int>(r.confidence)).has_value(),
               place, "confidence", "must be 0, 50, 70 or 90");
        expect(r.grade >= 1 && r.grade <= 4, place, "grade", "must be 1, 2, 3 or 4");
        expect_time(place, "reviewed_ms", r.reviewed_ms);
        expect_time(place, "response_ms", r.response_ms);
        expect_time(place, "due_ms", r.due_ms);
        expect_memory(place, r.stability, r.difficulty);
        expect_count(place, "lateral_searches", r.lateral_searches);
        expect_count(place, "lateral_passages", r.lateral_passages);
        expect_time(place, "lateral_ms", r.lateral_ms);
        expect(uids_.insert(r.uid).second, place, "uid", "appears twice in the file");
    }

    void check(const TechniqueReviewRecord& r, const std::string& place) {
        expect_text(place, "uid", r.uid, kMaxUidBytes);
        expect_text(place, "deck_id", r.deck_id, kMaxNameBytes);
        expect_text(place, "card_id", r.card_id, kMaxNameBytes);
        expect_text(place, "technique", r.technique, kMaxNameBytes);
        expect_text(place, "picked", r.picked, kMaxNameBytes);
        expect(r.grade >= 1 && r.grade <= 4, place, "grade", "must be 1, 2, 3 or 4");
        expect(std::isfinite(r.words_overlap) && r.words_overlap >= 0 && r.words_overlap <= 1, place, "words_overlap",
               "must be a number from 0 to 1");
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
        expect_count(place, "reps", s.reps);
        expect_count(place, "lapses", s.lapses);
        // Technique cards' ids ("claim#technique") never look like a claim's.
        expect(cards_.insert({s.deck_id, s.card_id}).second, place, "card_id", "has two states in the file");
    }

    void check(const ProgressRecord& record) {
        expect(record.format == kProgressFileFormat, "", "format",
               "is " + std::to_string(record.format) + "; this ClaimDeck reads format " +
                   std::to_string(kProgressFileFormat));
        const std::string name_problem = profile_name_problem(record.profile);
        expect(name_problem.empty(), "", "profile", name_problem);
        check_all(record.reviews, "reviews");
        check_all(record.card_states, "card_states");
        check_all(record.technique_reviews, "technique_reviews");
        check_all(record.technique_states, "technique_states");
    }

    template <class Record>
    void check_all(const std::vector<Record>& records, const char* field) {
        for (std::size_t i = 0; i < records.size(); ++i) check(records[i], field + ("[" + std::to_string(i) + "]"));
    }

    // Problems FieldReader found while reading (a missing or mistyped field)
    // go here, and mean the file is not a progress file, or a damaged one.
    std::vector<Problem>& reading_problems() { return problems_; }

    // Throws ProgressFileError listing the first problems, if there are any.
    void throw_if_any(const char* what) const {
        if (problems_.empty()) return;
        std::string message = file_ + what + "; nothing was changed. Problems:\n";
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
    review.confidence = *confidence_from_percent(static_cast<int>(r.confidence));
    review.correct = r.correct;
    review.response_ms = r.response_ms;
    review.hint_used = r.hint_used;
    review.grade = static_cast<int>(r.grade);
    review.stability = r.stability;
    review.difficulty = r.difficulty;
    review.due_ms = r.due_ms;
    review.lateral = {static_cast<int>(r.lateral_searches), static_cast<int>(r.lateral_passages), r.lateral_ms};
    return review;
}

TechniqueReview to_technique_review(const TechniqueReviewRecord& r) {
    TechniqueReview review;
    review.uid = r.uid;
    review.deck_id = r.deck_id;
    review.card_id = r.card_id;
    review.reviewed_ms = r.reviewed_ms;
    review.technique = r.technique;
    review.picked = r.picked;
    review.words_overlap = r.words_overlap;
    review.response_ms = r.response_ms;
    review.grade = static_cast<int>(r.grade);
    review.stability = r.stability;
    review.difficulty = r.difficulty;
    review.due_ms = r.due_ms;
    return review;
}

StoredCardState to_card_state(const CardStateRecord& s) {
    return {s.deck_id, CardState{s.card_id, s.stability, s.difficulty, s.due_ms, s.last_review_ms, s.first_review_ms,
                                 static_cast<int>(s.reps), static_cast<int>(s.lapses)}};
}

ProgressRecord parse_record(const std::string& json, Checker& checker, const std::string& file) {
    ProgressRecord record;
    read_json_object(json, file, kShapeLimits, checker.reading_problems(),
                     [&](FieldReader& fields) { read_record(fields, record); });
    checker.throw_if_any(" is not a ClaimDeck progress file, or a damaged one: it was not imported");
    return record;
}

}  // namespace

void write_progress_file(const ProfileProgress& progress, const std::filesystem::path& file) {
    ProgressRecord record;
    record.profile = progress.profile_name;
    for (const Review& review : progress.reviews) record.reviews.push_back(to_record(review));
    for (const StoredCardState& entry : progress.card_states) record.card_states.push_back(to_record(entry));
    for (const TechniqueReview& review : progress.technique_reviews)
        record.technique_reviews.push_back(to_record(review));
    for (const StoredCardState& entry : progress.technique_states) record.technique_states.push_back(to_record(entry));

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
    const std::string name = file.u8string();
    TextFileResult text = read_text_file(file, kMaxProgressFileBytes);
    if (!text.error.empty()) throw ProgressFileError(text.error);
    Checker checker(name);
    const ProgressRecord record = parse_record(text.text, checker, name);
    checker.check(record);
    checker.throw_if_any(" was not imported");

    ProfileProgress progress;
    progress.profile_name = record.profile;
    for (const ReviewRecord& r : record.reviews) progress.reviews.push_back(to_review(r));
    for (const CardStateRecord& s : record.card_states) progress.card_states.push_back(to_card_state(s));
    for (const TechniqueReviewRecord& r : record.technique_reviews)
        progress.technique_reviews.push_back(to_technique_review(r));
    for (const CardStateRecord& s : record.technique_states) progress.technique_states.push_back(to_card_state(s));
    return progress;
}

}  // namespace claimdeck
