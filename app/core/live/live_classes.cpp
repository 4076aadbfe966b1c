#include "live/live_classes.hpp"

#include <string>

#include "base/sha256.hpp"
#include "live/secrets.hpp"

namespace claimdeck::live {
namespace {

Verdict stored_verdict(const std::string& text) { return parse_verdict(text).value_or(Verdict::Contested); }

[[noreturn]] void refuse(Refusal refusal, const std::string& message) { throw LiveError(refusal, message); }

int as_int(std::int64_t number) { return static_cast<int>(number); }

// Every query that finds a class selects these first (ClassRow::read), and
// finds it in one round trip, which on PostgreSQL is the time that counts.
const std::string kClassColumns =
    "SELECT classes.id, code, title, pace, current, ended, "
    "(SELECT COUNT(*) FROM class_cards WHERE class_id = classes.id) ";
const std::string kClassById = kClassColumns + "FROM classes WHERE id = $1";
const std::string kClassByCode = kClassColumns + "FROM classes WHERE code = $1 ORDER BY ended, id DESC LIMIT 1";
const std::string kPupilAndClass =
    kClassColumns + ", pupils.id FROM pupils JOIN classes ON classes.id = pupils.class_id WHERE token_hash = $1";
constexpr std::size_t kPupilIdColumn = 7;

}  // namespace

std::string_view to_string(Pace pace) { return pace == Pace::Own ? "own" : "teacher"; }

std::optional<Pace> parse_pace(std::string_view text) {
    if (text == "teacher") return Pace::Teacher;
    if (text == "own") return Pace::Own;
    return std::nullopt;
}

bool Confirmation::operator==(const Confirmation& other) const {
    return answer_id == other.answer_id && card == other.card && key == other.key && committed_ms == other.committed_ms;
}

std::optional<std::string> nickname_problem(std::string_view nickname) {
    if (nickname.empty()) return "type a nickname first";
    if (nickname.front() == ' ' || nickname.back() == ' ') return "a nickname cannot start or end with a space";
    std::size_t characters = 0;
    for (char c : nickname) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) return "a nickname cannot hold control characters";
        if ((byte & 0xc0) != 0x80) ++characters;  // count UTF-8 lead bytes only
    }
    if (characters > kMaxNicknameCharacters)
        return "a nickname is at most " + std::to_string(kMaxNicknameCharacters) + " characters";
    return std::nullopt;
}

struct LiveClasses::ClassRow {
    std::int64_t id = 0;
    ClassState state;

    // From the first columns of a row selected with kClassColumns.
    static ClassRow read(const SqlRow& found) {
        ClassRow row;
        row.id = found.number(0);
        row.state.code = found.text(1);
        row.state.title = found.text(2);
        row.state.pace = parse_pace(found.text(3)).value_or(Pace::Teacher);
        row.state.current = as_int(found.number(4));
        row.state.ended = found.number(5) != 0;
        row.state.card_count = as_int(found.number(6));
        return row;
    }
};

struct LiveClasses::Pupil {
    std::int64_t id = 0;
    std::int64_t class_id = 0;
};

LiveClasses::LiveClasses(std::unique_ptr<LiveDatabase> db) : db_(std::move(db)) {}

LiveClasses::LiveClasses(const std::filesystem::path& path) : LiveClasses(open_sqlite_live_database(path)) {}

LiveClasses::~LiveClasses() = default;

bool LiveClasses::has_teacher_key() {
    return !db_->query("SELECT 1 FROM settings WHERE name = 'teacher_key_sha256'").empty();
}

