// "Join a live class": the code from the board and a nickname, nothing
// else. A link or QR code with ?join=CODE opens it with the code filled in.
#pragma once

#include <string>

#include "actions.hpp"
#include "live/pupil_client.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct LiveJoinView {
    std::string code;
    std::string nickname;
    std::string server;   // asked only where the page did not come from the server (the desktop)
    std::string problem;  // why the typed code or nickname cannot be used
};

Action draw_live_join_screen(const live::PupilClient& pupil, LiveJoinView& view, bool ask_server);

}  // namespace claimdeck::ui
