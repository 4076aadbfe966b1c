// Every screen drawn once without a window, at a phone's and a desktop's
// size: ImGui with a built font atlas and no backend. An ImGui assertion
// (unbalanced Begin/End, a stack left pushed) aborts the test, and a fault
// while drawing comes back from build_frame() and fails it.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "app/study_app.hpp"
#include "card_screen.hpp"
#include "claim_parts.hpp"
#include "classroom/quiz.hpp"
#include "frame.hpp"
#include "headless_app.hpp"
#include "shell.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;

namespace {

void draw_every_screen(ImVec2 size) {
    for (StartScreen screen : kScreens) {
        CAPTURE(static_cast<int>(screen));
        HeadlessApp headless(size);
        headless.draw(screen);
    }
}

}  // namespace

TEST_CASE("every screen draws at a phone's size without an ImGui assertion or a fault") {
    draw_every_screen(ImVec2(390, 844));
}

TEST_CASE("every screen draws at a desktop's size without an ImGui assertion or a fault") {
    draw_every_screen(ImVec2(1600, 1000));
}

TEST_CASE("the report draws a saved export with its path buttons, and the question before replacing one") {
    HeadlessApp headless(ImVec2(390, 844));
    const std::filesystem::path results = headless.dir / "Ana.json";
    QuizResults ana{"quiz-1",
                    QuizForm::Single,
                    "gui-test",
                    1,
                    "Ana",
                    "0190a1b2c3d4e-5f6a",
                    "Week 3",
                    CLAIMDECK_VERSION,
                    kNow,
                    {QuizAnswer{"hyenas", Verdict::Propaganda, Verdict::Propaganda, Confidence::Seventy, 900,
                                std::nullopt, std::nullopt}}};
    REQUIRE(write_results_file(results, ana).empty());
    ReportApp& report = headless.app->class_report();
    REQUIRE(report.add(results));
    const std::filesystem::path csv = report.export_path(ReportFormat::Csv);
    REQUIRE(report.export_csv(csv));
    headless.draw(StartScreen::Report);
    CHECK_FALSE(report.export_csv(csv));
    REQUIRE(report.waiting_to_replace() == csv);
    headless.draw(StartScreen::Report);
}

TEST_CASE("a double click on a verdict picks it, keeps it in place and never answers how sure") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size);
        headless.shell->start_studying();
        headless.draw(StartScreen::Card);
        const auto contested = headless.shell->report().verdict_buttons[index_of(Verdict::Contested)];
        REQUIRE(contested);
        headless.click(contested->GetCenter());
        REQUIRE(headless.shell->report().picked == Verdict::Contested);
        headless.click(contested->GetCenter());  // the second click of a double click

        const ui::FrameReport after = headless.shell->report();
        CHECK(headless.app->session()->answered() == 0);
        CHECK(after.screen == ui::Screen::Card);
        CHECK(after.picked == Verdict::Contested);
        REQUIRE(after.verdict_buttons[index_of(Verdict::Contested)]);
        CHECK(after.verdict_buttons[index_of(Verdict::Contested)]->Min.y == contested->Min.y);

        // The chosen verdict can still be changed before saying how sure.
        const auto verified = after.verdict_buttons[index_of(Verdict::Verified)];
        REQUIRE(verified);
        headless.click(verified->GetCenter());
        CHECK(headless.shell->report().picked == Verdict::Verified);
        CHECK(headless.app->session()->answered() == 0);
    }
}

TEST_CASE("the paragraph asked for on a phone is scrolled into view above the answer bar") {
    // A small phone, where the paragraph opens below the fold without the scroll.
    HeadlessApp headless(ImVec2(360, 640));
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    headless.type('h');
    const ui::FrameReport report = headless.shell->report();
    REQUIRE(report.hint_box);
    CHECK(report.hint_box->Max.y <= report.page_bottom);
    CHECK(report.hint_box->Min.y >= 0);
}

namespace {

// Two controls drawn over each other by more than a pixel's rounding.
bool overlap(const ImRect& a, const ImRect& b) {
    return std::min(a.Max.x, b.Max.x) - std::max(a.Min.x, b.Min.x) > 1 &&
           std::min(a.Max.y, b.Max.y) - std::max(a.Min.y, b.Min.y) > 1;
}

}  // namespace

