#include "live/live_json.hpp"

#include <functional>

#include "base/json_input.hpp"
#include "classroom/quiz.hpp"
#include "content/deck.hpp"

namespace claimdeck::live {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

const JsonShapeLimits kRequestLimits{8, 4u << 10};

// Reads `body` as one JSON object; problems name the request, not a file.
template <class Request, class ReadFields>
Parsed<Request> parse_request(std::string_view body, ReadFields&& read_fields) {
    Parsed<Request> parsed;
    Request request;
    const bool read = read_json_object(body, "request body", kRequestLimits, parsed.problems,
                                       [&](FieldReader& fields) { read_fields(fields, request); });
    if (read && parsed.problems.empty()) parsed.request = std::move(request);
    return parsed;
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

void read_verdict(FieldReader& fields, Verdict& verdict) {
    std::string text;
    if (!fields.read_string("verdict", text)) return;
    if (std::optional<Verdict> parsed = parse_verdict(text))
        verdict = *parsed;
    else
        fields.report("verdict", "must be \"verified\", \"contested\" or \"propaganda\"");
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
