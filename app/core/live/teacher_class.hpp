// The teacher's side of a live class, as the app runs it: start the class on
// a server (one the app started on this computer, or one named by its address
// and teacher key), watch its dashboard, move the class on, end it. Nothing
// here blocks or draws: requests go through an HttpTransport and update()
// collects their answers each frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "live/http_transport.hpp"
#include "live/live_json.hpp"

namespace claimdeck::live {

// How the app and the pupils reach a server.
struct ServerAccess {
    std::string address;        // where this app reaches it: "http://127.0.0.1:8470"
    std::string pupil_address;  // where pupils' phones reach it: "http://192.168.1.5:8470"
    std::string teacher_key;
    // Said beside the join link when phones may not reach it (no network
    // address but this computer's own); empty when all is well.
    std::string address_note;
    // Said beside the join link when the server has no web app to give the
    // phones that open it; empty when it has one.
    std::string web_app_note;
};

// A claimdeck-server the app started on this computer (platform/desktop).
// It stops when this is destroyed.
class LocalServer {
public:
    virtual ~LocalServer() = default;
    // Set once the server has said where it listens and its teacher key.
    virtual std::optional<ServerAccess> access() = 0;
    // Why it did not start, or stopped; empty while all is well.
    virtual std::string failure() = 0;
};

// A server named by the teacher: "192.168.1.5:8470/" is read as
// "http://192.168.1.5:8470", which both the app and the pupils use.
ServerAccess named_server(std::string_view typed_address, std::string_view teacher_key);

using Connect = std::function<std::unique_ptr<HttpTransport>(const std::string& server_address)>;

// The dashboard is asked for this often while the class runs.
inline constexpr std::int64_t kDashboardEveryMs = 1000;

enum class TeacherStage { StartingServer, Creating, Running, Ending, Ended, Failed };

class TeacherClass {
public:
    // On a server the app started: the class is created once it is ready.
    TeacherClass(ClassRequest request, std::unique_ptr<LocalServer> server, Connect connect);
    // On a server named by its address and teacher key.
    TeacherClass(ClassRequest request, ServerAccess access, Connect connect);
    ~TeacherClass();
    TeacherClass(const TeacherClass&) = delete;
    TeacherClass& operator=(const TeacherClass&) = delete;

    // Takes in what came back and sends what is due; call every frame.
    void update(std::int64_t now_ms);
    void move_on();  // teacher pace: the class goes to the next card
    // The class ends; its last dashboard and every pupil's answers are
    // fetched. A server the app started stops with this object.
    void end();

    TeacherStage stage() const { return stage_; }
    // What went wrong last, in plain words; empty when nothing did.
    const std::string& problem() const { return problem_; }
    const std::optional<ServerAccess>& access() const { return access_; }
    // After the class is made: its join code, pace, where it is.
    const std::optional<ClassState>& state() const { return state_; }
    // The last dashboard the server sent.
    const std::optional<Dashboard>& dashboard() const { return dashboard_; }
    // Once ended: each pupil's answers, for the class report (class_results.hpp).
    const std::optional<std::vector<PupilAnswers>>& answers() const { return answers_; }
    // What pupils open: "<pupil address>/?join=CODE"; empty before the class is made.
    std::string join_link() const;
    // True while something is under way (the server starting, a request):
    // the frame loop keeps drawing to collect it.
    bool busy() const;

private:
    enum class Asked { Create, Dashboard, MoveOn, End, Answers };

    void wait_for_server();
    void connect_to(ServerAccess access);
    void send(Asked asked, HttpRequest request);
    void take(Asked asked, const HttpResponse& response);
    void created(const HttpResponse& response);
    void dashboard_came(const HttpResponse& response);
    void state_came(Asked asked, const HttpResponse& response);
    void answers_came(const HttpResponse& response);
    void fail(std::string why);
    std::string class_path(const char* what) const;

    ClassRequest request_;
    std::unique_ptr<LocalServer> server_;
    Connect connect_;
    std::optional<ServerAccess> access_;
    std::unique_ptr<HttpTransport> transport_;
    std::vector<std::pair<HttpTransport::Ticket, Asked>> waiting_;
    TeacherStage stage_ = TeacherStage::StartingServer;
    std::string problem_;
    std::optional<ClassState> state_;
    std::optional<Dashboard> dashboard_;
    std::optional<std::vector<PupilAnswers>> answers_;
    std::int64_t dashboard_due_ms_ = 0;
    bool final_dashboard_asked_ = false;
};

// What a reply that is not a success means, in words: the server's own
// message when it sent one, else why no answer came.
std::string describe_failure(const HttpResponse& response);

}  // namespace claimdeck::live
