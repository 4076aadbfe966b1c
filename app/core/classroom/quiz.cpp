#include "classroom/quiz.hpp"

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "base/text_file.hpp"
#include "classroom/classroom_files.hpp"
#include "learning/session.hpp"
#include "storage/store.hpp"

namespace claimdeck {

namespace {

const JsonFileFormat kQuizFormat{"claimdeck-quiz", 3, 4u << 20, JsonShapeLimits{4, 4096}, 1};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// ---- Choosing claims -------------------------------------------------------

void check_filter(const Deck& deck, const ClaimFilter& filter) {
    if (!filter.topic.empty() && !deck.topic(filter.topic))
        throw std::invalid_argument("the deck has no topic " + in_quotes(filter.topic));
    if (!filter.article.empty() && !deck.article(filter.article))
        throw std::invalid_argument("the deck has no article " + in_quotes(filter.article));
}

std::vector<std::size_t> matching_claims(const Deck& deck, const ClaimFilter& filter) {
    check_filter(deck, filter);
    std::vector<std::size_t> matching;
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        const Claim& claim = deck.claims[i];
        if ((filter.topic.empty() || claim.topic == filter.topic) &&
            (filter.article.empty() || claim.article == filter.article) &&
            (!filter.verdict || claim.verdict == *filter.verdict))
            matching.push_back(i);
    }
    if (matching.empty()) throw std::invalid_argument("no claim in the deck matches the filter");
    return matching;
}

// How many of `wanted` draws each verdict gets: as equal as `available`
// allows, a verdict that runs short leaving its share to the others. Ties go
// by `order`, which is random, so no verdict is always the one left over.
std::array<std::size_t, 3> share_out(std::size_t wanted, const std::array<std::size_t, 3>& available,
                                     const std::array<Verdict, 3>& order) {
    std::array<std::size_t, 3> quota{};
    for (std::size_t drawn = 0; drawn < wanted; ++drawn) {
        std::optional<std::size_t> fewest;
        for (Verdict verdict : order) {
            const std::size_t v = index_of(verdict);
            if (quota[v] < available[v] && (!fewest || quota[v] < quota[*fewest])) fewest = v;
        }
        ++quota[*fewest];  // the caller checked that enough are available
    }
    return quota;
}

// Draws `wanted` groups of `group_size` claims, each group one verdict and one
// topic: verdicts shared out equally, and each draw from the topic used least
// so far. Group size 1 gives a balanced quiz; 2 gives matched pairs for
// parallel forms.
std::vector<std::vector<std::size_t>> draw_balanced(const Deck& deck, const std::vector<std::size_t>& pool,
                                                    std::size_t wanted, std::size_t group_size,
                                                    std::mt19937_64& random) {
    std::array<std::map<std::string, std::vector<std::size_t>>, 3> cells;  // [verdict][topic] -> claims
    for (std::size_t i : pool) cells[index_of(deck.claims[i].verdict)][deck.claims[i].topic].push_back(i);

    std::set<std::string> topic_set;
    std::array<std::size_t, 3> available{};
    for (std::size_t v = 0; v < cells.size(); ++v) {
        for (auto& [topic, claims] : cells[v]) {
            std::shuffle(claims.begin(), claims.end(), random);
            topic_set.insert(topic);
            available[v] += claims.size() / group_size;
        }
    }
    const std::size_t total = available[0] + available[1] + available[2];
    if (total < wanted) {
        const std::string unit =
            group_size == 1   ? " claims fit"
            : group_size == 2 ? " pairs of claims with the same verdict and topic"
                              : " sets of " + std::to_string(group_size) + " claims with the same verdict and topic";
        throw std::invalid_argument("asked for " + std::to_string(wanted) + " but only " + std::to_string(total) +
                                    unit + (group_size == 1 ? "" : " are available"));
    }

    std::array<Verdict, 3> verdict_order = kAllVerdicts;
    std::shuffle(verdict_order.begin(), verdict_order.end(), random);
    std::vector<std::string> topic_order(topic_set.begin(), topic_set.end());
    std::shuffle(topic_order.begin(), topic_order.end(), random);
    const std::array<std::size_t, 3> quota = share_out(wanted, available, verdict_order);

    std::array<std::size_t, 3> taken{};
    std::map<std::string, int> topic_use;
    std::vector<std::vector<std::size_t>> groups;
    // Round robin over the verdicts, so topics are spread over all of them.
    while (groups.size() < wanted) {
        for (Verdict verdict : verdict_order) {
            const std::size_t v = index_of(verdict);
            if (taken[v] == quota[v]) continue;
            const std::string* least_used = nullptr;
            for (const std::string& topic : topic_order) {
                auto cell = cells[v].find(topic);
                if (cell == cells[v].end() || cell->second.size() < group_size) continue;
                if (!least_used || topic_use[topic] < topic_use[*least_used]) least_used = &topic;
            }
            std::vector<std::size_t>& cell = cells[v][*least_used];
            groups.emplace_back(cell.end() - static_cast<std::ptrdiff_t>(group_size), cell.end());
            cell.resize(cell.size() - group_size);
            ++topic_use[*least_used];
            ++taken[v];
        }
    }
    return groups;
}

// A deck of one article has no other sources to check: a quiz that required
// them could never be answered.
std::optional<std::string> other_sources_missing(OtherSources wanted, const Deck& deck) {
    if (wanted == OtherSources::Off || deck.articles.size() >= 2) return std::nullopt;
    return "the quiz lets pupils check other sources, but deck " + in_quotes(deck.id) +
           " has only one article, so there are none";
}

void check_settings(const Deck& deck, const QuizSettings& settings) {
    if (settings.time_limit_seconds < 0 || settings.time_limit_seconds > kMaxTimeLimitSeconds)
        throw std::invalid_argument("the time limit must be from 0 (none) to " + std::to_string(kMaxTimeLimitSeconds) +
                                    " seconds");
    if (auto missing = other_sources_missing(settings.other_sources, deck)) throw std::invalid_argument(*missing);
}

void check_days_after_post(int days) {
    if (days < 1 || days > kMaxDaysAfterPost)
        throw std::invalid_argument("the delayed posttest must come 1 to " + std::to_string(kMaxDaysAfterPost) +
                                    " days after the posttest");
}

Quiz make_quiz(const Deck& deck, std::vector<std::size_t> claim_indexes, const QuizSettings& settings, QuizForm form,
               std::mt19937_64& random) {
    check_settings(deck, settings);
    Quiz quiz;
    // The same time-plus-randomness scheme as review ids: unique without a registry.
    quiz.id = "quiz-" + new_review_uid();
    quiz.title = settings.title.empty() ? deck.title : settings.title;
    quiz.deck_id = deck.id;
    quiz.deck_version = deck.version;
    quiz.time_limit_seconds = settings.time_limit_seconds;
    quiz.reveal = settings.reveal;
    quiz.other_sources = settings.other_sources;
    quiz.form = form;
    quiz.created_ms = settings.created_ms;
    // Shuffled first so that the deck's own order does not show through.
    std::shuffle(claim_indexes.begin(), claim_indexes.end(), random);
    const std::vector<std::size_t> ordered = interleave(deck, std::move(claim_indexes));
    for (std::size_t i : ordered) quiz.claim_ids.push_back(deck.claims[i].id);
    return quiz;
}

// ---- Reading ---------------------------------------------------------------

void read_claim_ids(FieldReader& fields, std::vector<std::string>& claim_ids) {
    if (!fields.read_strings("claims", claim_ids, kMaxQuizClaims)) return;
    if (claim_ids.empty()) fields.report("claims", "is empty; a quiz needs at least one claim");
    std::set<std::string> seen;
    for (const std::string& id : claim_ids) {
        if (id.empty())
            fields.report("claims", "holds an empty claim id");
        else if (!seen.insert(id).second)
            fields.report("claims", "holds " + in_quotes(id) + " twice");
    }
}

void read_quiz_fields(FieldReader& fields, Quiz& quiz) {
    read_quiz_id(fields, "id", quiz.id);
    fields.read_string("title", quiz.title);
    read_non_empty_string(fields, "deck_id", quiz.deck_id);
    read_int_in_range(fields, "deck_version", 1, std::numeric_limits<int>::max(), quiz.deck_version);
    read_claim_ids(fields, quiz.claim_ids);
    read_int_in_range(fields, "time_limit_seconds", 0, kMaxTimeLimitSeconds, quiz.time_limit_seconds);
    read_named_value(fields, "reveal", parse_reveal_mode, "after_each, at_end", quiz.reveal);
    std::int64_t version = 0;
    if (fields.read_int("format_version", version) && version >= 3)
        read_named_value(fields, "other_sources", parse_other_sources, "off, offered, required", quiz.other_sources);
    read_named_value(fields, "form", parse_quiz_form, kQuizFormNames, quiz.form);
    if (quiz.form == QuizForm::DelayedC)
        read_int_in_range(fields, "days_after_post", 1, kMaxDaysAfterPost, quiz.days_after_post);
    read_int_in_range(fields, "created_ms", std::int64_t{0}, std::numeric_limits<std::int64_t>::max(), quiz.created_ms);
}

QuizLoadResult loaded(Quiz quiz, std::vector<Problem> problems) {
    QuizLoadResult result;
    if (problems.empty()) result.quiz = std::move(quiz);
    result.problems = std::move(problems);
    return result;
}

}  // namespace

