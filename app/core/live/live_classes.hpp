// The live class: a teacher runs a deck or a quiz, pupils join with a code
// and a nickname, answer each card, and the class's totals build up as they
// do. Everything is kept in a database (live_database.hpp) and committed
// before it is confirmed, so a server killed mid-lesson starts again where it
// was, and several server processes can share one PostgreSQL; no HTTP here
// (app/server speaks it).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/verdict.hpp"
#include "live/live_database.hpp"

namespace claimdeck::live {

// Teacher: everyone is on the card the teacher shows. Own: each pupil moves
// on as they answer.
enum class Pace { Teacher, Own };
std::string_view to_string(Pace pace);
std::optional<Pace> parse_pace(std::string_view text);

// Why a request cannot be carried out; the server turns each into a status.
enum class Refusal { Invalid, Unauthorized, NotFound, Conflict, Gone };

class LiveError : public std::runtime_error {
public:
    LiveError(Refusal refusal, const std::string& what) : std::runtime_error(what), refusal_(refusal) {}
    Refusal refusal() const { return refusal_; }

private:
    Refusal refusal_;
};

struct ClassCard {
    std::string id;
    std::string text;
    Verdict verdict = Verdict::Contested;  // the deck's; never shown to pupils before they answer
};

struct NewClass {
    std::string title;
    Pace pace = Pace::Teacher;
    std::vector<ClassCard> cards;
};

struct ClassState {
    std::string code;
    std::string title;
    Pace pace = Pace::Teacher;
    int current = 0;  // the teacher's card (position); == card_count once past the last
    int card_count = 0;
    bool ended = false;
};

struct Joined {
    std::string token;  // the pupil's proof of who they are; stored only hashed
    std::string nickname;
};

// What a pupil sees next: a card to answer, or nothing (`card` empty) when
// they have answered all there is for now.
struct PupilView {
    ClassState state;
    int position = 0;
    std::optional<ClassCard> card;  // verdict cleared: the pupil must not see it
    bool answered = false;          // teacher pace: this pupil already answered this card
};

struct Answer {
    std::string token;
    std::string card;
    Verdict verdict = Verdict::Contested;
    Confidence confidence = Confidence::Unstated;
    std::string key;  // the client's idempotency key: the same key is one answer
};

struct Confirmation {
    std::int64_t answer_id = 0;
    std::string card;
    std::string key;
    std::int64_t committed_ms = 0;
    // The class it counts in, for the server to wake that class's dashboards;
    // not sent to the pupil, and not part of the confirmation's identity.
    std::string class_code;

    bool operator==(const Confirmation& other) const;
};

struct CardTotals {
    ClassCard card;
    std::array<int, 3> by_verdict{};  // indexed by index_of(Verdict)
    int answered = 0;
    int right = 0;
};

struct PupilTotals {
    std::string nickname;
    int answered = 0;
    int right = 0;
};

struct Dashboard {
    ClassState state;
    std::vector<PupilTotals> pupils;
    std::vector<CardTotals> cards;
};

// One pupil's answers, for the class report once the lesson is over: each
// pupil becomes one results file (classroom/results.hpp).
struct AnsweredCard {
    std::string card;
    Verdict truth = Verdict::Contested;
    Verdict picked = Verdict::Contested;
    Confidence confidence = Confidence::Unstated;
    std::int64_t committed_ms = 0;
};

struct PupilAnswers {
    std::int64_t pupil = 0;  // the pupil's number in the store: who they are in the report
    std::string nickname;
    std::int64_t joined_ms = 0;
    std::vector<AnsweredCard> answers;  // in the class's card order
};

inline constexpr std::size_t kMaxNicknameCharacters = 24;
inline constexpr std::size_t kMaxKeyBytes = 64;
inline constexpr std::size_t kMaxPupilsPerClass = 500;

class LiveClasses {
public:
    explicit LiveClasses(std::unique_ptr<LiveDatabase> db);
    // The SQLite store at `path` (open_sqlite_live_database).
    explicit LiveClasses(const std::filesystem::path& path);
    ~LiveClasses();
    LiveClasses(const LiveClasses&) = delete;
    LiveClasses& operator=(const LiveClasses&) = delete;

    std::string_view database_kind() const { return db_->kind(); }

    bool has_teacher_key();
    void set_teacher_key(std::string_view key);
    // Keeps `key` only if there is no teacher key yet: of several server
    // processes starting together on one database, one key wins.
    bool set_first_teacher_key(std::string_view key);
    bool is_teacher_key(std::string_view key);

    // Returns the new class's join code.
    std::string create_class(const NewClass& request, std::int64_t now_ms);
    Joined join(std::string_view code, std::string_view nickname, std::int64_t now_ms);
    PupilView next_card_for(std::string_view code, std::string_view token);
    Confirmation answer(const Answer& answer, std::int64_t now_ms);
    Dashboard dashboard(std::string_view code);
    // The teacher's: every pupil who answered, with each of their answers.
    std::vector<PupilAnswers> answers_by_pupil(std::string_view code);
    ClassState move_on(std::string_view code);
    ClassState end(std::string_view code);

private:
    struct Pupil;
    struct ClassRow;
    ClassRow find_class(std::string_view code);
    ClassRow class_by_id(std::int64_t id);
    // The pupil with this token, and their class.
    std::pair<Pupil, ClassRow> find_pupil(std::string_view token);
    void hold_running_class(const ClassRow& row);
    ClassCard card_at(std::int64_t class_id, int position);
    std::optional<Confirmation> earlier_answer(const ClassRow& row, const Pupil& pupil, const Answer& answer);
    void refuse_unreachable_card(const ClassRow& row, std::string_view card_id);
    Confirmation record_answer(const ClassRow& row, const Pupil& pupil, const Answer& answer, std::int64_t now_ms);
    PupilView own_pace_view(const ClassRow& row, const Pupil& pupil);

    std::unique_ptr<LiveDatabase> db_;
};

// Whether `nickname` may be used, or a sentence saying why not.
std::optional<std::string> nickname_problem(std::string_view nickname);

}  // namespace claimdeck::live