// WCAG 1.4.4: at 200 % text nothing is lost or drawn over. The card's
// screens are drawn with a session going, the others as they open.
TEST_CASE("at 200 % text every screen keeps its controls inside the window and none over another") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        for (StartScreen screen : kScreens) {
            CAPTURE(size.x);
            CAPTURE(static_cast<int>(screen));
            HeadlessApp headless(size);
            headless.set_text_size(200);
            headless.shell->start_studying();
            headless.draw(screen);
            const std::vector<ui::OutlineNode> controls = headless.shell->report().controls;
            for (const ui::OutlineNode& control : controls) {
                CAPTURE(control.name);
                CHECK(control.box.Min.x >= 0);
                CHECK(control.box.Max.x <= size.x);
            }
            for (std::size_t i = 0; i < controls.size(); ++i)
                for (std::size_t j = i + 1; j < controls.size(); ++j) {
                    CAPTURE(controls[i].name);
                    CAPTURE(controls[j].name);
                    CHECK_FALSE(
                        (controls[i].window == controls[j].window && overlap(controls[i].box, controls[j].box)));
                }
        }
    }
}

TEST_CASE("at 145 % text on a phone, Home's Start is above the fold once the learner has studied") {
    // The bundled deck: its description fills a phone's screen at this size.
    HeadlessApp headless(ImVec2(390, 844), CLAIMDECK_CONTENT_DIR "/decks/panjshir-2021.json");
    headless.set_text_size(145);
    headless.shell->start_studying();
    headless.shell->answer_by_script(1);
    headless.draw(StartScreen::Home);
    const ui::FrameReport report = headless.shell->report();
    REQUIRE(report.screen == ui::Screen::Home);
    REQUIRE(report.primary_button);
    CHECK(report.primary_button->Max.y <= 844);
}

TEST_CASE("the report draws a pretest and a posttest apart, with a row per pupil and the sceptic flag") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size);
        // Hugo calls more claims propaganda in the posttest, no better at telling which: flagged.
        auto results = [&](QuizForm form, const char* quiz, Verdict on_hyenas, Verdict on_distance) {
            const std::filesystem::path file = headless.dir / (std::string("Hugo-") + quiz + ".json");
            const QuizResults hugo{quiz,
                                   form,
                                   "gui-test",
                                   1,
                                   "Hugo",
                                   "hugo-laptop",
                                   "Week 3",
                                   CLAIMDECK_VERSION,
                                   kNow,
                                   {QuizAnswer{"hyenas", Verdict::Propaganda, on_hyenas, Confidence::Seventy, 900,
                                               std::nullopt, std::nullopt},
                                    QuizAnswer{"distance", Verdict::Verified, on_distance, Confidence::Seventy, 900,
                                               std::nullopt, std::nullopt}}};
            REQUIRE(write_results_file(file, hugo).empty());
            return file;
        };
        ReportApp& report = headless.app->class_report();
        REQUIRE(report.add(results(QuizForm::PreA, "quiz-a", Verdict::Contested, Verdict::Verified)));
        REQUIRE(report.add(results(QuizForm::PostB, "quiz-b", Verdict::Propaganda, Verdict::Propaganda)));
        REQUIRE(report.report().pre_post);
        REQUIRE(report.report().pre_post->pupils.size() == 1);
        CHECK(report.report().pre_post->pupils[0].only_more_sceptical());
        CHECK(report.report().forms.size() == 2);
        headless.draw(StartScreen::Report);
    }
}

TEST_CASE(
    "a touch screen shows no key names on the card, the answer, a quiz's answer or Settings, a keyboard's screen "
    "does") {
    for (bool touch : {false, true}) {
        CAPTURE(touch);
        HeadlessApp headless(ImVec2(1600, 1000));
        if (touch) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
        headless.shell->start_studying();
        headless.draw(StartScreen::Card);
        const std::vector<std::string> card = headless.shell->report().keys_named;
        headless.draw(StartScreen::Reveal);
        const std::vector<std::string> reveal = headless.shell->report().keys_named;
        headless.draw(StartScreen::Settings);
        const std::vector<std::string> settings = headless.shell->report().keys_named;
        // A quiz that shows each card's verdict after it, on its first answer.
        const std::filesystem::path quiz_file = headless.dir / "quiz.json";
        REQUIRE(write_quiz_file(quiz_file, quiz_of_matching_claims(headless.app->deck(), {}, {}, 1)).empty());
        headless.shell->open_quiz(quiz_file.string(), true);
        headless.shell->answer_quiz_by_script(1);
        headless.draw(StartScreen::Natural);
        REQUIRE(headless.shell->report().screen == ui::Screen::Quiz);
        const std::vector<std::string> quiz_reveal = headless.shell->report().keys_named;
        if (touch) {
            CHECK(card.empty());
            CHECK(reveal.empty());
            CHECK(settings.empty());
            CHECK(quiz_reveal.empty());
        } else {
            CHECK(card == std::vector<std::string>{"H", "S", "1", "2", "3"});
            CHECK(reveal == std::vector<std::string>{"Ctrl+Z", "Space"});
            CHECK(settings == std::vector<std::string>{"?"});         // the "Keyboard shortcuts" entry
            CHECK(quiz_reveal == std::vector<std::string>{"Space"});  // "Next card  (Space)"
        }
    }
}

