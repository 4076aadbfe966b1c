// The teacher's view of a class: any number of results files combined into
// figures per claim, per pupil and for the whole class, and, when the class
// took a pretest (form A) and a posttest (form B), what changed.
//
// Files that cannot be trusted (malformed, cut short, checksum mismatch,
// another quiz or deck, the same pupil twice) are listed with the reason and
// left out; everything else is still reported.
//
// The summary measure of "telling true from false" is the one-vs-rest signal
// detection for propaganda from scoring.hpp: d′ is how well propaganda is told
// apart from verified and contested claims, and c < 0 means calling claims
// propaganda too readily. A class that only grew more sceptical shows c going
// down with d′ flat; a class that learnt to discriminate shows d′ going up.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "classroom/results.hpp"
#include "content/deck.hpp"
#include "learning/scoring.hpp"

namespace claimdeck {

struct SkippedFile {
    std::string file;
    std::string reason;
};

struct ClaimFigures {
    std::string claim_id;
    std::string text;  // the claim as the deck words it; empty without the class's deck
    Verdict truth = Verdict::Verified;
    int asked = 0;  // results that hold this claim, time-outs included
    int right = 0;
    int timed_out = 0;
    std::array<int, 3> picked{};  // by index_of(verdict)

    double share_right() const;  // of those asked; a time-out is not right
    // The wrong verdict picked most often (ties: verified, contested,
    // propaganda order) — what fooled the class; nullopt when nobody picked a
    // wrong verdict.
    std::optional<Verdict> most_common_wrong() const;
};

// Who a pupil is in a report: their learner id (results.hpp) when the file
// has one, else the name they typed (a file from before learner ids).
// "id:0190a1b2c3d4e-5f6a..." or "name:Ana".
std::string pupil_key(const QuizResults& results);

// Pupils the teacher said are one: each key (pupil_key()) to the key it is
// counted under.
using PupilMerges = std::map<std::string, std::string>;

struct StudentFigures {
    std::string file;
    std::string profile;     // the name as the pupil typed it
    std::string pupil;       // as the report shows it: "Ana", or "Ana (2)" beside another Ana
    std::string pupil_key;   // after merges
    std::string learner_id;  // empty in a file from before learner ids
    std::string quiz_id;
    std::int64_t finished_ms = 0;
    QuizForm form = QuizForm::Single;
    int cards = 0;
    int right = 0;
    int timed_out = 0;
    Scorecard scorecard;  // over answered cards; a time-out has no verdict to score

    double accuracy() const;  // right / cards: a time-out counts as wrong
    const SignalDetection& propaganda() const { return scorecard.detection[index_of(Verdict::Propaganda)]; }
};

// Figures for a set of results files.
struct GroupFigures {
    int files = 0;
    int students = 0;  // distinct pupils (pupil keys)
    int cards = 0;
    int right = 0;
    int timed_out = 0;
    Scorecard pooled;  // every answered card, as if one learner gave them all
    // Means over the files of each pupil's own propaganda d′ and c. Pupils
    // lean different ways, so pooling their answers first would blur d′.
    double mean_d_prime = 0.0;
    double mean_criterion = 0.0;

    double accuracy() const;  // right / cards
};

// Changes smaller than these (in z units) are read as "no clear change".
inline constexpr double kClearDPrimeChange = 0.3;
inline constexpr double kClearCriterionChange = 0.3;

// One pupil's pretest, posttest and delayed posttest side by side, matched
// by pupil key. A form is missing when the pupil did not take it.
struct PupilChange {
    std::string pupil;  // as StudentFigures::pupil
    std::optional<StudentFigures> pre;
    std::optional<StudentFigures> post;
    std::optional<StudentFigures> delayed;

