// What quiz files and results files have in common: a "format" name and
// "format_version" at the top, a JSON body written through cereal, and
// careful reading, since both travel between teachers' and pupils' machines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_library.hpp"

#include "base/json_input.hpp"
#include "base/problems.hpp"

namespace claimdeck {

struct JsonFileFormat {
    const char* name;      // the "format" field, e.g. "claimdeck-quiz"
    std::int64_t version;  // the "format_version" this build writes, and the newest it reads
    std::uintmax_t max_bytes;
    JsonShapeLimits shape;
    std::int64_t oldest_version;  // the oldest "format_version" this build still reads
};

// The JSON text of a file in `format`: its header, then what write_fields adds.
std::string write_json_text(const JsonFileFormat& format,
                            const std::function<void(cereal::JSONOutputArchive&)>& write_fields);

// Reads JSON text in `format`: shape check, header, then read_fields for the
// rest. Returns every problem found; none means read_fields saw a sound file.
std::vector<Problem> read_json_text(std::string_view json, const std::string& file_name, const JsonFileFormat& format,
                                    const std::function<void(FieldReader&)>& read_fields);
// The same for a file on disk, refused unread when larger than format.max_bytes.
std::vector<Problem> read_json_file(const std::filesystem::path& path, const JsonFileFormat& format,
                                    const std::function<void(FieldReader&)>& read_fields);

// Field helpers that add a check to FieldReader's type check; each returns
// true when the value was present and passed.
bool read_non_empty_string(FieldReader& fields, const char* field, std::string& out);
// A quiz id: it becomes part of results file names, so only letters, digits,
// '-' and '_' (nothing that could climb out of a folder), at most 64 of them.
inline constexpr std::size_t kMaxQuizIdBytes = 64;
bool is_valid_quiz_id(std::string_view id);
bool read_quiz_id(FieldReader& fields, const char* field, std::string& out);
bool read_int_in_range(FieldReader& fields, const char* field, std::int64_t min, std::int64_t max, std::int64_t& out);
bool read_int_in_range(FieldReader& fields, const char* field, int min, int max, int& out);

// A text field holding one of a fixed set of names; `choices` lists them for
// the message, e.g. "after_each or at_end".
template <class T, class Parse>
bool read_named_value(FieldReader& fields, const char* field, Parse parse, const char* choices, T& out) {
    std::string text;
    if (!fields.read_string(field, text)) return false;
    std::optional<T> parsed = parse(text);
    if (!parsed) {
        fields.report(field, "\"" + text + "\" is not one of " + choices);
        return false;
    }
    out = *parsed;
    return true;
}

}  // namespace claimdeck
