#include "content/claimreview_import.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "base/json_input.hpp"
#include "content/quote_finder.hpp"

namespace claimdeck {

namespace {

using Value = rapidjson::Value;

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Lower case, white space collapsed and trimmed: "  Pants on  Fire " -> "pants on fire".
std::string normalized(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// One line: line breaks and runs of white space made single spaces.
std::string one_line(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The member `key` of an object; the first element when it is a list (an
// author may be one Person or several).
const Value* member(const Value* value, const char* key) {
    if (!value || !value->IsObject()) return nullptr;
    auto found = value->FindMember(key);
    if (found == value->MemberEnd()) return nullptr;
    const Value* inner = &found->value;
    if (inner->IsArray()) return inner->Empty() ? nullptr : &(*inner)[0];
    return inner;
}

std::string text_at(const Value* value, std::initializer_list<const char*> path) {
    for (const char* key : path) value = member(value, key);
    if (!value || !value->IsString()) return "";
    return std::string(value->GetString(), value->GetStringLength());
}

std::optional<double> number_at(const Value* value, const char* key) {
    value = member(value, key);
    if (!value) return std::nullopt;
    if (value->IsNumber()) return value->GetDouble();
    if (!value->IsString()) return std::nullopt;
    char* end = nullptr;
    const std::string text(value->GetString(), value->GetStringLength());
    const double number = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(number > -1e9 && number < 1e9)) return std::nullopt;
    return number;
}

bool is_claim_review(const Value& value) {
    const Value* type = value.IsObject() && value.HasMember("@type") ? &value["@type"] : nullptr;
    if (!type) return false;
    if (type->IsString()) return std::string_view(type->GetString()) == "ClaimReview";
    if (!type->IsArray()) return false;
    return std::any_of(type->Begin(), type->End(),
                       [](const Value& t) { return t.IsString() && std::string_view(t.GetString()) == "ClaimReview"; });
}

std::string number_text(double number) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", number);
    return text;
}

// The day part of an ISO 8601 date or date-time, or "".
std::string day_of(std::string_view stamp) {
    if (stamp.size() < 10) return "";
    const std::string_view day = stamp.substr(0, 10);
    for (std::size_t i = 0; i < day.size(); ++i)
        if ((i == 4 || i == 7) ? day[i] != '-' : !std::isdigit(static_cast<unsigned char>(day[i]))) return "";
    return std::string(day);
}

// Where the reviewed claim appeared: itemReviewed.appearance, else
// firstAppearance, each a CreativeWork or its URL.
const Value* appearance_of(const Value& review) {
    const Value* item = member(&review, "itemReviewed");
    const Value* appearance = member(item, "appearance");
    return appearance ? appearance : member(item, "firstAppearance");
}

class ReviewReader {
public:
    explicit ReviewReader(std::string file) : file_(std::move(file)) {}

    ReviewFile read(std::string_view json) {
        // The shape check wants an object at the root; a file may be an
        // array, so it is read as the @graph of one.
        const std::string wrapped = "{\"@graph\":" + std::string(without_byte_order_mark(json)) + "\n}";
        if (auto problem = check_json_shape(wrapped, file_, {32, 64u << 10})) {
            result_.problems.push_back(*problem);
            return std::move(result_);
        }
        rapidjson::Document document;
        document.Parse(wrapped.data(), wrapped.size());
        collect(document);
        if (result_.reviews.empty() && result_.problems.empty())
            add_problem(result_.problems, {file_, "", "holds no ClaimReview with a claim and a rating"});
        return std::move(result_);
    }

private:
    void collect(const Value& value) {
        if (value.IsArray()) {
            for (const Value& element : value.GetArray()) collect(element);
        } else if (is_claim_review(value)) {
            take(value);
        } else if (value.IsObject() && value.HasMember("@graph")) {
            collect(value["@graph"]);
        }
    }

    void take(const Value& json) {
        const std::string place = "review " + std::to_string(++seen_);
        if (result_.reviews.size() >= DeckLimits{}.max_claims)
            return skip(place, "the deck already holds the most claims a deck may");
        ReviewedClaim review;
        review.place = place;
        review.claim_text = one_line(text_at(&json, {"claimReviewed"}));
        if (review.claim_text.empty()) return skip(place, "has no \"claimReviewed\", the claim's words");
        review.rating = rating_of(json, review);
        if (review.rating.empty()) return skip(place, "has no \"reviewRating\" with an alternateName or a ratingValue");
        review.rationale = one_line(text_at(&json, {"reviewBody"}));
        if (review.rationale.empty())
            review.rationale = one_line(text_at(&json, {"reviewRating", "ratingExplanation"}));
        review.reviewer = one_line(text_at(&json, {"author", "name"}));
        review.review_url = text_at(&json, {"url"});
        review.claimant = one_line(text_at(&json, {"itemReviewed", "author", "name"}));
        read_appearance(json, review);
        result_.reviews.push_back(std::move(review));
    }

    std::string rating_of(const Value& json, ReviewedClaim& review) {
        const Value* rating = member(&json, "reviewRating");
        const std::string name = normalized(text_at(rating, {"alternateName"}));
        review.rating_label = one_line(text_at(rating, {"alternateName"}));
        std::optional<double> value = number_at(rating, "ratingValue");
        if (!name.empty() || !value) return name;
        const double best = number_at(rating, "bestRating").value_or(5);
        const double worst = number_at(rating, "worstRating").value_or(1);
        if (best != worst) review.rating_fraction = (*value - worst) / (best - worst);
        review.rating_label = number_text(*value) + "/" + number_text(best);
        return review.rating_label;
    }

    static void read_appearance(const Value& json, ReviewedClaim& review) {
        const Value* appearance = appearance_of(json);
        if (appearance && appearance->IsString()) {
            review.source_url = appearance->GetString();
            return;
        }
        review.source_url = text_at(appearance, {"url"});
        review.source_headline = one_line(text_at(appearance, {"headline"}));
        if (review.source_headline.empty()) review.source_headline = one_line(text_at(appearance, {"name"}));
        review.source_published = day_of(text_at(appearance, {"datePublished"}));
        if (review.source_published.empty())
            review.source_published = day_of(text_at(member(&json, "itemReviewed"), {"datePublished"}));
    }

    void skip(const std::string& place, std::string message) {
        add_problem(result_.skipped, {file_, place, std::move(message)});
    }

    std::string file_;
    ReviewFile result_;
    int seen_ = 0;
};

const char* const kVerifiedRatings[] = {"true",     "mostly true", "correct", "accurate",           "mostly accurate",
                                        "verified", "confirmed",   "fact",    "correct attribution"};
const char* const kContestedRatings[] = {"false",
                                         "mostly false",
                                         "half true",
                                         "half-true",
                                         "mixture",
                                         "mixed",
                                         "misleading",
                                         "partly false",
                                         "partly true",
                                         "unproven",
                                         "unverified",
                                         "unsupported",
                                         "exaggerated",
                                         "needs context",
                                         "missing context",
                                         "lacks context",
                                         "pants on fire",
                                         "pants on fire!",
                                         "fake",
                                         "incorrect",
                                         "inaccurate",
                                         "wrong",
                                         "no evidence",
                                         "baseless",
                                         "disputed",
                                         "outdated",
                                         "miscaptioned",
                                         "altered",
                                         "satire",
                                         "four pinocchios",
                                         "three pinocchios",
                                         "two pinocchios",
                                         "one pinocchio",
                                         "distorts the facts",
                                         "cherry picks",
                                         "spins the facts"};

std::optional<Verdict> proposed_verdict(const ReviewedClaim& review) {
    auto among = [&](const auto& names) {
        return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return review.rating == n; });
    };
    if (among(kVerifiedRatings)) return Verdict::Verified;
    if (among(kContestedRatings)) return Verdict::Contested;
    if (review.rating_fraction >= 0) return review.rating_fraction >= 0.75 ? Verdict::Verified : Verdict::Contested;
    return std::nullopt;
}

// "The Taliban have ..." cut at a space before `limit` bytes, with "…".
std::string shortened(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    const std::size_t space = text.rfind(' ', limit);
    return text.substr(0, space == std::string::npos || space == 0 ? 0 : space) + "\u2026";
}

class ReviewDeckBuilder {
public:
    ReviewDeckBuilder(const RatingMapping& mapping, std::string file, const ReviewImportOptions& options)
        : mapping_(mapping), file_(std::move(file)), deck_(new_deck(options.deck_id, options.title)) {}