void LiveClasses::set_teacher_key(std::string_view key) {
    db_->query(
        "INSERT INTO settings(name, value) VALUES('teacher_key_sha256', $1) "
        "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        {sha256_hex(key)});
}

bool LiveClasses::set_first_teacher_key(std::string_view key) {
    return !db_->query(
                   "INSERT INTO settings(name, value) VALUES('teacher_key_sha256', $1) "
                   "ON CONFLICT DO NOTHING RETURNING name",
                   {sha256_hex(key)})
                .empty();
}

bool LiveClasses::is_teacher_key(std::string_view key) {
    const SqlRows rows = db_->query("SELECT value FROM settings WHERE name = 'teacher_key_sha256'");
    return !rows.empty() && rows[0].text(0) == sha256_hex(key);
}

std::string LiveClasses::create_class(const NewClass& request, std::int64_t now_ms) {
    if (request.cards.empty()) refuse(Refusal::Invalid, "a class needs at least one card");
    return in_transaction(*db_, [&] {
        std::string code;
        SqlRows made;
        // A clash with a running class's code is rare (18^6 codes); try again.
        for (int attempt = 0; made.empty(); ++attempt) {
            if (attempt == 20) throw std::runtime_error("no free join code after 20 tries");
            code = make_join_code();
            made = db_->query(
                "INSERT INTO classes(code, title, pace, created_ms) VALUES($1, $2, $3, $4) "
                "ON CONFLICT DO NOTHING RETURNING id",
                {code, request.title, std::string(to_string(request.pace)), now_ms});
        }
        for (std::size_t i = 0; i < request.cards.size(); ++i) {
            const ClassCard& card = request.cards[i];
            db_->query("INSERT INTO class_cards(class_id, position, card_id, text, verdict) VALUES($1, $2, $3, $4, $5)",
                       {made[0].number(0), static_cast<std::int64_t>(i), card.id, card.text,
                        std::string(to_string(card.verdict))});
        }
        return code;
    });
}

LiveClasses::ClassRow LiveClasses::class_by_id(std::int64_t id) {
    const SqlRows rows = db_->query(kClassById.c_str(), {id});
    if (rows.empty()) refuse(Refusal::NotFound, "no such class");
    return ClassRow::read(rows[0]);
}

// The running class with this code, or else the latest ended one (so the
// teacher's dashboard and a pupil's retries still find it).
LiveClasses::ClassRow LiveClasses::find_class(std::string_view code) {
    const std::optional<std::string> normal = normalize_join_code(code);
    if (!normal) refuse(Refusal::NotFound, "\"" + std::string(code) + "\" is not a join code");
    const SqlRows rows = db_->query(kClassByCode.c_str(), {*normal});
    if (rows.empty()) refuse(Refusal::NotFound, "no class has the code " + *normal);
    return ClassRow::read(rows[0]);
}

std::pair<LiveClasses::Pupil, LiveClasses::ClassRow> LiveClasses::find_pupil(std::string_view token) {
    const SqlRows rows = db_->query(kPupilAndClass.c_str(), {sha256_hex(token)});
    if (rows.empty()) refuse(Refusal::Unauthorized, "the pupil token is not known here; join the class again");
    const ClassRow row = ClassRow::read(rows[0]);
    return {Pupil{rows[0].number(kPupilIdColumn), row.id}, row};
}

Joined LiveClasses::join(std::string_view code, std::string_view nickname, std::int64_t now_ms) {
    if (std::optional<std::string> problem = nickname_problem(nickname)) refuse(Refusal::Invalid, *problem);
    return in_transaction(*db_, [&] {
        const ClassRow row = find_class(code);
        hold_running_class(row);
        const SqlRows count = db_->query("SELECT COUNT(*) FROM pupils WHERE class_id = $1", {row.id});
        if (static_cast<std::size_t>(count[0].number(0)) >= kMaxPupilsPerClass)
            refuse(Refusal::Conflict, "the class is full (" + std::to_string(kMaxPupilsPerClass) + " pupils)");
        Joined joined{make_secret(), std::string(nickname)};
        const SqlRows added = db_->query(
            "INSERT INTO pupils(class_id, nickname, token_hash, joined_ms) VALUES($1, $2, $3, $4) "
            "ON CONFLICT DO NOTHING RETURNING id",
            {row.id, joined.nickname, sha256_hex(joined.token), now_ms});
        if (added.empty())
            refuse(Refusal::Conflict, "someone in this class already has the nickname \"" + joined.nickname + "\"");
        db_->announce_change(row.state.code);
        return joined;
    });
}

// Holds the class's row until the transaction ends, or refuses an ended
// class. Joins to one class so take turns: each counts the pupils the one
// before it added (the size limit holds), and none slips in after the end.
void LiveClasses::hold_running_class(const ClassRow& row) {
    if (db_->query("UPDATE classes SET ended = 0 WHERE id = $1 AND ended = 0 RETURNING id", {row.id}).empty())
        refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
}

ClassCard LiveClasses::card_at(std::int64_t class_id, int position) {
    const SqlRows rows = db_->query(
        "SELECT card_id, text, verdict FROM class_cards WHERE class_id = $1 AND position = $2", {class_id, position});
    if (rows.empty()) refuse(Refusal::NotFound, "no card at position " + std::to_string(position));
    return {rows[0].text(0), rows[0].text(1), stored_verdict(rows[0].text(2))};
}

PupilView LiveClasses::own_pace_view(const ClassRow& row, const Pupil& pupil) {
    const SqlRows rows = db_->query(
        "SELECT MIN(position) FROM class_cards WHERE class_id = $1 AND position NOT IN "
        "(SELECT position FROM answers WHERE pupil_id = $2)",
        {row.id, pupil.id});
    PupilView view{row.state, row.state.card_count, std::nullopt, false};
    if (!rows[0].is_null(0)) view.position = as_int(rows[0].number(0));
    return view;
}

PupilView LiveClasses::next_card_for(std::string_view code, std::string_view token) {
    const ClassRow row = find_class(code);
    const Pupil pupil = find_pupil(token).first;
    if (pupil.class_id != row.id) refuse(Refusal::Unauthorized, "this pupil token belongs to another class");
    PupilView view{row.state, row.state.current, std::nullopt, false};
    if (row.state.pace == Pace::Own) view = own_pace_view(row, pupil);
    if (row.state.ended || view.position >= row.state.card_count) return view;
    view.card = card_at(row.id, view.position);
    view.card->verdict = Verdict::Contested;  // the truth stays on the server
    view.answered =
        !db_->query("SELECT 1 FROM answers WHERE pupil_id = $1 AND position = $2", {pupil.id, view.position}).empty();
    return view;
}

// The answer this pupil already gave under the same key, if any. The same
// key with a different answer is a client fault, not a retry.
std::optional<Confirmation> LiveClasses::earlier_answer(const ClassRow& row, const Pupil& pupil, const Answer& answer) {
    const SqlRows rows = db_->query(
        "SELECT answers.id, card_id, answers.verdict, confidence, committed_ms FROM answers "
        "JOIN pupils ON pupils.id = pupil_id "
        "JOIN class_cards ON class_cards.class_id = pupils.class_id AND class_cards.position = answers.position "
        "WHERE pupil_id = $1 AND answer_key = $2",
        {pupil.id, answer.key});
    if (rows.empty()) return std::nullopt;
    const SqlRow& earlier = rows[0];
    const bool same = earlier.text(1) == answer.card && earlier.text(2) == to_string(answer.verdict) &&
                      earlier.number(3) == percent(answer.confidence);
    if (!same) refuse(Refusal::Conflict, "the key \"" + answer.key + "\" was already used for a different answer");
    return Confirmation{earlier.number(0), answer.card, answer.key, earlier.number(4), row.state.code};
}

// Why an answer to `card_id` was not written although its key was new: the
// card is not in the class, or (at the teacher's pace) not reached yet.
void LiveClasses::refuse_unreachable_card(const ClassRow& row, std::string_view card_id) {
    const SqlRows rows = db_->query("SELECT position FROM class_cards WHERE class_id = $1 AND card_id = $2",
                                    {row.id, std::string(card_id)});
    if (rows.empty()) refuse(Refusal::NotFound, "the card \"" + std::string(card_id) + "\" is not in this class");
    if (row.state.pace == Pace::Teacher && as_int(rows[0].number(0)) > row.state.current)
        refuse(Refusal::Conflict, "the class has not reached the card \"" + std::string(card_id) + "\" yet");
}

// One statement finds the card's position and writes the answer, unless the
// card is not in the class or the class has not reached it yet: on
// PostgreSQL a round trip less for every answer. Only when nothing was
// written do more statements find out why.
Confirmation LiveClasses::record_answer(const ClassRow& row, const Pupil& pupil, const Answer& answer,
                                        std::int64_t now_ms) {
    const std::int64_t last_open =
        row.state.pace == Pace::Teacher ? row.state.current : std::int64_t{row.state.card_count};
    const SqlRows added = db_->query(
        "INSERT INTO answers(pupil_id, position, verdict, confidence, answer_key, committed_ms) "
        "SELECT CAST($1 AS BIGINT), position, CAST($2 AS TEXT), CAST($3 AS INTEGER), CAST($4 AS TEXT), "
        "CAST($5 AS BIGINT) FROM class_cards WHERE class_id = $6 AND card_id = $7 AND position <= $8 "
        "ON CONFLICT DO NOTHING RETURNING id",
        {pupil.id, std::string(to_string(answer.verdict)), percent(answer.confidence), answer.key, now_ms, row.id,
         answer.card, last_open});
    if (added.empty()) {
        // A resent answer finds its key taken (also when both sends came at
        // once: this one waited on the key until the other committed), and
        // gets the confirmation of the send that was committed.
        if (std::optional<Confirmation> earlier = earlier_answer(row, pupil, answer)) return *earlier;
        refuse_unreachable_card(row, answer.card);
        refuse(Refusal::Conflict, "this pupil has already answered the card \"" + answer.card + "\"");
    }
    db_->announce_change(row.state.code);
    return {added[0].number(0), answer.card, answer.key, now_ms, row.state.code};
}

Confirmation LiveClasses::answer(const Answer& answer, std::int64_t now_ms) {
    if (answer.key.empty() || answer.key.size() > kMaxKeyBytes)
        refuse(Refusal::Invalid, "the key must be 1 to " + std::to_string(kMaxKeyBytes) + " bytes");
    // No transaction: one statement writes the answer, and its key keeps
    // it to one answer however often and however close together it is sent.
    // (On PostgreSQL each statement of a transaction is a round trip more,
    // and on a busy machine each round trip waits to be scheduled.)
    const auto [pupil, row] = find_pupil(answer.token);
    if (row.state.ended) {
        // A client whose confirmation was lost still gets it after the end.
        if (std::optional<Confirmation> earlier = earlier_answer(row, pupil, answer)) return *earlier;
        refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
    }
    return record_answer(row, pupil, answer, now_ms);
}

Dashboard LiveClasses::dashboard(std::string_view code) {
    const ClassRow row = find_class(code);
    Dashboard board{row.state, {}, {}};
    const SqlRows cards = db_->query(
        "SELECT card_id, text, class_cards.verdict, "
        "COUNT(*) FILTER (WHERE answers.verdict = 'verified'), COUNT(*) FILTER (WHERE answers.verdict = 'contested'), "
        "COUNT(*) FILTER (WHERE answers.verdict = 'propaganda'), COUNT(answers.id), "
        "COUNT(*) FILTER (WHERE answers.verdict = class_cards.verdict) "
        "FROM class_cards LEFT JOIN pupils ON pupils.class_id = class_cards.class_id "
        "LEFT JOIN answers ON answers.pupil_id = pupils.id AND answers.position = class_cards.position "
        "WHERE class_cards.class_id = $1 GROUP BY class_cards.class_id, class_cards.position "
        "ORDER BY class_cards.position",
        {row.id});
    for (const SqlRow& card : cards) {
        CardTotals totals{{card.text(0), card.text(1), stored_verdict(card.text(2))}};
        for (std::size_t v = 0; v < 3; ++v) totals.by_verdict[v] = as_int(card.number(3 + v));
        totals.answered = as_int(card.number(6));
        totals.right = as_int(card.number(7));
        board.cards.push_back(std::move(totals));
    }
    const SqlRows pupils = db_->query(
        "SELECT nickname, COUNT(answers.id), COUNT(*) FILTER (WHERE answers.verdict = class_cards.verdict) "
        "FROM pupils LEFT JOIN answers ON answers.pupil_id = pupils.id "
        "LEFT JOIN class_cards ON class_cards.class_id = pupils.class_id AND class_cards.position = answers.position "
        "WHERE pupils.class_id = $1 GROUP BY pupils.id ORDER BY pupils.id",
        {row.id});
    for (const SqlRow& pupil : pupils)
        board.pupils.push_back({pupil.text(0), as_int(pupil.number(1)), as_int(pupil.number(2))});
    return board;
}

std::vector<PupilAnswers> LiveClasses::answers_by_pupil(std::string_view code) {
    const ClassRow row = find_class(code);
    const SqlRows answers = db_->query(
        "SELECT pupils.id, nickname, joined_ms, card_id, class_cards.verdict, answers.verdict, confidence, "
        "committed_ms FROM pupils JOIN answers ON answers.pupil_id = pupils.id "
        "JOIN class_cards ON class_cards.class_id = pupils.class_id AND class_cards.position = answers.position "
        "WHERE pupils.class_id = $1 ORDER BY pupils.id, answers.position",
        {row.id});
    std::vector<PupilAnswers> pupils;
    for (const SqlRow& answer : answers) {
        if (pupils.empty() || pupils.back().pupil != answer.number(0))
            pupils.push_back({answer.number(0), answer.text(1), answer.number(2), {}});
        pupils.back().answers.push_back(
            {answer.text(3), stored_verdict(answer.text(4)), stored_verdict(answer.text(5)),
             confidence_from_percent(as_int(answer.number(6))).value_or(Confidence::Unstated), answer.number(7)});
    }
    return pupils;
}

ClassState LiveClasses::move_on(std::string_view code) {
    return in_transaction(*db_, [&] {
        const ClassRow row = find_class(code);
        if (row.state.ended) refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
        if (row.state.pace == Pace::Own) refuse(Refusal::Conflict, "the class goes at its own pace");
        // Two presses at once both move on, but never past the last card.
        if (db_->query("UPDATE classes SET current = current + 1 WHERE id = $1 AND current < $2 RETURNING id",
                       {row.id, row.state.card_count})
                .empty())
            refuse(Refusal::Conflict, "the class is past its last card");
        db_->announce_change(row.state.code);
        return class_by_id(row.id).state;
    });
}

ClassState LiveClasses::end(std::string_view code) {
    return in_transaction(*db_, [&] {
        const ClassRow row = find_class(code);
        // Of two ends at once, one ends the class and the other is told so.
        if (db_->query("UPDATE classes SET ended = 1 WHERE id = $1 AND ended = 0 RETURNING id", {row.id}).empty())
            refuse(Refusal::Gone, "the class " + row.state.code + " has already ended");
        db_->announce_change(row.state.code);
        return class_by_id(row.id).state;
    });
}

}  // namespace claimdeck::live
