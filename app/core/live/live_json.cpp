#include "live/live_json.hpp"

#include <functional>
#include <limits>

#include "base/json_input.hpp"
#include "classroom/quiz.hpp"
#include "content/deck.hpp"

namespace claimdeck::live {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

const JsonShapeLimits kRequestLimits{8, 4u << 10};
// A reply holds a whole class (500 pupils, every card's text).
const JsonShapeLimits kReplyLimits{8, 64u << 10};

// Reads `body` as one JSON object; problems name the body, not a file.
template <class Request, class ReadFields>
Parsed<Request> parse_body(std::string_view body, const char* what, const JsonShapeLimits& limits,
                           ReadFields&& read_fields) {
    Parsed<Request> parsed;
    Request request;
    const bool read = read_json_object(body, what, limits, parsed.problems,
                                       [&](FieldReader& fields) { read_fields(fields, request); });
    if (read && parsed.problems.empty()) parsed.request = std::move(request);
    return parsed;
}

template <class Request, class ReadFields>
Parsed<Request> parse_request(std::string_view body, ReadFields&& read_fields) {
    return parse_body<Request>(body, "request body", kRequestLimits, std::forward<ReadFields>(read_fields));
}

template <class Reply, class ReadFields>
Parsed<Reply> parse_reply(std::string_view body, ReadFields&& read_fields) {
    return parse_body<Reply>(body, "the server's answer", kReplyLimits, std::forward<ReadFields>(read_fields));
}

void read_pace(FieldReader& fields, Pace& pace) {
    std::string text;
    if (!fields.read_string("pace", text, Presence::Optional)) return;
    if (std::optional<Pace> parsed = parse_pace(text))
        pace = *parsed;
    else
        fields.report("pace", "must be \"teacher\" or \"own\"");
}

void read_count(FieldReader& fields, std::optional<std::size_t>& count) {
    std::int64_t value = 0;
    if (!fields.read_int("count", value, Presence::Optional)) return;
    if (value < 1 || value > static_cast<std::int64_t>(kMaxQuizClaims))
        fields.report("count", "must be from 1 to " + std::to_string(kMaxQuizClaims));
    else
        count = static_cast<std::size_t>(value);
}

void read_verdict(FieldReader& fields, Verdict& verdict, const char* field = "verdict") {
    std::string text;
    if (!fields.read_string(field, text)) return;
    if (std::optional<Verdict> parsed = parse_verdict(text))
        verdict = *parsed;
    else
        fields.report(field, "must be \"verified\", \"contested\" or \"propaganda\"");
}

void read_confidence(FieldReader& fields, Confidence& confidence) {
    std::int64_t value = 0;
    if (!fields.read_int("confidence", value, Presence::Optional)) return;
    const std::optional<Confidence> parsed =
        value >= 0 && value <= 100 ? confidence_from_percent(static_cast<int>(value)) : std::nullopt;
    if (parsed)
        confidence = *parsed;
    else
        fields.report("confidence", "must be 50, 70 or 90 (or left out)");
}

void read_key(FieldReader& fields, std::string& key) {
    if (!fields.read_string("key", key)) return;
    if (key.empty() || key.size() > kMaxKeyBytes)
        fields.report("key", "must be 1 to " + std::to_string(kMaxKeyBytes) + " bytes");
}

// A count in a reply: a whole number from 0.
void read_count_of(FieldReader& fields, const char* field, int& count) {
    std::int64_t value = 0;
    if (!fields.read_int(field, value)) return;
    if (value < 0 || value > std::numeric_limits<int>::max())
        fields.report(field, "must be a whole number from 0");
    else
        count = static_cast<int>(value);
}

void read_state(FieldReader& fields, ClassState& state) {
    fields.read_string("code", state.code);
    fields.read_string("title", state.title);
    std::string pace;
    if (fields.read_string("pace", pace)) {
        if (std::optional<Pace> parsed = parse_pace(pace))
            state.pace = *parsed;
        else
            fields.report("pace", "must be \"teacher\" or \"own\"");
    }
    read_count_of(fields, "current", state.current);
    read_count_of(fields, "cards", state.card_count);
    fields.read_bool("ended", state.ended);
}

void read_card_totals(FieldReader& fields, CardTotals& totals) {
    fields.read_string("card", totals.card.id);
    fields.read_string("text", totals.card.text);
    read_verdict(fields, totals.card.verdict);
    read_count_of(fields, "answered", totals.answered);
    read_count_of(fields, "right", totals.right);
    fields.read_object("by_verdict", [&](FieldReader& by_verdict) {
        for (Verdict verdict : kAllVerdicts)
            read_count_of(by_verdict, to_string(verdict).data(), totals.by_verdict[index_of(verdict)]);
    });
}

void read_answered_card(FieldReader& fields, AnsweredCard& answer) {
    fields.read_string("card", answer.card);
    read_verdict(fields, answer.truth, "truth");
    read_verdict(fields, answer.picked);
    read_confidence(fields, answer.confidence);
    fields.read_int("committed_ms", answer.committed_ms);
}

void read_pupil_answers(FieldReader& fields, PupilAnswers& pupil) {
    fields.read_int("pupil", pupil.pupil);
    fields.read_string("nickname", pupil.nickname);
    fields.read_int("joined_ms", pupil.joined_ms);
    fields.read_objects("answers", kMaxQuizClaims, [&](FieldReader& answer, std::size_t) {
        read_answered_card(answer, pupil.answers.emplace_back());
    });
}

void read_pupil_totals(FieldReader& fields, PupilTotals& totals) {
    fields.read_string("nickname", totals.nickname);
    read_count_of(fields, "answered", totals.answered);
    read_count_of(fields, "right", totals.right);
}

std::string written(const std::function<void(Writer&)>& write) {
    rapidjson::StringBuffer buffer;
    Writer writer(buffer);
    write(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

void put(Writer& out, const char* name, std::string_view value) {
    out.Key(name);
    out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void put(Writer& out, const char* name, std::int64_t value) {
    out.Key(name);
    out.Int64(value);
}

void put(Writer& out, const char* name, bool value) {
    out.Key(name);
    out.Bool(value);
}

void write_state(Writer& out, const ClassState& state) {
    put(out, "code", state.code);
    put(out, "title", state.title);
    put(out, "pace", to_string(state.pace));
    put(out, "current", std::int64_t{state.current});
    put(out, "cards", std::int64_t{state.card_count});
    put(out, "ended", state.ended);
}

void write_card_totals(Writer& out, const CardTotals& totals) {
    out.StartObject();
    put(out, "card", totals.card.id);
    put(out, "text", totals.card.text);
    put(out, "verdict", to_string(totals.card.verdict));
    put(out, "answered", std::int64_t{totals.answered});
    put(out, "right", std::int64_t{totals.right});
    out.Key("by_verdict");
    out.StartObject();
    for (Verdict verdict : kAllVerdicts)
        put(out, to_string(verdict).data(), std::int64_t{totals.by_verdict[index_of(verdict)]});
    out.EndObject();
    out.EndObject();
}

void write_pupil_answers(Writer& out, const PupilAnswers& pupil) {
    out.StartObject();
    put(out, "pupil", pupil.pupil);
    put(out, "nickname", pupil.nickname);
    put(out, "joined_ms", pupil.joined_ms);
    out.Key("answers");
    out.StartArray();
    for (const AnsweredCard& answer : pupil.answers) {
        out.StartObject();
        put(out, "card", answer.card);
        put(out, "truth", to_string(answer.truth));
        put(out, "verdict", to_string(answer.picked));
        put(out, "confidence", std::int64_t{percent(answer.confidence)});
        put(out, "committed_ms", answer.committed_ms);
        out.EndObject();
    }
    out.EndArray();
    out.EndObject();
}

void write_pupil_totals(Writer& out, const PupilTotals& totals) {
    out.StartObject();
    put(out, "nickname", totals.nickname);
    put(out, "answered", std::int64_t{totals.answered});
    put(out, "right", std::int64_t{totals.right});
    out.EndObject();
}

}  // namespace

Parsed<ClassRequest> parse_class_request(std::string_view body) {
    return parse_request<ClassRequest>(body, [](FieldReader& fields, ClassRequest& request) {
        fields.read_string("title", request.title, Presence::Optional);
        read_pace(fields, request.pace);
        std::string deck_id;
        if (fields.read_string("deck", deck_id, Presence::Optional)) request.deck_id = deck_id;
        fields.read_strings("claims", request.claims, kMaxQuizClaims, Presence::Optional);
        read_count(fields, request.count);
    });
}

Parsed<JoinRequest> parse_join_request(std::string_view body) {
    return parse_request<JoinRequest>(body, [](FieldReader& fields, JoinRequest& request) {
        fields.read_string("code", request.code);
        if (fields.read_string("nickname", request.nickname))
            if (std::optional<std::string> problem = nickname_problem(request.nickname))
                fields.report("nickname", *problem);
    });
}

Parsed<Answer> parse_answer_request(std::string_view body) {
    return parse_request<Answer>(body, [](FieldReader& fields, Answer& answer) {
        fields.read_string("token", answer.token);
        fields.read_string("card", answer.card);
        read_verdict(fields, answer.verdict);
        read_confidence(fields, answer.confidence);
        read_key(fields, answer.key);
    });
}

NewClass class_on_deck(const ClassRequest& request, const Deck& deck) {
    if (request.deck_id && *request.deck_id != deck.id)
        throw LiveError(Refusal::Conflict,
                        "this server runs the deck \"" + deck.id + "\", not \"" + *request.deck_id + "\"");
    NewClass made{request.title.empty() ? deck.title : request.title, request.pace, {}};
    for (const std::string& id : request.claims) {
        const Claim* claim = deck.claim(id);
        if (!claim)
            throw LiveError(Refusal::Invalid, "the claim \"" + id + "\" is not in the deck \"" + deck.id + "\"");
        made.cards.push_back({claim->id, claim->text, claim->verdict});
    }
    if (request.claims.empty())
        for (const Claim& claim : deck.claims) made.cards.push_back({claim.id, claim.text, claim.verdict});
    if (request.count && made.cards.size() > *request.count) made.cards.resize(*request.count);
    return made;
}

std::string class_request_json(const ClassRequest& request) {
    return written([&](Writer& out) {
        out.StartObject();
        put(out, "title", request.title);
        put(out, "pace", to_string(request.pace));
        if (request.deck_id) put(out, "deck", *request.deck_id);
        if (!request.claims.empty()) {
            out.Key("claims");
            out.StartArray();
            for (const std::string& claim : request.claims)
                out.String(claim.data(), static_cast<rapidjson::SizeType>(claim.size()));
            out.EndArray();
        }
        if (request.count) put(out, "count", static_cast<std::int64_t>(*request.count));
        out.EndObject();
    });
}

Parsed<ClassState> parse_class_state_reply(std::string_view body) {
    return parse_reply<ClassState>(body, [](FieldReader& fields, ClassState& state) { read_state(fields, state); });
}

Parsed<Dashboard> parse_dashboard_reply(std::string_view body) {
    return parse_reply<Dashboard>(body, [](FieldReader& fields, Dashboard& dashboard) {
        read_state(fields, dashboard.state);
        fields.read_objects("pupils", kMaxPupilsPerClass, [&](FieldReader& pupil, std::size_t) {
            read_pupil_totals(pupil, dashboard.pupils.emplace_back());
        });
        fields.read_objects("totals", kMaxQuizClaims, [&](FieldReader& card, std::size_t) {
            read_card_totals(card, dashboard.cards.emplace_back());
        });
    });
}

Parsed<std::vector<PupilAnswers>> parse_class_answers_reply(std::string_view body) {
    return parse_reply<std::vector<PupilAnswers>>(body, [](FieldReader& fields, std::vector<PupilAnswers>& pupils) {
        fields.read_objects("pupils", kMaxPupilsPerClass,
                            [&](FieldReader& pupil, std::size_t) { read_pupil_answers(pupil, pupils.emplace_back()); });
    });
}

std::string error_message_of(std::string_view body) {
    const Parsed<std::string> parsed = parse_reply<std::string>(
        body, [](FieldReader& fields, std::string& message) { fields.read_string("error", message); });
    return parsed.request.value_or("");
}

std::string error_json(std::string_view message) {
    return written([&](Writer& out) {
        out.StartObject();
        put(out, "error", message);
        out.EndObject();
    });
}

std::string problems_json(const std::vector<Problem>& problems) {
    std::string message;
    for (const Problem& problem : problems)
        message +=
            (message.empty() ? "" : "; ") + (problem.place.empty() ? "" : problem.place + ": ") + problem.message;
    return error_json(message);
}

std::string class_created_json(const std::string& code, const ClassState& state) {
    return written([&](Writer& out) {
        out.StartObject();
        write_state(out, state);
        put(out, "join_code", code);
        out.EndObject();
    });
}

std::string joined_json(const Joined& joined, const ClassState& state) {
    return written([&](Writer& out) {
        out.StartObject();
        put(out, "token", joined.token);
        put(out, "nickname", joined.nickname);
        write_state(out, state);
        out.EndObject();
    });
}

std::string pupil_view_json(const PupilView& view) {
    return written([&](Writer& out) {
        out.StartObject();
        write_state(out, view.state);
        put(out, "position", std::int64_t{view.position});
        out.Key("card");
        if (!view.card) {
            out.Null();
        } else {
            out.StartObject();
            put(out, "id", view.card->id);
            put(out, "text", view.card->text);
            out.EndObject();
        }
        put(out, "answered", view.answered);
        out.EndObject();
    });
}

std::string confirmation_json(const Confirmation& confirmation) {
    return written([&](Writer& out) {
        out.StartObject();
        put(out, "committed", true);
        put(out, "answer_id", confirmation.answer_id);
        put(out, "card", confirmation.card);
        put(out, "key", confirmation.key);
        put(out, "committed_ms", confirmation.committed_ms);
        out.EndObject();
    });
}

std::string class_state_json(const ClassState& state) {
    return written([&](Writer& out) {
        out.StartObject();
        write_state(out, state);
        out.EndObject();
    });
}

std::string class_answers_json(const std::vector<PupilAnswers>& pupils) {
    return written([&](Writer& out) {
        out.StartObject();
        out.Key("pupils");
        out.StartArray();
        for (const PupilAnswers& pupil : pupils) write_pupil_answers(out, pupil);
        out.EndArray();
        out.EndObject();
    });
}

std::string dashboard_json(const Dashboard& dashboard) {
    return written([&](Writer& out) {
        out.StartObject();
        write_state(out, dashboard.state);
        out.Key("pupils");
        out.StartArray();
        for (const PupilTotals& pupil : dashboard.pupils) write_pupil_totals(out, pupil);
        out.EndArray();
        out.Key("totals");
        out.StartArray();
        for (const CardTotals& card : dashboard.cards) write_card_totals(out, card);
        out.EndArray();
        out.EndObject();
    });
}

}  // namespace claimdeck::live
