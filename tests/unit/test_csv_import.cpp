#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "content/csv_import.hpp"

using namespace claimdeck;

namespace {

const std::map<std::string, std::string> kFiles = {
    {"valley.txt", "The valley\n\nIt is 80\u00a0km north of \u201cKabul\u201d.\n\nThe butchers fled.\n"},
    {"articles/report.html", "<h1>Report</h1><p>The pass was held.</p>"},
};

// The files "next to the CSV", and every path the import asked for.
struct FakeFolder {
    std::vector<std::string> asked;
    ImportFileSource source() {
        return [this](const std::string& path) {
            asked.push_back(path);
            auto found = kFiles.find(path);
            if (found == kFiles.end()) return TextFileResult{"", path + " does not exist or is not a file"};
            return TextFileResult{found->second, ""};
        };
    }
};

DeckImport import(const std::string& csv, FakeFolder& folder) {
    return import_csv(csv, "in.csv", folder.source(), {"imported", "Imported", ','});
}

std::vector<std::string> described(const std::vector<Problem>& problems) {
    std::vector<std::string> lines;
    for (const Problem& problem : problems) lines.push_back(problem.describe());
    return lines;
}

}  // namespace

TEST_CASE("CSV records follow RFC 4180: quoted separators, line breaks and doubled quotes, with their first lines") {
    const CsvRecords read = read_csv_records("a,\"b,c\",d\r\n\"two\nlines\",\"say \"\"hi\"\"\",\n\nlast", ',', 1);
    CHECK(read.unclosed_quote_line == 0);
    const std::vector<CsvRecord>& records = read.records;
    REQUIRE(records.size() == 3);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == std::vector<std::string>{"a", "b,c", "d"});
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == std::vector<std::string>{"two\nlines", "say \"hi\"", ""});
    CHECK(records[2].line == 5);
    CHECK(records[2].fields == std::vector<std::string>{"last"});
}

TEST_CASE("A quoted field that is never closed is a problem at the line it opens") {
    const CsvRecords read = read_csv_records("a,b\nc,\"open\nmore", ',', 1);
    CHECK(read.unclosed_quote_line == 2);
    CHECK(read.records.size() == 1);
    FakeFolder folder;
    CHECK(described(import("text,verdict,rationale,article,quote\n\"open", folder).skipped) ==
          std::vector<std::string>{
              "in.csv: line 2: a quoted field opens here and is never closed; the rest of the file was not read"});
}

TEST_CASE("A CSV with a header row becomes a deck: articles by file or by name, topics, verdicts, exact quotes") {
    FakeFolder folder;
    const DeckImport imported = import(
        "text,verdict,rationale,article,quote,topic\n"
        "The valley is 80 km north.,Verified,Maps agree. All of them.,valley.txt,\"80 km north of \"\"Kabul\"\"\","
        "Where\n"
        "The pass was held.,contested,One side says so. No one else.,report,The pass was held,Pass\n",
        folder);
    CHECK(described(imported.problems) == std::vector<std::string>{});
    CHECK(described(imported.skipped) == std::vector<std::string>{});
    REQUIRE(imported.deck);
    const Deck& deck = *imported.deck;
    REQUIRE(deck.articles.size() == 2);
    CHECK(deck.articles[0].id == "valley");
    CHECK(deck.articles[0].file == "valley.txt");
    CHECK(deck.articles[0].title == "The valley");
    CHECK(deck.articles[1].id == "report");
    CHECK(deck.articles[1].text == "Report\n\nThe pass was held.\n");
    REQUIRE(deck.claims.size() == 2);
    CHECK(deck.claims[0].quote == "80\u00a0km north of \u201cKabul\u201d");  // the article's own characters
    CHECK(deck.claims[0].verdict == Verdict::Verified);
    CHECK(deck.claims[0].id == "valley");
    CHECK(deck.claims[1].topic == "pass");
    CHECK(deck.topics[0].title == "Where");
    CHECK(check_deck(deck, "d.json").empty());
}