TEST_CASE("tapping a claim not answered yet in the article says why nothing opens, until the next tap") {
    HeadlessApp headless(ImVec2(390, 844));
    headless.draw(StartScreen::Article);
    CHECK(headless.shell->report().claims_marked > 0);
    const auto claim = headless.shell->report().unanswered_claim;
    REQUIRE(claim);
    CHECK_FALSE(headless.shell->report().unanswered_note);
    headless.click(claim->GetCenter());
    CHECK(headless.shell->report().screen == ui::Screen::Article);
    CHECK(headless.shell->report().unanswered_note);
    headless.click(ImVec2(2, 700));  // the page's margin
    CHECK_FALSE(headless.shell->report().unanswered_note);
}

TEST_CASE("a path left empty or naming nothing is refused in plain sentences, never with \". :\"") {
    HeadlessApp headless(ImVec2(1600, 1000));
    auto check_notice = [&](const char* what) {
        CAPTURE(what);
        headless.draw(StartScreen::Natural);
        const std::string notice = headless.shell->report().notice;
        CHECK_FALSE(notice.empty());
        CHECK(notice.find(". :") == std::string::npos);
        CHECK(notice.find(":  ") == std::string::npos);
        CHECK(notice.find("..") == std::string::npos);
    };
    headless.shell->open_quiz("", false);
    check_notice("an empty quiz path");
    headless.shell->open_quiz((headless.dir / "no-such-quiz.json").string(), false);
    check_notice("a quiz that is not there");
    headless.shell->import_deck("");
    check_notice("an empty deck path");
    headless.shell->import_deck((headless.dir / "no-such.claimdeck").string());
    check_notice("a deck that is not there");
    headless.shell->open_report({headless.dir / "no-such-results.json"});
    check_notice("results that are not there");
}

TEST_CASE("the report shows two pupils who typed the same name apart, and its merge button makes them one") {
    // Windows tall enough that the merge button is on screen without scrolling.
    for (ImVec2 size : {ImVec2(390, 2400), ImVec2(1600, 1400)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size);
        ReportApp& report = headless.app->class_report();
        for (const char* device : {"laptop-1", "laptop-2"}) {
            QuizResults ana{"quiz-1",
                            QuizForm::Single,
                            "gui-test",
                            1,
                            "Ana",
                            device,
                            "Week 3",
                            CLAIMDECK_VERSION,
                            kNow,
                            {QuizAnswer{"hyenas", Verdict::Propaganda, Verdict::Propaganda, Confidence::Seventy, 900,
                                        std::nullopt, std::nullopt}}};
            const std::filesystem::path file = headless.dir / (std::string("Ana-") + device + ".json");
            REQUIRE(write_results_file(file, ana).empty());
            REQUIRE(report.add(file));
        }
        headless.draw(StartScreen::Report);
        CHECK(headless.shell->report().pupils == "Ana (1), Ana (2)");
        const std::optional<ImRect> merge = headless.shell->report().primary_button;
        REQUIRE(merge);
        headless.click(merge->GetCenter());
        headless.draw_frame();
        CHECK(headless.shell->report().pupils == "Ana");
        CHECK(report.has_merges());
    }
}

namespace {

std::optional<ImRect> control_starting(const ui::FrameReport& report, const std::string& start) {
    for (const ui::OutlineNode& control : report.controls)
        if (control.name.rfind(start, 0) == 0) return control.box;
    return std::nullopt;
}

bool text_shown(const ui::FrameReport& report, const std::string& text) {
    return std::find(report.texts.begin(), report.texts.end(), text) != report.texts.end();
}

}  // namespace