    // Posttest accuracy minus pretest accuracy; nullopt without both.
    std::optional<double> accuracy_change() const;
    // "Only more sceptical": the pupil took both forms, did not get clearly
    // better at telling propaganda from the rest (propaganda d′ rose by less
    // than kClearDPrimeChange), yet moved clearly toward calling claims
    // propaganda (propaganda c fell by at least kClearCriterionChange; c < 0
    // is calling claims propaganda too readily, scoring.hpp). Accuracy is
    // deliberately not the test: on a quiz with propaganda claims, calling
    // more things propaganda can raise accuracy without any more skill.
    bool only_more_sceptical() const;
};

struct PrePostChange;
// Whether any pupil took form C, so tables of pupils need its column.
bool any_took_delayed_posttest(const PrePostChange& change);

struct PrePostChange {
    // Only pupils who took both forms, so a change is never just a change
    // in who was there.
    GroupFigures pre;
    GroupFigures post;
    std::string summary;  // plain words, see describe_pre_post()
    // Every pupil who took form A or form B, in the order first met.
    std::vector<PupilChange> pupils;
};

// Whether what changed between the pretest and the posttest was still there
// at the delayed posttest.
struct Retention {
    // Only pupils who took all three forms, as in PrePostChange.
    GroupFigures pre;
    GroupFigures post;
    GroupFigures delayed;
    int days_meant = 0;            // after the posttest, as form C's results give it
    double median_days_taken = 0;  // from each pupil's posttest to their delayed posttest
    std::string summary;           // plain words, see describe_retention()
};

// A form's answers split by whether the pupil had studied the claim before
// the quiz (results files of format 3 say so, results.hpp). Learning that
// carries over to claims never studied shows in `unstudied`.
struct StudiedSplit {
    GroupFigures studied;
    GroupFigures unstudied;
};

// A form's answers split by whether the pupil checked the deck's other
// sources first (results files of format 4 say so, for a quiz that offered
// them): does lateral reading help the class tell true from false?
struct LateralReadingSplit {
    GroupFigures after_checking;
    GroupFigures without_checking;
};

// The class's figures for one form, over every pupil who took it.
struct FormFigures {
    QuizForm form = QuizForm::Single;
    GroupFigures figures;
    std::optional<StudiedSplit> by_study;  // when its files say which claims were studied
    // When its files say what was consulted before each answer.
    std::optional<LateralReadingSplit> by_lateral_reading;
    std::string quiz_id;
    // As the results files give it; empty in files from before quiz titles
    // (ReportApp then looks in the quizzes made on this device).
    std::string quiz_title;
    std::int64_t last_finished_ms = 0;  // when the last pupil finished this form
};

// Pupils who typed the same name but are different learners (another
// device, or a file from before learner ids): the report keeps them apart
// as "Ana (1)", "Ana (2)" until the teacher merges them.
struct Namesakes {
    std::string name;
    std::vector<std::string> pupil_keys;  // in the order first met
};

struct ClassReport {
    std::string deck_id;
    int deck_version = 0;
    std::vector<SkippedFile> skipped;
    std::vector<ClaimFigures> claims;      // in the order first asked
    std::vector<StudentFigures> students;  // one per counted file, in the order given
    GroupFigures totals;                   // every counted file, whatever its form
    // One entry per form in the order first met. A headline uses these, not
    // `totals`, so a pretest and a posttest are never mixed in one figure.
    std::vector<FormFigures> forms;
    std::vector<Namesakes> namesakes;
    std::optional<PrePostChange> pre_post;  // when some pupil took both form A and form B
    std::optional<Retention> retention;     // when some pupil took forms A, B and C
    // The true verdicts in the files were checked against the class's deck;
    // otherwise only against each other.
    bool checked_against_deck = false;
};

// Reads and combines the files. The class's deck, and for each form its
// quiz, is the one most of the files agree on (on a tie, the first file's);
// a pupil (pupil key, after `merges`) counts once per quiz, with the first
// of their files.
// A file whose true verdicts disagree with `deck` (when it is the class's
// deck, same id and version) or, without it, with most of the other files,
// is left out.
ClassReport build_class_report(const std::vector<std::filesystem::path>& files, const Deck* deck = nullptr,
                               const PupilMerges& merges = {});

// Whom the sentences below speak of: a teacher's class ("The class got
// better..."), or the learner reading their own Statistics ("You got
// better...").
enum class Audience { Class, Learner };

// E.g. "Accuracy went from 52 % to 61 % (12 pupils took both forms). The class
// did not get better at telling propaganda from true and contested claims
// (d′ 0.6 → 0.7); it just calls more claims propaganda (c 0.3 → −0.4): more
// sceptical of everything, not more discerning."
std::string describe_pre_post(const GroupFigures& pre, const GroupFigures& post, Audience audience = Audience::Class);

// E.g. "The delayed posttest was taken a median of 15 days after the
// posttest (meant: 14). What the class learnt lasted: it still tells
// propaganda from true and contested claims about as well as just after
// training (d′ 0.6 → 1.2 → 1.1)."
std::string describe_retention(const Retention& retention, Audience audience = Audience::Class);

// "90 % right, mean d′ 2.1, mean c 0.1 (12 answers)"; for a learner, their
// own d′ and c, with no "mean".
std::string describe_figures(const GroupFigures& figures, Audience audience = Audience::Class);

// "Claims they had studied: 90 % right, mean d′ 2.1, mean c 0.1 (12 answers)",
// or "Claims they had not studied: none" when there are no such answers.
std::string describe_studied_part(const GroupFigures& part, bool studied, Audience audience = Audience::Class);
// "After checking other sources: 80 % right, ..." or "Without checking
// other sources: none".
std::string describe_lateral_reading_part(const GroupFigures& part, bool checked, Audience audience = Audience::Class);

// The quiz a form's figures are about: its title, or "quiz <id>" when the
// files do not give one.
std::string quiz_title_or_id(const FormFigures& form);

// What a headline calls a form's figures: "The class" for a single quiz,
// "Pretest (form A)", "Posttest (form B)" and "Delayed posttest (form C)"
// for parallel forms.
std::string form_heading(QuizForm form);

}  // namespace claimdeck
