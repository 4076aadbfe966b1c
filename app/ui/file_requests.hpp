// What the system file chooser is asked for each purpose: its title, the
// kinds of file offered and the name suggested when saving.
#pragma once

#include "actions.hpp"
#include "app/file_chooser.hpp"

namespace claimdeck::ui {

// `studio_deck_id` names the package "Export package…" offers to write.
FileRequest file_request(FilePurpose purpose, const StudyApp& app, const std::string& studio_deck_id = {});

}  // namespace claimdeck::ui