// The first `count` words of `text` that are plain ASCII, as typed keys give them.
std::string ascii_words(const std::string& text, std::size_t count) {
    std::istringstream words(text);
    std::string typed;
    for (std::string word; count > 0 && words >> word;) {
        if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            continue;
        typed += (typed.empty() ? "" : " ") + word;
        --count;
    }
    return typed;
}

TEST_CASE("S on a card searches the other articles, a paragraph found opens unmarked, and Back returns to the card") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size);
        headless.shell->start_studying();
        headless.draw(StartScreen::Card);
        const Claim* card = headless.shell->report().claim;
        REQUIRE(card);
        headless.type('s');
        headless.now += 40'000;  // among the other sources until Back to the card
        REQUIRE(headless.shell->report().screen == ui::Screen::Sources);
        CHECK(text_shown(headless.shell->report(),
                         "Type a word or two: every paragraph of the other articles that holds them all is shown."));

        // Words of another article's claim, one its reader marks in the text (not in the title).
        const Claim* other = nullptr;
        for (const Claim& claim : headless.app->deck().claims)
            if (!other && claim.article != card->article && claim.span.begin > 100) other = &claim;
        REQUIRE(other);
        const Article& source = *headless.app->deck().article(other->article);
        for (char c : ascii_words(other->quote, 6)) headless.type(c);  // the field has the keyboard
        const ui::FrameReport found = headless.shell->report();
        const bool counted = std::any_of(found.texts.begin(), found.texts.end(), [](const std::string& text) {
            return text.rfind("1 paragraph in 1 article", 0) == 0 || text.find(" paragraphs in ") != std::string::npos;
        });
        CHECK(counted);

        // That paragraph, in its article: no claim marked, so no verdict shown.
        const std::optional<ImRect> first_found = control_starting(found, ui::source_line(source) + "\n");
        REQUIRE(first_found);
        headless.click(ImVec2(first_found->Min.x + 10, first_found->Min.y + 10));
        CHECK(headless.shell->report().screen == ui::Screen::Article);
        headless.draw_frame();  // the article itself, and its controls
        CHECK(headless.shell->report().claims_marked == 0);
        const std::optional<ImRect> back = control_starting(headless.shell->report(), "\u2190 Back");
        REQUIRE(back);
        headless.click(back->GetCenter());
        REQUIRE(headless.shell->report().screen == ui::Screen::Sources);
        // Two frames: the page is scrolled back to its top in the second.
        headless.draw_frame();
        headless.draw_frame();
        const std::optional<ImRect> to_card = control_starting(headless.shell->report(), "Back to the card");
        REQUIRE(to_card);
        headless.click(to_card->GetCenter());
        headless.now += 5000;  // deciding, on the card
        CHECK(headless.shell->report().screen == ui::Screen::Card);
        CHECK(headless.shell->report().claim == card);
        CHECK(headless.app->session()->answered() == 0);

        // The answer carries what was consulted, and Statistics compares it with the rest.
        const LateralReading& consulted = headless.app->session()->lateral_reading();
        CHECK(consulted.searches == 1);
        CHECK(consulted.passages_read == 1);
        CHECK(consulted.ms == 40'000);
        headless.app->answer(card->verdict, Confidence::Seventy);
        headless.draw(StartScreen::Stats);
        CHECK(text_shown(headless.shell->report(), "After checking: 1 answer, 100 % right"));
        CHECK(text_shown(headless.shell->report(), "Without: 0 answers"));
    }
}

TEST_CASE("Back from a paragraph found returns to the same place in the results, not to their top") {
    HeadlessApp headless(ImVec2(390, 844));
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    headless.type('s');
    for (char c : std::string("Taliban")) headless.type(c);
    const std::optional<ImRect> field_top = control_starting(headless.shell->report(), "Back to the card");
    REQUIRE(field_top);
    headless.wheel(-8);
    const ui::FrameReport scrolled = headless.shell->report();
    const std::optional<ImRect> field_scrolled = control_starting(scrolled, "Back to the card");
    REQUIRE(field_scrolled);
    REQUIRE(field_scrolled->Min.y < field_top->Min.y - 200);  // the list has moved up

    // A result fully on screen, below the top bar.
    const auto on_screen = std::find_if(scrolled.controls.begin(), scrolled.controls.end(), [&](const auto& control) {
        return control.name.find("\n\n") != std::string::npos && control.box.Min.y > 100 &&
               control.box.Max.y < scrolled.page_bottom;
    });
    REQUIRE(on_screen != scrolled.controls.end());
    headless.click(on_screen->box.GetCenter());
    REQUIRE(headless.shell->report().screen == ui::Screen::Article);
    headless.draw_frame();
    const std::optional<ImRect> back = control_starting(headless.shell->report(), "\u2190 Back");
    REQUIRE(back);
    headless.click(back->GetCenter());
    // Two frames: the page is scrolled back in the second.
    headless.draw_frame();
    headless.draw_frame();
    REQUIRE(headless.shell->report().screen == ui::Screen::Sources);
    const std::optional<ImRect> field_again = control_starting(headless.shell->report(), "Back to the card");
    REQUIRE(field_again);
    CHECK(field_again->Min.y == doctest::Approx(field_scrolled->Min.y).epsilon(0.001));
}

