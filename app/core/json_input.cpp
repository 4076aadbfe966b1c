#include "json_input.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>

namespace claimdeck {
namespace {

// Counts nesting and string sizes as the reader streams through the text;
// returning false stops the parse at the offending token.
class ShapeHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ShapeHandler> {
public:
    explicit ShapeHandler(const JsonShapeLimits& limits) : limits_(limits) {}

    bool Default() { return note_value(); }
    bool String(const char*, rapidjson::SizeType length, bool) {
        if (length > limits_.max_string_bytes) {
            violation_ = "a string of " + std::to_string(length) + " bytes is longer than the limit of " +
                         std::to_string(limits_.max_string_bytes);
            return false;
        }
        return note_value();
    }
    bool Key(const char* text, rapidjson::SizeType length, bool copy) { return String(text, length, copy); }
    bool StartObject() { return open(true); }
    bool StartArray() { return open(false); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    const std::string& violation() const { return violation_; }

private:
    bool note_value() {
        if (!seen_root_) {
            seen_root_ = true;
            violation_ = "the file must hold one JSON object { ... }";
            return false;
        }
        return true;
    }
    bool open(bool is_object) {
        if (!seen_root_) {
            seen_root_ = true;
            if (!is_object) {
                violation_ = "the file must hold one JSON object { ... }, not a list";
                return false;
            }
        }
        if (++depth_ > limits_.max_depth) {
            violation_ = "nested more than " + std::to_string(limits_.max_depth) + " levels deep";
            return false;
        }
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }

    const JsonShapeLimits& limits_;
    int depth_ = 0;
    bool seen_root_ = false;
    std::string violation_;
};

std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    std::size_t column = line_start == std::string_view::npos || offset == 0 ? offset + 1 : offset - line_start;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

std::optional<Problem> check_json_shape(std::string_view json, const std::string& file,
                                        const JsonShapeLimits& limits) {
    ShapeHandler handler(limits);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(json.data(), json.size());
    // Iterative parsing keeps the check itself free of recursion.
    rapidjson::ParseResult result =
        reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream, handler);
    if (result) return std::nullopt;
    std::string message = handler.violation().empty()
                              ? std::string("not valid JSON: ") + rapidjson::GetParseError_En(result.Code())
                              : handler.violation();
    return Problem{file, line_and_column(json, result.Offset()), message};
}

FieldReader::FieldReader(cereal::JSONInputArchive& archive, std::vector<Problem>& problems,
                         std::string file, std::string place, std::size_t max_string_bytes)
    : archive_(archive),
      problems_(problems),
      file_(std::move(file)),
      place_(std::move(place)),
      max_string_bytes_(max_string_bytes) {}

void FieldReader::report(std::string_view field, std::string message) {
    std::string where = place_;
    if (!field.empty()) where += (where.empty() ? "field \"" : ", field \"") + std::string(field) + "\"";
    problems_.push_back(Problem{file_, where, std::move(message)});
}

// cereal reports a missing name with cereal::Exception and a value of the
// wrong type with its subclass RapidJSONException (a failed rapidjson
// assertion); both are thrown before the archive moves on, so reading can
// continue with the next field.
template <class T>
bool FieldReader::read_scalar(const char* field, T& out, Presence presence, const char* type_name) {
    try {
        archive_.setNextName(field);
        archive_.loadValue(out);
        return true;
    } catch (const cereal::RapidJSONException&) {
        report(field, std::string("must be ") + type_name);
    } catch (const cereal::Exception&) {
        if (presence == Presence::Required) report(field, "is missing");
    }
    return false;
}

bool FieldReader::read_string(const char* field, std::string& out, Presence presence) {
    if (!read_scalar(field, out, presence, "text in quotes")) return false;
    if (out.size() > max_string_bytes_) {
        report(field, "is longer than the limit of " + std::to_string(max_string_bytes_) + " bytes");
        out.clear();
        return false;
    }
    return true;
}

bool FieldReader::read_int(const char* field, std::int64_t& out, Presence presence) {
    return read_scalar(field, out, presence, "a whole number");
}

bool FieldReader::read_bool(const char* field, bool& out, Presence presence) {
    return read_scalar(field, out, presence, "true or false");
}

std::optional<std::size_t> FieldReader::enter_list(const char* field, std::size_t max_items,
                                                   Presence presence) {
    try {
        archive_.setNextName(field);
        archive_.startNode();
    } catch (const cereal::RapidJSONException&) {
        report(field, "must be a list [ ... ]");
        return std::nullopt;
    } catch (const cereal::Exception&) {
        if (presence == Presence::Required) report(field, "is missing");
        return std::nullopt;
    }
    cereal::size_type count = 0;
    try {
        archive_.loadSize(count);
    } catch (const cereal::Exception&) {
        report(field, "must be a list [ ... ]");
        archive_.finishNode();
        return std::nullopt;
    }
    if (count > max_items) {
        report(field, "has " + std::to_string(count) + " items; at most " + std::to_string(max_items) +
                          " are allowed");
        archive_.finishNode();
        return std::nullopt;
    }
    return static_cast<std::size_t>(count);
}

template <class T>
bool FieldReader::read_scalar_list(const char* field, std::vector<T>& out, std::size_t max_items,
                                   Presence presence, const char* type_name) {
    std::optional<std::size_t> count = enter_list(field, max_items, presence);
    if (!count) return false;
    out.clear();
    bool all_read = true;
    for (std::size_t i = 0; i < *count; ++i) {
        T value{};
        try {
            archive_.loadValue(value);
        } catch (const cereal::Exception&) {
            report(field, "item " + std::to_string(i + 1) + " must be " + type_name);
            all_read = false;
            break;
        }
        out.push_back(std::move(value));
    }
    archive_.finishNode();
    return all_read;
}

bool FieldReader::read_strings(const char* field, std::vector<std::string>& out, std::size_t max_items,
                               Presence presence) {
    if (!read_scalar_list(field, out, max_items, presence, "text in quotes")) return false;
    for (const std::string& item : out) {
        if (item.size() > max_string_bytes_) {
            report(field, "holds a text longer than the limit of " + std::to_string(max_string_bytes_) +
                              " bytes");
            return false;
        }
    }
    return true;
}

bool FieldReader::read_ints(const char* field, std::vector<std::int64_t>& out, std::size_t max_items,
                            Presence presence) {
    return read_scalar_list(field, out, max_items, presence, "a whole number");
}

}  // namespace claimdeck
