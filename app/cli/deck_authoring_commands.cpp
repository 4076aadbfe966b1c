// deck new, check, spans, import-csv, import-claimreview: making a deck
// from the command line, what the Studio does in the window.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "arguments.hpp"
#include "base/printable.hpp"
#include "base/text_file.hpp"
#include "commands.hpp"
#include "content/claimreview_import.hpp"
#include "content/csv_import.hpp"
#include "content/deck_import.hpp"
#include "content/deck_writer.hpp"
#include "content/house_style.hpp"
#include "content/quote_finder.hpp"
#include "inputs.hpp"

namespace claimdeck::cli {

namespace {

// The most a spreadsheet or a ClaimReview file may hold: far more than any
// real one, little enough to read into memory.
constexpr std::uintmax_t kMaxImportBytes = 64u << 20;

void print_problems(const std::vector<Problem>& problems) { std::cerr << printable(describe_all(problems)); }

std::string count_of(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string id_from(const Arguments& args, const std::filesystem::path& file) {
    const std::string id = args.value("--id").value_or(kebab_id(file.stem().u8string(), "imported"));
    if (!is_kebab_case(id)) throw UsageError("--id \"" + id + "\" must be lower-case kebab-case, e.g. my-deck");
    return id;
}

std::string title_from(const Arguments& args, const std::filesystem::path& file) {
    return args.value("--title").value_or(file.stem().u8string());
}

std::string read_import_file(const std::filesystem::path& file) {
    TextFileResult read = read_text_file(file, kMaxImportBytes);
    if (!read.error.empty()) throw std::runtime_error(read.error);
    return read.text;
}

// Writes an imported deck folder and says what it holds and what was left
// out; house-style problems are shown as advice, since the deck is a draft.
int write_import(const DeckImport& imported, const std::filesystem::path& out) {
    print_problems(imported.skipped);
    if (!imported.deck) {
        print_problems(imported.problems);
        return 1;
    }
    const Deck& deck = *imported.deck;
    const std::string file = deck_file_in(out, deck.id).u8string();
    std::vector<Problem> invalid = check_deck(deck, file);
    if (!invalid.empty())
        throw std::runtime_error("the imported deck does not pass its checks:\n" + problem_list(invalid));
    if (std::string failed = write_deck_folder(deck, out); !failed.empty()) throw std::runtime_error(failed);
    std::cout << "Wrote " << printable(file) << ": " << count_of(deck.claims.size(), "claim", "claims") << " from "
              << count_of(deck.articles.size(), "article", "articles");
    if (!imported.skipped.empty())
        std::cout << "; " << count_of(imported.skipped.size(), "entry", "entries") << " left out (listed above)";
    std::cout << "\n";
    std::vector<Problem> style = check_house_style(deck, file);
    if (!style.empty())
        std::cout << "House style (deck check lists these until they are fixed): "
                  << count_of(style.size(), "problem", "problems") << "\n";
    return 0;
}

void print_shares(const std::string& file, const Deck& deck) {
    const VerdictShares shares = verdict_shares(deck);
    std::cout << printable(file) << ": " << count_of(deck.claims.size(), "claim", "claims") << " from "
              << count_of(deck.articles.size(), "article", "articles");
    for (Verdict verdict : kAllVerdicts)
        std::cout << (verdict == kAllVerdicts[0] ? "; " : ", ") << shares.claims[index_of(verdict)] << " "
                  << to_string(verdict);
    std::cout << "\n";
}

std::size_t whole_number(const Arguments& args, const std::string& option) {
    const double value = args.number(option, 0, 0, 1e6);
    if (value != static_cast<double>(static_cast<std::size_t>(value)))
        throw UsageError(option + " must be a whole number");
    return static_cast<std::size_t>(value);
}

RatingMapping mapping_from(const Arguments& args, const ReviewFile& reviews) {
    if (auto file = args.value("--mapping")) {
        std::vector<Problem> problems;
        RatingMapping mapping = read_mapping(read_import_file(*file), *file, problems);
        if (!problems.empty()) throw std::runtime_error(problem_list(problems));
        return mapping;
    }
    return proposed_mapping(reviews.reviews);
}

}  // namespace

const char kDeckNewUsage[] =
    "deck new ID --title TITLE --out DIR\n"
    "                                     an empty deck folder: DIR/decks/ID.json and DIR/articles/";
const char kDeckCheckUsage[] =
    "deck check DECK [--min-claims N] [--min-per-article N]\n"
    "                                     the validator plus the house style (EDITORIAL.md): verdict\n"
    "                                     balance, sentences, ids, typing, the cue audit; exit 1 if any";
const char kDeckSpansUsage[] =
    "deck spans DECK [--write] [--loose]\n"
    "                                     find every quote in its article; --write fills in the spans,\n"
    "                                     --loose also fixes quotes retyped with other spaces or marks";
const char kDeckImportCsvUsage[] =
    "deck import-csv FILE --out DIR [--id ID] [--title TITLE]\n"
    "                                     a deck folder from a CSV/TSV file (FORMAT.md, \"Importing\")";
const char kDeckImportClaimReviewUsage[] =
    "deck import-claimreview FILE --out DIR [--accept-mapping | --mapping MAP] [--id ID]\n"
    "         [--title TITLE]\n"
    "                                     a deck folder from ClaimReview JSON-LD; without --accept-mapping\n"
    "                                     or --mapping it prints the rating mapping to confirm or edit";

int deck_new_command(const Words& words) {
    Arguments args(words, {"--title", "--out"}, {});
    args.expect_positional(1, "ID (the new deck's id)");
    const std::string id = args.positional()[0];
    if (!is_kebab_case(id)) throw UsageError("the id \"" + id + "\" must be lower-case kebab-case, e.g. my-deck");
    const Deck deck = new_deck(id, args.required("--title"));
    const std::filesystem::path out = args.required_path("--out");
    if (std::string failed = write_deck_folder(deck, out); !failed.empty()) throw std::runtime_error(failed);
    std::cout << "Wrote " << printable(deck_file_in(out, deck.id).u8string())
              << ": put article files in the articles folder beside decks/, then add them to the deck\n";
    return 0;
}

int deck_check_command(const Words& words) {
    Arguments args(words, {"--min-claims", "--min-per-article"}, {});
    args.expect_positional(1, "DECK (the deck file to check)");
    HouseStyleRules rules;
    rules.min_claims = whole_number(args, "--min-claims");
    rules.min_claims_per_article = whole_number(args, "--min-per-article");
    const std::string file = args.positional()[0];
    std::optional<Deck> deck = load_or_report(std::filesystem::u8path(file));
    if (!deck) return 1;
    std::vector<Problem> style = check_house_style(*deck, file, rules);
    print_problems(style);
    print_shares(file, *deck);
    if (style.empty()) return 0;
    std::cerr << count_of(style.size(), "house-style problem", "house-style problems") << " in " << printable(file)
              << "\n";
    return 1;
}

int deck_spans_command(const Words& words) {
    Arguments args(words, {}, {"--write", "--loose"});
    args.expect_positional(1, "DECK (the deck file whose spans to find)");
    const std::string file = args.positional()[0];
    DeckLoadResult loaded = load_deck_unchecked(std::filesystem::u8path(file));
    if (!loaded.deck) throw std::runtime_error(problem_list(loaded.problems));
    const SpanRepair repair =
        fill_spans(*loaded.deck, file, args.has("--loose") ? QuoteMatching::Loose : QuoteMatching::Exact);
    print_problems(repair.notes);
    print_problems(repair.problems);
    if (!repair.problems.empty()) {
        std::cerr << count_of(repair.problems.size(), "quote", "quotes") << " not found; " << printable(file)
                  << " was left as it is\n";
        return 1;
    }
    if (!args.has("--write")) {
        std::cout << printable(file) << ": " << count_of(repair.changed, "span differs", "spans differ")
                  << " from the quotes; --write fills them in\n";
        return 0;
    }
    if (repair.changed > 0)
        if (std::string failed = write_text_file(std::filesystem::u8path(file), write_deck_json(*loaded.deck));
            !failed.empty())
            throw std::runtime_error(failed);
    std::cout << printable(file) << ": " << count_of(repair.changed, "span", "spans") << " updated\n";
    return 0;
}

int deck_import_csv_command(const Words& words) {
    Arguments args(words, {"--out", "--id", "--title"}, {});
    args.expect_positional(1, "FILE (the CSV or TSV file)");
    const std::filesystem::path csv = args.positional_path(0);
    const std::filesystem::path out = args.required_path("--out");
    CsvImportOptions options{id_from(args, csv), title_from(args, csv), ','};
    std::string extension = csv.extension().u8string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == ".tsv" || extension == ".tab") options.default_separator = '\t';
    const std::filesystem::path folder = csv.parent_path();
    const ImportFileSource files = [&](const std::string& path) {
        return read_text_file(folder / path, DeckLimits{}.max_article_bytes);
    };
    return write_import(import_csv(read_import_file(csv), csv.u8string(), files, options), out);
}

int deck_import_claimreview_command(const Words& words) {
    Arguments args(words, {"--out", "--id", "--title", "--mapping"}, {"--accept-mapping"});
    args.expect_positional(1, "FILE (the ClaimReview JSON-LD file)");
    if (args.has("--accept-mapping") && args.value("--mapping"))
        throw UsageError("--accept-mapping and --mapping exclude each other");
    const std::filesystem::path file = args.positional_path(0);
    const std::filesystem::path out = args.required_path("--out");
    const ReviewImportOptions options{id_from(args, file), title_from(args, file)};
    const ReviewFile reviews = read_claim_reviews(read_import_file(file), file.u8string());
    if (!reviews.problems.empty()) throw std::runtime_error(problem_list(reviews.problems));
    const RatingMapping mapping = mapping_from(args, reviews);
    if (!args.has("--accept-mapping") && !args.value("--mapping")) {
        std::cout << describe_mapping(reviews.reviews, mapping);
        std::cerr << "Nothing written yet. Check the mapping above, then run again with --accept-mapping, or save it\n"
                     "to a file, edit it (\"?\" leaves a rating's reviews out) and run again with --mapping FILE.\n";
        return 1;
    }
    return write_import(import_reviews(reviews, mapping, file.u8string(), options), out);
}

}  // namespace claimdeck::cli