TEST_CASE("a quiz that requires the other sources shows its verdicts only after a search, and the answer carries it") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size);
        QuizSettings settings;
        settings.other_sources = OtherSources::Required;
        const std::filesystem::path file = headless.dir / "required.json";
        REQUIRE(write_quiz_file(file, balanced_quiz(headless.app->deck(), {}, 1, settings, 1)).empty());
        headless.shell->open_quiz(file.u8string(), true);
        headless.draw_frame();
        headless.draw_frame();
        REQUIRE(headless.shell->report().screen == ui::Screen::Quiz);
        CHECK(text_shown(headless.shell->report(),
                         "This quiz asks you to check the other sources first: search them for the claim's people, "
                         "places or numbers, then come back to answer."));
        CHECK_FALSE(ui::verdict_button_this_frame(Verdict::Verified));
        headless.type('1');  // a verdict's key: no verdict to pick yet
        const QuizRun& run = *headless.app->class_quiz().run();
        CHECK(run.answered() == 0);

        headless.type('s');
        REQUIRE(headless.shell->report().screen == ui::Screen::Sources);
        for (char c : std::string("Taliban")) headless.type(c);
        headless.now += 12'000;
        const std::optional<ImRect> to_card = control_starting(headless.shell->report(), "Back to the card");
        REQUIRE(to_card);
        headless.click(to_card->GetCenter());
        REQUIRE(headless.shell->report().screen == ui::Screen::Quiz);
        headless.draw_frame();  // the card, drawn again
        CHECK(ui::verdict_button_this_frame(Verdict::Verified));

        headless.type('1');
        headless.type('2');
        REQUIRE(run.answered() == 1);
        REQUIRE(run.answers()[0].lateral);
        CHECK(run.answers()[0].lateral->searches == 1);
        CHECK(run.answers()[0].lateral->ms == 12'000);
    }
}

TEST_CASE("a class quiz just taken shows in the learner's Statistics, worded for them") {
    HeadlessApp headless(ImVec2(1600, 1000));
    const std::filesystem::path file = headless.dir / "week.json";
    REQUIRE(write_quiz_file(file, balanced_quiz(headless.app->deck(), {}, 2, QuizSettings{}, 1)).empty());
    headless.draw(StartScreen::Stats);
    CHECK_FALSE(text_shown(headless.shell->report(), "Your class quizzes"));

    headless.shell->open_quiz(file.u8string(), true);
    headless.shell->answer_quiz_by_script(2);
    REQUIRE(headless.app->class_quiz().saved());
    headless.draw(StartScreen::Stats);
    CHECK(text_shown(headless.shell->report(), "Your class quizzes"));
}

namespace {

// Turns the wheel until the control `find` picks out of a frame is on
// screen, clicks it, and draws the frame that shows what the click did.
// False when no such control is drawn. (A footer's controls are always on
// screen; the screens this is used on draw nothing of the page under one.)
bool click_control(HeadlessApp& headless, const std::function<std::optional<ImRect>(const ui::FrameReport&)>& find) {
    for (int turns = 0; turns < 40; ++turns) {
        // Where it stands once the page has stopped moving (a scroll asked
        // for takes a frame).
        const std::optional<ImRect> before = find(headless.shell->report());
        headless.draw_frame();
        const std::optional<ImRect> box = find(headless.shell->report());
        if (!box) return false;
        if (!before || before->Min.y != box->Min.y) continue;
        if (box->Min.y < 60) {
            headless.wheel(1);
        } else if (box->Max.y > ImGui::GetIO().DisplaySize.y) {
            headless.wheel(-1);
        } else {
            headless.click(box->GetCenter());
            headless.draw_frame();
            return true;
        }
    }
    return false;
}

bool click_control(HeadlessApp& headless, const std::string& start) {
    return click_control(headless, [&](const ui::FrameReport& report) { return control_starting(report, start); });
}

// Answers the card on screen rightly, with keys (wrong answers would come
// back), then clicks Next on its reveal.
void answer_and_go_on(HeadlessApp& headless) {
    REQUIRE(headless.shell->report().claim);
    headless.type(static_cast<char>('1' + index_of(headless.shell->report().claim->verdict)));
    headless.type('2');
    REQUIRE(headless.shell->report().screen == ui::Screen::Reveal);
    REQUIRE(click_control(headless, "Next"));
}

// The quote's words as the technique card draws them, in order.
std::vector<std::string> words_of(const TechniqueQuestion& question) {
    std::vector<std::string> words;
    for (const QuoteWord& word : question.words)
        words.push_back(question.claim->quote.substr(word.span.begin, word.span.end - word.span.begin));
    return words;
}

}  // namespace