TEST_CASE("Anki header lines set the separator and the columns, and rows that cannot be read are listed by line") {
    FakeFolder folder;
    const DeckImport imported = import(
        "#separator:Tab\n#columns:id\ttext\tverdict\trationale\tarticle\tquote\ttechniques\tnotes\n"
        "v1\tThe valley is far.\tverified\tMaps. Agree.\tvalley\tnorth of\t\tx\n"
        "p1\tThey fled.\tpropaganda\tLoaded. Words.\tvalley\tThe butchers fled\tLoaded Language: butchers\tx\n"
        "bad1\tText\tmaybe\tR. R.\tvalley\tnorth\t\tx\n"
        "bad2\tText\tverified\tR. R.\tvalley\tsouth of\t\tx\n"
        "bad3\tText\tpropaganda\tR. R.\tvalley\tnorth of\t\tx\n"
        "bad4\tText\tverified\tR. R.\t../secret\tnorth\t\tx\n"
        "bad5\tText\tverified\n"
        "bad6\tText\tverified\tR. R.\tmissing\tnorth\t\tx\n",
        folder);
    REQUIRE(imported.deck);
    CHECK(imported.deck->claims.size() == 2);
    CHECK(imported.deck->claims[1].techniques[0].words == std::vector<std::string>{"butchers"});
    CHECK(imported.deck->topics[0].id == "general");
    CHECK(described(imported.skipped) ==
          std::vector<std::string>{
              "in.csv: line 2, column 8: \"notes\" is not a column ClaimDeck reads; its values were left out",
              "in.csv: line 5, column \"verdict\": \"maybe\" is not one of verified, contested, propaganda",
              "in.csv: line 6, column \"quote\": the quote is not in the article, even allowing for spaces and quote "
              "marks (\"valley.txt\")",
              "in.csv: line 7, column \"techniques\": a propaganda claim needs at least one technique, e.g. \"Loaded "
              "Language: words from the quote\"",
              "in.csv: line 8, column \"article\": \"../secret\" must be a file in the CSV's folder or below it, named "
              "without \"..\"",
              "in.csv: line 9: 3 fields where the columns name 8",
              "in.csv: line 10, column \"article\": missing does not exist or is not a file (also tried .txt, .md, "
              ".html and the articles/ folder)"});
    for (const std::string& path : folder.asked) CHECK(path.find("..") == std::string::npos);
}

TEST_CASE("A CSV without the columns a claim needs, or not in UTF-8, imports nothing and says why") {
    FakeFolder folder;
    DeckImport imported = import("text,verdict\nA,verified\n", folder);
    CHECK_FALSE(imported.deck);
    CHECK(described(imported.problems) ==
          std::vector<std::string>{"in.csv: line 1: the columns lack \"rationale\"; a file needs text, verdict, "
                                   "rationale, article and quote (FORMAT.md, \"Importing a spreadsheet\")"});
    CHECK(described(import("text\xff", folder).problems) ==
          std::vector<std::string>{"in.csv: the file is not UTF-8 text; save it as UTF-8 and try again"});
    CHECK(described(import("#separator:Nonsense\n", folder).problems) ==
          std::vector<std::string>{"in.csv: line 1: \"Nonsense\" is not a separator (Comma, Semicolon, Tab, Space, "
                                   "Pipe, Colon or one character)"});
}

TEST_CASE("Paths a CSV may name stay inside its folder") {
    CHECK(is_safe_relative_path("a.txt"));
    CHECK(is_safe_relative_path("articles/a.txt"));
    CHECK_FALSE(is_safe_relative_path(""));
    CHECK_FALSE(is_safe_relative_path("../a.txt"));
    CHECK_FALSE(is_safe_relative_path("articles/../../a.txt"));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("C:/x.txt"));
    CHECK_FALSE(is_safe_relative_path("a\\..\\b"));
    CHECK_FALSE(is_safe_relative_path(".hidden"));
    CHECK_FALSE(is_safe_relative_path("a//b"));
}

TEST_CASE("Ids made from names are kebab-case and handed out once each") {
    CHECK(kebab_id("Lions of Panjshir!", "x") == "lions-of-panjshir");
    CHECK(kebab_id("\u00e9t\u00e9", "fallback") == "t");
    CHECK(kebab_id("!!!", "fallback") == "fallback");
    IdRegistry ids;
    CHECK(ids.take("a") == "a");
    CHECK(ids.take("a") == "a-2");
    CHECK(ids.take("a") == "a-3");
}

TEST_CASE("An article name near the length limit is looked for only under paths that are themselves allowed") {
    FakeFolder folder;
    const std::string long_name(250, 'a');
    const DeckImport imported =
        import("text,verdict,rationale,article,quote\nA,verified,R," + long_name + ",q\n", folder);
    CHECK_FALSE(imported.deck);
    REQUIRE_FALSE(folder.asked.empty());
    for (const std::string& path : folder.asked) CHECK_MESSAGE(is_safe_relative_path(path), path.size());
}
