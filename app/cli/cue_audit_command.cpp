// audit-cues: how far a deck's cards give their verdict away by how they are
// written. A command of its own rather than an option of validate: validate
// says whether a deck can be used at all, this says whether it teaches, and
// a deck can pass the one and fail the other.
#include <cstdio>
#include <iostream>

#include "arguments.hpp"
#include "base/json_library.hpp"
#include "base/printable.hpp"
#include "commands.hpp"
#include "content/cue_audit.hpp"

namespace claimdeck::cli {

const char kAuditCuesUsage[] =
    "audit-cues DECK [--json]           whether a card's wording gives its verdict away: quotation\n"
    "                                     marks, digits, openers, verbs, article and topic by verdict,\n"
    "                                     and a word classifier; exit 1 if anything is flagged";

namespace {

std::string label_of(const Cue& cue) {
    std::string label(to_string(cue.kind));
    if (!cue.value.empty()) label += " \"" + printable(cue.value) + "\"";
    return label;
}

std::string share_cell(const CueShare& share) {
    char cell[32];
    std::snprintf(cell, sizeof cell, "%d/%d %3.0f %%", share.with, share.cards, share.percent());
    return cell;
}

void print_cue(const Cue& cue) {
    std::printf("%s %-40s", cue.flagged ? "!" : " ", label_of(cue).c_str());
    for (Verdict verdict : kAllVerdicts) std::printf(" %13s", share_cell(cue.per_verdict[index_of(verdict)]).c_str());
    std::printf(" %6.1f\n", cue.spread_points);
}

void print_classifier(const ClassifierCheck& check) {
    std::printf(
        "\n%s word classifier (naive Bayes on the card's words, each card predicted from the others):\n"
        "  %.0f %% right (%d of %d), against %.0f %% for always pressing \"%s\": %+.1f points (limit +%d)\n",
        check.flagged ? "!" : " ", check.accuracy_percent(), check.right, check.cards, check.baseline_percent(),
        std::string(to_string(check.majority)).c_str(), check.accuracy_percent() - check.baseline_percent(),
        kClassifierMarginLimitPoints);
}

void print_verdict_counts(const std::string& path, const CueAudit& audit) {
    std::printf("%s: %d cards:", printable(path).c_str(), audit.classifier.cards);
    for (Verdict verdict : kAllVerdicts)
        std::printf("%s %d %s", verdict == kAllVerdicts[0] ? "" : ",", audit.cards_per_verdict[index_of(verdict)],
                    std::string(to_string(verdict)).c_str());
    std::printf("\n\n");
}

void print_summary(const CueAudit& audit) {
    if (!audit.flagged()) {
        std::printf(
            "\nNothing flagged: no cue differs by more than %d points between two verdicts, and the word\n"
            "classifier is within %d points of the baseline.\n",
            kCueSpreadLimitPoints, kClassifierMarginLimitPoints);
        return;
    }
    std::printf("\nFlagged: %d %s%s. A learner could guess the verdict from these without weighing the claim.\n",
                audit.flagged_cues(), audit.flagged_cues() == 1 ? "cue" : "cues",
                audit.classifier.flagged ? " and the word classifier" : "");
}

void print_audit(const std::string& path, const CueAudit& audit) {
    print_verdict_counts(path, audit);
    std::printf("Each cue's share of each verdict's cards; ! where two verdicts differ by more than %d points.\n\n",
                kCueSpreadLimitPoints);
    std::printf("  %-40s %13s %13s %13s %6s\n", "cue", "verified", "contested", "propaganda", "spread");
    for (const Cue& cue : audit.cues) print_cue(cue);
    print_classifier(audit.classifier);
    print_summary(audit);
}

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_share(JsonWriter& json, Verdict verdict, const CueShare& share) {
    json.Key(std::string(to_string(verdict)).c_str());
    json.StartObject();
    json.Key("with");
    json.Int(share.with);
    json.Key("cards");
    json.Int(share.cards);
    json.Key("percent");
    json.Double(share.percent());
    json.EndObject();
}

void write_cue(JsonWriter& json, const Cue& cue) {
    json.StartObject();
    json.Key("kind");
    json.String(std::string(to_string(cue.kind)).c_str());
    json.Key("value");
    json.String(cue.value.c_str());
    for (Verdict verdict : kAllVerdicts) write_share(json, verdict, cue.per_verdict[index_of(verdict)]);
    json.Key("spread_points");
    json.Double(cue.spread_points);
    json.Key("flagged");
    json.Bool(cue.flagged);
    json.EndObject();
}

void write_classifier(JsonWriter& json, const ClassifierCheck& check) {
    json.Key("classifier");
    json.StartObject();
    json.Key("cards");
    json.Int(check.cards);
    json.Key("right");
    json.Int(check.right);
    json.Key("accuracy_percent");
    json.Double(check.accuracy_percent());
    json.Key("majority");
    json.String(std::string(to_string(check.majority)).c_str());
    json.Key("baseline_percent");
    json.Double(check.baseline_percent());
    json.Key("margin_limit_points");
    json.Int(kClassifierMarginLimitPoints);
    json.Key("flagged");
    json.Bool(check.flagged);
    json.EndObject();
}

std::string audit_json(const CueAudit& audit) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("spread_limit_points");
    json.Int(kCueSpreadLimitPoints);
    json.Key("cues");
    json.StartArray();
    for (const Cue& cue : audit.cues) write_cue(json, cue);
    json.EndArray();
    write_classifier(json, audit.classifier);
    json.Key("flagged");
    json.Bool(audit.flagged());
    json.EndObject();
    return buffer.GetString();
}

}  // namespace

int audit_cues_command(const Words& words) {
    Arguments args(words, {}, {"--json"});
    args.expect_positional(1, "DECK (the deck file to audit)");
    std::optional<Deck> deck = load_or_report(args.positional_path(0));
    if (!deck) return 1;
    const CueAudit audit = audit_cues(*deck);
    if (args.has("--json"))
        std::cout << audit_json(audit) << "\n";
    else
        print_audit(args.positional()[0], audit);
    return audit.flagged() ? 1 : 0;
}

}  // namespace claimdeck::cli