TEST_CASE(
    "after ten claims a technique card comes between two, is answered by key and taps, and counts in Statistics") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        CAPTURE(size.x);
        HeadlessApp headless(size, CLAIMDECK_CONTENT_DIR "/decks/panjshir-2021.json");
        headless.shell->start_studying();
        headless.draw_frame();
        int answered = 0;
        while (headless.shell->report().screen == ui::Screen::Card && answered < 15) {
            answer_and_go_on(headless);
            ++answered;
        }
        REQUIRE(headless.shell->report().screen == ui::Screen::Technique);
        CHECK(answered == kClaimsSeenBeforeTechniqueCards);
        const TechniqueQuestion question = *headless.app->technique_question();
        CHECK(headless.app->card_state(question.claim->id));  // a claim already answered
        CHECK(text_shown(headless.shell->report(), "Which of these techniques is at work here?"));
        CHECK_FALSE(control_starting(headless.shell->report(), "Check"));  // no name picked yet

        const auto right = std::find(question.choices.begin(), question.choices.end(), question.use->name);
        REQUIRE(right != question.choices.end());
        headless.type(static_cast<char>('1' + (right - question.choices.begin())));
        // Tap the words that carry it: the word toggles come in the quote's order.
        const std::vector<std::string> words = words_of(question);
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!question.words[i].carries) continue;
            const auto word_i = [&](const ui::FrameReport& report) {
                std::size_t next = 0;
                std::optional<ImRect> box;
                for (const ui::OutlineNode& control : report.controls)
                    if (next < words.size() && control.name == words[next] && next++ == i) box = control.box;
                return box;
            };
            REQUIRE(click_control(headless, word_i));
        }
        REQUIRE(click_control(headless, "Check"));
        CHECK(text_shown(headless.shell->report(), "\u2713  Right \u2014 it is " + question.use->name));
        CHECK(headless.app->technique_figures().answers == 1);
        CHECK(headless.app->technique_figures().mean_overlap == doctest::Approx(1.0));

        REQUIRE(click_control(headless, "Next"));
        CHECK(headless.shell->report().screen == ui::Screen::Card);
        CHECK(headless.app->session()->answered() == answered);  // the claims go on where they were
        headless.draw(StartScreen::Stats);
        CHECK(text_shown(headless.shell->report(),
                         "You named the technique in 1 of 1 technique card (100 %). The words you tapped matched the "
                         "words that carry it by 100 %, on average."));
    }
}

TEST_CASE("with technique cards turned off in Settings, none comes between the claims") {
    HeadlessApp headless(ImVec2(1600, 1000), CLAIMDECK_CONTENT_DIR "/decks/panjshir-2021.json");
    StudySettings settings = headless.app->study_settings();
    settings.technique_cards = false;
    headless.app->set_study_settings(settings);
    headless.shell->start_studying();
    headless.draw_frame();
    for (int answered = 0; answered < 15 && headless.shell->report().screen == ui::Screen::Card; ++answered) {
        answer_and_go_on(headless);
        CHECK(headless.shell->report().screen != ui::Screen::Technique);
    }
    CHECK(headless.app->technique_figures().answers == 0);
}

TEST_CASE("on a phone, Settings stacks a pair of buttons whose labels would be clipped side by side") {
    HeadlessApp headless(ImVec2(390, 844));
    headless.draw(StartScreen::Settings);
    for (const std::string label : {"Back up to this path", "Import this file"}) {
        CAPTURE(label);
        const std::optional<ImRect> box = control_starting(headless.shell->report(), label);
        REQUIRE(box);
        CHECK(box->GetWidth() >= ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x);
    }
}
