// A live class's card: the claim the class is on, answered with the study
// card's buttons (verdict, then how sure), and how the last answer fared.
#pragma once

#include <string>

#include "actions.hpp"
#include "card_screen.hpp"
#include "live/pupil_client.hpp"

namespace claimdeck::ui {

struct LiveCardView {
    CardView card;
    std::string card_id;  // the card `card` was picked on: a new card starts unpicked
};

Action draw_live_card_screen(const StudyApp& app, const live::PupilClient& pupil, LiveCardView& view);

// "Your answer (Verified) is saved." and its kin, said on the card and the waiting screen.
void live_answer_status(const live::PupilClient& pupil, float width);

}  // namespace claimdeck::ui