std::string_view to_string(RevealMode mode) { return mode == RevealMode::AtEnd ? "at_end" : "after_each"; }

std::optional<RevealMode> parse_reveal_mode(std::string_view text) {
    for (RevealMode mode : {RevealMode::AfterEach, RevealMode::AtEnd})
        if (to_string(mode) == text) return mode;
    return std::nullopt;
}

std::string_view to_string(OtherSources sources) {
    switch (sources) {
        case OtherSources::Off: return "off";
        case OtherSources::Offered: return "offered";
        case OtherSources::Required: return "required";
    }
    return "off";
}

std::optional<OtherSources> parse_other_sources(std::string_view text) {
    for (OtherSources sources : {OtherSources::Off, OtherSources::Offered, OtherSources::Required})
        if (to_string(sources) == text) return sources;
    return std::nullopt;
}

std::string_view to_string(QuizForm form) {
    switch (form) {
        case QuizForm::Single: return "";
        case QuizForm::PreA: return "A";
        case QuizForm::PostB: return "B";
        case QuizForm::DelayedC: return "C";
    }
    return "";
}

std::optional<QuizForm> parse_quiz_form(std::string_view text) {
    for (QuizForm form : {QuizForm::Single, QuizForm::PreA, QuizForm::PostB, QuizForm::DelayedC})
        if (to_string(form) == text) return form;
    return std::nullopt;
}

