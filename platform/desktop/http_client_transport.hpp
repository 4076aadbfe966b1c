// The desktop's wire to a live class server: cpp-httplib's client on a
// thread of its own, so a slow or absent server never holds a frame. Each
// finished exchange calls `wake` (from that thread), for the event-driven
// frame loop to draw and collect it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "live/http_transport.hpp"

namespace claimdeck::desktop {

std::unique_ptr<live::HttpTransport> connect_http(const std::string& server_address, std::function<void()> wake);

}  // namespace claimdeck::desktop
