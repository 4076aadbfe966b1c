#include "live_setup_screen.hpp"

#include <array>

namespace claimdeck::ui {
namespace {

constexpr std::array<Choice<live::Pace>, 2> kPaces = {{
    {live::Pace::Teacher, "I move the class on", "Teacher",
     "Everyone sees the card you show; you press \u201cNext card\u201d when the class is ready."},
    {live::Pace::Own, "Each pupil at their own pace", "Own pace",
     "Each pupil gets the next card as soon as they answer."},
}};

constexpr std::array<Choice<LiveServerKind>, 2> kServers = {{
    {LiveServerKind::ThisComputer, "This computer", "This computer",
     "ClaimDeck starts a class server here; pupils' phones must be on the same network."},
    {LiveServerKind::Named, "A school server", "Named server",
     "A claimdeck-server your school runs: its address and the teacher key it printed."},
}};

void setting_label(std::string_view title, float width) {
    vertical_space(0.5f);
    text_block(title, fonts().bold, 0, width);
}

// The claims the class answers, as the request names them; nullopt when the
// chosen source has none (no quiz drawn on Build quiz).
std::optional<live::ClassRequest> class_request(const StudyApp& app, const LiveSetupView& view) {
    live::ClassRequest request;
    request.pace = view.pace;
    request.deck_id = app.deck().id;
    if (view.source == LiveSource::Deck) {
        request.title = app.deck().title;
        return request;
    }
    const std::vector<Quiz>& quizzes = app.quiz_builder().quizzes();
    if (quizzes.empty()) return std::nullopt;
    request.title = quizzes.front().title;
    request.claims = quizzes.front().claim_ids;
    return request;
}

void source_choice(const StudyApp& app, LiveSetupView& view, float width) {
    const std::vector<Quiz>& quizzes = app.quiz_builder().quizzes();
    const std::string deck_label = "The deck (" + std::to_string(app.deck().claims.size()) + " claims)";
    const std::string quiz_label =
        quizzes.empty() ? std::string("The built quiz")
                        : "The built quiz (" + std::to_string(quizzes.front().claim_ids.size()) + " claims)";
    const int picked = segmented("source", {deck_label, quiz_label}, view.source == LiveSource::Deck ? 0 : 1, width);
    if (picked >= 0) view.source = picked == 0 ? LiveSource::Deck : LiveSource::BuiltQuiz;
    if (view.source == LiveSource::Deck)
        muted("Every claim of \u201c" + app.deck().title + "\u201d, in the deck's order.", width);
    else if (quizzes.empty())
        muted("Build quiz has no quiz drawn: choose its claims there first.", width);
    else
        muted("\u201c" + quizzes.front().title + "\u201d as Build quiz shows it" +
                  (quizzes.size() == 2 ? " (form A)." : "."),
              width);
}

}  // namespace

Action draw_live_setup_screen(const StudyApp& app, LiveSetupView& view, bool local_server) {
    const Column column = page_column(40 * em());
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.0f);
    InColumn in(column);
    begin_card(column);
    text_block("Run a live class", fonts().heading, 0, width);
    muted("Pupils join from their phones with a code, and you watch their answers arrive.", width);

    setting_label("What the class answers", width);
    source_choice(app, view, width);

    setting_label("Who moves the class on", width);
    if (auto pace = segmented_choice("pace", kPaces, view.pace, width)) view.pace = *pace;
    muted(row_for(kPaces, view.pace).explanation, width);

    setting_label("Where the class runs", width);
    if (!local_server) view.server = LiveServerKind::Named;
    if (local_server)
        if (auto server = segmented_choice("server", kServers, view.server, width)) view.server = *server;
    muted(row_for(kServers, view.server).explanation, width);
    if (view.server == LiveServerKind::Named) {
        text_field("##address", "Server address, e.g. http://192.168.1.5:8470", view.address, width);
        text_field("##key", "Teacher key", view.teacher_key, width, ImGuiInputTextFlags_Password);
    }

    vertical_space(0.5f);
    const std::optional<live::ClassRequest> request = class_request(app, view);
    const bool named_ready = !view.address.empty() && !view.teacher_key.empty();
    if (!request)
        muted("Choose the claims on Build quiz, or run the whole deck.", width);
    else if (view.server == LiveServerKind::Named && !named_ready)
        muted("Type the server's address and its teacher key to start.", width);
    else if (primary_button("Start the class", width))
        take(action, act::StartLiveClass{*request, view.server == LiveServerKind::ThisComputer, view.address,
                                         view.teacher_key});
    end_card();
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui
