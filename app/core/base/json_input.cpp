#include "base/json_input.hpp"

#include <algorithm>

#include "base/text_file.hpp"

namespace claimdeck {
namespace {

// Counts nesting and string sizes as the reader streams through the text;
// returning false stops the parse at the offending token.
class ShapeHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ShapeHandler> {
public:
    explicit ShapeHandler(const JsonShapeLimits& limits) : limits_(limits) {}

    bool Default() { return note_value(); }
    bool String(const char* text, rapidjson::SizeType length, bool) {
        if (length > limits_.max_string_bytes) {
            string_too_long_ = true;
            violation_ = "a string of " + std::to_string(length) + " bytes is longer than the limit of " +
                         std::to_string(limits_.max_string_bytes);
            return false;
        }
        // An escaped lone surrogate (a backslash-u escape of DC00, say)
        // decodes to bytes that are not UTF-8: a file written from such a
        // value would not read back.
        if (!is_valid_utf8({text, length})) {
            violation_ = "a string holds a \\u escape that is not a whole character";
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
    bool string_too_long() const { return string_too_long_; }

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
    bool string_too_long_ = false;
    std::string violation_;
};

std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    std::size_t column = line_start == std::string_view::npos || offset == 0 ? offset + 1 : offset - line_start;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The offset of the opening quote of the string that ends just before
// `after_closing_quote`, so a too-long string is reported where it starts.
std::size_t opening_quote_of_string_ending_at(std::string_view text, std::size_t after_closing_quote) {
    std::size_t position = std::min(after_closing_quote, text.size());
    if (position < 2) return 0;
    position -= 2;  // the last character before the closing quote
    while (position > 0) {
        if (text[position] == '"') {
            std::size_t backslashes = 0;
            while (backslashes < position && text[position - 1 - backslashes] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return position;
        }
        --position;
    }
    return 0;
}

}  // namespace

std::string_view without_byte_order_mark(std::string_view json) {
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (json.substr(0, kByteOrderMark.size()) == kByteOrderMark) json.remove_prefix(kByteOrderMark.size());
    return json;
}

std::optional<Problem> check_json_shape(std::string_view json, const std::string& file, const JsonShapeLimits& limits) {
    json = without_byte_order_mark(json);
    ShapeHandler handler(limits);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(json.data(), json.size());
    // Iterative parsing keeps the check itself free of recursion.
    rapidjson::ParseResult result =
        reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream, handler);
    if (result) return std::nullopt;
    if (handler.violation().empty())
        return Problem{file, line_and_column(json, result.Offset()),
                       std::string("not valid JSON: ") + rapidjson::GetParseError_En(result.Code())};
    const std::size_t offset =
        handler.string_too_long() ? opening_quote_of_string_ending_at(json, result.Offset()) : result.Offset();
    return Problem{file, line_and_column(json, offset), handler.violation()};
}

FieldReader::FieldReader(const rapidjson::Value& object, std::vector<Problem>& problems, std::string file,
                         std::string place, std::size_t max_string_bytes)
    : object_(object),
      problems_(problems),
      file_(std::move(file)),
      place_(std::move(place)),
      max_string_bytes_(max_string_bytes) {}

void FieldReader::report(std::string_view field, std::string message) {
    std::string where = place_;
    if (!field.empty()) where += (where.empty() ? "field \"" : ", field \"") + std::string(field) + "\"";
    add_problem(problems_, Problem{file_, where, std::move(message)});
}

std::string FieldReader::element_place(const char* field, std::size_t index) const {
    return place_ + (place_.empty() ? "" : ", ") + field + "[" + std::to_string(index) + "]";
}

const rapidjson::Value* FieldReader::find(const char* field, Presence presence) {
    auto member = object_.FindMember(field);
    if (member != object_.MemberEnd()) return &member->value;
    if (presence == Presence::Required) report(field, "is missing");
    return nullptr;
}

bool FieldReader::accept_string(const char* field, const rapidjson::Value& value, std::string& out) {
    if (!value.IsString()) {
        report(field, "must be text in quotes");
        return false;
    }
    if (value.GetStringLength() > max_string_bytes_) {
        report(field, "is longer than the limit of " + std::to_string(max_string_bytes_) + " bytes");
        return false;
    }
    out.assign(value.GetString(), value.GetStringLength());
    return true;
}

bool FieldReader::read_string(const char* field, std::string& out, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    return value && accept_string(field, *value, out);
}

bool FieldReader::read_int(const char* field, std::int64_t& out, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    if (!value) return false;
    if (!value->IsInt64()) {
        report(field, "must be a whole number");
        return false;
    }
    out = value->GetInt64();
    return true;
}

bool FieldReader::read_bool(const char* field, bool& out, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    if (!value) return false;
    if (!value->IsBool()) {
        report(field, "must be true or false");
        return false;
    }
    out = value->GetBool();
    return true;
}

bool FieldReader::read_number(const char* field, double& out, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    if (!value) return false;
    if (!value->IsNumber()) {
        report(field, "must be a number");
        return false;
    }
    out = value->GetDouble();
    return true;
}

const rapidjson::Value* FieldReader::find_list(const char* field, std::size_t max_items, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    if (!value) return nullptr;
    if (!value->IsArray()) {
        report(field, "must be a list [ ... ]");
        return nullptr;
    }
    if (value->Size() > max_items) {
        report(field, "has " + std::to_string(value->Size()) + " items; at most " + std::to_string(max_items) +
                          " are allowed");
        return nullptr;
    }
    return value;
}

bool FieldReader::read_strings(const char* field, std::vector<std::string>& out, std::size_t max_items,
                               Presence presence) {
    const rapidjson::Value* list = find_list(field, max_items, presence);
    if (!list) return false;
    out.assign(list->Size(), std::string());
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i)
        if (!accept_string(field, (*list)[i], out[i])) return false;
    return true;
}

bool FieldReader::read_ints(const char* field, std::vector<std::int64_t>& out, std::size_t max_items,
                            Presence presence) {
    const rapidjson::Value* list = find_list(field, max_items, presence);
    if (!list) return false;
    out.clear();
    for (const rapidjson::Value& item : list->GetArray()) {
        if (!item.IsInt64()) {
            report(field, "item " + std::to_string(out.size() + 1) + " must be a whole number");
            return false;
        }
        out.push_back(item.GetInt64());
    }
    return true;
}

bool read_json_object(std::string_view json, const std::string& file, const JsonShapeLimits& limits,
                      std::vector<Problem>& problems, const std::function<void(FieldReader&)>& read_fields) {
    if (auto problem = check_json_shape(json, file, limits)) {
        problems.push_back(*problem);
        return false;
    }
    json = without_byte_order_mark(json);
    rapidjson::Document document;
    document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (document.HasParseError() || !document.IsObject()) {
        // The shape check accepted it, so this is unreachable; report rather than crash.
        problems.push_back({file, "", "could not be read as a JSON object"});
        return false;
    }
    FieldReader fields(document, problems, file, "", limits.max_string_bytes);
    read_fields(fields);
    return true;
}

}  // namespace claimdeck
