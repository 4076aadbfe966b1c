// Records where widgets are drawn, for the browser tests (see inspect.cpp).
#pragma once

namespace claimdeck::web {

void inspect_frame_begins();                 // before ImGui::NewFrame()
void inspect_frame_ends(float pixel_ratio);  // after ImGui::Render()

}  // namespace claimdeck::web
