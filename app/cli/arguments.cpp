#include "arguments.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace claimdeck::cli {
namespace {

// A bound as a person writes it: "10000", "0.01", never "10000.000000".
std::string bound_text(double bound) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", bound);
    return text;
}

}  // namespace

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& with_value,
                     const std::set<std::string>& switches) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.rfind("--", 0) != 0) {
            positional_.push_back(word);
            continue;
        }
        std::string name = word;
        std::optional<std::string> inline_value;
        if (auto equals = word.find('='); equals != std::string::npos) {
            name = word.substr(0, equals);
            inline_value = word.substr(equals + 1);
        }
        // A second value would silently win over the first: say so instead.
        if (values_.count(name) || switches_.count(name)) throw UsageError(name + " is given twice");
        if (with_value.count(name)) {
            if (!inline_value && i + 1 >= words.size()) throw UsageError(name + " needs a value");
            values_[name] = inline_value ? *inline_value : words[++i];
        } else if (switches.count(name) && !inline_value) {
            switches_.insert(name);
        } else {
            throw UsageError("unknown option " + word);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& option) const {
    auto found = values_.find(option);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string Arguments::required(const std::string& option) const {
    if (auto found = value(option)) return *found;
    throw UsageError(option + " is required");
}

std::optional<std::filesystem::path> Arguments::path(const std::string& option) const {
    if (auto found = value(option)) return std::filesystem::u8path(*found);
    return std::nullopt;
}

std::filesystem::path Arguments::required_path(const std::string& option) const {
    return std::filesystem::u8path(required(option));
}

double Arguments::number(const std::string& option, double fallback, double min, double max) const {
    auto text = value(option);
    if (!text) return fallback;
    char* end = nullptr;
    double parsed = std::strtod(text->c_str(), &end);
    // Both bounds are checked here, before any caller converts the value to
    // an integer type: 1e12 must be refused, not cast out of range.
    if (text->empty() || *end != '\0' || !std::isfinite(parsed) || parsed < min || parsed > max)
        throw UsageError(option + " must be a number from " + bound_text(min) + " to " + bound_text(max) + ", not \"" +
                         *text + "\"");
    return parsed;
}

void Arguments::expect_positional(std::size_t count, const std::string& what) const {
    if (positional_.size() < count) throw UsageError("missing " + what);
    if (positional_.size() > count) throw UsageError("unexpected argument " + positional_[count]);
}

}  // namespace claimdeck::cli
