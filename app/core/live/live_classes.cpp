#include "live/live_classes.hpp"

#include <string>

#include "base/sha256.hpp"
#include "live/secrets.hpp"
#include "storage/sqlite.hpp"

namespace claimdeck::live {
namespace {

// One step per schema version, each in its own transaction; shipped steps
// are never edited (as in storage/store.cpp).
const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
    CREATE TABLE settings(name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE classes(
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        pace TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 0,
        ended INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL);
    -- A code names one running class; an ended class's code may come again.
    CREATE UNIQUE INDEX live_codes ON classes(code) WHERE ended = 0;
    CREATE TABLE class_cards(
        class_id INTEGER NOT NULL REFERENCES classes(id),
        position INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        text TEXT NOT NULL,
        verdict TEXT NOT NULL,
        PRIMARY KEY(class_id, position),
        UNIQUE(class_id, card_id));
    CREATE TABLE pupils(
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes(id),
        nickname TEXT NOT NULL COLLATE NOCASE,
        token_hash TEXT NOT NULL UNIQUE,
        joined_ms INTEGER NOT NULL,
        UNIQUE(class_id, nickname));
    CREATE TABLE answers(
        id INTEGER PRIMARY KEY,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id),
        position INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        confidence INTEGER NOT NULL,
        answer_key TEXT NOT NULL,
        committed_ms INTEGER NOT NULL,
        UNIQUE(pupil_id, answer_key),
        UNIQUE(pupil_id, position));
    )sql",
};
static_assert(std::size(kMigrations) == kLiveSchemaVersion, "one migration per schema version");

int user_version(sql::Database& db) {
    auto query = db.prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.column_int(0));
}

void migrate(sql::Database& db, const std::filesystem::path& path) {
    if (int version = user_version(db); version > kLiveSchemaVersion)
        throw std::runtime_error(path.string() + " was written by a newer ClaimDeck (live store version " +
                                 std::to_string(version) + "); it was left untouched.");
    for (int version = user_version(db); version < kLiveSchemaVersion; version = user_version(db)) {
        sql::Transaction transaction(db);
        if (user_version(db) != version) continue;
        db.execute(kMigrations[version]);
        // A number of ours, not user text: PRAGMA takes no bound parameters.
        db.execute(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        transaction.commit();
    }
}

Verdict stored_verdict(const std::string& text) { return parse_verdict(text).value_or(Verdict::Contested); }

[[noreturn]] void refuse(Refusal refusal, const std::string& message) { throw LiveError(refusal, message); }

bool is_unique_violation(const sql::Error& error) { return error.code() == SQLITE_CONSTRAINT_UNIQUE; }

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
};

struct LiveClasses::Pupil {
    std::int64_t id = 0;
    std::int64_t class_id = 0;
};

LiveClasses::LiveClasses(const std::filesystem::path& path)
    : db_(std::make_unique<sql::Database>(path, sql::Database::Mode::ReadWriteCreate)) {
    // WAL lets the dashboard read while an answer is written; FULL makes a
    // "committed" confirmation survive a power cut, not only a killed process.
    if (path != ":memory:") db_->execute("PRAGMA journal_mode = WAL");
    db_->execute("PRAGMA synchronous = FULL");
    db_->execute("PRAGMA foreign_keys = ON");
    migrate(*db_, path);
}

LiveClasses::~LiveClasses() = default;

bool LiveClasses::has_teacher_key() {
    auto query = db_->prepare("SELECT 1 FROM settings WHERE name = 'teacher_key_sha256'");
    return query.step();
}

void LiveClasses::set_teacher_key(std::string_view key) {
    db_->prepare("INSERT OR REPLACE INTO settings(name, value) VALUES('teacher_key_sha256', ?)")
        .bind(1, sha256_hex(key))
        .run();
}

bool LiveClasses::is_teacher_key(std::string_view key) {
    auto query = db_->prepare("SELECT value FROM settings WHERE name = 'teacher_key_sha256'");
    return query.step() && query.column_text(0) == sha256_hex(key);
}

