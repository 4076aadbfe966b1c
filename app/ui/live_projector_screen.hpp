// The live class on the projector: the join code as large as the window
// allows, the join link and its QR code for phones to scan, and how many
// pupils have joined. While the class server starts, it says so; when it
// could not, it says why.
#pragma once

#include "actions.hpp"
#include "live/qr_code.hpp"
#include "live/teacher_class.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_live_projector_screen(const live::TeacherClass& live, const live::QrCode& qr);

// What the live screens say while the class is not running (starting,
// failed, ended), with the way back; shared by the projector and the dashboard.
Action draw_live_class_not_running(const live::TeacherClass& live, float width);

}  // namespace claimdeck::ui
