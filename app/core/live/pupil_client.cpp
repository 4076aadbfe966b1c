#include "live/pupil_client.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>

#include "live/live_classes.hpp"

namespace claimdeck::live {
namespace {

// Where the class this device is in is kept (device settings, profile 0), so
// a reload goes straight back to it.
constexpr std::int64_t kDevice = 0;
constexpr const char* kServerSetting = "live.server";
constexpr const char* kCodeSetting = "live.class";
constexpr const char* kTokenSetting = "live.token";
constexpr const char* kNicknameSetting = "live.nickname";

rapidjson::Document parsed(const std::string& body) {
    rapidjson::Document document;
    document.Parse(body.c_str(), body.size());
    return document;
}

std::string text_of(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return {};
    const auto found = object.FindMember(name);
    return found != object.MemberEnd() && found->value.IsString() ? found->value.GetString() : std::string();
}

int int_of(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return 0;
    const auto found = object.FindMember(name);
    return found != object.MemberEnd() && found->value.IsInt() ? found->value.GetInt() : 0;
}

bool flag_of(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return false;
    const auto found = object.FindMember(name);
    return found != object.MemberEnd() && found->value.IsBool() && found->value.GetBool();
}

std::string json_object(const std::vector<std::pair<const char*, std::string>>& texts,
                        const std::vector<std::pair<const char*, int>>& numbers = {}) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> out(buffer);
    out.StartObject();
    for (const auto& [name, value] : texts) {
        out.Key(name);
        out.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    }
    for (const auto& [name, value] : numbers) {
        out.Key(name);
        out.Int(value);
    }
    out.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

// Worth sending again: the server was not reached, failed, or asked for a moment.
bool worth_again(const HttpResponse& response) {
    return !response.reached_server() || response.status >= 500 || response.status == 429;
}

bool succeeded(const HttpResponse& response) { return response.status >= 200 && response.status < 300; }

std::string unreachable_words(const HttpResponse& response) {
    if (!response.reached_server())
        return "The class cannot be reached just now" +
               (response.failure.empty() ? "" : " (" + response.failure + ")") + ".";
    return "The class server is busy just now.";
}

std::int64_t retry_delay_ms(int failures, int retry_after_seconds) {
    std::int64_t delay = kFirstRetryMs;
    for (int i = 1; i < failures && delay < kLongestRetryMs; ++i) delay *= 2;
    return std::max(std::min(delay, kLongestRetryMs), std::int64_t{retry_after_seconds} * 1000);
}

std::string trimmed_code(const std::string& code) {
    std::string kept;
    for (char c : code)
        if (!std::isspace(static_cast<unsigned char>(c)))
            kept += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return kept;
}

std::string trimmed(const std::string& text) {
    const auto first = std::find_if_not(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
    const auto last = std::find_if_not(text.rbegin(), text.rend(), [](unsigned char c) { return std::isspace(c); });
    return first < last.base() ? std::string(first, last.base()) : std::string();
}

}  // namespace

std::optional<JoinLink> read_join_link(const std::string& typed) {
    const std::string link = trimmed(typed);
    // "join=" starts the query or follows another parameter; never inside one's value.
    std::size_t parameter = link.find("?join=");
    if (parameter == std::string::npos) parameter = link.find("&join=");
    if (parameter == std::string::npos) return std::nullopt;
    parameter += std::string_view("?join=").size();
    const std::string code = trimmed_code(link.substr(parameter, link.find_first_of("&#", parameter) - parameter));
    if (code.empty()) return std::nullopt;
    const std::size_t host = link.find("://");
    const std::size_t path = link.find_first_of("/?", host == std::string::npos ? 0 : host + 3);
    return JoinLink{link.substr(0, path), code};
}

std::string refusal_words(const HttpResponse& response) {
    std::string words = text_of(parsed(response.body), "error");
    if (words.empty()) return "The class server refused this (HTTP " + std::to_string(response.status) + ").";
    words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    if (words.back() != '.') words += '.';
    return words;
}

PupilClient::PupilClient(ProgressStore& store, Connect connect, std::int64_t now_ms)
    : store_(store), connect_(std::move(connect)) {
    for (LiveAnswerRow& row : store_.live_answers()) pending_.push_back({std::move(row), false, 0, now_ms});
    token_ = store_.setting(kDevice, kTokenSetting).value_or("");
    if (!token_.empty()) {
        server_ = store_.setting(kDevice, kServerSetting).value_or("");
        class_code_ = store_.setting(kDevice, kCodeSetting).value_or("");
        nickname_ = store_.setting(kDevice, kNicknameSetting).value_or("");
        stage_ = PupilStage::Loading;
    } else if (!pending_.empty()) {
        server_ = pending_.front().row.server;
    }
}

HttpTransport* PupilClient::transport_for(const std::string& server) {
    if (!connect_) return nullptr;
    if (!transport_ || server != server_) {
        // Answers still on their way to the old server are sent again later.
        for (Pending& pending : pending_) pending.in_flight = false;
        exchanges_.clear();
        asking_for_card_ = false;
        server_ = server;
        transport_ = connect_(server);
    }
    return transport_.get();
}

void PupilClient::send(HttpRequest request, Exchange exchange) {
    HttpTransport* transport = transport_for(server_);
    if (!transport) return;
    exchanges_[transport->send(std::move(request))] = std::move(exchange);
}

std::optional<std::string> PupilClient::join(const std::string& typed_server, const std::string& code,
                                             const std::string& nickname) {
    const std::optional<JoinLink> link = read_join_link(typed_server);
    const std::string server = link ? link->server : typed_server;
    const std::string wanted = trimmed_code(code).empty() && link ? link->code : trimmed_code(code);
    if (wanted.empty()) return std::string("Type the class code from the board first.");
    if (std::optional<std::string> problem = nickname_problem(nickname)) {
        (*problem)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*problem)[0])));
        return *problem + ".";
    }
    if (!transport_for(server)) return std::string("Live classes cannot be joined from here.");
    problem_.clear();
    connection_problem_.clear();
    class_code_ = wanted;
    nickname_ = nickname;
    stage_ = PupilStage::Joining;
    send({"POST", "/api/join", json_object({{"code", wanted}, {"nickname", nickname}}), ""}, {Asked::Join, ""});
    return std::nullopt;
}

