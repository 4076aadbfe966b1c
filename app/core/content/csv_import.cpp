#include "content/csv_import.hpp"

#include <algorithm>
#include <map>

#include "content/article_import.hpp"
#include "content/quote_finder.hpp"
#include "content/techniques.hpp"

namespace claimdeck {

CsvRecords read_csv_records(std::string_view text, char separator, std::size_t first_line) {
    CsvRecords read;
    std::vector<CsvRecord>& records = read.records;
    CsvRecord record{first_line, {""}};
    std::size_t line = first_line;
    bool quoted = false;
    std::size_t quote_line = 0;
    auto end_record = [&] {
        if (record.fields.size() > 1 || !record.fields[0].empty()) records.push_back(std::move(record));
        record = CsvRecord{line, {""}};
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '\n') ++line;
        if (quoted) {
            if (c != '"')
                record.fields.back() += c;
            else if (at + 1 < text.size() && text[at + 1] == '"')
                record.fields.back() += text[++at];
            else
                quoted = false;
        } else if (c == '"' && record.fields.back().empty()) {
            quoted = true;
            quote_line = line;
        } else if (c == separator) {
            record.fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') continue;  // the \n ends it
            if (c == '\r') ++line;
            end_record();
        } else {
            record.fields.back() += c;
        }
    }
    if (quoted) {
        read.unclosed_quote_line = quote_line;
        return read;
    }
    end_record();
    return read;
}

namespace {

const char* const kKnownColumns[] = {"text",  "verdict", "rationale", "article",   "quote",
                                     "topic", "id",      "known_now", "techniques"};
const char* const kRequiredColumns[] = {"text", "verdict", "rationale", "article", "quote"};

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Anki's names for separators, or the one character given.
std::optional<char> separator_named(const std::string& name) {
    const std::pair<const char*, char> kNames[] = {{"comma", ','}, {"semicolon", ';'}, {"tab", '\t'},
                                                   {"space", ' '}, {"pipe", '|'},      {"colon", ':'}};
    for (const auto& [word, character] : kNames)
        if (lower(name) == word) return character;
    if (name.size() == 1 && name[0] != '"' && name[0] != '\n' && name[0] != '\r') return name[0];
    return std::nullopt;
}

struct CsvHeader {
    char separator = ',';
    std::optional<std::string> columns;  // the #columns: line's value
    std::size_t lines = 0;               // header lines before the records
    std::string problem;
};

// The #key:value lines at the top of the file.
CsvHeader read_header(std::string_view csv, char default_separator) {
    CsvHeader header;
    header.separator = default_separator;
    std::size_t at = 0;
    while (at < csv.size() && csv[at] == '#') {
        const std::size_t end = std::min(csv.size(), csv.find('\n', at));
        const std::string line = trim(csv.substr(at + 1, end - at - 1));
        ++header.lines;
        at = end + 1;
        const std::size_t colon = line.find(':');
        const std::string key = lower(trim(line.substr(0, colon)));
        const std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
        if (key == "separator") {
            std::optional<char> named = separator_named(value);
            if (!named)
                header.problem = "line " + std::to_string(header.lines) + ": " + in_quotes(value) +
                                 " is not a separator (Comma, Semicolon, Tab, Space, Pipe, Colon or one "
                                 "character)";
            else
                header.separator = *named;
        } else if (key == "columns") {
            header.columns = value;
        }
    }
    return header;
}

using Columns = std::map<std::string, std::size_t>;

class CsvImporter {
public:
    CsvImporter(const std::string& file, const ImportFileSource& files, const CsvImportOptions& options)
        : file_(file), files_(files), deck_(new_deck(options.deck_id, options.title)) {}

    DeckImport run(std::string_view csv, char default_separator) {
        if (!is_valid_utf8(csv)) return fail("", "the file is not UTF-8 text; save it as UTF-8 and try again");
        if (csv.substr(0, 3) == "\xef\xbb\xbf") csv.remove_prefix(3);
        const CsvHeader header = read_header(csv, default_separator);
        if (!header.problem.empty()) return fail("", header.problem);
        CsvRecords read =
            read_csv_records(csv.substr(header_bytes(csv, header.lines)), header.separator, header.lines + 1);
        if (read.unclosed_quote_line > 0)
            add_problem(result_.skipped, {file_, "line " + std::to_string(read.unclosed_quote_line),
                                          "a quoted field opens here and is never closed; the rest of the file was "
                                          "not read"});
        std::vector<CsvRecord>& records = read.records;
        if (!read_columns(header, records)) return std::move(result_);
        for (const CsvRecord& record : records) import_row(record);
        if (deck_.claims.empty()) return fail("", "no row could be imported");
        deck_.index();
        result_.deck = std::move(deck_);
        return std::move(result_);
    }

private:
    // Only as `return fail(...)`: it hands the result over.
    DeckImport fail(const std::string& place, std::string message) {
        add_problem(result_.problems, {file_, place, std::move(message)});
        return std::move(result_);
    }
    void skip(const CsvRecord& record, const std::string& column, std::string message) {
        std::string place = "line " + std::to_string(record.line);
        if (!column.empty()) place += ", column " + in_quotes(column);
        add_problem(result_.skipped, {file_, place, std::move(message)});
    }