bool Quiz::operator==(const Quiz& other) const {
    return id == other.id && title == other.title && deck_id == other.deck_id && deck_version == other.deck_version &&
           claim_ids == other.claim_ids && time_limit_seconds == other.time_limit_seconds && reveal == other.reveal &&
           other_sources == other.other_sources && form == other.form && days_after_post == other.days_after_post &&
           created_ms == other.created_ms;
}

Quiz quiz_of_matching_claims(const Deck& deck, const ClaimFilter& filter, const QuizSettings& settings,
                             std::uint64_t seed) {
    std::mt19937_64 random(seed);
    return make_quiz(deck, matching_claims(deck, filter), settings, QuizForm::Single, random);
}

Quiz balanced_quiz(const Deck& deck, const ClaimFilter& filter, std::size_t count, const QuizSettings& settings,
                   std::uint64_t seed) {
    if (count == 0) throw std::invalid_argument("a quiz needs at least one claim");
    std::mt19937_64 random(seed);
    std::vector<std::size_t> chosen;
    for (const auto& group : draw_balanced(deck, matching_claims(deck, filter), count, 1, random))
        chosen.push_back(group.front());
    return make_quiz(deck, std::move(chosen), settings, QuizForm::Single, random);
}

ParallelForms parallel_forms(const Deck& deck, std::size_t count_per_form, const QuizSettings& settings,
                             std::uint64_t seed, std::optional<int> delayed_days_after_post) {
    if (count_per_form == 0) throw std::invalid_argument("each form needs at least one claim");
    if (delayed_days_after_post) check_days_after_post(*delayed_days_after_post);
    std::mt19937_64 random(seed);
    const std::size_t form_count = delayed_days_after_post ? 3 : 2;
    std::vector<std::vector<std::size_t>> claims_of_form(form_count);
    // Each group shares verdict and topic; its claims were shuffled, so which
    // one lands in which form is random.
    for (const auto& group : draw_balanced(deck, matching_claims(deck, {}), count_per_form, form_count, random))
        for (std::size_t form = 0; form < form_count; ++form) claims_of_form[form].push_back(group[form]);
    ParallelForms forms{make_quiz(deck, std::move(claims_of_form[0]), settings, QuizForm::PreA, random),
                        make_quiz(deck, std::move(claims_of_form[1]), settings, QuizForm::PostB, random), std::nullopt};
    const std::string title = settings.title.empty() ? deck.title : settings.title;
    forms.pre.title = title + " (pretest, form A)";
    forms.post.title = title + " (posttest, form B)";
    if (delayed_days_after_post) {
        forms.delayed = make_quiz(deck, std::move(claims_of_form[2]), settings, QuizForm::DelayedC, random);
        forms.delayed->title = title + " (delayed posttest, form C)";
        forms.delayed->days_after_post = *delayed_days_after_post;
    }
    return forms;
}

