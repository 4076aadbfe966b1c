// Between a live class's cards: joining, waiting for the teacher to move
// the class on (the page asks by itself), and the end of the class.
#pragma once

#include "actions.hpp"
#include "live/pupil_client.hpp"

namespace claimdeck::ui {

Action draw_live_wait_screen(const live::PupilClient& pupil);

}  // namespace claimdeck::ui
