// Importing claims from a spreadsheet saved as CSV or TSV, with the header
// lines Anki writes and reads:
//
//   #separator:Comma          (Comma, Semicolon, Tab, Space, Pipe, Colon or one character)
//   #columns:text,verdict,rationale,article,quote,topic
//
// Without #columns the first row names the columns. Fields follow RFC 4180:
// a field in double quotes may hold the separator, line breaks and "" for a
// quotation mark. Rows that cannot be made into a claim are listed with their
// line numbers; the rest are imported. FORMAT.md lists the columns.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/text_file.hpp"
#include "content/deck_import.hpp"

namespace claimdeck {

struct CsvImportOptions {
    std::string deck_id;
    std::string title;
    char default_separator = ',';  // when there is no #separator line: ',' for .csv, '\t' for .tsv
};

// Reads a file the CSV names, by a path relative to the CSV's folder
// (checked with is_safe_relative_path before it is asked for).
using ImportFileSource = std::function<TextFileResult(const std::string& relative_path)>;

DeckImport import_csv(std::string_view csv, const std::string& file, const ImportFileSource& files,
                      const CsvImportOptions& options);

// One record of a CSV file, and the line it starts on.
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

struct CsvRecords {
    std::vector<CsvRecord> records;
    // The line of an opening quotation mark that is never closed, 0 when
    // there is none; the records before it are read.
    std::size_t unclosed_quote_line = 0;
};

// Splits CSV text into records by RFC 4180; blank lines are no records.
CsvRecords read_csv_records(std::string_view text, char separator, std::size_t first_line);

}  // namespace claimdeck
