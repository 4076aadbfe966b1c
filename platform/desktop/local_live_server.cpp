#include "local_live_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bundled_content.hpp"
#include "content/deck_import.hpp"

namespace claimdeck::desktop {
namespace {

const char* const kKeyLine = "Teacher key: ";
const char* const kAddressLine = "Live class server on http://";
// The server ends cleanly on SIGTERM within a moment; past this it is killed.
constexpr auto kStopGrace = std::chrono::seconds(3);

// The port in "Live class server on http://0.0.0.0:PORT/".
std::optional<int> port_in(const std::string& line) {
    if (line.rfind(kAddressLine, 0) != 0) return std::nullopt;
    const std::size_t colon = line.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    const int port = std::atoi(line.c_str() + colon + 1);
    return port > 0 ? std::optional<int>(port) : std::nullopt;
}

// The key in "Teacher key: KEY  (shown once: note it now)".
std::string key_in(const std::string& line) {
    if (line.rfind(kKeyLine, 0) != 0) return "";
    const std::string rest = line.substr(std::string(kKeyLine).size());
    return rest.substr(0, rest.find(' '));
}

bool is_private(in_addr_t address) {
    const std::uint32_t host = ntohl(address);
    return (host >> 24) == 10 || (host >> 20) == (172u << 4 | 1) || (host >> 16) == (192u << 8 | 168);
}

// The app's own program file: argv[0] is a bare name when the app was found
// on the PATH, but the kernel knows where it is.
std::filesystem::path running_program(const std::filesystem::path& app_program) {
    std::error_code error;
    std::filesystem::path app = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? app_program : app;
}

// Said in red beside the join link when no web app was found: phones that
// open the link would get a page saying so instead of the class.
std::string missing_web_app_note(const std::vector<std::filesystem::path>& looked_in) {
    std::string places;
    for (const std::filesystem::path& folder : looked_in) places += (places.empty() ? "" : ", ") + folder.u8string();
    return "Phones cannot open this link: the web app was not found (looked in " + places +
           "). Install the whole ClaimDeck package, or build the web app with ./dev web, and start the class again.";
}

class ChildServer : public live::LocalServer {
public:
    ChildServer(const std::filesystem::path& program, std::vector<std::string> arguments, std::string web_app_note)
        : web_app_note_(std::move(web_app_note)) {
        // Everything the child needs is made before fork(): between fork and
        // exec it may only call what is safe in a copy of a threaded process.
        arguments.insert(arguments.begin(), program.u8string());
        std::vector<char*> argv;
        for (std::string& argument : arguments) argv.push_back(argument.data());
        argv.push_back(nullptr);
        int pipe_ends[2];
        if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
            failure_ = "no pipe could be made to read it";
            return;
        }
        pid_ = ::fork();
        if (pid_ == 0) run_child(argv.data(), pipe_ends);
        ::close(pipe_ends[1]);
        if (pid_ < 0) {
            ::close(pipe_ends[0]);
            failure_ = "no process could be started for it";
            return;
        }
        reader_ = std::thread([this, output = pipe_ends[0]] { read_output(output); });
    }

    ~ChildServer() override {
        if (pid_ > 0) stop();
        if (reader_.joinable()) reader_.join();
    }

    std::optional<live::ServerAccess> access() override {
        std::lock_guard<std::mutex> lock(mutex_);
        return access_;
    }

