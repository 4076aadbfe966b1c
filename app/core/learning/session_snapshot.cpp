#include "learning/session_snapshot.hpp"

#include "base/json_input.hpp"
#include "base/json_library.hpp"
#include "learning/session.hpp"

namespace claimdeck {
namespace {

constexpr const char* kKeyPrefix = "open_session/";
constexpr std::size_t kMostCards = 100'000;
constexpr JsonShapeLimits kShape{6, 4096};

std::string key_for(const std::string& deck_id) { return kKeyPrefix + deck_id; }

constexpr std::pair<SessionKind, const char*> kKindNames[] = {
    {SessionKind::Today, "today"}, {SessionKind::MoreNew, "more-new"}, {SessionKind::Practice, "practice"}};

const char* kind_name(SessionKind kind) {
    for (const auto& [value, name] : kKindNames)
        if (value == kind) return name;
    return "today";
}

std::optional<SessionKind> kind_named(std::string_view text) {
    for (const auto& [value, name] : kKindNames)
        if (text == name) return value;
    return std::nullopt;
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& out, const char* key, std::string_view value) {
    out.Key(key);
    out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_int(Writer& out, const char* key, std::int64_t value) {
    out.Key(key);
    out.Int64(value);
}

void read_queue(FieldReader& fields, const Deck& deck, SessionSnapshot& snapshot) {
    fields.read_objects("queue", kMostCards, [&](FieldReader& item, std::size_t) {
        SessionSnapshot::Queued queued;
        if (item.read_string("card", queued.card) && !deck.claim_index(queued.card)) item.report("card", "unknown");
        item.read_bool("again", queued.comeback);
        snapshot.queue.push_back(queued);
    });
}

void read_answers(FieldReader& fields, const Deck& deck, SessionSnapshot& snapshot) {
    fields.read_objects("answers", kMostCards, [&](FieldReader& item, std::size_t) {
        SessionSnapshot::Answer answer;
        std::string picked;
        std::int64_t confidence = 0;
        if (item.read_string("card", answer.card) && !deck.claim_index(answer.card)) item.report("card", "unknown");
        if (item.read_string("picked", picked) && !parse_verdict(picked)) item.report("picked", "not a verdict");
        if (item.read_int("confidence", confidence) && !confidence_from_percent(static_cast<int>(confidence)))
            item.report("confidence", "not 0, 50, 70 or 90");
        answer.picked = parse_verdict(picked).value_or(Verdict::Verified);
        answer.confidence = confidence_from_percent(static_cast<int>(confidence)).value_or(Confidence::Unstated);
        snapshot.answers.push_back(answer);
    });
}

}  // namespace

std::string write_session_snapshot(const SessionSnapshot& snapshot) {
    rapidjson::StringBuffer buffer;
    Writer out(buffer);
    out.StartObject();
    write_string(out, "kind", kind_name(snapshot.kind));
    write_int(out, "session", snapshot.session_id);
    write_int(out, "day", snapshot.day);
    write_int(out, "size", snapshot.size);
    write_int(out, "done", snapshot.done);
    out.Key("queue");
    out.StartArray();
    for (const SessionSnapshot::Queued& queued : snapshot.queue) {
        out.StartObject();
        write_string(out, "card", queued.card);
        out.Key("again");
        out.Bool(queued.comeback);
        out.EndObject();
    }
    out.EndArray();
    out.Key("answers");
    out.StartArray();
    for (const SessionSnapshot::Answer& answer : snapshot.answers) {
        out.StartObject();
        write_string(out, "card", answer.card);
        write_string(out, "picked", to_string(answer.picked));
        write_int(out, "confidence", percent(answer.confidence));
        out.EndObject();
    }
    out.EndArray();
    out.EndObject();
    return buffer.GetString();
}

std::optional<SessionSnapshot> read_session_snapshot(std::string_view json, const Deck& deck) {
    SessionSnapshot snapshot;
    std::vector<Problem> problems;
    std::string kind;
    std::int64_t size = 0, done = 0;
    const bool parsed = read_json_object(json, "", kShape, problems, [&](FieldReader& fields) {
        if (fields.read_string("kind", kind) && !kind_named(kind)) fields.report("kind", "unknown");
        fields.read_int("session", snapshot.session_id);
        fields.read_int("day", snapshot.day);
        fields.read_int("size", size);
        fields.read_int("done", done);
        read_queue(fields, deck, snapshot);
        read_answers(fields, deck, snapshot);
    });
    if (!parsed || !problems.empty() || size < 0 || done < 0 || done > size || size > static_cast<int>(kMostCards))
        return std::nullopt;
    snapshot.kind = *kind_named(kind);
    snapshot.size = static_cast<int>(size);
    snapshot.done = static_cast<int>(done);
    return snapshot;
}

void keep_session_snapshot(ProgressStore& store, std::int64_t profile_id, const std::string& deck_id,
                           const SessionSnapshot& snapshot) {
    store.set_setting(profile_id, key_for(deck_id), write_session_snapshot(snapshot));
}

std::optional<SessionSnapshot> kept_session_snapshot(const ProgressStore& store, std::int64_t profile_id,
                                                     const Deck& deck, std::int64_t today) {
    const std::optional<std::string> kept = store.setting(profile_id, key_for(deck.id));
    if (!kept || kept->empty()) return std::nullopt;
    std::optional<SessionSnapshot> snapshot = read_session_snapshot(*kept, deck);
    if (!snapshot || snapshot->day != today || snapshot->queue.empty()) return std::nullopt;
    return snapshot;
}

// The settings table has no delete: an empty value is "none".
void forget_session_snapshot(ProgressStore& store, std::int64_t profile_id, const std::string& deck_id) {
    store.set_setting(profile_id, key_for(deck_id), "");
}

}  // namespace claimdeck
