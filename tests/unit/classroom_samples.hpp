// Decks and results built in memory for the quiz, results and class report tests.
#pragma once

#include <optional>
#include <string>

#include "classroom/results.hpp"
#include "content/deck.hpp"

namespace claimdeck::testing {

// `per_cell` claims for every (topic, verdict) pair, over `topics` topics and
// two articles. Claim ids read "t<topic>-<verdict>-<n>".
inline Deck make_class_deck(int topics, int per_cell) {
    Deck deck;
    deck.id = "class-deck";
    deck.version = 1;
    deck.title = "Class deck";
    deck.articles.push_back({"a", "a.txt", "Article A", "", "", "text", "", ""});
    deck.articles.push_back({"b", "b.txt", "Article B", "", "", "text", "", ""});
    for (int t = 0; t < topics; ++t) {
        const std::string topic = "t" + std::to_string(t);
        deck.topics.push_back({topic, "Topic " + topic});
        for (Verdict verdict : kAllVerdicts) {
            for (int n = 0; n < per_cell; ++n) {
                Claim claim;
                claim.id = topic + "-" + std::string(to_string(verdict)) + "-" + std::to_string(n);
                claim.article = n % 2 == 0 ? "a" : "b";
                claim.text = "claim " + claim.id;
                claim.topic = topic;
                claim.verdict = verdict;
                claim.rationale = "because";
                deck.claims.push_back(claim);
            }
        }
    }
    deck.index();
    return deck;
}

// One answer; no `picked` means the card timed out.
inline QuizAnswer answer_of(const std::string& claim, Verdict truth, std::optional<Verdict> picked,
                            int confidence_percent, std::int64_t response_ms = 3000) {
    QuizAnswer answer;
    answer.claim_id = claim;
    answer.truth = truth;
    answer.picked = picked;
    answer.confidence = *confidence_from_percent(confidence_percent);
    answer.response_ms = response_ms;
    return answer;
}

inline QuizResults results_of(const std::string& profile, std::vector<QuizAnswer> answers,
                              const std::string& quiz_id = "quiz-1", QuizForm form = QuizForm::Single) {
    QuizResults results;
    results.quiz_id = quiz_id;
    results.form = form;
    results.deck_id = "class-deck";
    results.deck_version = 1;
    results.profile = profile;
    results.finished_ms = 1'630'000'000'000;
    results.answers = std::move(answers);
    return results;
}

}  // namespace claimdeck::testing
