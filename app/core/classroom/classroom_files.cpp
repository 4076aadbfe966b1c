#include "classroom/classroom_files.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "base/text_file.hpp"

namespace claimdeck {
namespace {

// "1", or "1 to 2" once a format has grown.
std::string readable_versions(const JsonFileFormat& format) {
    const std::string newest = std::to_string(format.version);
    return format.oldest_version == format.version ? newest : std::to_string(format.oldest_version) + " to " + newest;
}

void read_header(FieldReader& fields, const JsonFileFormat& format) {
    std::string name;
    if (fields.read_string("format", name) && name != format.name)
        fields.report("format", "is \"" + name + "\"; expected \"" + format.name + "\" (is this the right file?)");
    std::int64_t version = 0;
    if (fields.read_int("format_version", version) && (version < format.oldest_version || version > format.version))
        fields.report("format_version", "is " + std::to_string(version) + "; this version of ClaimDeck reads " +
                                            readable_versions(format));
}

// Every file we write ends with the root object's closing brace; one that
// does not was most likely cut off in a copy or a download.
bool looks_cut_short(std::string_view json) {
    const std::size_t last = json.find_last_not_of(" \t\r\n");
    return last != std::string_view::npos && json[last] != '}';
}

}  // namespace

std::string write_json_text(const JsonFileFormat& format,
                            const std::function<void(cereal::JSONOutputArchive&)>& write_fields) {
    std::ostringstream out;
    {
        // The archive closes the root object when it goes out of scope.
        cereal::JSONOutputArchive archive(out);
        archive(cereal::make_nvp("format", std::string(format.name)),
                cereal::make_nvp("format_version", format.version));
        write_fields(archive);
    }
    out << "\n";
    return out.str();
}

std::vector<Problem> read_json_text(std::string_view json, const std::string& file_name, const JsonFileFormat& format,
                                    const std::function<void(FieldReader&)>& read_fields) {
    std::vector<Problem> problems;
    const bool parsed = read_json_object(json, file_name, format.shape, problems, [&](FieldReader& fields) {
        read_header(fields, format);
        // A file of another format or version is not read any further: its
        // other fields would only add confusing problems.
        if (fields.problem_count() == 0) read_fields(fields);
    });
    if (!parsed && looks_cut_short(json))
        problems.back().message += " (the file looks truncated: cut short in a copy or download?)";
    return problems;
}

std::vector<Problem> read_json_file(const std::filesystem::path& path, const JsonFileFormat& format,
                                    const std::function<void(FieldReader&)>& read_fields) {
    TextFileResult read = read_text_file(path, format.max_bytes);
    if (!read.error.empty()) return {Problem{path.u8string(), "", read.reason}};
    return read_json_text(read.text, path.u8string(), format, read_fields);
}

bool read_non_empty_string(FieldReader& fields, const char* field, std::string& out) {
    if (!fields.read_string(field, out)) return false;
    if (!out.empty()) return true;
    fields.report(field, "is empty");
    return false;
}

bool is_valid_quiz_id(std::string_view id) {
    auto allowed = [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; };
    return !id.empty() && id.size() <= kMaxQuizIdBytes && std::all_of(id.begin(), id.end(), allowed);
}

bool read_quiz_id(FieldReader& fields, const char* field, std::string& out) {
    if (!read_non_empty_string(fields, field, out)) return false;
    if (is_valid_quiz_id(out)) return true;
    fields.report(field, "\"" + out + "\" is not a quiz id: use only letters, digits, - and _, at most " +
                             std::to_string(kMaxQuizIdBytes) + " of them");
    return false;
}

bool read_int_in_range(FieldReader& fields, const char* field, std::int64_t min, std::int64_t max, std::int64_t& out) {
    std::int64_t value = 0;
    if (!fields.read_int(field, value)) return false;
    if (value < min || value > max) {
        fields.report(field, "is " + std::to_string(value) + "; it must be from " + std::to_string(min) + " to " +
                                 std::to_string(max));
        return false;
    }
    out = value;
    return true;
}

bool read_int_in_range(FieldReader& fields, const char* field, int min, int max, int& out) {
    std::int64_t value = 0;
    if (!read_int_in_range(fields, field, std::int64_t{min}, std::int64_t{max}, value)) return false;
    out = static_cast<int>(value);
    return true;
}

}  // namespace claimdeck
