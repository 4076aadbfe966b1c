// study: the same study session as the app, in a terminal. With --plain it
// reads one answer per line and prints no colours, so scripts can drive it.
#include <iostream>
#include <random>
#include <string>

#include "arguments.hpp"
#include "base/calendar.hpp"
#include "base/printable.hpp"
#include "commands.hpp"
#include "content/techniques.hpp"
#include "inputs.hpp"
#include "learning/session.hpp"
#include "learning/study_settings.hpp"
#include "storage/kept_answers.hpp"
#include "store_access.hpp"
#include "terminal_io.hpp"

namespace claimdeck::cli {
namespace {

void print_card(const Terminal& term, const Deck& deck, const StudySession& session, const Claim& claim) {
    const Article& article = *deck.article(claim.article);
    std::cout << "\n"
              << term.dim("Card " + progress_text(session, true)) << "\n"
              << term.bold(claim.text) << "\n"
              << term.dim("Source: " + article.title + (article.byline.empty() ? "" : " — " + article.byline)) << "\n"
              << "Verdict? 1 verified  2 contested  3 propaganda   (h hint, s WORDS other sources, u undo, q quit)\n"
              << std::flush;
}

// The time until the next input counts as time among the other sources.
void check_other_sources(const Terminal& term, const Deck& deck, StudySession& session, const Claim& claim,
                         const std::string& words) {
    session.begin_lateral_reading();
    session.note_search(words);
    print_other_sources(term, deck, claim, words);
}

void print_evidence(const Terminal& term, const Deck& deck, const Claim& claim) {
    std::cout << term.bold("What the other sources say") << "\n";
    if (claim.evidence.empty()) {
        std::cout << "  No other article in this deck speaks to this claim.\n";
        return;
    }
    for (const Evidence& evidence : claim.evidence)
        std::cout << "  " << printable(deck.article(evidence.article)->title) << " [" << to_string(evidence.stance)
                  << "]\n"
                  << "    “" << printable(evidence.quote) << "”\n";
}

void print_reveal(const Terminal& term, const Deck& deck, const AnswerOutcome& outcome) {
    const Claim& claim = *outcome.claim;
    std::string banner =
        outcome.correct ? "Right: " : "Not quite — you said " + std::string(display_name(outcome.picked)) + "; it is ";
    std::cout << term.verdict(claim.verdict, banner + std::string(display_name(claim.verdict))) << "\n"
              << "Why: " << printable(claim.rationale) << "\n"
              << "Quote: “" << printable(claim.quote) << "”\n";
    for (const TechniqueUse& use : claim.techniques) {
        std::cout << "Technique: " << printable(use.name) << " — " << find_technique(use.name)->definition << "\n";
        for (const std::string& words : use.words) std::cout << "    carried by: “" << printable(words) << "”\n";
    }
    print_evidence(term, deck, claim);
    if (!claim.known_now.empty())
        std::cout << term.bold("Known now (from outside the articles): ") << printable(claim.known_now) << "\n";
    std::cout << "Next review: " << utc_date(outcome.new_state.due_ms)
              << (outcome.comes_back_this_session ? " (and again later in this session)" : "") << "\n";
}

void report_save(const StudySession& session, const AnswerOutcome& outcome) {
    if (outcome.review_id > 0)
        std::cout << "saved " << outcome.review_id << "\n";
    else
        std::cout << "not saved yet (" << session.pending_saves() << " waiting): " << printable(session.save_error())
                  << "\n";
    std::cout << std::flush;
}

// Runs the session until it is over, the learner quits or input ends.
void run_session(const Terminal& term, const Deck& deck, StudySession& session, bool confidence_step) {
    while (const Claim* claim = session.current()) {
        print_card(term, deck, session, *claim);
        std::optional<std::string> choice = read_choice();
        session.end_lateral_reading();
        if (!choice || *choice == "q") return;
        if (is_source_search(*choice)) {
            check_other_sources(term, deck, session, *claim, choice->substr(1));
            continue;
        }
        if (*choice == "u") {
            if (session.can_undo()) {
                session.undo();
                std::cout << "undone\n";
            } else {
                std::cout << "nothing to undo\n";
            }
            continue;
        }
        if (*choice == "h") {
            session.use_hint();
            std::cout << term.dim(std::string(surrounding_paragraph(*deck.article(claim->article), claim->span)))
                      << "\n";
            continue;
        }
        std::optional<Verdict> picked = verdict_for(*choice);
        if (!picked) {
            std::cout << "Type 1, 2 or 3 (or h, s WORDS, u, q).\n";
            continue;
        }
        Confidence confidence = Confidence::Unstated;
        if (confidence_step) {
            std::optional<Confidence> stated = ask_confidence();
            if (!stated) return;
            confidence = *stated;
        }
        AnswerOutcome outcome = session.answer(*picked, confidence);
        report_save(session, outcome);
        print_reveal(term, deck, outcome);
    }
}

}  // namespace

int study_command(const Words& words) {
    Arguments args(words, {"--data-dir", "--profile", "--deck"}, {"--plain"});
    args.expect_positional(0, "");
    const std::string profile_name = profile_name_from(args);
    const Deck deck = load_deck_or_fail(args.path("--deck").value_or(default_deck_path()));
    const std::filesystem::path data_dir = args.required_path("--data-dir");
    std::unique_ptr<ProgressStore> store = open_or_create_store(data_dir);
    Profile profile = store->ensure_profile(profile_name);
    StudySettings settings = load_study_settings(*store, profile.id);
    StudySession session(deck, *store, profile, settings, system_clock_ms(), std::random_device{}());

    const Terminal term(args.has("--plain"));
    std::cout << term.bold(deck.title) << " — " << printable(profile.name) << ": " << session.size()
              << " cards to study\n";
    run_session(term, deck, session, settings.ask_confidence);
    // Answers the store still refuses are kept in a file, which the next
    // open of the store saves (storage/kept_answers.hpp), as the app does.
    if (!session.retry_pending())
        throw std::runtime_error(keep_unsaved_answers_and_say(session.unsaved_answers(), session.save_error(), data_dir,
                                                              system_clock_ms()()));
    std::cout << "\nSession over: " << session.answered() << " answers saved.\n";
    return 0;
}

}  // namespace claimdeck::cli
