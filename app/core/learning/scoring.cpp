#include "learning/scoring.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace claimdeck {

namespace {

constexpr const char* kMinusSign = "\xE2\x88\x92";  // U+2212, UTF-8
constexpr const char* kPrime = "\xE2\x80\xB2";      // U+2032, UTF-8
constexpr double kSqrtTwoPi = 2.50662827463100050242;

double share(long long part, long long whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// Log-linear correction (Hautus 1995): keeps the rate strictly inside (0, 1).
double corrected_rate(int count, int trials) { return (count + 0.5) / (trials + 1.0); }

// 0 for unstated, then 1, 2, 3 in kStatedConfidences order.
std::size_t confidence_slot(Confidence confidence) {
    for (std::size_t i = 0; i < kStatedConfidences.size(); ++i)
        if (kStatedConfidences[i] == confidence) return i + 1;
    return 0;
}

// How far an answer leans beyond the bare verdict: 0 for 50 % or unstated,
// 1 for 70 %, 2 for 90 % (the ROC rating scale in scoring.hpp).
int confidence_strength(Confidence confidence) {
    switch (confidence) {
        case Confidence::Seventy: return 1;
        case Confidence::Ninety: return 2;
        default: return 0;
    }
}

int total(const RocRatingCounts& counts) {
    int sum = 0;
    for (int count : counts) {
        if (count < 0) throw std::invalid_argument("make_roc_curve: negative count");
        sum += count;
    }
    return sum;
}

void count_in(Tally& tally, bool correct, int times = 1) {
    tally.answered += times;
    if (correct) tally.right += times;
}

void count_out(Tally& tally, bool correct) {
    --tally.answered;
    if (correct) --tally.right;
}

// Whether count_out() would leave every count non-negative.
bool can_count_out(const Tally& tally, bool correct) {
    const int wrong = tally.answered - tally.right;
    return correct ? tally.right > 0 : wrong > 0;
}

// Acklam's approximation for the lower half, p in (0, 0.5].
double acklam_lower_half(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double kTailStart = 0.02425;

    if (p < kTailStart) {
        const double q = std::sqrt(-2.0 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

// Sentences show d′ and c to one decimal and pick their wording from that
// same rounded value, so the words never disagree with the number shown.
double round_to_tenth(double value) { return std::round(value * 10.0) / 10.0; }

// Print an already rounded value with a real minus sign: "1.8", "−0.6", and
// never "−0.0".
std::string one_decimal(double rounded) {
    char digits[32];  // ample: |d′| and |c| stay below 20
    char* end = std::to_chars(digits, digits + sizeof digits, std::fabs(rounded), std::chars_format::fixed, 1).ptr;
    std::string text = rounded < 0.0 ? kMinusSign : "";
    text.append(digits, end);
    return text;
}

std::string two_decimals(double value) {
    char digits[32];  // ample: an AUC is between 0 and 1
    char* end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, 2).ptr;
    return std::string(digits, end);
}

// "You spot propaganda well", but "You spot contested claims well".
std::string spotted_noun(Verdict verdict) {
    if (verdict == Verdict::Propaganda) return "propaganda";
    return std::string(to_string(verdict)) + " claims";
}

}  // namespace

double CalibrationBin::accuracy() const { return share(right, answered); }

int roc_rating(Verdict x, Verdict picked, Confidence confidence) {
    const int strength = confidence_strength(confidence);
    return picked == x ? kRocRatings / 2 + strength : kRocRatings / 2 - 1 - strength;
}

RocCurve make_roc_curve(const RocRatingCounts& positive, const RocRatingCounts& negative) {
    RocCurve curve;
    curve.positives = total(positive);
    curve.negatives = total(negative);
    if (curve.positives == 0 || curve.negatives == 0) return curve;

    // Lower the threshold one rating at a time, from "only the surest X" to
    // "everything", and count what is at or above it on each side.
    curve.points.push_back({0.0, 0.0});
    int positives_above = 0;
    int negatives_above = 0;
    for (int rating = kRocRatings - 1; rating >= 0; --rating) {
        positives_above += positive[rating];
        negatives_above += negative[rating];
        curve.points.push_back({share(negatives_above, curve.negatives), share(positives_above, curve.positives)});
    }

    // Mann–Whitney over all (X, not X) pairs: a win when the X claim is rated
    // higher, half a win on a tie. Counted in halves to stay in integers.
    long long half_wins = 0;
    int negatives_below = 0;
    for (int rating = 0; rating < kRocRatings; ++rating) {
        half_wins += static_cast<long long>(positive[rating]) * (2LL * negatives_below + negative[rating]);
        negatives_below += negative[rating];
    }
    curve.auc = share(half_wins, 2LL * curve.positives * curve.negatives);
    return curve;
}

RocLineStyle roc_line_style(Verdict verdict) {
    switch (verdict) {
        case Verdict::Verified: return RocLineStyle::Solid;
        case Verdict::Contested: return RocLineStyle::Dashed;
        case Verdict::Propaganda: return RocLineStyle::Dotted;
    }
    return RocLineStyle::Solid;
}

std::string describe_auc(const RocCurve& curve) {
    if (!curve.auc) return "not enough answers";
    return "AUC " + two_decimals(*curve.auc);
}

SignalDetection make_signal_detection(int hits, int misses, int false_alarms, int correct_rejections) {
    SignalDetection result;
    result.hits = hits;
    result.misses = misses;
    result.false_alarms = false_alarms;
    result.correct_rejections = correct_rejections;
    result.hit_rate = corrected_rate(hits, hits + misses);
    result.false_alarm_rate = corrected_rate(false_alarms, false_alarms + correct_rejections);
    const double z_hit = inverse_normal_cdf(result.hit_rate);
    const double z_false_alarm = inverse_normal_cdf(result.false_alarm_rate);
    result.d_prime = z_hit - z_false_alarm;
    result.criterion = -(z_hit + z_false_alarm) / 2.0;
    return result;
}

void ScoreAccumulator::add(const ScoredAnswer& answer, int times) {
    if (times < 0) throw std::invalid_argument("ScoreAccumulator::add: negative count");
    if (times == 0) return;
    answers_[index_of(answer.picked)][confidence_slot(answer.confidence)][index_of(answer.truth)] += times;
    count_in(per_article_[answer.article_id], answer.correct(), times);
}

void ScoreAccumulator::remove(const ScoredAnswer& answer) {
    const bool correct = answer.correct();
    int& cell = answers_[index_of(answer.picked)][confidence_slot(answer.confidence)][index_of(answer.truth)];
    const auto article = per_article_.find(answer.article_id);

    // Check everything before touching anything, so a bad call changes nothing.
    const bool was_added = cell > 0 && article != per_article_.end() && can_count_out(article->second, correct);
    if (!was_added) throw std::invalid_argument("ScoreAccumulator::remove: answer was never added");

    --cell;
    count_out(article->second, correct);
    // Erased so that undoing every answer gives back exactly the empty state.
    if (article->second.answered == 0) per_article_.erase(article);
}

Scorecard ScoreAccumulator::scorecard() const {
    Scorecard card;
    card.per_article = per_article_;

    std::array<Tally, kStatedConfidences.size()> calibration{};
    std::array<RocRatingCounts, 3> roc_positive{};  // by index_of(verdict X)
    std::array<RocRatingCounts, 3> roc_negative{};
    for (Verdict picked : kAllVerdicts) {
        for (std::size_t slot = 0; slot < answers_[0].size(); ++slot) {
            const Confidence confidence = slot == 0 ? Confidence::Unstated : kStatedConfidences[slot - 1];
            for (Verdict truth : kAllVerdicts) {
                const int count = answers_[index_of(picked)][slot][index_of(truth)];
                card.confusion[index_of(picked)][index_of(truth)] += count;
                if (slot > 0) count_in(calibration[slot - 1], picked == truth, count);
                for (Verdict x : kAllVerdicts) {
                    auto& side = truth == x ? roc_positive : roc_negative;
                    side[index_of(x)][roc_rating(x, picked, confidence)] += count;
                }
            }
        }
    }

    for (Verdict picked : kAllVerdicts) {
        for (Verdict truth : kAllVerdicts) {
            const int count = card.confusion[index_of(picked)][index_of(truth)];
            Tally& truth_class = card.per_class[index_of(truth)];
            truth_class.answered += count;
            if (picked == truth) truth_class.right += count;
        }
    }
    for (const Tally& truth_class : card.per_class) {
        card.overall.answered += truth_class.answered;
        card.overall.right += truth_class.right;
    }

    for (Verdict verdict : kAllVerdicts) {
        const std::size_t x = index_of(verdict);
        int said_x = 0;
        for (int count : card.confusion[x]) said_x += count;
        const int hits = card.confusion[x][x];
        const int misses = card.per_class[x].answered - hits;
        const int false_alarms = said_x - hits;
        const int correct_rejections = card.overall.answered - hits - misses - false_alarms;
        card.detection[x] = make_signal_detection(hits, misses, false_alarms, correct_rejections);
        card.roc[x] = make_roc_curve(roc_positive[x], roc_negative[x]);
    }

    // Brier from counts: every right answer at confidence p adds (1 − p)², every
    // wrong one adds p², so no per-answer history is needed.
    int stated = 0;
    double squared_error_sum = 0.0;
    for (std::size_t i = 0; i < kStatedConfidences.size(); ++i) {
        const Tally& counts = calibration[i];
        card.calibration[i] = {kStatedConfidences[i], counts.answered, counts.right};
        const double p = percent(kStatedConfidences[i]) / 100.0;
        const int wrong = counts.answered - counts.right;
        squared_error_sum += counts.right * (1.0 - p) * (1.0 - p) + wrong * p * p;
        stated += counts.answered;
    }
    if (stated > 0) card.brier = squared_error_sum / stated;
    return card;
}

Scorecard score(const std::vector<ScoredAnswer>& answers) {
    ScoreAccumulator accumulator;
    for (const ScoredAnswer& answer : answers) accumulator.add(answer);
    return accumulator.scorecard();
}

double inverse_normal_cdf(double p) {
    if (std::isnan(p)) return std::numeric_limits<double>::quiet_NaN();
    if (p <= 0.0) return -std::numeric_limits<double>::infinity();
    if (p >= 1.0) return std::numeric_limits<double>::infinity();
    // Work in the lower half, where 1 − p is exact and the refinement below does
    // not lose digits to cancellation near 1.
    if (p > 0.5) return -inverse_normal_cdf(1.0 - p);

    const double x = acklam_lower_half(p);  // relative error ≈ 1.15e-9
    // One Halley step on Φ(x) − p brings it to full double precision.
    const double error = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = error * kSqrtTwoPi * std::exp(x * x / 2.0);
    return x - u / (1.0 + x * u / 2.0);
}

std::string describe_detection(Verdict verdict, const SignalDetection& detection, DetectionFigures figures) {
    const std::string name(to_string(verdict));
    const std::string noun = spotted_noun(verdict);
    const int signal_trials = detection.hits + detection.misses;
    const int noise_trials = detection.false_alarms + detection.correct_rejections;
    const double d_prime = round_to_tenth(detection.d_prime);
    const double criterion = round_to_tenth(detection.criterion);
    const bool notes = figures == DetectionFigures::Included;
    const std::string d_prime_note = notes ? " (d" + std::string(kPrime) + " " + one_decimal(d_prime) + ")" : "";
    const std::string criterion_note = notes ? " (c " + one_decimal(criterion) + ")" : "";

    if (signal_trials < kMinTrialsForVerdictSentence || noise_trials < kMinTrialsForVerdictSentence)
        return "A few more answers and we can tell how you do with " + noun + ".";
    // A clear lean comes first, even with a good d′: it is the quickest fix.
    if (criterion <= -kBiasThreshold) return "You call things " + name + " too readily" + criterion_note + ".";
    if (criterion >= kBiasThreshold)
        return "You rarely call things " + name + ": you miss many " + name + " claims" + criterion_note + ".";
    if (d_prime >= kGoodDPrime) return "You spot " + noun + " well" + d_prime_note + ".";
    if (d_prime >= kFairDPrime) return "You spot " + noun + " fairly well" + d_prime_note + ".";
    return "You are still learning to spot " + noun + d_prime_note + ".";
}

std::string describe_overall(const Scorecard& scorecard) {
    const Tally& overall = scorecard.overall;
    if (overall.answered == 0) return "No answers yet: rate a few claims to see your score.";

    std::string text = "You got " + std::to_string(overall.right) + " of " + std::to_string(overall.answered) +
                       " right (" + whole_percent(overall.accuracy()) + ").";

    // Calibration compares, over answers with a stated confidence only, the
    // mean stated confidence with the share actually right.
    // 64-bit: percent × answers overflows int beyond about 20 million answers.
    long long stated = 0;
    long long right = 0;
    long long stated_percent_sum = 0;
    for (const CalibrationBin& bin : scorecard.calibration) {
        stated += bin.answered;
        right += bin.right;
        stated_percent_sum += static_cast<long long>(percent(bin.level)) * bin.answered;
    }
    if (stated < kMinAnswersForCalibrationSentence) return text;

    // Integer form of |expected − got| >= gap, all in percentage points.
    const long long gap_times_stated = stated_percent_sum - 100 * right;
    const long long threshold_times_stated = kCalibrationGapPoints * stated;
    const std::string expected_and_got = "you expected about " +
                                         whole_percent(share(stated_percent_sum, 100 * stated)) + " right and got " +
                                         whole_percent(share(right, stated)) + ".";
    if (gap_times_stated >= threshold_times_stated)
        text += " Your confidence runs ahead of your results: " + expected_and_got;
    else if (-gap_times_stated >= threshold_times_stated)
        text += " You know more than you think: " + expected_and_got;
    return text;
}

std::string whole_percent(double fraction) { return std::to_string(std::lround(fraction * 100.0)) + " %"; }

}  // namespace claimdeck