    static std::size_t header_bytes(std::string_view csv, std::size_t lines) {
        std::size_t at = 0;
        for (std::size_t i = 0; i < lines && at < csv.size(); ++i) at = std::min(csv.size(), csv.find('\n', at) + 1);
        return at;
    }

    bool read_columns(const CsvHeader& header, std::vector<CsvRecord>& records) {
        std::vector<std::string> names;
        std::size_t line = header.lines;
        if (header.columns) {
            std::vector<CsvRecord> row = read_csv_records(*header.columns, header.separator, line).records;
            if (!row.empty()) names = row[0].fields;
        } else if (!records.empty()) {
            names = records.front().fields;
            line = records.front().line;
            records.erase(records.begin());
        }
        column_count_ = names.size();
        for (std::size_t i = 0; i < names.size(); ++i) name_column(lower(trim(names[i])), i, line);
        for (const char* required : kRequiredColumns)
            if (!columns_.count(required)) {
                add_problem(result_.problems, {file_, "line " + std::to_string(line),
                                               "the columns lack " + in_quotes(required) +
                                                   "; a file needs text, verdict, rationale, article and "
                                                   "quote (FORMAT.md, \"Importing a spreadsheet\")"});
                return false;
            }
        return true;
    }

    void name_column(const std::string& name, std::size_t index, std::size_t line) {
        const bool known = std::any_of(std::begin(kKnownColumns), std::end(kKnownColumns),
                                       [&](const char* column) { return name == column; });
        if (known && !columns_.count(name))
            columns_[name] = index;
        else
            add_problem(result_.skipped,
                        {file_, "line " + std::to_string(line) + ", column " + std::to_string(index + 1),
                         in_quotes(name) + (known ? " comes twice" : " is not a column ClaimDeck reads") +
                             "; its values were left out"});
    }

    std::string field(const CsvRecord& record, const std::string& column) const {
        auto found = columns_.find(column);
        if (found == columns_.end() || found->second >= record.fields.size()) return "";
        return trim(record.fields[found->second]);
    }

    bool check_row_shape(const CsvRecord& record) {
        if (record.fields.size() != column_count_) {
            skip(record, "",
                 std::to_string(record.fields.size()) + " fields where the columns name " +
                     std::to_string(column_count_));
            return false;
        }
        for (const std::string& value : record.fields)
            if (value.size() > DeckLimits{}.max_string_bytes) {
                skip(record, "", "a field is longer than 64 KiB, the most a deck holds");
                return false;
            }
        if (deck_.claims.size() >= DeckLimits{}.max_claims) {
            skip(record, "", "the deck already holds the most claims a deck may");
            return false;
        }
        return true;
    }

    void import_row(const CsvRecord& record) {
        if (!check_row_shape(record)) return;
        for (const char* required : kRequiredColumns)
            if (field(record, required).empty()) return skip(record, required, "is empty");
        Claim claim;
        claim.text = field(record, "text");
        claim.rationale = field(record, "rationale");
        claim.known_now = field(record, "known_now");
        std::optional<Verdict> verdict = parse_verdict(lower(field(record, "verdict")));
        if (!verdict)
            return skip(record, "verdict",
                        in_quotes(field(record, "verdict")) + " is not one of verified, contested, propaganda");
        claim.verdict = *verdict;
        const Article* article = article_for(record);
        if (!article) return;
        claim.article = article->id;
        if (!place_quote(record, *article, claim) || !read_techniques(record, claim)) return;
        claim.topic = topic_for(field(record, "topic"));
        claim.id = claim_ids_.take(kebab_id(field(record, "id"), article->id));
        deck_.claims.push_back(std::move(claim));
    }

    bool place_quote(const CsvRecord& record, const Article& article, Claim& claim) {
        QuoteLocation found = locate_quote(article.text, field(record, "quote"), {}, QuoteMatching::Loose);
        if (!found.span) {
            skip(record, "quote", found.note + " (" + in_quotes(article.file) + ")");
            return false;
        }
        claim.quote = std::move(found.exact_quote);
        claim.span = *found.span;
        return true;
    }

