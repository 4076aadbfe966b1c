#include "live_fetch.hpp"

#include <emscripten.h>

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace claimdeck::web {
namespace {

// Starts a fetch; `transport` and `ticket` come back with its answer. A
// request that has no answer after 15 s is given up (status 0), so an answer
// lost with a sleeping phone's Wi-Fi is sent again rather than waited for.
// The page is told there was activity so the next animation frame draws.
EM_JS(void, live_fetch_js,
      (int transport, double ticket, const char* method, const char* path, const char* body, const char* bearer), {
          const text = UTF8ToString(body);
          const key = UTF8ToString(bearer);
          const headers = {};
          if (text) headers['Content-Type'] = 'application/json';
          if (key) headers['Authorization'] = 'Bearer ' + key;
          const controller = new AbortController();
          const timer = setTimeout(
              function() { controller.abort(); }, 15000);
          const finish = function(status, reply, failure, retryAfter) {
              clearTimeout(timer);
              ccall('claimdeck_web_live_finished', null, [ 'number', 'number', 'number', 'string', 'string', 'number' ],
                    [ transport, ticket, status, reply, failure, retryAfter ]);
              Module.claimdeckActivity = 1;
          };
          fetch(UTF8ToString(path), {
              method : UTF8ToString(method),
              headers : headers,
              body : text || undefined,
              cache : 'no-store',
              signal : controller.signal
          })
              .then(function(response) {
                  return response.text().then(function(reply) {
                      finish(response.status, reply, "", parseInt(response.headers.get('Retry-After') || '0', 10) || 0);
                  });
              })
              .catch(function() {
                  finish(0, "", !navigator.onLine ? 'this device is offline' : 'no answer from the server', 0);
              });
      });

class FetchTransport;
// The transports alive, by number: an answer for one already gone is dropped.
std::map<int, FetchTransport*>& transports() {
    static std::map<int, FetchTransport*> alive;
    return alive;
}

class FetchTransport : public live::HttpTransport {
public:
    explicit FetchTransport(std::string server) : server_(std::move(server)) {
        static int last = 0;
        number_ = ++last;
        transports()[number_] = this;
    }
    ~FetchTransport() override { transports().erase(number_); }
    FetchTransport(const FetchTransport&) = delete;
    FetchTransport& operator=(const FetchTransport&) = delete;

    Ticket send(live::HttpRequest request) override {
        const Ticket ticket = ++last_ticket_;
        open_.insert(ticket);
        const std::string path = server_ + request.path;
        live_fetch_js(number_, static_cast<double>(ticket), request.method.c_str(), path.c_str(), request.body.c_str(),
                      request.bearer.c_str());
        return ticket;
    }
    std::vector<Finished> take_finished() override { return std::exchange(finished_, {}); }
    bool busy() const override { return !open_.empty(); }

    void finished(Ticket ticket, live::HttpResponse response) {
        if (open_.erase(ticket) == 0) return;
        finished_.push_back({ticket, std::move(response)});
    }

private:
    std::string server_;
    int number_ = 0;
    Ticket last_ticket_ = 0;
    std::set<Ticket> open_;
    std::vector<Finished> finished_;
};

}  // namespace

std::unique_ptr<live::HttpTransport> connect_live(const std::string& server_address) {
    std::string server = server_address;
    while (!server.empty() && server.back() == '/') server.pop_back();
    if (!server.empty() && server.find("://") == std::string::npos) server = "http://" + server;
    return std::make_unique<FetchTransport>(server);
}

}  // namespace claimdeck::web

extern "C" EMSCRIPTEN_KEEPALIVE void claimdeck_web_live_finished(int transport, double ticket, int status,
                                                                 const char* body, const char* failure,
                                                                 int retry_after_seconds) {
    const auto found = claimdeck::web::transports().find(transport);
    if (found == claimdeck::web::transports().end()) return;
    claimdeck::live::HttpResponse response;
    response.status = status;
    response.body = body;
    response.failure = failure;
    response.retry_after_seconds = retry_after_seconds;
    found->second->finished(static_cast<claimdeck::live::HttpTransport::Ticket>(ticket), std::move(response));
}
