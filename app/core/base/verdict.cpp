#include "base/verdict.hpp"

namespace claimdeck {

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::Verified: return "verified";
        case Verdict::Contested: return "contested";
        case Verdict::Propaganda: return "propaganda";
    }
    return "verified";
}

std::string_view display_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::Verified: return "Verified";
        case Verdict::Contested: return "Contested";
        case Verdict::Propaganda: return "Propaganda";
    }
    return "Verified";
}

std::optional<Verdict> parse_verdict(std::string_view text) {
    for (Verdict v : kAllVerdicts)
        if (to_string(v) == text) return v;
    return std::nullopt;
}

std::optional<Confidence> confidence_from_percent(int value) {
    for (Confidence c : kStatedConfidences)
        if (percent(c) == value) return c;
    if (value == 0) return Confidence::Unstated;
    return std::nullopt;
}

double Tally::accuracy() const { return answered == 0 ? 0.0 : static_cast<double>(right) / answered; }

}  // namespace claimdeck
