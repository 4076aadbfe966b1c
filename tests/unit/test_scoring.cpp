// Every expected figure below is worked out by hand in the comments next to it.
// z values are standard normal quantiles as found in tables (checked against
// Python's statistics.NormalDist().inv_cdf), never taken from the code tested.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "learning/scoring.hpp"

using namespace claimdeck;

namespace {

constexpr Verdict V = Verdict::Verified;
constexpr Verdict C = Verdict::Contested;
constexpr Verdict P = Verdict::Propaganda;
constexpr Confidence c50 = Confidence::Fifty;
constexpr Confidence c70 = Confidence::Seventy;
constexpr Confidence c90 = Confidence::Ninety;
constexpr Confidence unstated = Confidence::Unstated;

doctest::Approx near(double value) { return doctest::Approx(value).epsilon(1e-8); }

// `count` copies of one answer.
std::vector<ScoredAnswer> repeat(int count, const ScoredAnswer& answer) {
    return std::vector<ScoredAnswer>(static_cast<std::size_t>(count), answer);
}

std::vector<ScoredAnswer> concat(std::initializer_list<std::vector<ScoredAnswer>> parts) {
    std::vector<ScoredAnswer> all;
    for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
    return all;
}

void check_same_tally(const Tally& a, const Tally& b) {
    CHECK(a.answered == b.answered);
    CHECK(a.right == b.right);
}

// Field-by-field equality; same counts give bit-identical doubles.
void check_same_scorecard(const Scorecard& a, const Scorecard& b) {
    check_same_tally(a.overall, b.overall);
    CHECK(a.confusion == b.confusion);
    for (std::size_t i = 0; i < 3; ++i) {
        check_same_tally(a.per_class[i], b.per_class[i]);
        const SignalDetection& da = a.detection[i];
        const SignalDetection& db = b.detection[i];
        CHECK(da.hits == db.hits);
        CHECK(da.misses == db.misses);
        CHECK(da.false_alarms == db.false_alarms);
        CHECK(da.correct_rejections == db.correct_rejections);
        CHECK(da.d_prime == db.d_prime);
        CHECK(da.criterion == db.criterion);
        CHECK(a.calibration[i].level == b.calibration[i].level);
        CHECK(a.calibration[i].answered == b.calibration[i].answered);
        CHECK(a.calibration[i].right == b.calibration[i].right);
        CHECK(a.roc[i].positives == b.roc[i].positives);
        CHECK(a.roc[i].negatives == b.roc[i].negatives);
        CHECK(a.roc[i].auc == b.roc[i].auc);
        REQUIRE(a.roc[i].points.size() == b.roc[i].points.size());
        for (std::size_t p = 0; p < a.roc[i].points.size(); ++p) {
            CHECK(a.roc[i].points[p].false_positive_rate == b.roc[i].points[p].false_positive_rate);
            CHECK(a.roc[i].points[p].true_positive_rate == b.roc[i].points[p].true_positive_rate);
        }
    }
    CHECK(a.brier == b.brier);
    REQUIRE(a.per_article.size() == b.per_article.size());
    for (const auto& [article, tally] : a.per_article) {
        REQUIRE(b.per_article.count(article) == 1);
        check_same_tally(tally, b.per_article.at(article));
    }
}

// Ten answers, small enough to score with pencil and paper.
//   #  article truth  picked conf  right?
//   1  a1      V      V      90    yes
//   2  a1      V      V      70    yes
//   3  a1      V      C      50    no
//   4  a2      C      C      70    yes
//   5  a2      C      P      90    no
//   6  a2      P      P      90    yes
//   7  a3      P      P      70    yes
//   8  a3      P      V      50    no
//   9  a3      C      C      —     yes
//  10  a3      V      V      —     yes
std::vector<ScoredAnswer> ten_answers() {
    return {
        {"a1", V, V, c90},       // 1
        {"a1", V, V, c70},       // 2
        {"a1", V, C, c50},       // 3
        {"a2", C, C, c70},       // 4
        {"a2", C, P, c90},       // 5
        {"a2", P, P, c90},       // 6
        {"a3", P, P, c70},       // 7
        {"a3", P, V, c50},       // 8
        {"a3", C, C, unstated},  // 9
        {"a3", V, V, unstated},  // 10
    };
}

}  // namespace