    DeckImport build(const ReviewFile& reviews) {
        result_.skipped = reviews.skipped;
        result_.problems = reviews.problems;
        for (const ReviewedClaim& review : reviews.reviews) add_claim(review);
        for (auto& [source, article] : sources_) deck_.articles.push_back(std::move(article));
        if (deck_.claims.empty() && result_.problems.empty())
            add_problem(result_.problems, {file_, "", "no review could be imported"});
        if (!result_.problems.empty()) return std::move(result_);
        deck_.index();
        place_quotes();
        result_.deck = std::move(deck_);
        return std::move(result_);
    }

private:
    void add_claim(const ReviewedClaim& review) {
        auto verdict = mapping_.find(review.rating);
        if (verdict == mapping_.end())
            return skip(review.place, "the rating " + in_quotes(review.rating) + " has no verdict in the mapping");
        Article* article = article_for(review);
        if (!article) return;
        Claim claim;
        claim.id = claim_ids_.take(kebab_id(shortened(review.claim_text, 40), "claim"));
        claim.article = article->id;
        claim.text = review.claim_text;
        claim.quote = review.claim_text;
        claim.topic = topic_for(review.claim_text);
        claim.verdict = verdict->second;
        claim.rationale = !review.rationale.empty() ? review.rationale
                                                    : (review.reviewer.empty() ? "The fact-checker" : review.reviewer) +
                                                          " rated it " + in_quotes(review.rating_label) + ".";
        article->text += "\n" + review.claim_text + "\n";
        deck_.claims.push_back(std::move(claim));
    }

