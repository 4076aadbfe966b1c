// Scoring: how well a learner tells verified, contested and propaganda claims
// apart, and how well their stated confidence matches their results.
//
// Everything here is derived from counts, so the app can keep a running
// ScoreAccumulator (add one answer, or remove it again on undo) instead of
// rescanning a review history that may hold a million answers.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/verdict.hpp"

namespace claimdeck {

// One reviewed claim: what it really was, what the learner said, how sure
// they were, and which article the claim comes from.
struct ScoredAnswer {
    std::string article_id;
    Verdict truth = Verdict::Verified;
    Verdict picked = Verdict::Verified;
    Confidence confidence = Confidence::Unstated;

    bool correct() const { return picked == truth; }
};

// One-vs-rest signal detection for one verdict class X: "signal" trials are
// claims whose truth is X, "noise" trials are all the others.
struct SignalDetection {
    int hits = 0;                // said X, truth X
    int misses = 0;              // said something else, truth X
    int false_alarms = 0;        // said X, truth something else
    int correct_rejections = 0;  // said something else, truth something else
    // Both rates carry the log-linear correction (Hautus 1995):
    // (count + 0.5) / (trials + 1). They are therefore never 0 or 1, d′ and c
    // stay finite, and with no trials at all both rates are 0.5.
    double hit_rate = 0.5;
    double false_alarm_rate = 0.5;
    double d_prime = 0.0;    // z(H) − z(F): how well X is told apart from the rest
    double criterion = 0.0;  // −(z(H) + z(F)) / 2: < 0 says X too readily, > 0 too rarely
};

// Builds the record above from the four counts.
SignalDetection make_signal_detection(int hits, int misses, int false_alarms, int correct_rejections);

// ROC from verdict × confidence. For one verdict X, every answer gets a rating
// on how strongly it says "this is X":
//
//   rating  5        4        3             2              1        0
//   answer  X at 90  X at 70  X at 50 or    other at 50    other    other
//                             unstated      or unstated    at 70    at 90
//
// Why this scale: an answer of "X at 90 %" is the learner's surest "X", and
// "contested at 90 %" is their surest "not X", so the two sides mirror each
// other around the decision itself (the confidence-rating ROC of signal
// detection). Unstated confidence sits with 50 %, the level that says no
// more than the verdict does: the learner claimed no extra certainty. Which
// other verdict was picked does not matter for X against the rest. With no
// confidence stated at all the curve has one inner point (the hit and
// false-alarm rates, uncorrected), and its AUC is (H + 1 − F) / 2.
inline constexpr int kRocRatings = 6;
using RocRatingCounts = std::array<int, kRocRatings>;  // answers per rating, index = rating

// The rating above for one answer, seen from verdict X.
int roc_rating(Verdict x, Verdict picked, Confidence confidence);

struct RocPoint {
    double false_positive_rate = 0.0;  // share of not-X claims rated at or above the threshold
    double true_positive_rate = 0.0;   // share of X claims rated at or above the threshold
};

struct RocCurve {
    int positives = 0;  // answers on claims whose truth is X
    int negatives = 0;  // answers on all other claims
    // From (0, 0) through one point per threshold (rating ≥ 5, ≥ 4, …, ≥ 0)
    // to (1, 1); empty when either side has no answers.
    std::vector<RocPoint> points;
    // Mann–Whitney: the chance that a random X claim is rated above a random
    // not-X claim, ties counted half. Equals the area under `points` drawn
    // with straight lines. 0.5 is chance, 1 perfect. Empty when either side
    // has no answers.
    std::optional<double> auc;
};

// Builds the curve from answers per rating on X claims (`positive`) and on
// the others (`negative`). Throws std::invalid_argument for a negative count.
RocCurve make_roc_curve(const RocRatingCounts& positive, const RocRatingCounts& negative);

// How every ROC plot (the app's and the HTML report's) draws each verdict's
// line, so colour is never the only cue and both plots read alike:
// verified solid, contested dashed, propaganda dotted.
enum class RocLineStyle { Solid, Dashed, Dotted };
RocLineStyle roc_line_style(Verdict verdict);

// "AUC 0.82", or "not enough answers" when either side has none.
std::string describe_auc(const RocCurve& curve);

struct CalibrationBin {
    Confidence level = Confidence::Fifty;
    int answered = 0;
    int right = 0;

