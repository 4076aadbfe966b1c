// The live class's wire in the browser: each request is the page's own
// fetch(), to a path on the server the page came from. The answer comes
// back through claimdeck_web_live_finished() and wakes the frame loop, so
// the app is drawn (and the answer taken in) as soon as it arrives.
#pragma once

#include <memory>
#include <string>

#include "live/http_transport.hpp"

namespace claimdeck::web {

// `server_address` empty: the page's own server (the only one a page may
// reach without CORS); otherwise prefixed to each path.
std::unique_ptr<live::HttpTransport> connect_live(const std::string& server_address);

}  // namespace claimdeck::web
