// CSV as RFC 4180 writes it, for files a teacher opens in a spreadsheet:
// cells separated by commas, a cell quoted when it holds a comma, a quote or
// a line break, a quote inside doubled, each row ended by "\n".
#pragma once

#include <initializer_list>
#include <string>

namespace claimdeck {

// `value` with `decimals` digits after the point, the same in every locale,
// so a spreadsheet reads "0.667" everywhere; never "-0.000".
std::string fixed_decimals(double value, int decimals);

class CsvWriter {
public:
    // Text from files (profile names, file names) is made printable (no
    // escape sequences reach a teacher who cats the file), quoted when
    // needed, and a leading = + - @ is defused so a spreadsheet never runs it
    // as a formula.
    CsvWriter& text(const std::string& value);
    CsvWriter& number(double value, int decimals = 3) { return add(fixed_decimals(value, decimals)); }
    CsvWriter& integer(long long value) { return add(std::to_string(value)); }
    // A cell written as it is: only for text made here that needs no quoting.
    CsvWriter& raw(const std::string& value) { return add(value); }
    void end_row();
    void headers(std::initializer_list<const char*> names);
    const std::string& str() const { return out_; }

private:
    CsvWriter& add(const std::string& cell);
    std::string out_;
    bool row_started_ = false;
};

}  // namespace claimdeck
