#include "live_card_screen.hpp"

namespace claimdeck::ui {
namespace {

// The deck's own claim when this device has the class's deck (its source is
// then shown too); else the card as the server sent it.
Claim claim_shown(const Deck& deck, const live::PupilCard& card) {
    if (const Claim* known = deck.claim(card.id)) return *known;
    Claim claim;
    claim.id = card.id;
    claim.text = card.text;
    return claim;
}

std::string fate_words(live::AnswerFate fate) {
    switch (fate) {
        case live::AnswerFate::Sending: return "Sending\u2026";
        case live::AnswerFate::Saved: return "Saved \u2713";
        case live::AnswerFate::Refused: return "Not saved";
    }
    return "";
}

}  // namespace

void live_answer_status(const live::PupilClient& pupil, float width) {
    if (const auto& given = pupil.last_answer()) {
        const bool saved = given->fate == live::AnswerFate::Saved;
        text_block("Your answer: " + std::string(display_name(given->verdict)) + " \u2014 " + fate_words(given->fate),
                   fonts().bold, saved ? palette().accent : 0, width);
    }
    if (!pupil.connection_problem().empty())
        text_block(pupil.connection_problem() + " Your answers are kept on this device and sent when it is back.",
                   nullptr, palette().error_text, width);
    if (!pupil.problem().empty()) text_block(pupil.problem(), nullptr, palette().error_text, width);
}

Action draw_live_card_screen(const StudyApp& app, const live::PupilClient& pupil, LiveCardView& view) {
    const std::optional<live::PupilCard>& card = pupil.card();
    if (!card) return {};
    if (view.card_id != card->id) view = {{}, card->id};
    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(0.8f);
    const std::string where = pupil.class_title() + " \u00B7 card " + std::to_string(card->position + 1) + " of " +
                              std::to_string(card->count) + " \u00B7 " + pupil.nickname();
    muted(where, column.width);
    live_answer_status(pupil, column.width);
    vertical_space(0.3f);
    draw_claim_card(app.deck(), claim_shown(app.deck(), *card), column, view.card);
    vertical_space(0.6f);
    const Action pressed = draw_answer_buttons(view.card, column);
    // The verdict is the screen's own choice until how sure is pressed too.
    if (const auto* verdict = std::get_if<act::PickVerdict>(&pressed)) view.card.picked = verdict->verdict;
    if (const auto* sure = std::get_if<act::PickConfidence>(&pressed); sure && view.card.picked)
        return act::AnswerLive{*view.card.picked, sure->confidence};
    vertical_space(1.0f);
    return {};
}

}  // namespace claimdeck::ui