void PupilClient::answer(Verdict verdict, Confidence confidence, std::int64_t now_ms) {
    if (stage_ != PupilStage::Card || !card_) return;
    LiveAnswerRow row{new_review_uid(), server_, class_code_, token_, card_->id, verdict, confidence, now_ms};
    store_.keep_live_answer(row);
    last_answer_ = GivenLiveAnswer{row.key, row.card_id, verdict, AnswerFate::Sending};
    pending_.push_back({std::move(row), false, 0, now_ms});
    stage_ = PupilStage::Waiting;
    send_due_answers(now_ms);
}

void PupilClient::leave() {
    for (const char* setting : {kServerSetting, kCodeSetting, kTokenSetting, kNicknameSetting})
        store_.set_setting(kDevice, setting, "");
    stage_ = PupilStage::Out;
    token_.clear();
    card_.reset();
    last_answer_.reset();
    problem_.clear();
    connection_problem_.clear();
}

void PupilClient::remember_class() {
    store_.set_setting(kDevice, kServerSetting, server_);
    store_.set_setting(kDevice, kCodeSetting, class_code_);
    store_.set_setting(kDevice, kTokenSetting, token_);
    store_.set_setting(kDevice, kNicknameSetting, nickname_);
}

bool PupilClient::wants_updates() const {
    if (transport_ && transport_->busy()) return true;
    const bool polling = stage_ == PupilStage::Loading || stage_ == PupilStage::Waiting;
    return polling || std::any_of(pending_.begin(), pending_.end(),
                                  [&](const Pending& p) { return p.row.server == server_ && !p.in_flight; });
}

void PupilClient::update(std::int64_t now_ms) {
    if (transport_)
        for (HttpTransport::Finished& finished : transport_->take_finished()) {
            const auto found = exchanges_.find(finished.ticket);
            if (found == exchanges_.end()) continue;
            const Exchange exchange = std::move(found->second);
            exchanges_.erase(found);
            take(finished.response, exchange, now_ms);
        }
    send_due_answers(now_ms);
    ask_for_card(now_ms);
}

void PupilClient::send_due_answers(std::int64_t now_ms) {
    for (Pending& pending : pending_) {
        if (pending.in_flight || pending.send_at_ms > now_ms || pending.row.server != server_) continue;
        if (!transport_for(server_)) return;
        const LiveAnswerRow& row = pending.row;
        const std::string body =
            json_object({{"token", row.token},
                         {"card", row.card_id},
                         {"verdict", std::string(to_string(row.verdict))},
                         {"key", row.key}},
                        row.confidence == Confidence::Unstated
                            ? std::vector<std::pair<const char*, int>>{}
                            : std::vector<std::pair<const char*, int>>{{"confidence", percent(row.confidence)}});
        pending.in_flight = true;
        send({"POST", "/api/answers", body, ""}, {Asked::Answer, row.key});
    }
}