std::string LiveClasses::create_class(const NewClass& request, std::int64_t now_ms) {
    if (request.cards.empty()) refuse(Refusal::Invalid, "a class needs at least one card");
    sql::Transaction transaction(*db_);
    auto insert = db_->prepare("INSERT INTO classes(code, title, pace, created_ms) VALUES(?, ?, ?, ?)");
    std::string code;
    // A clash with a running class's code is rare (18^6 codes); try again.
    for (int attempt = 0;; ++attempt) {
        code = make_join_code();
        try {
            insert.bind(1, code).bind(2, request.title).bind(3, to_string(request.pace)).bind(4, now_ms).run();
            break;
        } catch (const sql::Error& error) {
            if (!is_unique_violation(error) || attempt == 20) throw;
            insert.reset();
        }
    }
    const std::int64_t class_id = db_->last_insert_id();
    auto add_card =
        db_->prepare("INSERT INTO class_cards(class_id, position, card_id, text, verdict) VALUES(?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < request.cards.size(); ++i) {
        const ClassCard& card = request.cards[i];
        add_card.bind(1, class_id).bind(2, static_cast<std::int64_t>(i)).bind(3, card.id).bind(4, card.text);
        add_card.bind(5, to_string(card.verdict)).run();
        add_card.reset();
    }
    transaction.commit();
    return code;
}

