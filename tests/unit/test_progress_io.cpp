#include <doctest/doctest.h>

#include <array>

#include "storage/progress_io.hpp"
#include "storage/store.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

namespace {

// Everything of a review that travels in the file: not the store's own ids.
void check_same_review(const Review& a, const Review& b) {
    CHECK(a.uid == b.uid);
    CHECK(a.deck_id == b.deck_id);
    CHECK(a.card_id == b.card_id);
    CHECK(a.article_id == b.article_id);
    CHECK(a.kind == b.kind);
    CHECK(a.reviewed_ms == b.reviewed_ms);
    CHECK(a.truth == b.truth);
    CHECK(a.picked == b.picked);
    CHECK(a.confidence == b.confidence);
    CHECK(a.correct == b.correct);
    CHECK(a.response_ms == b.response_ms);
    CHECK(a.hint_used == b.hint_used);
    CHECK(a.grade == b.grade);
    CHECK(a.stability == b.stability);  // exactly: the file keeps every digit
    CHECK(a.difficulty == b.difficulty);
    CHECK(a.due_ms == b.due_ms);
    CHECK(a.lateral.searches == b.lateral.searches);
    CHECK(a.lateral.passages_read == b.lateral.passages_read);
    CHECK(a.lateral.ms == b.lateral.ms);
}

void check_same_state(const CardState& a, const CardState& b) {
    CHECK(a.card_id == b.card_id);
    CHECK(a.stability == b.stability);
    CHECK(a.difficulty == b.difficulty);
    CHECK(a.due_ms == b.due_ms);
    CHECK(a.last_review_ms == b.last_review_ms);
    CHECK(a.first_review_ms == b.first_review_ms);
    CHECK(a.reps == b.reps);
    CHECK(a.lapses == b.lapses);
}

// A wrong quiz answer with a hint and no stated confidence, so every field
// differs from sample_review()'s.
Review quiz_answer(std::int64_t profile_id) {
    Review quiz = sample_review(profile_id, "c1", kSampleTime + kDayMs);
    quiz.kind = ReviewKind::Quiz;
    quiz.picked = Verdict::Propaganda;
    quiz.correct = false;
    quiz.confidence = Confidence::Unstated;
    quiz.hint_used = true;
    quiz.grade = 1;
    quiz.stability = 0.1234567890123456789;
    quiz.lateral = {2, 1, 31'000};
    return quiz;
}

struct ExportedFile {
    TempDir dir;
    std::filesystem::path file = dir / "ada.json";
    ProfileProgress exported;

    ExportedFile() {
        auto store = ProgressStore::open(dir / "source.sqlite");
        Profile ada = store->create_profile("Ada");
        record_answers(*store, ada.id, 3);
        store->record_review(quiz_answer(ada.id), std::nullopt);
        exported = store->progress_of(ada);
        write_progress_file(exported, file);
    }

    // The file with the first `from` after `after` replaced by `to`.
    std::filesystem::path edited(const std::string& from, const std::string& to, const std::string& after = "") const {
        std::string text = read_file(file);
        const std::size_t at = text.find(from, text.find(after));
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        return dir.write("edited.json", text);
    }
};

std::string refusal_for(const std::filesystem::path& file) {
    try {
        read_progress_file(file);
    } catch (const ProgressFileError& error) {
        return error.what();
    }
    FAIL("the file was accepted");
    return "";
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

std::string repeated(const std::string& text, int times) {
    std::string result;
    for (int i = 0; i < times; ++i) result += text;
    return result;
}

}  // namespace

TEST_CASE("progress: an exported profile imports into another store with every answer and card state") {
    ExportedFile f;
    auto target = ProgressStore::open(f.dir / "target.sqlite");
    ImportCounts counts = target->import_progress(read_progress_file(f.file));
    CHECK(counts.reviews_added == 4);
    CHECK(counts.card_states_taken == 3);

    Profile ada = *target->find_profile("Ada");
    std::vector<Review> imported = target->reviews(ada.id);
    REQUIRE(imported.size() == f.exported.reviews.size());
    for (std::size_t i = 0; i < imported.size(); ++i) check_same_review(imported[i], f.exported.reviews[i]);
    std::map<std::string, CardState> states = target->card_states(ada.id, "deck");
    REQUIRE(states.size() == f.exported.card_states.size());
    for (const StoredCardState& entry : f.exported.card_states)
        check_same_state(states[entry.state.card_id], entry.state);
}

TEST_CASE("progress: technique cards' answers and states travel in the file too, and import once") {
    TempDir dir;
    auto source = ProgressStore::open(dir / "source.sqlite");
    Profile ada = source->create_profile("Ada");
    TechniqueReview answer;
    answer.profile_id = ada.id;
    answer.deck_id = "deck";
    answer.card_id = "c1#Doubt";
    answer.reviewed_ms = kSampleTime;
    answer.technique = "Doubt";
    answer.picked = "Slogans";
    answer.words_overlap = 0.4;
    answer.response_ms = 8000;
    answer.grade = 1;
    answer.stability = 0.2123456789;
    answer.difficulty = 6.5;
    answer.due_ms = kSampleTime + 60'000;
    source->record_technique_review(answer, sample_state("c1#Doubt", kSampleTime));
    write_progress_file(source->progress_of(ada), dir / "ada.json");

    auto target = ProgressStore::open(dir / "target.sqlite");
    const ProfileProgress read = read_progress_file(dir / "ada.json");
    CHECK(target->import_progress(read).reviews_added == 1);
    CHECK(target->import_progress(read).reviews_already_there == 1);
    const Profile there = *target->find_profile("Ada");
    const std::vector<TechniqueReview> imported = target->technique_reviews(there.id);
    REQUIRE(imported.size() == 1);
    CHECK(imported[0].uid == source->technique_reviews(ada.id)[0].uid);
    CHECK(imported[0].card_id == "c1#Doubt");
    CHECK(imported[0].picked == "Slogans");
    CHECK(imported[0].words_overlap == 0.4);
    CHECK(imported[0].stability == answer.stability);
    CHECK(imported[0].due_ms == answer.due_ms);
    const auto states = target->technique_states(there.id, "deck");
    REQUIRE(states.count("c1#Doubt") == 1);
    check_same_state(states.at("c1#Doubt"), sample_state("c1#Doubt", kSampleTime));
    CHECK(target->card_states(there.id, "deck").empty());  // not mixed with the claims'

    std::string text = read_file(dir / "ada.json");
    text.replace(text.find("\"words_overlap\": 0.4"), 20, "\"words_overlap\": 1.5");
    CHECK(contains(refusal_for(dir.write("bad.json", text)),
                   "technique_reviews[0], field \"words_overlap\": must be a number from 0 to 1"));
}

TEST_CASE("progress: a file from before lateral reading was recorded imports its answers as given without it") {
    ExportedFile f;
    std::string text = read_file(f.file);
    // Every review's three fields go, each with its value and the comma before it.
    for (const char* field : {"\"lateral_searches\"", "\"lateral_passages\"", "\"lateral_ms\""})
        for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field)) {
            const std::size_t from = text.rfind(',', at), to = text.find_first_of(",\n}", text.find(':', at));
            text.erase(from, to - from);
        }
    REQUIRE(text.find("lateral") == std::string::npos);
    const ProfileProgress read = read_progress_file(f.dir.write("old.json", text));
    REQUIRE(read.reviews.size() == 4);
    CHECK_FALSE(read.reviews.back().lateral.used());
    CHECK(read.reviews.back().lateral.ms == 0);
    CHECK(read.reviews.back().hint_used);  // the rest of the answer is read as it was
}