    Article* article_for(const ReviewedClaim& review) {
        auto found = sources_.find(review.source_url);
        if (found == sources_.end()) {
            if (sources_.size() >= DeckLimits{}.max_articles) {
                skip(review.place, "the deck already holds the most articles a deck may");
                return nullptr;
            }
            found = sources_.emplace(review.source_url, source_article(review)).first;
        }
        if (found->second.text.size() + review.claim_text.size() + 2 > DeckLimits{}.max_article_bytes) {
            skip(review.place, "its source's article would pass 4 MiB, the most an article holds");
            return nullptr;
        }
        return &found->second;
    }

    Article source_article(const ReviewedClaim& review) {
        std::string headline = review.source_headline;
        if (headline.empty()) headline = review.claimant.empty() ? "Claims reviewed" : "Claims by " + review.claimant;
        Article article;
        article.id = article_ids_.take(kebab_id(shortened(headline, 40), "source"));
        article.file = article.id + ".txt";
        article.title = headline;
        article.byline = review.claimant;
        article.url = review.source_url;
        article.published = review.source_published;
        article.provenance = review.source_url.empty()
                                 ? "The claims as fact-checkers quote them; the original source is not named."
                                 : "The claims as fact-checkers quote them from the original.";
        article.text = headline + "\n";
        return article;
    }

    std::string topic_for(const std::string& claim_text) {
        auto known = topics_.find(claim_text);
        if (known != topics_.end()) return known->second;
        const std::string id = topic_ids_.take(kebab_id(shortened(claim_text, 40), "topic"));
        deck_.topics.push_back({id, shortened(claim_text, 80)});
        topics_[claim_text] = id;
        return id;
    }

    void place_quotes() {
        for (Claim& claim : deck_.claims) {
            const Article* article = deck_.article(claim.article);
            QuoteLocation found = locate_quote(article->text, claim.quote);
            if (found.span) claim.span = *found.span;
        }
    }

    void skip(const std::string& place, std::string message) {
        add_problem(result_.skipped, {file_, place, std::move(message)});
    }

    const RatingMapping& mapping_;
    std::string file_;
    Deck deck_;
    DeckImport result_;
    std::map<std::string, Article> sources_;     // by the claim's source URL
    std::map<std::string, std::string> topics_;  // claim text -> topic id
    IdRegistry claim_ids_;
    IdRegistry article_ids_;
    IdRegistry topic_ids_;
};

}  // namespace

ReviewFile read_claim_reviews(std::string_view json, const std::string& file) { return ReviewReader(file).read(json); }

RatingMapping proposed_mapping(const std::vector<ReviewedClaim>& reviews) {
    RatingMapping mapping;
    for (const ReviewedClaim& review : reviews)
        if (auto verdict = proposed_verdict(review)) mapping.emplace(review.rating, *verdict);
    return mapping;
}

std::string describe_mapping(const std::vector<ReviewedClaim>& reviews, const RatingMapping& mapping) {
    std::map<std::string, int> uses;
    for (const ReviewedClaim& review : reviews) ++uses[review.rating];
    std::string text = "# rating = verdict (verified or contested)   # how many reviews give it\n";
    for (const auto& [rating, count] : uses) {
        auto verdict = mapping.find(rating);
        text += rating + " = " + (verdict == mapping.end() ? "?" : std::string(to_string(verdict->second))) + "   # " +
                std::to_string(count) + (count == 1 ? " review\n" : " reviews\n");
    }
    return text;
}

RatingMapping read_mapping(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
    RatingMapping mapping;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start <= text.size(); ++line_number) {
        const std::size_t end = std::min(text.size(), text.find('\n', start));
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const std::string place = "line " + std::to_string(line_number + 1);
        if (normalized(line).empty() || normalized(line)[0] == '#') continue;
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            add_problem(problems, {file, place, "write it as: rating = verdict"});
            continue;
        }
        const std::string_view after = line.substr(equals + 1);
        const std::string verdict = normalized(after.substr(0, after.find('#')));
        if (verdict == "?") continue;  // left for later: its reviews are skipped
        const std::optional<Verdict> parsed = parse_verdict(verdict);
        if (parsed == Verdict::Propaganda)
            add_problem(problems, {file, place,
                                   "propaganda needs the techniques in the quote, which a review does not name; "
                                   "map it to contested and mark the techniques in the Studio"});
        else if (!parsed)
            add_problem(problems, {file, place, in_quotes(verdict) + " is not verified or contested"});
        else
            mapping[normalized(line.substr(0, equals))] = *parsed;
    }
    return mapping;
}

DeckImport import_reviews(const ReviewFile& reviews, const RatingMapping& mapping, const std::string& file,
                          const ReviewImportOptions& options) {
    return ReviewDeckBuilder(mapping, file, options).build(reviews);
}

}  // namespace claimdeck