    // Share right in [0, 1]; 0 when nothing was answered at this level.
    double accuracy() const;
};

struct Scorecard {
    Tally overall;
    std::array<Tally, 3> per_class{};  // by index_of(truth)
    // Counts indexed [index_of(picked)][index_of(truth)]; the diagonal is right.
    std::array<std::array<int, 3>, 3> confusion{};
    std::array<SignalDetection, 3> detection{};  // by index_of(verdict)
    std::array<RocCurve, 3> roc{};               // by index_of(verdict): X against the other two
    // In kStatedConfidences order (50, 70, 90); unstated answers are left out.
    std::array<CalibrationBin, 3> calibration{};
    // Mean of (stated confidence − correct)² over answers with a stated
    // confidence; empty when there are none. 0 is perfect; always saying 50 %
    // gives 0.25.
    std::optional<double> brier;
    std::map<std::string, Tally> per_article;
};

// Running totals: add() and remove() are O(log articles) and the state is
// counts only, so remove() undoes add() exactly.
class ScoreAccumulator {
public:
    // Counts the answer `times` times: a history can be scored from grouped
    // counts (one query over a million reviews) instead of one row at a time.
    void add(const ScoredAnswer& answer, int times = 1);
    // Undo an earlier add() of the same answer. Throws std::invalid_argument
    // (and changes nothing) if the answer cannot have been added, i.e. a count
    // would go negative.
    void remove(const ScoredAnswer& answer);
    Scorecard scorecard() const;

private:
    // Answers by [index_of(picked)][confidence slot][index_of(truth)], where
    // slot 0 is unstated and 1.. follow kStatedConfidences. The confusion
    // matrix, calibration and ROC are all sums over this table.
    using ConfidenceSlots = std::array<std::array<int, 3>, kStatedConfidences.size() + 1>;
    std::array<ConfidenceSlots, 3> answers_{};
    std::map<std::string, Tally> per_article_;  // articles with no answers are erased
};

// Batch form of the accumulator.
Scorecard score(const std::vector<ScoredAnswer>& answers);

// Inverse of the standard normal CDF (the z of d′): Acklam's rational
// approximation refined by one Halley step, accurate to about 1e-15.
// Returns −inf for p <= 0, +inf for p >= 1 and NaN for NaN.
double inverse_normal_cdf(double p);

// Thresholds for the plain-words sentences. |d′| and |c| are in z units.
// Fewer trials than this on either side (claims that are X / are not X) and
// d′ is mostly noise, so the sentence asks for more answers instead.
inline constexpr int kMinTrialsForVerdictSentence = 5;
// |c| at or above this is a clear lean (about ±0.5 shifts a 50 % rate to 31 %
// or 69 %); it is reported first, since it is the easiest thing to fix.
inline constexpr double kBiasThreshold = 0.5;
// d′ at or above these: "well" (≈ 77 % hits with 23 % false alarms), "fairly
// well" (≈ 60 % / 40 %); below that the learner is "still learning".
inline constexpr double kGoodDPrime = 1.5;
inline constexpr double kFairDPrime = 0.5;
// Calibration is mentioned in the overall sentence only with at least this
// many answers with a stated confidence, and only when the mean stated
// confidence and the accuracy differ by at least this many percentage points.
inline constexpr int kMinAnswersForCalibrationSentence = 10;
inline constexpr int kCalibrationGapPoints = 10;

// One short, kind sentence for a learner about one verdict class, e.g.
// "You spot propaganda well (d′ 1.8)." Order of checks: too few trials;
// c <= −kBiasThreshold ("too readily"); c >= kBiasThreshold ("rarely");
// then d′ bands. Thresholds apply to d′ and c rounded to one decimal, as
// shown in the sentence. Uses U+2032 (′) and U+2212 (−), as UTF-8.
// Learners get the sentence alone (Omitted): d′ and c are in its
// details, for teachers.
enum class DetectionFigures { Included, Omitted };
std::string describe_detection(Verdict verdict, const SignalDetection& detection,
                               DetectionFigures figures = DetectionFigures::Included);

// "61 %" for 0.61: every figure of ClaimDeck's is written so.
std::string whole_percent(double fraction);

// Overall accuracy, plus a calibration remark when confidence runs clearly
// ahead of or behind results, e.g. "You got 7 of 10 right (70 %)."
std::string describe_overall(const Scorecard& scorecard);

}  // namespace claimdeck