TEST_CASE("progress: importing the same file twice adds nothing") {
    ExportedFile f;
    auto target = ProgressStore::open(f.dir / "target.sqlite");
    target->import_progress(read_progress_file(f.file));
    ImportCounts again = target->import_progress(read_progress_file(f.file));
    CHECK(again.reviews_added == 0);
    CHECK(again.reviews_already_there == 4);
    CHECK(again.card_states_taken == 0);
    CHECK(target->review_count(target->find_profile("Ada")->id) == 4);
}

TEST_CASE("progress: card states merge by the newest review on either side") {
    TempDir dir;
    auto store = ProgressStore::open(dir / "progress.sqlite");
    Profile ada = store->create_profile("Ada");
    const std::int64_t earlier = kSampleTime - kDayMs, later = kSampleTime + kDayMs;
    store->record_review(sample_review(ada.id, "newer-here", later), sample_state("newer-here", later));
    store->record_review(sample_review(ada.id, "older-here", earlier), sample_state("older-here", earlier));

    ProfileProgress file;
    file.profile_name = "Ada";
    for (const char* card : {"newer-here", "older-here", "only-in-file"})
        file.card_states.push_back({"deck", sample_state(card, kSampleTime)});
    ImportCounts counts = store->import_progress(file);
    CHECK(counts.card_states_kept == 1);
    CHECK(counts.card_states_taken == 2);

    std::map<std::string, CardState> states = store->card_states(ada.id, "deck");
    CHECK(states["newer-here"].last_review_ms == later);
    CHECK(states["older-here"].last_review_ms == kSampleTime);
    CHECK(states["older-here"].first_review_ms == earlier);  // the card was first seen here
    CHECK(states["only-in-file"].last_review_ms == kSampleTime);
}