TEST_CASE("inverse normal CDF matches table values") {
    CHECK(inverse_normal_cdf(0.975) == doctest::Approx(1.959963985).epsilon(1e-9));
    CHECK(inverse_normal_cdf(0.5) == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(inverse_normal_cdf(0.1) == doctest::Approx(-1.281551566).epsilon(1e-9));
    CHECK(inverse_normal_cdf(0.9) == doctest::Approx(1.281551566).epsilon(1e-9));
    CHECK(inverse_normal_cdf(0.75) == doctest::Approx(0.674489750).epsilon(1e-9));
    // Both sides of Acklam's switch to the tail formula at p = 0.02425.
    CHECK(inverse_normal_cdf(0.02425) == doctest::Approx(-1.972961051).epsilon(1e-9));
    CHECK(inverse_normal_cdf(0.97575) == doctest::Approx(1.972961051).epsilon(1e-9));
    // Deep tail.
    CHECK(inverse_normal_cdf(1e-10) == doctest::Approx(-6.361340902).epsilon(1e-9));
}

TEST_CASE("inverse normal CDF reaches full double precision") {
    // Acklam's formula alone is good to about 1e-9; these need the Halley step.
    // References: Wichura's AS241 (Python's NormalDist().inv_cdf).
    CHECK(inverse_normal_cdf(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-14));
    CHECK(inverse_normal_cdf(0.3) == doctest::Approx(-0.5244005127080407).epsilon(1e-14));
    CHECK(inverse_normal_cdf(1e-10) == doctest::Approx(-6.361340902404056).epsilon(1e-14));
    // Near 1, Φ(x) − p cancels badly; the code must work from 1 − p instead.
    // (1 − 1e-10 is not exact in binary; this is z of the double it rounds to.)
    CHECK(inverse_normal_cdf(1.0 - 1e-10) == doctest::Approx(6.361340889697421).epsilon(1e-14));
}

TEST_CASE("inverse normal CDF is infinite at 0 and 1 and NaN for NaN") {
    CHECK(inverse_normal_cdf(0.0) == -INFINITY);
    CHECK(inverse_normal_cdf(1.0) == INFINITY);
    CHECK(std::isnan(inverse_normal_cdf(NAN)));
}

TEST_CASE("ten hand-scored answers: accuracy, confusion matrix and per-article tallies") {
    const Scorecard card = score(ten_answers());

    // Right: 1, 2, 4, 6, 7, 9, 10 = 7 of 10.
    CHECK(card.overall.answered == 10);
    CHECK(card.overall.right == 7);
    CHECK(card.overall.accuracy() == doctest::Approx(0.7));

    // Truth V: 1, 2, 3, 10 (3 right); truth C: 4, 5, 9 (2 right);
    // truth P: 6, 7, 8 (2 right).
    CHECK(card.per_class[index_of(V)].answered == 4);
    CHECK(card.per_class[index_of(V)].right == 3);
    CHECK(card.per_class[index_of(V)].accuracy() == doctest::Approx(0.75));
    CHECK(card.per_class[index_of(C)].answered == 3);
    CHECK(card.per_class[index_of(C)].right == 2);
    CHECK(card.per_class[index_of(P)].answered == 3);
    CHECK(card.per_class[index_of(P)].right == 2);
    CHECK(card.per_class[index_of(P)].accuracy() == doctest::Approx(2.0 / 3.0));

    // [picked][truth]:
    //              truth V  truth C  truth P
    //   picked V      3        0        1      (1, 2, 10 | — | 8)
    //   picked C      1        2        0      (3 | 4, 9 | —)
    //   picked P      0        1        2      (— | 5 | 6, 7)
    const std::array<std::array<int, 3>, 3> expected_confusion = {{{3, 0, 1}, {1, 2, 0}, {0, 1, 2}}};
    CHECK(card.confusion == expected_confusion);

    // a1: 1, 2, 3 (2 right); a2: 4, 5, 6 (2 right); a3: 7, 8, 9, 10 (3 right).
    REQUIRE(card.per_article.size() == 3);
    CHECK(card.per_article.at("a1").answered == 3);
    CHECK(card.per_article.at("a1").right == 2);
    CHECK(card.per_article.at("a2").answered == 3);
    CHECK(card.per_article.at("a2").right == 2);
    CHECK(card.per_article.at("a3").answered == 4);
    CHECK(card.per_article.at("a3").right == 3);
}

TEST_CASE("ten hand-scored answers: signal detection per class") {
    const Scorecard card = score(ten_answers());

    SUBCASE("propaganda") {
        // Signal = truth P (6, 7, 8): hits 6, 7 = 2; miss 8 = 1.
        // Noise = the other 7: false alarm 5 (said P, truth C) = 1; CR = 6.
        // H = (2 + 0.5) / (3 + 1) = 0.625      z(H) =  0.318639364
        // F = (1 + 0.5) / (7 + 1) = 0.1875     z(F) = −0.887146559
        // d′ = 0.318639364 + 0.887146559 = 1.205785923
        // c  = −(0.318639364 − 0.887146559) / 2 = 0.284253598
        const SignalDetection& d = card.detection[index_of(P)];
        CHECK(d.hits == 2);
        CHECK(d.misses == 1);
        CHECK(d.false_alarms == 1);
        CHECK(d.correct_rejections == 6);
        CHECK(d.hit_rate == doctest::Approx(0.625));
        CHECK(d.false_alarm_rate == doctest::Approx(0.1875));
        CHECK(d.d_prime == near(1.205785923));
        CHECK(d.criterion == near(0.284253598));
    }
    SUBCASE("verified") {
        // Signal = truth V (1, 2, 3, 10): hits 3; miss 3 = 1.
        // Noise = 6: false alarm 8 (said V, truth P) = 1; CR = 5.
        // H = 3.5 / 5 = 0.7                    z(H) =  0.524400513
        // F = 1.5 / 7 = 0.214285714            z(F) = −0.791638608
        // d′ = 0.524400513 + 0.791638608 = 1.316039121
        // c  = −(0.524400513 − 0.791638608) / 2 = 0.133619048
        const SignalDetection& d = card.detection[index_of(V)];
        CHECK(d.hits == 3);
        CHECK(d.misses == 1);
        CHECK(d.false_alarms == 1);
        CHECK(d.correct_rejections == 5);
        CHECK(d.hit_rate == doctest::Approx(0.7));
        CHECK(d.false_alarm_rate == doctest::Approx(1.5 / 7.0));
        CHECK(d.d_prime == near(1.316039121));
        CHECK(d.criterion == near(0.133619048));
    }
    SUBCASE("contested") {
        // Signal = truth C (4, 5, 9): hits 4, 9 = 2; miss 5 = 1.
        // Noise = 7: false alarm 3 (said C, truth V) = 1; CR = 6.
        // Same counts as propaganda, so the same H, F, d′ and c.
        const SignalDetection& d = card.detection[index_of(C)];
        CHECK(d.hits == 2);
        CHECK(d.misses == 1);
        CHECK(d.false_alarms == 1);
        CHECK(d.correct_rejections == 6);
        CHECK(d.d_prime == near(1.205785923));
        CHECK(d.criterion == near(0.284253598));
    }
}

TEST_CASE("ten hand-scored answers: calibration and Brier leave out unstated confidence") {
    const Scorecard card = score(ten_answers());

    // 50 %: 3, 8 → 2 answered, 0 right.
    // 70 %: 2, 4, 7 → 3 answered, 3 right.
    // 90 %: 1, 5, 6 → 3 answered, 2 right.   (9 and 10 are unstated.)
    CHECK(card.calibration[0].level == c50);
    CHECK(card.calibration[0].answered == 2);
    CHECK(card.calibration[0].right == 0);
    CHECK(card.calibration[0].accuracy() == doctest::Approx(0.0));
    CHECK(card.calibration[1].level == c70);
    CHECK(card.calibration[1].answered == 3);
    CHECK(card.calibration[1].right == 3);
    CHECK(card.calibration[1].accuracy() == doctest::Approx(1.0));
    CHECK(card.calibration[2].level == c90);
    CHECK(card.calibration[2].answered == 3);
    CHECK(card.calibration[2].right == 2);
    CHECK(card.calibration[2].accuracy() == doctest::Approx(2.0 / 3.0));

    // Brier over the 8 stated answers:
    //   50 %: 2 wrong × (0.5 − 0)² = 2 × 0.25 = 0.50
    //   70 %: 3 right × (0.7 − 1)² = 3 × 0.09 = 0.27
    //   90 %: 2 right × (0.9 − 1)² + 1 wrong × (0.9 − 0)² = 0.02 + 0.81 = 0.83
    //   (0.50 + 0.27 + 0.83) / 8 = 1.60 / 8 = 0.2
    REQUIRE(card.brier.has_value());
    CHECK(*card.brier == doctest::Approx(0.2));
}

TEST_CASE("no answers: empty tallies, neutral detection, no Brier") {
    const Scorecard card = ScoreAccumulator{}.scorecard();
    CHECK(card.overall.answered == 0);
    CHECK(card.overall.accuracy() == 0.0);
    CHECK_FALSE(card.brier.has_value());
    CHECK(card.per_article.empty());
    // No trials: H = F = 0.5 / 1 = 0.5, so d′ = 0 and c = 0.
    for (const SignalDetection& d : card.detection) {
        CHECK(d.hit_rate == 0.5);
        CHECK(d.false_alarm_rate == 0.5);
        CHECK(d.d_prime == 0.0);
        CHECK(d.criterion == 0.0);
    }
}

TEST_CASE("all correct stays finite: d′ large but bounded") {
    // Two of each class, all right. For every class: hits 2, misses 0,
    // false alarms 0, correct rejections 4.
    // H = 2.5 / 3 = 0.833333   z(H) =  0.967421566
    // F = 0.5 / 5 = 0.1        z(F) = −1.281551566
    // d′ = 0.967421566 + 1.281551566 = 2.248973132
    // c  = −(0.967421566 − 1.281551566) / 2 = 0.157065000
    const Scorecard card = score(
        {{"a", V, V, c90}, {"a", V, V, c90}, {"a", C, C, c90}, {"a", C, C, c90}, {"a", P, P, c90}, {"a", P, P, c90}});
    CHECK(card.overall.accuracy() == 1.0);
    for (const SignalDetection& d : card.detection) {
        CHECK(std::isfinite(d.d_prime));
        CHECK(d.d_prime == near(2.248973132));
        CHECK(d.criterion == near(0.157065000));
    }
    // Six right at 90 %: 6 × 0.01 / 6.
    CHECK(*card.brier == doctest::Approx(0.01));
}

TEST_CASE("all wrong stays finite: d′ negative") {
    // Each class is mistaken for the next: V→C, C→P, P→V, twice each.
    // For propaganda: hits 0, misses 2 (P→V), false alarms 2 (C→P), CR 2 (V→C).
    // H = 0.5 / 3 = 0.166667   z(H) = −0.967421566
    // F = 2.5 / 5 = 0.5        z(F) =  0
    // d′ = −0.967421566, c = 0.967421566 / 2 = 0.483710783
    // The rotation makes every class look the same.
    const Scorecard card = score(
        {{"a", V, C, c90}, {"a", V, C, c90}, {"a", C, P, c90}, {"a", C, P, c90}, {"a", P, V, c90}, {"a", P, V, c90}});
    CHECK(card.overall.right == 0);
    for (const SignalDetection& d : card.detection) {
        CHECK(std::isfinite(d.d_prime));
        CHECK(d.d_prime == near(-0.967421566));
        CHECK(d.criterion == near(0.483710783));
    }
    // Six wrong at 90 %: 6 × 0.81 / 6.
    CHECK(*card.brier == doctest::Approx(0.81));
}

TEST_CASE("always pressing propaganda: high hits, high false alarms, d′ 0, liberal bias") {
    // Truth: 5 propaganda, 3 verified, 2 contested; every answer "propaganda".
    const Scorecard card = score(
        concat({repeat(5, {"a", P, P, unstated}), repeat(3, {"a", V, P, unstated}), repeat(2, {"a", C, P, unstated})}));

    // Propaganda: hits 5, misses 0, false alarms 5, CR 0.
    // H = 5.5 / 6 = 0.916667 = F   z = 1.382994127
    // d′ = 0;  c = −(1.382994127 + 1.382994127) / 2 = −1.382994127
    const SignalDetection& p = card.detection[index_of(P)];
    CHECK(p.hit_rate == doctest::Approx(11.0 / 12.0));
    CHECK(p.false_alarm_rate == doctest::Approx(11.0 / 12.0));
    CHECK(p.d_prime == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(p.criterion == near(-1.382994127));
    CHECK(describe_detection(P, p) == "You call things propaganda too readily (c −1.4).");
    CHECK(describe_detection(P, p, DetectionFigures::Omitted) == "You call things propaganda too readily.");

    // Verified is never said: hits 0, misses 3, false alarms 0, CR 7.
    // H = 0.5 / 4 = 0.125  z = −1.150349380;  F = 0.5 / 8 = 0.0625  z = −1.534120544
    // d′ = −1.150349380 + 1.534120544 = 0.383771164
    // c  = (1.150349380 + 1.534120544) / 2 = 1.342234962: conservative.
    const SignalDetection& v = card.detection[index_of(V)];
    CHECK(v.d_prime == near(0.383771164));
    CHECK(v.criterion == near(1.342234962));
    // Only 3 verified claims seen: too few for a sentence.
    CHECK(describe_detection(V, v) == "A few more answers and we can tell how you do with verified claims.");
}

TEST_CASE("detection sentences by d′ band and bias") {
    // make_signal_detection(hits, misses, false alarms, correct rejections).
    SUBCASE("good discrimination") {
        // H = 5.5 / 6 = 11/12 (z 1.382994), F = 0.5 / 6 = 1/12 (z −1.382994)
        // d′ = 2.765988 → "2.8"; c = 0.
        CHECK(describe_detection(P, make_signal_detection(5, 0, 0, 5)) == "You spot propaganda well (d′ 2.8).");
    }
    SUBCASE("fair discrimination") {
        // H = 4.5 / 6 = 0.75 (z 0.674490), F = 1.5 / 6 = 0.25 (z −0.674490)
        // d′ = 1.348980 → "1.3"; c = 0.
        CHECK(describe_detection(V, make_signal_detection(4, 1, 1, 4)) ==
              "You spot verified claims fairly well (d′ 1.3).");
    }
    SUBCASE("weak discrimination") {
        // H = 3.5 / 6 = 7/12 (z 0.210428), F = 2.5 / 6 = 5/12 (z −0.210428)
        // d′ = 0.420857 → "0.4"; c = 0.
        CHECK(describe_detection(C, make_signal_detection(3, 2, 2, 3)) ==
              "You are still learning to spot contested claims (d′ 0.4).");
    }
    SUBCASE("never says contested: conservative") {
        // H = 0.5 / 6 = 1/12 = F, z = −1.382994; d′ = 0; c = 1.382994 → "1.4".
        CHECK(describe_detection(C, make_signal_detection(0, 5, 0, 5)) ==
              "You rarely call things contested: you miss many contested claims (c 1.4).");
    }
    SUBCASE("too few claims of the class") {
        // 4 signal trials < 5.
        CHECK(describe_detection(V, make_signal_detection(4, 0, 0, 10)) ==
              "A few more answers and we can tell how you do with verified claims.");
    }
    SUBCASE("too few claims of other classes") {
        // 4 noise trials < 5.
        CHECK(describe_detection(V, make_signal_detection(10, 0, 0, 4)) ==
              "A few more answers and we can tell how you do with verified claims.");
    }
}

TEST_CASE("detection sentence thresholds are inclusive and use the value shown") {
    SignalDetection d;
    d.hits = 5;
    d.misses = 5;
    d.false_alarms = 5;
    d.correct_rejections = 5;

    d.d_prime = 1.5;
    d.criterion = 0.44;
    CHECK(describe_detection(P, d) == "You spot propaganda well (d′ 1.5).");
    d.d_prime = 1.47;  // shown as 1.5, so judged as 1.5
    CHECK(describe_detection(P, d) == "You spot propaganda well (d′ 1.5).");
    d.d_prime = 1.44;
    CHECK(describe_detection(P, d) == "You spot propaganda fairly well (d′ 1.4).");
    d.d_prime = 0.5;
    CHECK(describe_detection(P, d) == "You spot propaganda fairly well (d′ 0.5).");
    d.d_prime = 0.44;
    CHECK(describe_detection(P, d) == "You are still learning to spot propaganda (d′ 0.4).");
    d.d_prime = -0.04;  // rounds to zero: no "−0.0"
    CHECK(describe_detection(P, d) == "You are still learning to spot propaganda (d′ 0.0).");

    // A clear bias is named even when d′ is good.
    d.d_prime = 2.0;
    d.criterion = -0.47;  // shown as −0.5
    CHECK(describe_detection(P, d) == "You call things propaganda too readily (c −0.5).");
    d.criterion = 0.5;
    CHECK(describe_detection(P, d) == "You rarely call things propaganda: you miss many propaganda claims (c 0.5).");
}

TEST_CASE("overall sentence: accuracy and calibration") {
    SUBCASE("no answers") {
        CHECK(describe_overall(ScoreAccumulator{}.scorecard()) ==
              "No answers yet: rate a few claims to see your score.");
    }
    SUBCASE("overconfident") {
        // 10 answers at 90 %, 6 right: expected 90 %, got 60 %, gap 30 points.
        const auto answers = concat({repeat(6, {"a", V, V, c90}), repeat(4, {"a", V, P, c90})});
        CHECK(describe_overall(score(answers)) ==
              "You got 6 of 10 right (60 %). Your confidence runs ahead of your results: "
              "you expected about 90 % right and got 60 %.");
    }
    SUBCASE("underconfident") {
        // 10 answers at 50 %, 8 right: expected 50 %, got 80 %, gap −30 points.
        const auto answers = concat({repeat(8, {"a", V, V, c50}), repeat(2, {"a", V, P, c50})});
        CHECK(describe_overall(score(answers)) ==
              "You got 8 of 10 right (80 %). You know more than you think: "
              "you expected about 50 % right and got 80 %.");
    }
    SUBCASE("gap of exactly 10 points is mentioned") {
        // 10 at 70 %, 6 right: expected 70 %, got 60 %.
        const auto answers = concat({repeat(6, {"a", V, V, c70}), repeat(4, {"a", V, P, c70})});
        CHECK(describe_overall(score(answers)) ==
              "You got 6 of 10 right (60 %). Your confidence runs ahead of your results: "
              "you expected about 70 % right and got 60 %.");
    }
    SUBCASE("well calibrated: no remark") {
        // 5 at 50 % (3 right) and 5 at 90 % (4 right): expected (250 + 450) / 10
        // = 70 %, got 7 / 10 = 70 %.
        const auto answers = concat({repeat(3, {"a", V, V, c50}), repeat(2, {"a", V, C, c50}),
                                     repeat(4, {"a", V, V, c90}), repeat(1, {"a", V, C, c90})});
        CHECK(describe_overall(score(answers)) == "You got 7 of 10 right (70 %).");
    }
    SUBCASE("too few stated confidences: no remark") {
        // 9 stated at 90 % with 5 right would be overconfident, but 9 < 10; the
        // tenth answer is unstated.
        const auto answers =
            concat({repeat(5, {"a", V, V, c90}), repeat(4, {"a", V, P, c90}), repeat(1, {"a", V, V, unstated})});
        CHECK(describe_overall(score(answers)) == "You got 6 of 10 right (60 %).");
    }
}

// Expected points as {false positive rate, true positive rate}.
void check_points(const RocCurve& curve, std::initializer_list<std::pair<double, double>> expected) {
    REQUIRE(curve.points.size() == expected.size());
    std::size_t i = 0;
    for (const auto& [false_positive_rate, true_positive_rate] : expected) {
        CAPTURE(i);
        CHECK(curve.points[i].false_positive_rate == near(false_positive_rate));
        CHECK(curve.points[i].true_positive_rate == near(true_positive_rate));
        ++i;
    }
}

TEST_CASE("ROC rating: surest X on top, surest other verdict at the bottom, unstated with 50 %") {
    CHECK(roc_rating(P, P, c90) == 5);
    CHECK(roc_rating(P, P, c70) == 4);
    CHECK(roc_rating(P, P, c50) == 3);
    CHECK(roc_rating(P, P, unstated) == 3);
    CHECK(roc_rating(P, V, c50) == 2);
    CHECK(roc_rating(P, C, unstated) == 2);
    CHECK(roc_rating(P, V, c70) == 1);
    CHECK(roc_rating(P, C, c90) == 0);
    CHECK(roc_rating(V, V, c90) == 5);
    CHECK(roc_rating(V, P, c90) == 0);
}

TEST_CASE("ROC without ties between the sides") {
    // Ratings 5 4 3 2 1 0 (index = rating).
    // X claims:     5, 5, 4, 1        (4)
    // other claims: 3, 2, 2, 0        (4)
    // Mann–Whitney: each 5 and the 4 beat all four others (3 × 4 = 12), the 1
    // beats only the 0 (1): 13 of 16 pairs = 0.8125.
    const RocCurve curve = make_roc_curve({0, 1, 0, 0, 1, 2}, {1, 0, 2, 1, 0, 0});
    CHECK(curve.positives == 4);
    CHECK(curve.negatives == 4);
    // Thresholds ≥5 … ≥0: X at or above 2, 3, 3, 3, 4, 4 of 4; others 0, 0, 1, 3, 3, 4 of 4.
    check_points(curve, {{0, 0}, {0, 0.5}, {0, 0.75}, {0.25, 0.75}, {0.75, 0.75}, {0.75, 1}, {1, 1}});
    REQUIRE(curve.auc);
    CHECK(*curve.auc == near(0.8125));
}

TEST_CASE("ROC ties count half") {
    // X claims: 5, 3, 3; other claims: 3, 2.
    // The 5 beats both (2); each 3 ties the other 3 (0.5) and beats the 2 (1):
    // 2 + 1.5 + 1.5 = 5 of 6 pairs. The trapezoid under the points agrees:
    // 0.5 × (1/3 + 1) / 2 + 0.5 × 1 = 1/3 + 1/2.
    const RocCurve curve = make_roc_curve({0, 0, 0, 2, 0, 1}, {0, 0, 1, 1, 0, 0});
    check_points(curve, {{0, 0}, {0, 1.0 / 3}, {0, 1.0 / 3}, {0.5, 1}, {1, 1}, {1, 1}, {1, 1}});
    REQUIRE(curve.auc);
    CHECK(*curve.auc == near(5.0 / 6));
    CHECK(describe_auc(curve) == "AUC 0.83");
}

TEST_CASE("ROC when every answer has the same rating is chance") {
    const RocCurve curve = make_roc_curve({0, 0, 0, 3, 0, 0}, {0, 0, 0, 2, 0, 0});
    CHECK(*curve.auc == near(0.5));
}

TEST_CASE("ROC of a class with no answers of one kind: no points, no AUC") {
    const RocCurve no_others = make_roc_curve({0, 0, 0, 1, 0, 2}, {});
    CHECK(no_others.positives == 3);
    CHECK(no_others.negatives == 0);
    CHECK(no_others.points.empty());
    CHECK_FALSE(no_others.auc);
    CHECK(describe_auc(no_others) == "not enough answers");

    const RocCurve no_x = make_roc_curve({}, {1, 0, 0, 0, 0, 0});
    CHECK_FALSE(no_x.auc);
    CHECK(describe_auc(no_x) == "not enough answers");

    CHECK_THROWS_AS(make_roc_curve({-1, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0}), std::invalid_argument);
}

TEST_CASE("ten hand-scored answers: ROC for propaganda against the rest") {
    // Ratings seen from propaganda (roc_rating):
    //   propaganda claims: #6 P at 90 → 5, #7 P at 70 → 4, #8 V at 50 → 2
    //   the others: #1 V at 90 → 0, #2 V at 70 → 1, #3 C at 50 → 2, #4 C at 70 → 1,
    //               #5 P at 90 → 5, #9 C unstated → 2, #10 V unstated → 2
    // The 5 beats 6 others and ties #5 (6.5); the 4 beats 6 (6); the 2 beats
    // the three below 2 and ties three (4.5): 17 of 21 pairs.
    const Scorecard card = score(ten_answers());
    const RocCurve& propaganda = card.roc[index_of(P)];
    CHECK(propaganda.positives == 3);
    CHECK(propaganda.negatives == 7);
    check_points(
        propaganda,
        {{0, 0}, {1.0 / 7, 1.0 / 3}, {1.0 / 7, 2.0 / 3}, {1.0 / 7, 2.0 / 3}, {4.0 / 7, 1}, {6.0 / 7, 1}, {1, 1}});
    REQUIRE(propaganda.auc);
    CHECK(*propaganda.auc == near(17.0 / 21));
    CHECK(describe_auc(propaganda) == "AUC 0.81");
}

TEST_CASE("ROC from a scorecard where every claim was verified: no AUC for any verdict") {
    const Scorecard card = score({{"a", V, V, c90}, {"a", V, C, c50}});
    for (Verdict verdict : kAllVerdicts) {
        const std::size_t x = index_of(verdict);
        CAPTURE(x);
        CHECK_FALSE(card.roc[x].auc);
    }
    CHECK(card.roc[index_of(V)].positives == 2);
    CHECK(card.roc[index_of(C)].negatives == 2);
}

TEST_CASE("adding then removing every answer gives back the empty state") {
    ScoreAccumulator accumulator;
    const auto answers = ten_answers();
    for (const auto& answer : answers) accumulator.add(answer);
    // Undo in a different order from adding.
    for (auto it = answers.rbegin(); it != answers.rend(); ++it) accumulator.remove(*it);
    check_same_scorecard(accumulator.scorecard(), ScoreAccumulator{}.scorecard());
}

TEST_CASE("accumulator after adds and undos equals batch scoring of what remains") {
    const auto answers = ten_answers();
    ScoreAccumulator accumulator;
    for (const auto& answer : answers) accumulator.add(answer);
    // Undo answers 3, 5 and 8 (the three wrong ones), then redo 5.
    accumulator.remove(answers[2]);
    accumulator.remove(answers[7]);
    accumulator.remove(answers[4]);
    accumulator.add(answers[4]);

    std::vector<ScoredAnswer> remaining = answers;
    remaining.erase(remaining.begin() + 7);
    remaining.erase(remaining.begin() + 2);
    const Scorecard batch = score(remaining);
    check_same_scorecard(accumulator.scorecard(), batch);
    // 8 answers left with 7 right; only answer 5 is wrong.
    CHECK(batch.overall.answered == 8);
    CHECK(batch.overall.right == 7);
}

TEST_CASE("removing an answer that was never added throws and changes nothing") {
    ScoreAccumulator accumulator;
    accumulator.add({"a1", V, V, c90});
    accumulator.add({"a2", P, V, c50});  // wrong
    const Scorecard before = accumulator.scorecard();

    // Unknown article.
    CHECK_THROWS_AS(accumulator.remove({"a3", V, V, c90}), std::invalid_argument);
    // Confusion cell [C][C] is empty.
    CHECK_THROWS_AS(accumulator.remove({"a1", C, C, c90}), std::invalid_argument);
    // Cell [V][V] is filled (by a1), but a2 holds no right answer.
    CHECK_THROWS_AS(accumulator.remove({"a2", V, V, c90}), std::invalid_argument);
    // Nothing at 70 %.
    CHECK_THROWS_AS(accumulator.remove({"a1", V, V, c70}), std::invalid_argument);
    check_same_scorecard(accumulator.scorecard(), before);
}

TEST_CASE("adding an answer n times equals adding it n times one by one") {
    const ScoredAnswer wrong{"art", Verdict::Contested, Verdict::Propaganda, Confidence::Ninety};
    const ScoredAnswer right{"art", Verdict::Verified, Verdict::Verified, Confidence::Fifty};
    ScoreAccumulator grouped;
    grouped.add(wrong, 3);
    grouped.add(right, 2);
    grouped.add(right, 0);
    ScoreAccumulator one_by_one;
    for (int i = 0; i < 3; ++i) one_by_one.add(wrong);
    for (int i = 0; i < 2; ++i) one_by_one.add(right);
    const Scorecard a = grouped.scorecard();
    const Scorecard b = one_by_one.scorecard();
    CHECK(a.confusion == b.confusion);
    CHECK(a.per_article.at("art").answered == 5);
    CHECK(a.per_article.at("art").right == 2);
    CHECK(a.calibration[2].answered == b.calibration[2].answered);
    CHECK(*a.brier == doctest::Approx(*b.brier));
    CHECK_THROWS_AS(grouped.add(wrong, -1), std::invalid_argument);
}