LiveClasses::ClassRow LiveClasses::class_by_id(std::int64_t id) {
    auto query = db_->prepare(
        "SELECT code, title, pace, current, ended, (SELECT COUNT(*) FROM class_cards WHERE class_id = classes.id) "
        "FROM classes WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) refuse(Refusal::NotFound, "no such class");
    ClassRow row;
    row.id = id;
    row.state.code = query.column_text(0);
    row.state.title = query.column_text(1);
    row.state.pace = parse_pace(query.column_text(2)).value_or(Pace::Teacher);
    row.state.current = static_cast<int>(query.column_int(3));
    row.state.ended = query.column_int(4) != 0;
    row.state.card_count = static_cast<int>(query.column_int(5));
    return row;
}

// The running class with this code, or else the latest ended one (so the
// teacher's dashboard and a pupil's retries still find it).
LiveClasses::ClassRow LiveClasses::find_class(std::string_view code) {
    const std::optional<std::string> normal = normalize_join_code(code);
    if (!normal) refuse(Refusal::NotFound, "\"" + std::string(code) + "\" is not a join code");
    auto query = db_->prepare("SELECT id FROM classes WHERE code = ? ORDER BY ended, id DESC LIMIT 1");
    query.bind(1, *normal);
    if (!query.step()) refuse(Refusal::NotFound, "no class has the code " + *normal);
    return class_by_id(query.column_int(0));
}

LiveClasses::Pupil LiveClasses::find_pupil(std::string_view token) {
    auto query = db_->prepare("SELECT id, class_id FROM pupils WHERE token_hash = ?");
    query.bind(1, sha256_hex(token));
    if (!query.step()) refuse(Refusal::Unauthorized, "the pupil token is not known here; join the class again");
    return {query.column_int(0), query.column_int(1)};
}

Joined LiveClasses::join(std::string_view code, std::string_view nickname, std::int64_t now_ms) {
    if (std::optional<std::string> problem = nickname_problem(nickname)) refuse(Refusal::Invalid, *problem);
    sql::Transaction transaction(*db_);
    const ClassRow row = find_class(code);
    if (row.state.ended) refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
    auto count = db_->prepare("SELECT COUNT(*) FROM pupils WHERE class_id = ?");
    count.bind(1, row.id).step();
    if (static_cast<std::size_t>(count.column_int(0)) >= kMaxPupilsPerClass)
        refuse(Refusal::Conflict, "the class is full (" + std::to_string(kMaxPupilsPerClass) + " pupils)");
    Joined joined{make_secret(), std::string(nickname)};
    try {
        db_->prepare("INSERT INTO pupils(class_id, nickname, token_hash, joined_ms) VALUES(?, ?, ?, ?)")
            .bind(1, row.id)
            .bind(2, nickname)
            .bind(3, sha256_hex(joined.token))
            .bind(4, now_ms)
            .run();
    } catch (const sql::Error& error) {
        if (!is_unique_violation(error)) throw;
        refuse(Refusal::Conflict, "someone in this class already has the nickname \"" + joined.nickname + "\"");
    }
    transaction.commit();
    return joined;
}

ClassCard LiveClasses::card_at(std::int64_t class_id, int position) {
    auto query = db_->prepare("SELECT card_id, text, verdict FROM class_cards WHERE class_id = ? AND position = ?");
    query.bind(1, class_id).bind(2, position);
    if (!query.step()) refuse(Refusal::NotFound, "no card at position " + std::to_string(position));
    return {query.column_text(0), query.column_text(1), stored_verdict(query.column_text(2))};
}

PupilView LiveClasses::own_pace_view(const ClassRow& row, const Pupil& pupil) {
    auto query = db_->prepare(
        "SELECT MIN(position) FROM class_cards WHERE class_id = ? AND position NOT IN "
        "(SELECT position FROM answers WHERE pupil_id = ?)");
    query.bind(1, row.id).bind(2, pupil.id).step();
    PupilView view{row.state, row.state.card_count, std::nullopt, false};
    if (!query.column_is_null(0)) view.position = static_cast<int>(query.column_int(0));
    return view;
}

PupilView LiveClasses::next_card_for(std::string_view code, std::string_view token) {
    const ClassRow row = find_class(code);
    const Pupil pupil = find_pupil(token);
    if (pupil.class_id != row.id) refuse(Refusal::Unauthorized, "this pupil token belongs to another class");
    PupilView view{row.state, row.state.current, std::nullopt, false};
    if (row.state.pace == Pace::Own) view = own_pace_view(row, pupil);
    if (row.state.ended || view.position >= row.state.card_count) return view;
    view.card = card_at(row.id, view.position);
    view.card->verdict = Verdict::Contested;  // the truth stays on the server
    auto answered = db_->prepare("SELECT 1 FROM answers WHERE pupil_id = ? AND position = ?");
    view.answered = answered.bind(1, pupil.id).bind(2, view.position).step();
    return view;
}

// The answer this pupil already gave under the same key, if any. The same
// key with a different answer is a client fault, not a retry.
std::optional<Confirmation> LiveClasses::earlier_answer(const Pupil& pupil, const Answer& answer) {
    auto query = db_->prepare(
        "SELECT answers.id, card_id, answers.verdict, confidence, committed_ms FROM answers "
        "JOIN pupils ON pupils.id = pupil_id "
        "JOIN class_cards ON class_cards.class_id = pupils.class_id AND class_cards.position = answers.position "
        "WHERE pupil_id = ? AND answer_key = ?");
    query.bind(1, pupil.id).bind(2, answer.key);
    if (!query.step()) return std::nullopt;
    const bool same = query.column_text(1) == answer.card && query.column_text(2) == to_string(answer.verdict) &&
                      query.column_int(3) == percent(answer.confidence);
    if (!same) refuse(Refusal::Conflict, "the key \"" + answer.key + "\" was already used for a different answer");
    return Confirmation{query.column_int(0), answer.card, answer.key, query.column_int(4)};
}

int LiveClasses::position_of(const ClassRow& row, std::string_view card_id) {
    auto query = db_->prepare("SELECT position FROM class_cards WHERE class_id = ? AND card_id = ?");
    query.bind(1, row.id).bind(2, card_id);
    if (!query.step()) refuse(Refusal::NotFound, "the card \"" + std::string(card_id) + "\" is not in this class");
    const int position = static_cast<int>(query.column_int(0));
    if (row.state.pace == Pace::Teacher && position > row.state.current)
        refuse(Refusal::Conflict, "the class has not reached the card \"" + std::string(card_id) + "\" yet");
    return position;
}

Confirmation LiveClasses::record_answer(const Pupil& pupil, int position, const Answer& answer, std::int64_t now_ms) {
    try {
        db_->prepare(
               "INSERT INTO answers(pupil_id, position, verdict, confidence, answer_key, committed_ms) "
               "VALUES(?, ?, ?, ?, ?, ?)")
            .bind(1, pupil.id)
            .bind(2, position)
            .bind(3, to_string(answer.verdict))
            .bind(4, percent(answer.confidence))
            .bind(5, answer.key)
            .bind(6, now_ms)
            .run();
    } catch (const sql::Error& error) {
        if (!is_unique_violation(error)) throw;
        refuse(Refusal::Conflict, "this pupil has already answered the card \"" + answer.card + "\"");
    }
    return {db_->last_insert_id(), answer.card, answer.key, now_ms};
}

Confirmation LiveClasses::answer(const Answer& answer, std::int64_t now_ms) {
    if (answer.key.empty() || answer.key.size() > kMaxKeyBytes)
        refuse(Refusal::Invalid, "the key must be 1 to " + std::to_string(kMaxKeyBytes) + " bytes");
    sql::Transaction transaction(*db_);
    const Pupil pupil = find_pupil(answer.token);
    // A retry is answered first, so a client whose confirmation was lost
    // gets it even after the teacher moved on or ended the class.
    if (std::optional<Confirmation> earlier = earlier_answer(pupil, answer)) return *earlier;
    const ClassRow row = class_by_id(pupil.class_id);
    if (row.state.ended) refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
    const Confirmation confirmation = record_answer(pupil, position_of(row, answer.card), answer, now_ms);
    transaction.commit();
    return confirmation;
}

Dashboard LiveClasses::dashboard(std::string_view code) {
    const ClassRow row = find_class(code);
    const std::int64_t class_id = row.id;
    Dashboard board{row.state, {}, {}};
    auto cards = db_->prepare(
        "SELECT card_id, text, class_cards.verdict, "
        "SUM(answers.verdict = 'verified'), SUM(answers.verdict = 'contested'), "
        "SUM(answers.verdict = 'propaganda'), COUNT(answers.id), SUM(answers.verdict = class_cards.verdict) "
        "FROM class_cards LEFT JOIN pupils ON pupils.class_id = class_cards.class_id "
        "LEFT JOIN answers ON answers.pupil_id = pupils.id AND answers.position = class_cards.position "
        "WHERE class_cards.class_id = ? GROUP BY class_cards.position ORDER BY class_cards.position");
    cards.bind(1, class_id);
    while (cards.step()) {
        CardTotals totals{{cards.column_text(0), cards.column_text(1), stored_verdict(cards.column_text(2))}};
        for (int v = 0; v < 3; ++v) totals.by_verdict[v] = static_cast<int>(cards.column_int(3 + v));
        totals.answered = static_cast<int>(cards.column_int(6));
        totals.right = static_cast<int>(cards.column_int(7));
        board.cards.push_back(std::move(totals));
    }
    auto pupils = db_->prepare(
        "SELECT nickname, COUNT(answers.id), SUM(answers.verdict = class_cards.verdict) FROM pupils "
        "LEFT JOIN answers ON answers.pupil_id = pupils.id "
        "LEFT JOIN class_cards ON class_cards.class_id = pupils.class_id AND class_cards.position = answers.position "
        "WHERE pupils.class_id = ? GROUP BY pupils.id ORDER BY pupils.id");
    pupils.bind(1, class_id);
    while (pupils.step())
        board.pupils.push_back(
            {pupils.column_text(0), static_cast<int>(pupils.column_int(1)), static_cast<int>(pupils.column_int(2))});
    return board;
}

ClassState LiveClasses::move_on(std::string_view code) {
    const ClassRow row = find_class(code);
    if (row.state.ended) refuse(Refusal::Gone, "the class " + row.state.code + " has ended");
    if (row.state.pace == Pace::Own) refuse(Refusal::Conflict, "the class goes at its own pace");
    if (row.state.current >= row.state.card_count) refuse(Refusal::Conflict, "the class is past its last card");
    db_->prepare("UPDATE classes SET current = current + 1 WHERE id = ?").bind(1, row.id).run();
    return class_by_id(row.id).state;
}

ClassState LiveClasses::end(std::string_view code) {
    const ClassRow row = find_class(code);
    if (row.state.ended) refuse(Refusal::Gone, "the class " + row.state.code + " has already ended");
    db_->prepare("UPDATE classes SET ended = 1 WHERE id = ?").bind(1, row.id).run();
    return class_by_id(row.id).state;
}

}  // namespace claimdeck::live
