#include "live/teacher_class.hpp"

#include <algorithm>

namespace claimdeck::live {
namespace {

// A reply's problems, in one line, for a server that answered in a shape
// this app does not know (another version).
std::string unreadable(const std::vector<Problem>& problems) {
    std::string message = "the server's answer could not be read (is it another version of ClaimDeck?)";
    if (!problems.empty()) message += ": " + problems.front().message;
    return message;
}

// Without the spaces and line ends a paste brings along.
std::string_view trimmed(std::string_view text) {
    const char* const space = " \t\r\n";
    const std::size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

}  // namespace

std::string describe_failure(const HttpResponse& response) {
    if (!response.reached_server()) return response.failure;
    const std::string message = error_message_of(response.body);
    return message.empty() ? "the server answered with status " + std::to_string(response.status) : message;
}

ServerAccess named_server(std::string_view typed_address, std::string_view teacher_key) {
    std::string address(trimmed(typed_address));
    while (!address.empty() && address.back() == '/') address.pop_back();
    if (address.find("://") == std::string::npos) address = "http://" + address;
    return {address, address, std::string(trimmed(teacher_key)), "", ""};
}

TeacherClass::TeacherClass(ClassRequest request, std::unique_ptr<LocalServer> server, Connect connect)
    : request_(std::move(request)), server_(std::move(server)), connect_(std::move(connect)) {}

TeacherClass::TeacherClass(ClassRequest request, ServerAccess access, Connect connect)
    : request_(std::move(request)), connect_(std::move(connect)) {
    connect_to(std::move(access));
}

// The transport goes first: its exchanges may still be reaching the server.
TeacherClass::~TeacherClass() { transport_.reset(); }

void TeacherClass::update(std::int64_t now_ms) {
    if (stage_ == TeacherStage::StartingServer) wait_for_server();
    if (!transport_) return;
    for (HttpTransport::Finished& finished : transport_->take_finished()) {
        const auto asked = std::find_if(waiting_.begin(), waiting_.end(),
                                        [&](const auto& entry) { return entry.first == finished.ticket; });
        if (asked == waiting_.end()) continue;
        const Asked what = asked->second;
        waiting_.erase(asked);
        take(what, finished.response);
    }
    const bool dashboard_waiting = std::any_of(waiting_.begin(), waiting_.end(),
                                               [](const auto& entry) { return entry.second == Asked::Dashboard; });
    if (stage_ == TeacherStage::Running && !dashboard_waiting && now_ms >= dashboard_due_ms_) {
        send(Asked::Dashboard, {"GET", class_path("dashboard"), "", access_->teacher_key});
        dashboard_due_ms_ = now_ms + kDashboardEveryMs;
    }
}

void TeacherClass::move_on() {
    if (stage_ != TeacherStage::Running) return;
    send(Asked::MoveOn, {"POST", class_path("next"), "", access_->teacher_key});
}

void TeacherClass::end() {
    if (stage_ == TeacherStage::Running) {
        stage_ = TeacherStage::Ending;
        send(Asked::End, {"POST", class_path("end"), "", access_->teacher_key});
        return;
    }
    if (stage_ == TeacherStage::Ending) return;
    // Not started yet, or failed: nothing to tell the server.
    stage_ = TeacherStage::Ended;
    transport_.reset();
    server_.reset();
}

std::string TeacherClass::join_link() const {
    if (!state_ || !access_) return "";
    return access_->pupil_address + "/?join=" + state_->code;
}

bool TeacherClass::busy() const { return stage_ != TeacherStage::Ended && stage_ != TeacherStage::Failed; }

void TeacherClass::wait_for_server() {
    if (std::optional<ServerAccess> ready = server_->access()) return connect_to(std::move(*ready));
    if (std::string failure = server_->failure(); !failure.empty())
        fail("The class server on this computer could not start: " + failure);
}

void TeacherClass::connect_to(ServerAccess access) {
    access_ = std::move(access);
    transport_ = connect_(access_->address);
    stage_ = TeacherStage::Creating;
    send(Asked::Create, {"POST", "/api/classes", class_request_json(request_), access_->teacher_key});
}

void TeacherClass::send(Asked asked, HttpRequest request) {
    waiting_.emplace_back(transport_->send(std::move(request)), asked);
}

void TeacherClass::take(Asked asked, const HttpResponse& response) {
    switch (asked) {
        case Asked::Create: return created(response);
        case Asked::Dashboard: return dashboard_came(response);
        case Asked::MoveOn:
        case Asked::End: return state_came(asked, response);
        case Asked::Answers: return answers_came(response);
    }
}

void TeacherClass::created(const HttpResponse& response) {
    if (response.status != 201) return fail("The class could not be started: " + describe_failure(response));
    Parsed<ClassState> parsed = parse_class_state_reply(response.body);
    if (!parsed.request) return fail("The class could not be started: " + unreadable(parsed.problems));
    state_ = std::move(parsed.request);
    stage_ = TeacherStage::Running;
    problem_.clear();
}

void TeacherClass::dashboard_came(const HttpResponse& response) {
    Parsed<Dashboard> parsed;
    if (response.status == 200) parsed = parse_dashboard_reply(response.body);
    if (parsed.request) {
        dashboard_ = std::move(parsed.request);
        state_ = dashboard_->state;
        problem_.clear();
    } else {
        problem_ = "The class's answers could not be fetched just now (" +
                   (response.status == 200 ? unreadable(parsed.problems) : describe_failure(response)) +
                   "); trying again.";
    }
    if (!final_dashboard_asked_) return;
    final_dashboard_asked_ = false;
    send(Asked::Answers, {"GET", class_path("answers"), "", access_->teacher_key});
}

// The last thing asked of an ended class. A server started on this computer
// stays up until the teacher starts another class or quits, so that phones
// still asking for a card are told the class has ended rather than finding
// nobody there.
void TeacherClass::answers_came(const HttpResponse& response) {
    Parsed<std::vector<PupilAnswers>> parsed;
    if (response.status == 200) parsed = parse_class_answers_reply(response.body);
    if (parsed.request)
        answers_ = std::move(parsed.request);
    else
        problem_ = "The pupils' answers could not be fetched for the class report (" +
                   (response.status == 200 ? unreadable(parsed.problems) : describe_failure(response)) + ").";
    stage_ = TeacherStage::Ended;
}

void TeacherClass::state_came(Asked asked, const HttpResponse& response) {
    Parsed<ClassState> parsed;
    if (response.status == 200) parsed = parse_class_state_reply(response.body);
    if (parsed.request)
        state_ = std::move(parsed.request);
    else
        problem_ =
            std::string(asked == Asked::End ? "The class could not be ended: " : "The class could not move on: ") +
            (response.status == 200 ? unreadable(parsed.problems) : describe_failure(response));
    if (asked == Asked::MoveOn) {
        dashboard_due_ms_ = 0;  // show the new card's (empty) totals at once
        return;
    }
    if (!parsed.request) {
        stage_ = TeacherStage::Running;  // the teacher can try again
        return;
    }
    final_dashboard_asked_ = true;
    send(Asked::Dashboard, {"GET", class_path("dashboard"), "", access_->teacher_key});
}

void TeacherClass::fail(std::string why) {
    stage_ = TeacherStage::Failed;
    problem_ = std::move(why);
    server_.reset();
}

std::string TeacherClass::class_path(const char* what) const { return "/api/classes/" + state_->code + "/" + what; }

}  // namespace claimdeck::live