std::string days_text(long days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

std::string delayed_posttest_note(const Quiz& quiz) {
    return "A delayed posttest, meant for " + days_text(quiz.days_after_post) +
           " after the posttest: it shows what you still remember.";
}

std::optional<std::string> quiz_deck_mismatch(const Quiz& quiz, const Deck& deck) {
    if (quiz.deck_id != deck.id)
        return "the quiz is for deck " + in_quotes(quiz.deck_id) + ", not " + in_quotes(deck.id);
    // Another version may have changed a verdict, which would score the
    // class against two different answer keys.
    if (quiz.deck_version != deck.version)
        return "the quiz is for version " + std::to_string(quiz.deck_version) + " of deck " + in_quotes(deck.id) +
               ", but this deck is version " + std::to_string(deck.version);
    for (const std::string& id : quiz.claim_ids)
        if (!deck.claim(id)) return "the deck has no claim " + in_quotes(id) + ", which the quiz asks";
    return other_sources_missing(quiz.other_sources, deck);
}

std::string quiz_to_json(const Quiz& quiz) {
    JsonFileFormat format = kQuizFormat;
    format.version = quiz.format_version();
    return write_json_text(format, [&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("id", quiz.id), cereal::make_nvp("title", quiz.title),
                cereal::make_nvp("deck_id", quiz.deck_id), cereal::make_nvp("deck_version", quiz.deck_version),
                cereal::make_nvp("claims", quiz.claim_ids),
                cereal::make_nvp("time_limit_seconds", quiz.time_limit_seconds),
                cereal::make_nvp("reveal", std::string(to_string(quiz.reveal))));
        if (quiz.offers_other_sources())
            archive(cereal::make_nvp("other_sources", std::string(to_string(quiz.other_sources))));
        archive(cereal::make_nvp("form", std::string(to_string(quiz.form))));
        if (quiz.form == QuizForm::DelayedC) archive(cereal::make_nvp("days_after_post", quiz.days_after_post));
        archive(cereal::make_nvp("created_ms", quiz.created_ms));
    });
}

std::string write_quiz_file(const std::filesystem::path& path, const Quiz& quiz) {
    return write_text_file(path, quiz_to_json(quiz));
}

QuizLoadResult parse_quiz(std::string_view json, const std::string& file_name) {
    Quiz quiz;
    std::vector<Problem> problems =
        read_json_text(json, file_name, kQuizFormat, [&](FieldReader& fields) { read_quiz_fields(fields, quiz); });
    return loaded(std::move(quiz), std::move(problems));
}

QuizLoadResult load_quiz(const std::filesystem::path& path) {
    Quiz quiz;
    std::vector<Problem> problems =
        read_json_file(path, kQuizFormat, [&](FieldReader& fields) { read_quiz_fields(fields, quiz); });
    return loaded(std::move(quiz), std::move(problems));
}

}  // namespace claimdeck
