// validate and export: what a teacher does with a deck file.
#include <iostream>

#include "arguments.hpp"
#include "base/json_library.hpp"
#include "base/printable.hpp"
#include "bundled_content.hpp"
#include "commands.hpp"
#include "content/deck.hpp"

namespace claimdeck::cli {

std::filesystem::path default_deck_path() { return desktop::bundled_deck_path(); }

std::optional<Deck> load_or_report(const std::filesystem::path& path) {
    DeckLoadResult result = load_deck(path);
    std::cerr << printable(describe_all(result.problems));
    if (!result.problems.empty())
        std::cerr << result.problems.size() << (result.problems.size() == 1 ? " problem" : " problems") << " in "
                  << printable(path.u8string()) << "\n";
    return std::move(result.deck);
}

namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(JsonWriter& json, const char* key, const std::string& value) {
    json.Key(key);
    json.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_typed(JsonWriter& json, const char* type) {
    json.Key("@type");
    json.String(type);
}

// One schema.org ClaimReview: the claim, the deck's verdict as the rating's
// alternateName, and the article the claim appeared in, with its URL and
// publication date when the deck gives them.
void write_claim_review(JsonWriter& json, const Deck& deck, const Claim& claim) {
    const Article& article = *deck.article(claim.article);
    json.StartObject();
    write_typed(json, "ClaimReview");
    write_string(json, "identifier", deck.id + "/" + claim.id);
    write_string(json, "claimReviewed", claim.text);
    write_string(json, "reviewBody", claim.rationale);
    json.Key("author");
    json.StartObject();
    write_typed(json, "Organization");
    write_string(json, "name", "ClaimDeck deck \"" + deck.title + "\"");
    json.EndObject();
    json.Key("reviewRating");
    json.StartObject();
    write_typed(json, "Rating");
    write_string(json, "alternateName", std::string(to_string(claim.verdict)));
    write_string(json, "ratingExplanation", claim.rationale);
    json.EndObject();
    json.Key("itemReviewed");
    json.StartObject();
    write_typed(json, "Claim");
    write_string(json, "text", claim.quote);
    json.Key("appearance");
    json.StartObject();
    write_typed(json, "CreativeWork");
    write_string(json, "headline", article.title);
    if (!article.url.empty()) write_string(json, "url", article.url);
    if (!article.published.empty()) write_string(json, "datePublished", article.published);
    if (!article.byline.empty()) {
        json.Key("author");
        json.StartObject();
        write_typed(json, "Person");
        write_string(json, "name", article.byline);
        json.EndObject();
    }
    json.EndObject();
    json.EndObject();
    json.EndObject();
}

}  // namespace

int validate_command(const Words& words) {
    Arguments args(words, {}, {});
    args.expect_positional(1, "DECK (the deck file to check)");
    std::optional<Deck> deck = load_or_report(args.positional_path(0));
    if (!deck) return 1;
    std::cout << printable(args.positional()[0]) << ": ok, " << deck->claims.size() << " claims from "
              << deck->articles.size() << " articles\n";
    return 0;
}

int export_command(const Words& words) {
    Arguments args(words, {"--format"}, {});
    args.expect_positional(1, "DECK (the deck file to export)");
    if (args.required("--format") != "claimreview")
        throw UsageError("unknown format \"" + args.required("--format") + "\"; the format is claimreview");
    std::optional<Deck> deck = load_or_report(args.positional_path(0));
    if (!deck) return 1;

    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    write_string(json, "@context", "https://schema.org");
    json.Key("@graph");
    json.StartArray();
    for (const Claim& claim : deck->claims) write_claim_review(json, *deck, claim);
    json.EndArray();
    json.EndObject();
    std::cout << buffer.GetString() << "\n";
    return 0;
}

}  // namespace claimdeck::cli