TEST_CASE("progress: a file with bad fields is refused whole, each problem named, and no store is touched") {
    ExportedFile f;
    std::string text = read_file(f.file);
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"picked\": \"contested\"", "\"picked\": \"maybe\""},
             {"\"confidence\": 70", "\"confidence\": 60"},
             {"\"grade\": 3", "\"grade\": 7"},
             {"\"response_ms\": 4200", "\"response_ms\": -5"},
             {"\"kind\": \"study\"", "\"kind\": \"exam\""},
             {"\"reps\": 1", "\"reps\": -1"},
             {"\"lateral_ms\": 31000", "\"lateral_ms\": -1"},
             {"\"profile\": \"Ada\"", "\"profile\": \"" + std::string(300, 'A') + "\""}}) {
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
    }
    const std::filesystem::path bad = f.dir.write("bad.json", text);
    const std::string message = refusal_for(bad);
    for (const std::string expected :
         {"nothing was changed", "reviews[0], field \"picked\": must be verified, contested or propaganda",
          "field \"confidence\": must be 0, 50, 70 or 90", "field \"grade\": must be 1, 2, 3 or 4",
          "field \"response_ms\": must not be negative", "field \"kind\": must be \"study\" or \"quiz\"",
          "card_states[0], field \"reps\"", "reviews[3], field \"lateral_ms\": must not be negative",
          "field \"profile\": That name is too long; keep it under 40 letters."}) {
        CAPTURE(expected);
        CHECK_MESSAGE(contains(message, expected), message);
    }
    CHECK(contains(message, bad.string()));
}

TEST_CASE("progress: a file that contradicts itself is refused") {
    ExportedFile f;
    CHECK(contains(refusal_for(f.edited("\"correct\": true", "\"correct\": false")),
                   "reviews[0], field \"correct\": disagrees with truth and picked"));
    const std::string first_uid = f.exported.reviews[0].uid, second_uid = f.exported.reviews[1].uid;
    CHECK(contains(refusal_for(f.edited(second_uid, first_uid)), "appears twice"));
    CHECK(contains(refusal_for(f.edited("\"card_id\": \"c1\"", "\"card_id\": \"c0\"", "\"card_states\"")),
                   "card_states[1], field \"card_id\": has two states in the file"));
}

