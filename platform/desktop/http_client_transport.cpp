#include "http_client_transport.hpp"

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace claimdeck::desktop {
namespace {

// A server on the classroom's network answers in milliseconds; these only
// bound how long an unplugged one keeps the teacher waiting for the message.
constexpr time_t kConnectSeconds = 3;
constexpr time_t kReplySeconds = 10;

int retry_after_of(const httplib::Response& response) {
    const std::string value = response.get_header_value("Retry-After");
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 5) return 0;
    return std::stoi(value);
}

live::HttpResponse run_exchange(httplib::Client& client, const std::string& address, const live::HttpRequest& request) {
    httplib::Headers headers;
    if (!request.bearer.empty()) headers.emplace("Authorization", "Bearer " + request.bearer);
    const httplib::Result result = request.method == "POST"
                                       ? client.Post(request.path, headers, request.body, "application/json")
                                       : client.Get(request.path, headers);
    live::HttpResponse response;
    if (!result) {
        response.failure = "the server at " + address + " did not answer (" + httplib::to_string(result.error()) + ")";
        return response;
    }
    response.status = result->status;
    response.body = result->body;
    response.retry_after_seconds = retry_after_of(*result);
    return response;
}

class HttpClientTransport : public live::HttpTransport {
public:
    HttpClientTransport(const std::string& address, std::function<void()> wake)
        : address_(address), client_(address), wake_(std::move(wake)) {
        client_.set_connection_timeout(kConnectSeconds);
        client_.set_read_timeout(kReplySeconds);
        client_.set_keep_alive(true);
        worker_ = std::thread([this] { work(); });
    }

    ~HttpClientTransport() override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        queued_.notify_all();
        client_.stop();  // an exchange under way ends now, not at its timeout
        worker_.join();
    }

    Ticket send(live::HttpRequest request) override {
        std::lock_guard<std::mutex> lock(mutex_);
        const Ticket ticket = ++last_ticket_;
        queue_.push_back({ticket, std::move(request)});
        queued_.notify_one();
        return ticket;
    }

    std::vector<Finished> take_finished() override {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(finished_, {});
    }

    bool busy() const override {
        std::lock_guard<std::mutex> lock(mutex_);
        return !queue_.empty() || in_flight_;
    }

private:
    struct Queued {
        Ticket ticket;
        live::HttpRequest request;
    };

    void work() {
        for (;;) {
            Queued next;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (stopping_) return;
                next = std::move(queue_.front());
                queue_.pop_front();
                in_flight_ = true;
            }
            live::HttpResponse response = run_exchange(client_, address_, next.request);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                finished_.push_back({next.ticket, std::move(response)});
                in_flight_ = false;
            }
            wake_();
        }
    }

    std::string address_;
    httplib::Client client_;
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<Queued> queue_;
    std::vector<Finished> finished_;
    Ticket last_ticket_ = 0;
    bool in_flight_ = false;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace

std::unique_ptr<live::HttpTransport> connect_http(const std::string& server_address, std::function<void()> wake) {
    return std::make_unique<HttpClientTransport>(server_address, std::move(wake));
}

}  // namespace claimdeck::desktop
