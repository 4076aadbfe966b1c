// stats: a learner's results, for people and for scripts (--json).
#include <cstdio>
#include <iostream>

#include "arguments.hpp"
#include "base/json_library.hpp"
#include "commands.hpp"
#include "content/deck.hpp"
#include "learning/progress_stats.hpp"
#include "learning/scoring.hpp"
#include "learning/technique_cards.hpp"
#include "storage/store.hpp"
#include "store_access.hpp"

namespace claimdeck::cli {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_tally(JsonWriter& json, const char* key, const Tally& tally) {
    json.Key(key);
    json.StartObject();
    json.Key("answered");
    json.Int(tally.answered);
    json.Key("right");
    json.Int(tally.right);
    json.Key("accuracy");
    json.Double(tally.accuracy());
    json.EndObject();
}

std::string stats_json(const std::string& profile, std::int64_t review_count, const Scorecard& card) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("profile");
    json.String(profile.c_str());
    json.Key("reviews");
    json.Int64(review_count);
    write_tally(json, "overall", card.overall);
    json.Key("per_verdict");
    json.StartObject();
    for (Verdict truth : kAllVerdicts) {
        const SignalDetection& d = card.detection[index_of(truth)];
        json.Key(std::string(to_string(truth)).c_str());
        json.StartObject();
        json.Key("answered");
        json.Int(card.per_class[index_of(truth)].answered);
        json.Key("right");
        json.Int(card.per_class[index_of(truth)].right);
        json.Key("d_prime");
        json.Double(d.d_prime);
        json.Key("criterion");
        json.Double(d.criterion);
        json.EndObject();
    }
    json.EndObject();
    json.Key("confusion");  // rows: your answer; columns: the true verdict
    json.StartArray();
    for (const auto& row : card.confusion) {
        json.StartArray();
        for (int count : row) json.Int(count);
        json.EndArray();
    }
    json.EndArray();
    json.Key("brier");
    if (card.brier)
        json.Double(*card.brier);
    else
        json.Null();
    json.Key("per_article");
    json.StartObject();
    for (const auto& [article, tally] : card.per_article) write_tally(json, article.c_str(), tally);
    json.EndObject();
    json.EndObject();
    return buffer.GetString();
}

void print_stats(const std::string& profile, std::int64_t review_count, const Scorecard& card) {
    std::printf("%s: %lld answers\n", profile.c_str(), static_cast<long long>(review_count));
    if (card.overall.answered == 0) return;
    std::printf("%s\n\n", describe_overall(card).c_str());
    std::printf("%-12s %8s %8s %8s %8s\n", "verdict", "answered", "right", "d'", "c");
    for (Verdict truth : kAllVerdicts) {
        const SignalDetection& d = card.detection[index_of(truth)];
        const Tally& tally = card.per_class[index_of(truth)];
        std::printf("%-12s %8d %8d %8.2f %8.2f\n", std::string(to_string(truth)).c_str(), tally.answered, tally.right,
                    d.d_prime, d.criterion);
    }
    std::printf("\n");
    for (Verdict truth : kAllVerdicts)
        std::printf("%s\n", describe_detection(truth, card.detection[index_of(truth)]).c_str());
}

// Only for a learner who checked other sources in the app: the command line
// study offers none, so it does not tell how.
void print_lateral_reading(const LearnerScores& scores) {
    const Scorecard with = scores.with_lateral_reading.scorecard();
    if (with.overall.answered == 0) return;
    const Scorecard without = scores.without_lateral_reading.scorecard();
    std::printf("\n%s\n", describe_lateral_reading(with, without).c_str());
    std::printf("%-16s %8s %8s %8s %8s\n", "other sources", "answered", "right", "d'", "c");
    for (const auto& [label, card] : {std::pair{"checked", &with}, std::pair{"not checked", &without}}) {
        const SignalDetection& d = card->detection[index_of(Verdict::Propaganda)];
        std::printf("%-16s %8d %8d %8.2f %8.2f\n", label, card->overall.answered, card->overall.right, d.d_prime,
                    d.criterion);
    }
}

// Only for a learner who answered technique cards in the app: the command
// line study has none.
void print_technique_cards(const ProgressStore& store, std::int64_t profile_id, const Deck& deck) {
    const TechniqueFigures figures = technique_figures(store.technique_tallies(profile_id, deck.id));
    if (figures.answers == 0) return;
    std::printf("\n%s\n", describe_technique_figures(figures).c_str());
    for (const TechniqueTally& tally : figures.per_technique)
        std::printf("  %s\n", describe_technique_tally(tally).c_str());
}

// Answers about claims the deck no longer has (removed, or renamed by an
// edit) stay in the store; saying so makes the totals add up.
void print_kept_history(ProgressStore& store, std::int64_t profile_id, const Deck& deck) {
    std::vector<std::string> claim_ids;
    for (const Claim& claim : deck.claims) claim_ids.push_back(claim.id);
    std::int64_t answers = 0;
    for (const OrphanedCard& card : store.orphaned_cards(profile_id, deck.id, claim_ids)) answers += card.review_count;
    if (answers > 0)
        std::printf("\n%lld answers about claims no longer in the deck were kept\n", static_cast<long long>(answers));
}

}  // namespace

int stats_command(const Words& words) {
    Arguments args(words, {"--data-dir", "--profile", "--deck"}, {"--json"});
    args.expect_positional(0, "");
    std::unique_ptr<ProgressStore> store = open_existing_store(args.required_path("--data-dir"));
    const std::string name = args.required("--profile");
    std::optional<Profile> profile = store->find_profile(name);
    if (!profile) {
        std::cerr << "no profile \"" << name << "\" in " << store->path().u8string() << "\n";
        return 1;
    }
    const LearnerScores scores = load_scores(*store, profile->id);
    const std::int64_t count = store->review_count(profile->id);
    if (args.has("--json")) {
        std::cout << stats_json(profile->name, count, scores.all.scorecard()) << "\n";
        return 0;
    }
    print_stats(profile->name, count, scores.all.scorecard());
    print_lateral_reading(scores);
    DeckLoadResult loaded = load_deck(args.path("--deck").value_or(default_deck_path()));
    if (loaded.deck) {
        print_technique_cards(*store, profile->id, *loaded.deck);
        print_kept_history(*store, profile->id, *loaded.deck);
    } else if (args.value("--deck"))
        std::cerr << describe_all(loaded.problems);
    return 0;
}

}  // namespace claimdeck::cli