TEST_CASE("progress: a file that is no progress file gets a clear message naming it") {
    TempDir dir;
    for (auto [content, expected] : std::vector<std::pair<std::string, std::string>>{
             {"not json", "not valid JSON"},
             {"[1, 2]", "must hold one JSON object"},
             {"{}", "is not a ClaimDeck progress file"},
             {R"({"format": "one", "profile": "Ada", "reviews": [], "card_states": []})", "is not a ClaimDeck"},
             {R"({"format": 1, "profile": "Ada", "reviews": [{"uid": 5}], "card_states": []})",
              "reviews[0], field \"uid\": must be text in quotes"},
             {R"({"format": 2, "profile": "Ada", "reviews": [], "card_states": []})", "this ClaimDeck reads format 1"},
             {repeated("{\"a\": ", 100) + "1" + std::string(100, '}'), "nested more than 8 levels deep"},
             {"{\"profile\": \"\xff\"}", "not UTF-8"}}) {
        CAPTURE(content);
        const std::filesystem::path file = dir.write("progress.json", content);
        const std::string message = refusal_for(file);
        CHECK(contains(message, file.string()));
        CHECK_MESSAGE(contains(message, expected), message);
    }
}

TEST_CASE("progress: a file over the size cap is refused before it is read") {
    TempDir dir;
    const std::filesystem::path file = dir.write("huge.json", "{}");
    std::filesystem::resize_file(file, kMaxProgressFileBytes + 1);
    CHECK(contains(refusal_for(file), "more than the limit"));
}

TEST_CASE("progress: a field of the wrong type is named with its place, not as a parser's assertion") {
    ExportedFile f;
    for (auto [from, to, expected] : std::vector<std::array<std::string, 3>>{
             {"\"format\": 1", "\"format\": \"1\"", "field \"format\": must be a whole number"},
             {"\"grade\": 3", "\"grade\": \"3\"", "reviews[0], field \"grade\": must be a whole number"},
             {"\"stability\": ", "\"stability\": \"x\", \"was_stability\": ", "field \"stability\": must be a number"},
             {"\"reps\": 1", "\"reps\": 2147483648", "card_states[0], field \"reps\": must be from 0 to 2147483647"},
             {"\"reps\": 1", "\"reps\": 4611686018427387904", "card_states[0], field \"reps\": must be from 0"}}) {
        CAPTURE(to);
        const std::string message = refusal_for(f.edited(from, to));
        CHECK_MESSAGE(contains(message, expected), message);
        CHECK_FALSE(contains(message, "rapidjson"));
        CHECK(contains(message, "nothing was changed"));
    }
}

TEST_CASE("progress: times past the year 9999 are refused, with the field named") {
    ExportedFile f;
    const std::string max = "9223372036854775807";
    for (auto [field, place] : std::vector<std::pair<std::string, std::string>>{{"reviewed_ms", "reviews[0]"},
                                                                                {"due_ms", "reviews[0]"},
                                                                                {"response_ms", "reviews[0]"},
                                                                                {"last_review_ms", "card_states[0]"}}) {
        CAPTURE(field);
        std::string text = read_file(f.file);
        const std::size_t start = text.find("\"" + field + "\": ", place[0] == 'c' ? text.find("\"card_states\"") : 0);
        REQUIRE(start != std::string::npos);
        const std::size_t value = start + field.size() + 4;
        text.replace(value, text.find_first_of(",\n}", value) - value, max);
        const std::string message = refusal_for(f.dir.write("late.json", text));
        CHECK_MESSAGE(
            contains(message, place + ", field \"" + field + "\": is " + max + ", past the end of the year 9999"),
            message);
    }
}

TEST_CASE("progress: a file saved with a UTF-8 byte order mark (Notepad) is read") {
    ExportedFile f;
    const std::filesystem::path with_bom = f.dir.write("bom.json", "\xEF\xBB\xBF" + read_file(f.file));
    CHECK(read_progress_file(with_bom).reviews.size() == f.exported.reviews.size());
}