    // "Loaded Language: butchers|thugs; Doubt: so-called"
    bool read_techniques(const CsvRecord& record, Claim& claim) {
        const std::string all = field(record, "techniques");
        for (std::size_t start = 0; start < all.size();) {
            const std::size_t end = std::min(all.size(), all.find(';', start));
            if (!read_technique(record, trim(all.substr(start, end - start)), claim)) return false;
            start = end + 1;
        }
        if (claim.verdict == Verdict::Propaganda && claim.techniques.empty()) {
            skip(record, "techniques",
                 "a propaganda claim needs at least one technique, e.g. \"Loaded Language: "
                 "words from the quote\"");
            return false;
        }
        return true;
    }

    bool read_technique(const CsvRecord& record, const std::string& entry, Claim& claim) {
        if (entry.empty()) return true;
        const std::size_t colon = entry.find(':');
        TechniqueUse use{trim(entry.substr(0, colon)), {}};
        if (!find_technique(use.name)) {
            skip(record, "techniques", in_quotes(use.name) + " is not one of the 18 techniques listed in FORMAT.md");
            return false;
        }
        const std::string words = colon == std::string::npos ? "" : entry.substr(colon + 1);
        for (std::size_t start = 0; start < words.size();) {
            const std::size_t end = std::min(words.size(), words.find('|', start));
            std::string piece = trim(words.substr(start, end - start));
            if (!piece.empty()) use.words.push_back(std::move(piece));
            start = end + 1;
        }
        for (const std::string& piece : use.words)
            if (find_text(claim.quote, piece) == std::string::npos) {
                skip(record, "techniques",
                     "the words " + in_quotes(piece) + " of " + in_quotes(use.name) + " are not in the quote");
                return false;
            }
        if (use.words.empty()) {
            skip(record, "techniques",
                 in_quotes(use.name) + " needs the words of the quote that carry it, after a colon");
            return false;
        }
        claim.techniques.push_back(std::move(use));
        return true;
    }

    std::string topic_for(const std::string& name) {
        const std::string title = name.empty() ? "General" : name;
        auto known = topics_.find(title);
        if (known != topics_.end()) return known->second;
        const std::string id = topic_ids_.take(kebab_id(title, "general"));
        deck_.topics.push_back({id, title});
        topics_[title] = id;
        return id;
    }

    // The article a row names: a file next to the CSV, by its path or by its
    // name without the extension, read and turned into an article once.
    const Article* article_for(const CsvRecord& record) {
        const std::string named = field(record, "article");
        auto known = articles_.find(named);
        if (known == articles_.end()) known = articles_.emplace(named, load_article(named)).first;
        if (!known->second.error.empty()) {
            skip(record, "article", known->second.error);
            return nullptr;
        }
        return deck_.article(known->second.id);
    }

    struct LoadedArticle {
        std::string id;
        std::string error;
    };

    LoadedArticle load_article(const std::string& named) {
        if (!is_safe_relative_path(named))
            return {"", in_quotes(named) + " must be a file in the CSV's folder or below it, named without \"..\""};
        if (deck_.articles.size() >= DeckLimits{}.max_articles)
            return {"", "the deck already holds the most articles a deck may"};
        std::string first_error;
        for (const char* folder : {"", "articles/"})
            for (const char* extension : {"", ".txt", ".md", ".html", ".htm"}) {
                const std::string path = folder + named + extension;
                if (!is_safe_relative_path(path)) continue;  // a long name made too long by the folder or extension
                TextFileResult read = files_(path);
                if (read.error.empty()) return add(path, read.text);
                if (first_error.empty()) first_error = read.error;
            }
        return {"", first_error + " (also tried .txt, .md, .html and the articles/ folder)"};
    }

    // One article per file, however the rows name it ("valley", "valley.txt").
    LoadedArticle add(const std::string& path, const std::string& content) {
        auto known = by_path_.find(path);
        if (known != by_path_.end()) return {known->second, ""};
        ImportedArticle imported = import_article(content, article_format_for(path));
        if (!imported.error.empty()) return {"", in_quotes(path) + ": " + imported.error};
        const std::string stem = std::filesystem::u8path(path).stem().u8string();
        Article& article = add_article(deck_, article_ids_, stem, std::move(imported.text));
        deck_.index();
        by_path_[path] = article.id;
        return {article.id, ""};
    }

    std::string file_;
    const ImportFileSource& files_;
    Deck deck_;
    DeckImport result_;
    Columns columns_;
    std::size_t column_count_ = 0;
    IdRegistry claim_ids_;
    IdRegistry topic_ids_;
    IdRegistry article_ids_;
    std::map<std::string, std::string> topics_;      // title -> id
    std::map<std::string, LoadedArticle> articles_;  // by the name a row gives
    std::map<std::string, std::string> by_path_;     // file path -> article id
};

}  // namespace

DeckImport import_csv(std::string_view csv, const std::string& file, const ImportFileSource& files,
                      const CsvImportOptions& options) {
    return CsvImporter(file, files, options).run(csv, options.default_separator);
}

}  // namespace claimdeck
