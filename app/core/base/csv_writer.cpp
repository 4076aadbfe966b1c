#include "base/csv_writer.hpp"

#include <charconv>

#include "base/printable.hpp"

namespace claimdeck {

std::string fixed_decimals(double value, int decimals) {
    char digits[64];
    char* end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, decimals).ptr;
    std::string text(digits, end);
    return text == "-0.000" || text == "-0.00" || text == "-0.0" ? text.substr(1) : text;
}

CsvWriter& CsvWriter::text(const std::string& value) {
    std::string cell = printable(value);
    if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos) cell.insert(0, "'");
    if (cell.find_first_of(",\"\r\n") != std::string::npos) {
        std::string quoted = "\"";
        for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        cell = quoted + "\"";
    }
    return add(cell);
}

void CsvWriter::end_row() {
    out_ += "\n";
    row_started_ = false;
}

void CsvWriter::headers(std::initializer_list<const char*> names) {
    for (const char* name : names) text(name);
    end_row();
}

CsvWriter& CsvWriter::add(const std::string& cell) {
    if (row_started_) out_ += ",";
    out_ += cell;
    row_started_ = true;
    return *this;
}

}  // namespace claimdeck