// While the pupil waits (or has just joined) the class's card is asked for
// again on a gentle timer; one request at a time.
void PupilClient::ask_for_card(std::int64_t now_ms) {
    const bool wanted = stage_ == PupilStage::Loading || stage_ == PupilStage::Waiting;
    if (!wanted || asking_for_card_ || now_ms < ask_for_card_at_ms_ || token_.empty()) return;
    asking_for_card_ = true;
    send({"GET", "/api/classes/" + class_code_ + "/card", "", token_}, {Asked::Card, ""});
    if (!transport_) asking_for_card_ = false;
}

void PupilClient::take(const HttpResponse& response, const Exchange& exchange, std::int64_t now_ms) {
    if (response.reached_server() && response.status < 500 && response.status != 429) connection_problem_.clear();
    switch (exchange.asked) {
        case Asked::Join: return take_joined(response, now_ms);
        case Asked::Card: return take_card(response, now_ms);
        case Asked::Answer: return take_confirmation(response, exchange.key, now_ms);
    }
}

void PupilClient::take_joined(const HttpResponse& response, std::int64_t now_ms) {
    if (!succeeded(response)) {
        stage_ = PupilStage::Out;
        if (!response.reached_server() || response.status >= 500)
            problem_ = unreachable_words(response) + " Check the Wi-Fi and press Join again.";
        else
            problem_ = refusal_words(response);
        // A code mistyped is the usual reason: say where the right one is.
        if (response.status == 404) {
            problem_.pop_back();  // its full stop
            problem_ += " \u2014 check the code on the board";
        }
        return;
    }
    const rapidjson::Document joined = parsed(response.body);
    token_ = text_of(joined, "token");
    nickname_ = text_of(joined, "nickname");
    class_code_ = text_of(joined, "code");
    class_title_ = text_of(joined, "title");
    last_answer_.reset();
    card_.reset();
    saved_cards_.clear();
    remember_class();
    stage_ = PupilStage::Loading;
    ask_for_card_at_ms_ = now_ms;
}

void PupilClient::take_card(const HttpResponse& response, std::int64_t now_ms) {
    asking_for_card_ = false;
    ask_for_card_at_ms_ = now_ms + kPollEveryMs;
    if (worth_again(response)) {
        connection_problem_ = unreachable_words(response);
        return;
    }
    if (!succeeded(response)) {
        // The class is gone from the server (or this pupil with it): back to joining.
        problem_ = refusal_words(response);
        stage_ = response.status == 410 ? PupilStage::Ended : PupilStage::Out;
        return;
    }
    const rapidjson::Document view = parsed(response.body);
    class_title_ = text_of(view, "title");
    if (flag_of(view, "ended")) {
        stage_ = PupilStage::Ended;
        card_.reset();
        return;
    }
    const auto card = view.FindMember("card");
    const bool has_card = card != view.MemberEnd() && card->value.IsObject();
    const std::string id = has_card ? text_of(card->value, "id") : "";
    if (!has_card || flag_of(view, "answered") || answered_here(id)) {
        stage_ = PupilStage::Waiting;
        return;
    }
    card_ = PupilCard{id, text_of(card->value, "text"), int_of(view, "position"), int_of(view, "cards")};
    stage_ = PupilStage::Card;
}

bool PupilClient::answered_here(const std::string& card_id) const {
    return saved_cards_.count(card_id) > 0 || std::any_of(pending_.begin(), pending_.end(), [&](const Pending& p) {
               return p.row.card_id == card_id && p.row.token == token_;
           });
}

void PupilClient::take_confirmation(const HttpResponse& response, const std::string& key, std::int64_t now_ms) {
    const auto found =
        std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.row.key == key; });
    if (found == pending_.end()) return;
    found->in_flight = false;
    if (worth_again(response)) {
        connection_problem_ = unreachable_words(response);
        ++found->failures;
        found->send_at_ms = now_ms + retry_delay_ms(found->failures, response.retry_after_seconds);
        return;
    }
    if (succeeded(response)) {
        forget(key, AnswerFate::Saved);
        ask_for_card_at_ms_ = now_ms;  // the next card, at once (own pace) or when the teacher moves on
        return;
    }
    // Refused for good (the class ended, the card is not in it): sending it
    // again would be refused again, so it is no longer kept.
    problem_ = refusal_words(response);
    forget(key, AnswerFate::Refused);
}

void PupilClient::forget(const std::string& key, AnswerFate fate) {
    for (const Pending& pending : pending_)
        if (pending.row.key == key && pending.row.token == token_ && fate == AnswerFate::Saved)
            saved_cards_.insert(pending.row.card_id);
    store_.forget_live_answer(key);
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.row.key == key; }),
                   pending_.end());
    if (last_answer_ && last_answer_->key == key) last_answer_->fate = fate;
}

}  // namespace claimdeck::live
