// How the app talks to a live class server. The core says what is sent and
// reads what comes back; each platform brings the wire (platform/desktop: an
// HTTP client on a thread of its own; platform/web: the browser's fetch).
// Nothing here blocks: send() returns at once and the frame loop collects
// finished exchanges with take_finished(), so a slow or absent server never
// holds a frame.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace claimdeck::live {

struct HttpRequest {
    std::string method;  // "GET" or "POST"
    std::string path;    // "/api/join"; the server's address is the transport's
    std::string body;    // JSON, sent with Content-Type: application/json when not empty
    std::string bearer;  // the teacher key, sent as "Authorization: Bearer KEY" when not empty
};

struct HttpResponse {
    // 0 when no answer came (refused, unreachable, timed out); `failure`
    // then says why in words a learner can read.
    int status = 0;
    std::string body;
    std::string failure;
    int retry_after_seconds = 0;  // from a 429 or 503's Retry-After, 0 when absent

    bool reached_server() const { return status != 0; }
};

class HttpTransport {
public:
    using Ticket = std::uint64_t;
    struct Finished {
        Ticket ticket = 0;
        HttpResponse response;
    };

    virtual ~HttpTransport() = default;
    // Starts an exchange and returns its ticket; never blocks.
    virtual Ticket send(HttpRequest request) = 0;
    // The exchanges finished since the last call, in the order they finished.
    virtual std::vector<Finished> take_finished() = 0;
    // True while any exchange is under way: the frame loop keeps drawing
    // (and so collecting) until it is false.
    virtual bool busy() const = 0;
};

}  // namespace claimdeck::live
