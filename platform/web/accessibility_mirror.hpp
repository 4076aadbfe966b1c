// The page outline (app/ui/page_outline.hpp) mirrored into hidden HTML that
// screen readers read: headings, paragraphs, buttons and fields with ARIA
// roles, names and states, in reading order, and a live region for what
// must be heard at once. A mirrored control pressed or focused (a screen
// reader, or Tab and Enter in the page) presses or focuses the app's own
// (keyboard_focus.hpp). The page's side is in pre.js (claimdeckMirror).
#pragma once

namespace claimdeck::web {

// After each frame: hands the page the outline when it changed.
void mirror_outline();

}  // namespace claimdeck::web