    std::string failure() override {
        std::lock_guard<std::mutex> lock(mutex_);
        return failure_;
    }

private:
    [[noreturn]] static void run_child(char* const argv[], const int pipe_ends[2]) {
        // The server goes when the app goes, even if the app is killed.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::dup2(pipe_ends[1], STDOUT_FILENO);
        ::dup2(pipe_ends[1], STDERR_FILENO);
        ::close(pipe_ends[0]);
        ::close(pipe_ends[1]);
        ::execv(argv[0], argv);
        const char message[] = "claimdeck-server could not be run\n";
        [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(127);
    }

    // Reads what the server prints until it closes its output; the last
    // line it printed before failing is the reason shown.
    void read_output(int output) {
        FILE* stream = ::fdopen(output, "r");
        std::string key, last_line;
        char buffer[1024];
        while (stream && std::fgets(buffer, sizeof buffer, stream)) {
            std::string line(buffer);
            while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
            if (!line.empty()) last_line = line;
            if (std::string found = key_in(line); !found.empty()) key = found;
            if (std::optional<int> port = port_in(line)) ready(key, *port);
        }
        if (stream) std::fclose(stream);
        std::lock_guard<std::mutex> lock(mutex_);
        access_.reset();
        failure_ = last_line.empty() ? "it stopped without saying why" : last_line;
    }

    void ready(const std::string& key, int port) {
        const std::string own = network_address();
        const std::string port_text = ":" + std::to_string(port);
        live::ServerAccess access{"http://127.0.0.1" + port_text,
                                  "http://" + (own.empty() ? "127.0.0.1" : own) + port_text, key, "", web_app_note_};
        if (own.empty())
            access.address_note =
                "This computer has no network address but its own (127.0.0.1), so phones cannot reach this link. "
                "Connect it to the classroom's Wi-Fi and start the class again.";
        if (key.empty()) {
            std::lock_guard<std::mutex> lock(mutex_);
            failure_ = "it did not say its teacher key";
            return;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        access_ = std::move(access);
    }

    void stop() {
        ::kill(pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + kStopGrace;
        while (::waitpid(pid_, nullptr, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, nullptr, 0);
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    const std::string web_app_note_;
    pid_t pid_ = -1;
    std::thread reader_;
    std::mutex mutex_;
    std::optional<live::ServerAccess> access_;
    std::string failure_;
};

// A server that could not be started at all, for the class to say why.
class FailedServer : public live::LocalServer {
public:
    explicit FailedServer(std::string why) : why_(std::move(why)) {}
    std::optional<live::ServerAccess> access() override { return std::nullopt; }
    std::string failure() override { return why_; }

private:
    std::string why_;
};

}  // namespace

std::filesystem::path find_server_program(const std::filesystem::path& app_program) {
    std::error_code error;
    const std::filesystem::path beside = running_program(app_program).parent_path() / "claimdeck-server";
    if (std::filesystem::is_regular_file(beside, error)) return beside;
    const std::filesystem::path built = CLAIMDECK_SERVER_BUILT;
    if (std::filesystem::is_regular_file(built, error)) return built;
    return {};
}

std::unique_ptr<live::LocalServer> start_local_server(const LocalServerPlace& place, const Deck& deck) {
    if (place.program.empty())
        return std::make_unique<FailedServer>(
            "claimdeck-server was not found beside claimdeck (install the whole package, or name a server)");
    // The app's own folder: a server the teacher runs with ./dev serve keeps
    // its key in the default one, and --new-teacher-key must not replace it.
    const std::filesystem::path folder = place.data_dir / "live-local";
    const std::filesystem::path deck_folder = folder / "deck";
    std::error_code error;
    std::filesystem::remove_all(deck_folder, error);
    if (std::string problem = write_deck_folder(deck, deck_folder); !problem.empty())
        return std::make_unique<FailedServer>("the deck could not be written for it: " + problem);
    std::vector<std::string> arguments{"--port",           "0",
                                       "--host",           "0.0.0.0",
                                       "--data-dir",       folder.u8string(),
                                       "--deck",           deck_file_in(deck_folder, deck.id).u8string(),
                                       "--new-teacher-key"};
    // Without a web app the class still runs (a pupil may join from the
    // desktop app, or a web app served elsewhere), but the projector says so.
    std::string web_app_note;
    const std::filesystem::path web_app = first_web_app(place.web_app_folders);
    if (!web_app.empty())
        arguments.insert(arguments.end(), {"--web-root", web_app.u8string()});
    else
        web_app_note = missing_web_app_note(place.web_app_folders);
    return std::make_unique<ChildServer>(place.program, std::move(arguments), std::move(web_app_note));
}

std::string network_address() {
    ifaddrs* all = nullptr;
    if (::getifaddrs(&all) != 0) return "";
    std::string found, any;
    for (ifaddrs* entry = all; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET) continue;
        if (!(entry->ifa_flags & IFF_UP) || (entry->ifa_flags & IFF_LOOPBACK)) continue;
        const in_addr address = reinterpret_cast<sockaddr_in*>(entry->ifa_addr)->sin_addr;
        char text[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &address, text, sizeof text);
        // A classroom's Wi-Fi hands out private addresses; prefer one.
        if (is_private(address.s_addr) && found.empty()) found = text;
        if (any.empty()) any = text;
    }
    ::freeifaddrs(all);
    return found.empty() ? any : found;
}

}  // namespace claimdeck::desktop
