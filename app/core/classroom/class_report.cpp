#include "classroom/class_report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <utility>

namespace claimdeck {

namespace {

constexpr const char* kPrime = "\xE2\x80\xB2";      // ′, as describe_detection() writes it
constexpr const char* kMinusSign = "\xE2\x88\x92";  // −
constexpr const char* kArrow = " \xE2\x86\x92 ";    // →
// A file with many problems is summed up by its first few.
constexpr std::size_t kReasonsShown = 3;

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// ---- Choosing the files that count -----------------------------------------

struct LoadedFile {
    std::string name;
    QuizResults results;
    std::string pupil_key;  // after the teacher's merges
    std::string pupil;      // the name shown; set once every file is counted
};

std::string reason_for(const std::vector<Problem>& problems) {
    std::string reason;
    for (std::size_t i = 0; i < problems.size() && i < kReasonsShown; ++i) {
        if (i > 0) reason += "; ";
        if (!problems[i].place.empty()) reason += problems[i].place + ": ";
        reason += problems[i].message;
    }
    if (problems.size() > kReasonsShown)
        reason += "; and " + std::to_string(problems.size() - kReasonsShown) + " more problems";
    return reason;
}

std::string merged_key(const QuizResults& results, const PupilMerges& merges) {
    const std::string key = pupil_key(results);
    auto merged = merges.find(key);
    return merged == merges.end() ? key : merged->second;
}

std::vector<LoadedFile> load_all(const std::vector<std::filesystem::path>& paths, const PupilMerges& merges,
                                 std::vector<SkippedFile>& skipped) {
    std::vector<LoadedFile> loaded;
    for (const std::filesystem::path& path : paths) {
        ResultsLoadResult read = load_results(path);
        if (read.results)
            loaded.push_back({path.u8string(), *read.results, merged_key(*read.results, merges), ""});
        else
            skipped.push_back({path.u8string(), reason_for(read.problems)});
    }
    return loaded;
}

// Keeps the files for which why_not() has no objection; skips the others with its reason.
std::vector<LoadedFile> keep_if(std::vector<LoadedFile> files, std::vector<SkippedFile>& skipped,
                                const std::function<std::optional<std::string>(const LoadedFile&)>& why_not) {
    std::vector<LoadedFile> kept;
    for (LoadedFile& file : files) {
        if (auto reason = why_not(file))
            skipped.push_back({file.name, *reason});
        else
            kept.push_back(std::move(file));
    }
    return kept;
}

// The value most files share; on a tie, the one that came first.
template <class Key>
Key most_common(const std::vector<Key>& keys) {
    std::map<Key, int> counts;
    for (const Key& key : keys) ++counts[key];
    const Key* best = &keys.front();
    for (const Key& key : keys)
        if (counts[key] > counts[*best]) best = &key;
    return *best;
}

using DeckKey = std::pair<std::string, int>;

std::string describe_deck(const DeckKey& deck) {
    return "deck " + in_quotes(deck.first) + " version " + std::to_string(deck.second);
}

std::vector<LoadedFile> keep_class_deck(std::vector<LoadedFile> files, ClassReport& report) {
    if (files.empty()) return files;
    std::vector<DeckKey> decks;
    for (const LoadedFile& file : files) decks.emplace_back(file.results.deck_id, file.results.deck_version);
    const DeckKey class_deck = most_common(decks);
    report.deck_id = class_deck.first;
    report.deck_version = class_deck.second;
    return keep_if(std::move(files), report.skipped, [&](const LoadedFile& file) -> std::optional<std::string> {
        const DeckKey deck{file.results.deck_id, file.results.deck_version};
        if (deck == class_deck) return std::nullopt;
        return "wrong deck: these results are for " + describe_deck(deck) + ", the class's are for " +
               describe_deck(class_deck);
    });
}

std::string describe_form(QuizForm form) {
    return form == QuizForm::Single ? "" : std::string(" form ") + std::string(to_string(form));
}

std::vector<LoadedFile> keep_class_quizzes(std::vector<LoadedFile> files, std::vector<SkippedFile>& skipped) {
    std::map<QuizForm, std::vector<std::string>> quiz_ids;
    for (const LoadedFile& file : files) quiz_ids[file.results.form].push_back(file.results.quiz_id);
    std::map<QuizForm, std::string> class_quiz;
    for (const auto& [form, ids] : quiz_ids) class_quiz[form] = most_common(ids);
    return keep_if(std::move(files), skipped, [&](const LoadedFile& file) -> std::optional<std::string> {
        const std::string& expected = class_quiz[file.results.form];
        if (file.results.quiz_id == expected) return std::nullopt;
        return "wrong quiz: these results are for quiz " + in_quotes(file.results.quiz_id) +
               describe_form(file.results.form) + ", the class's are for quiz " + in_quotes(expected);
    });
}

// A pupil counts once per quiz: a file given twice, or a second attempt,
// would otherwise weigh double.
std::vector<LoadedFile> drop_duplicates(std::vector<LoadedFile> files, std::vector<SkippedFile>& skipped) {
    std::map<std::pair<std::string, std::string>, const LoadedFile*> first_of;  // (quiz, pupil) -> file
    std::vector<LoadedFile> kept;
    kept.reserve(files.size());  // first_of points into kept
    for (LoadedFile& file : files) {
        auto [entry, is_new] = first_of.try_emplace({file.results.quiz_id, file.pupil_key}, nullptr);
        if (is_new) {
            kept.push_back(std::move(file));
            entry->second = &kept.back();
        } else if (entry->second->results == file.results) {
            skipped.push_back(
                {file.name, "duplicate: the same results as " + entry->second->name + " (given twice); counted once"});
        } else {
            skipped.push_back({file.name, "duplicate: " + in_quotes(file.results.profile) +
                                              " already has results for this quiz in " + entry->second->name +
                                              "; only that first file counts"});
        }
    }
    return kept;
}

// A verdict most files give for a claim; nullopt when two verdicts tie.
std::optional<Verdict> clear_majority(const std::vector<Verdict>& truths) {
    std::array<int, 3> counts{};
    for (Verdict truth : truths) ++counts[index_of(truth)];
    const Verdict most = most_common(truths);
    for (Verdict other : kAllVerdicts)
        if (other != most && counts[index_of(other)] == counts[index_of(most)]) return std::nullopt;
    return most;
}

// The true verdict of each claim: the deck's when the report has the class's
// deck, otherwise the one most files give. A tie (one honest file and one
// forged, say) cannot be settled without the deck: nullopt.
std::map<std::string, std::optional<Verdict>> answer_key(const std::vector<LoadedFile>& files, const Deck* deck) {
    std::map<std::string, std::optional<Verdict>> key;
    if (deck) {
        for (const Claim& claim : deck->claims) key[claim.id] = claim.verdict;
        return key;
    }
    std::map<std::string, std::vector<Verdict>> given;
    for (const LoadedFile& file : files)
        for (const QuizAnswer& answer : file.results.answers) given[answer.claim_id].push_back(answer.truth);
    for (const auto& [claim, truths] : given) key[claim] = clear_majority(truths);
    return key;
}

// Why `answer`'s true verdict cannot be trusted, if it cannot.
std::optional<std::string> truth_conflict(const QuizAnswer& answer,
                                          const std::map<std::string, std::optional<Verdict>>& key, bool from_deck) {
    const std::string claim = "claim " + in_quotes(answer.claim_id);
    auto truth = key.find(answer.claim_id);
    if (truth == key.end()) return claim + " is not in the class's deck";
    if (!truth->second)
        return claim +
               ": the files disagree on its true verdict, and without the deck (report --deck) it is "
               "not known which is right";
    if (*truth->second == answer.truth) return std::nullopt;
    return claim + ": this file gives the true verdict as " + std::string(to_string(answer.truth)) + ", but " +
           (from_deck ? "the deck says " : "the other files say ") + std::string(to_string(*truth->second)) +
           " (the file was changed after the quiz)";
}

// Each results file carries the true verdicts, and a checksum anyone can
// recompute (results.hpp): a pupil could rewrite them to match their own
// answers. Such a file disagrees with the deck, or with the other files,
// and is left out rather than let it contradict the rest of the report.
std::vector<LoadedFile> keep_consistent_truths(std::vector<LoadedFile> files, std::vector<SkippedFile>& skipped,
                                               const Deck* deck) {
    const auto key = answer_key(files, deck);
    return keep_if(std::move(files), skipped, [&](const LoadedFile& file) -> std::optional<std::string> {
        for (const QuizAnswer& answer : file.results.answers)
            if (auto conflict = truth_conflict(answer, key, deck != nullptr)) return conflict;
        return std::nullopt;
    });
}

// ---- Figures ---------------------------------------------------------------

struct AnswerCounts {
    int cards = 0;
    int right = 0;
    int timed_out = 0;
    ScoreAccumulator scores;

    void add(const QuizResults& results) {
        for (const QuizAnswer& answer : results.answers) {
            ++cards;
            if (answer.correct()) ++right;
            if (answer.timed_out())
                ++timed_out;
            else
                scores.add({"", answer.truth, *answer.picked, answer.confidence});
        }
    }
};

StudentFigures student_figures(const LoadedFile& file) {
    AnswerCounts counts;
    counts.add(file.results);
    StudentFigures student;
    student.file = file.name;
    student.profile = file.results.profile;
    student.pupil = file.pupil;
    student.pupil_key = file.pupil_key;
    student.learner_id = file.results.learner_id;
    student.quiz_id = file.results.quiz_id;
    student.finished_ms = file.results.finished_ms;
    student.form = file.results.form;
    student.cards = counts.cards;
    student.right = counts.right;
    student.timed_out = counts.timed_out;
    student.scorecard = counts.scores.scorecard();
    return student;
}

GroupFigures group_figures(const std::vector<const LoadedFile*>& files) {
    GroupFigures group;
    AnswerCounts all;
    std::set<std::string> pupils;
    for (const LoadedFile* file : files) {
        all.add(file->results);
        pupils.insert(file->pupil_key);
        const StudentFigures student = student_figures(*file);
        group.mean_d_prime += student.propaganda().d_prime;
        group.mean_criterion += student.propaganda().criterion;
    }
    group.files = static_cast<int>(files.size());
    group.students = static_cast<int>(pupils.size());
    group.cards = all.cards;
    group.right = all.right;
    group.timed_out = all.timed_out;
    group.pooled = all.scores.scorecard();
    if (!files.empty()) {
        group.mean_d_prime /= group.files;
        group.mean_criterion /= group.files;
    }
    return group;
}

void add_claims(const QuizResults& results, std::vector<ClaimFigures>& claims,
                std::map<std::string, std::size_t>& index) {
    for (const QuizAnswer& answer : results.answers) {
        auto [entry, is_new] = index.try_emplace(answer.claim_id, claims.size());
        if (is_new) claims.push_back({answer.claim_id, "", answer.truth});
        ClaimFigures& claim = claims[entry->second];
        ++claim.asked;
        if (answer.correct()) ++claim.right;
        if (answer.timed_out())
            ++claim.timed_out;
        else
            ++claim.picked[index_of(*answer.picked)];
    }
}

std::optional<StudentFigures>& figures_of_form(PupilChange& pupil, QuizForm form) {
    if (form == QuizForm::PreA) return pupil.pre;
    return form == QuizForm::PostB ? pupil.post : pupil.delayed;
}

// Every pupil who took form A, B or C, in the order first met, each form's
// first counted file (drop_duplicates leaves one per quiz and pupil).
std::vector<PupilChange> pupil_changes(const std::vector<LoadedFile>& files) {
    std::vector<PupilChange> pupils;
    std::map<std::string, std::size_t> index;
    for (const LoadedFile& file : files) {
        const QuizForm form = file.results.form;
        if (form == QuizForm::Single) continue;
        auto [entry, is_new] = index.try_emplace(file.pupil_key, pupils.size());
        if (is_new) pupils.push_back({file.pupil, std::nullopt, std::nullopt, std::nullopt});
        figures_of_form(pupils[entry->second], form) = student_figures(file);
    }
    return pupils;
}

// For each of `forms`, the file of every pupil who took all of them, pupils
// in the same order in each list: comparing forms over the same pupils means
// a change is never just a change in who was there.
std::vector<std::vector<const LoadedFile*>> files_of_pupils_who_took(const std::vector<LoadedFile>& files,
                                                                     const std::vector<QuizForm>& forms) {
    std::map<std::string, std::map<QuizForm, const LoadedFile*>> by_pupil;
    for (const LoadedFile& file : files) by_pupil[file.pupil_key][file.results.form] = &file;
    std::vector<std::vector<const LoadedFile*>> taken(forms.size());
    for (const auto& pupil : by_pupil) {
        const std::map<QuizForm, const LoadedFile*>& of_form = pupil.second;
        const bool took_all =
            std::all_of(forms.begin(), forms.end(), [&](QuizForm form) { return of_form.count(form) > 0; });
        if (!took_all) continue;
        for (std::size_t i = 0; i < forms.size(); ++i) taken[i].push_back(of_form.at(forms[i]));
    }
    return taken;
}

std::optional<PrePostChange> pre_post_change(const std::vector<LoadedFile>& files) {
    const auto taken = files_of_pupils_who_took(files, {QuizForm::PreA, QuizForm::PostB});
    if (taken[0].empty()) return std::nullopt;
    PrePostChange change{group_figures(taken[0]), group_figures(taken[1]), "", pupil_changes(files)};
    change.summary = describe_pre_post(change.pre, change.post);
    return change;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::optional<Retention> retention(const std::vector<LoadedFile>& files) {
    constexpr double kMsPerDay = 86'400'000.0;
    const auto taken = files_of_pupils_who_took(files, {QuizForm::PreA, QuizForm::PostB, QuizForm::DelayedC});
    if (taken[0].empty()) return std::nullopt;
    Retention kept{group_figures(taken[0]), group_figures(taken[1]), group_figures(taken[2]), 0, 0.0, ""};
    std::vector<int> days_meant;
    std::vector<double> days_taken;
    for (std::size_t pupil = 0; pupil < taken[2].size(); ++pupil) {
        const QuizResults& delayed = taken[2][pupil]->results;
        days_meant.push_back(delayed.days_after_post);
        days_taken.push_back(static_cast<double>(delayed.finished_ms - taken[1][pupil]->results.finished_ms) /
                             kMsPerDay);
    }
    kept.days_meant = most_common(days_meant);
    kept.median_days_taken = median(days_taken);
    kept.summary = describe_retention(kept);
    return kept;
}

// The file with only the answers `keep` picks.
template <class Keep>
LoadedFile with_answers(const LoadedFile& file, Keep keep) {
    LoadedFile part = file;
    part.results.answers.clear();
    for (const QuizAnswer& answer : file.results.answers)
        if (keep(answer)) part.results.answers.push_back(answer);
    return part;
}

// A pupil with no such answers is left out, so their d′ of nothing does not pull the mean.
template <class Keep>
GroupFigures figures_of_answers(const std::vector<const LoadedFile*>& files, Keep keep) {
    std::vector<LoadedFile> parts;
    for (const LoadedFile* file : files) {
        LoadedFile part = with_answers(*file, keep);
        if (!part.results.answers.empty()) parts.push_back(std::move(part));
    }
    std::vector<const LoadedFile*> counted;
    for (const LoadedFile& part : parts) counted.push_back(&part);
    return group_figures(counted);
}

template <class Says>
bool any_file_says(const std::vector<const LoadedFile*>& files, Says says) {
    return std::any_of(files.begin(), files.end(), [&](const LoadedFile* file) { return says(file->results); });
}

// An answer that does not say (an older file) is on neither side.
std::optional<StudiedSplit> studied_split(const std::vector<const LoadedFile*>& files) {
    if (!any_file_says(files, [](const QuizResults& results) { return results.says_what_was_studied(); }))
        return std::nullopt;
    const auto studied_is = [](bool studied) {
        return [studied](const QuizAnswer& answer) { return answer.studied == studied; };
    };
    return StudiedSplit{figures_of_answers(files, studied_is(true)), figures_of_answers(files, studied_is(false))};
}

std::optional<LateralReadingSplit> lateral_reading_split(const std::vector<const LoadedFile*>& files) {
    if (!any_file_says(files, [](const QuizResults& results) { return results.says_what_was_consulted(); }))
        return std::nullopt;
    const auto checked_is = [](bool checked) {
        return [checked](const QuizAnswer& answer) { return answer.lateral && answer.lateral->used() == checked; };
    };
    return LateralReadingSplit{figures_of_answers(files, checked_is(true)),
                               figures_of_answers(files, checked_is(false))};
}

FormFigures one_form(QuizForm form, const std::vector<const LoadedFile*>& files) {
    FormFigures figures;
    figures.form = form;
    figures.figures = group_figures(files);
    figures.by_study = studied_split(files);
    figures.by_lateral_reading = lateral_reading_split(files);
    std::vector<std::string> titles;
    for (const LoadedFile* file : files) {
        titles.push_back(file->results.quiz_title);
        figures.last_finished_ms = std::max(figures.last_finished_ms, file->results.finished_ms);
    }
    // keep_class_quizzes left one quiz per form.
    figures.quiz_id = files.front()->results.quiz_id;
    figures.quiz_title = most_common(titles);
    return figures;
}

std::vector<FormFigures> form_figures(const std::vector<LoadedFile>& files) {
    std::vector<QuizForm> order;
    std::map<QuizForm, std::vector<const LoadedFile*>> by_form;
    for (const LoadedFile& file : files) {
        std::vector<const LoadedFile*>& group = by_form[file.results.form];
        if (group.empty()) order.push_back(file.results.form);
        group.push_back(&file);
    }
    std::vector<FormFigures> forms;
    for (QuizForm form : order) forms.push_back(one_form(form, by_form[form]));
    return forms;
}

// The pupils shown apart under one name, and each file's shown name:
// "Ana" alone, "Ana (1)" and "Ana (2)" when two learners typed it.
std::vector<Namesakes> name_pupils(std::vector<LoadedFile>& files) {
    std::map<std::string, std::vector<std::string>> keys_of;  // name -> pupil keys, first met first
    std::map<std::string, std::string> name_of;               // pupil key -> the name it goes by
    std::vector<std::string> names_in_order;
    for (const LoadedFile& file : files) {
        auto [named, is_new] = name_of.try_emplace(file.pupil_key, file.results.profile);
        if (!is_new) continue;
        std::vector<std::string>& keys = keys_of[named->second];
        if (keys.empty()) names_in_order.push_back(named->second);
        keys.push_back(file.pupil_key);
    }
    for (LoadedFile& file : files) {
        const std::string& name = name_of[file.pupil_key];
        const std::vector<std::string>& keys = keys_of[name];
        const auto number = std::find(keys.begin(), keys.end(), file.pupil_key) - keys.begin() + 1;
        file.pupil = keys.size() == 1 ? name : name + " (" + std::to_string(number) + ")";
    }
    std::vector<Namesakes> namesakes;
    for (const std::string& name : names_in_order)
        if (keys_of[name].size() > 1) namesakes.push_back({name, keys_of[name]});
    return namesakes;
}

void name_claims(std::vector<ClaimFigures>& claims, const Deck& deck) {
    for (ClaimFigures& figures : claims)
        if (const Claim* claim = deck.claim(figures.claim_id)) figures.text = claim->text;
}

// ---- Words -----------------------------------------------------------------

// One decimal, with a real minus sign and never "−0.0".
std::string tenths(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    char digits[32];
    char* end = std::to_chars(digits, digits + sizeof digits, std::fabs(rounded), std::chars_format::fixed, 1).ptr;
    return (rounded < 0.0 ? kMinusSign : "") + std::string(digits, end);
}

// "<which>90 % right, mean d′ 2.1, mean c 0.1 (12 answers)", or "<which>none".
std::string describe_part(const std::string& which, const GroupFigures& part, Audience audience) {
    if (part.cards == 0) return which + "none";
    return which + describe_figures(part, audience);
}

// "d′ 0.6 → 1.2 → 1.1"
std::string steps(const std::string& name, std::initializer_list<double> values) {
    std::string text = name + " ";
    for (const double* value = values.begin(); value != values.end(); ++value)
        text += (value == values.begin() ? "" : kArrow) + tenths(*value);
    return text;
}

std::string from_to(const std::string& name, double before, double after) {
    return "(" + steps(name, {before, after}) + ")";
}

// How a sentence names whom it is about: the class in a teacher's report,
// the learner in their own Statistics. Every word that differs lives here.
struct Wording {
    const char* Subject;  // at the start of a sentence
    const char* subject;
    const char* pronoun;
    const char* verb_s;  // "calls" or "call"
    const char* is;
    const char* was;
    const char* Accuracy;
    const char* pupils;       // who had studied a claim
    const char* Most_pupils;  // who took the delayed posttest too early
    const char* mean;         // figures over pupils are means; one learner's are their own
    bool counts_pupils;       // says how many pupils a figure is over
};

Wording wording_for(Audience audience) {
    if (audience == Audience::Learner)
        return {"You", "you", "you", "", "are", "were", "Your accuracy", "you", "You", "", false};
    return {"The class", "the class", "it", "s", "is", "was", "Accuracy", "they", "Most pupils", "mean ", true};
}

std::string accuracy_sentence(const GroupFigures& pre, const GroupFigures& post, Audience audience) {
    const Wording w = wording_for(audience);
    const std::string before = whole_percent(pre.accuracy());
    const std::string after = whole_percent(post.accuracy());
    const std::string who = w.counts_pupils ? " (" + std::to_string(pre.students) +
                                                  (pre.students == 1 ? " pupil" : " pupils") + " took both forms)."
                                            : ".";
    if (before == after) return w.Accuracy + (" stayed at " + before) + who;
    return w.Accuracy + (" went from " + before + " to " + after) + who;
}

std::string discrimination_sentence(const GroupFigures& pre, const GroupFigures& post, Audience audience) {
    const Wording w = wording_for(audience);
    const std::string d = "d" + std::string(kPrime);
    const std::string d_note = from_to(d, pre.mean_d_prime, post.mean_d_prime);
    const std::string c_note = from_to("c", pre.mean_criterion, post.mean_criterion);
    const double d_change = post.mean_d_prime - pre.mean_d_prime;
    const double c_change = post.mean_criterion - pre.mean_criterion;
    const bool more_sceptical = c_change <= -kClearCriterionChange;
    const bool more_trusting = c_change >= kClearCriterionChange;
    const std::string telling = "telling propaganda from true and contested claims " + d_note;
    const std::string calls = std::string("call") + w.verb_s;

    if (d_change >= kClearDPrimeChange) {
        std::string text = std::string(w.Subject) + " got better at " + telling;
        if (more_sceptical) return text + ", and also " + calls + " claims propaganda more readily " + c_note + ".";
        if (more_trusting) return text + ", and " + calls + " claims propaganda less readily " + c_note + ".";
        return text + ".";
    }
    if (d_change <= -kClearDPrimeChange) return std::string(w.Subject) + " got worse at " + telling + ".";
    const std::string no_better =
        std::string(w.Subject) + " did not get better at " + telling + "; " + w.pronoun + " just " + calls;
    if (more_sceptical)
        return no_better + " more claims propaganda " + c_note + ": more sceptical of everything, not more discerning.";
    if (more_trusting)
        return no_better + " fewer claims propaganda " + c_note + ": more trusting, not more discerning.";
    return std::string("No clear change: ") + w.subject + " " + w.is + " about as good at " + telling + " and lean" +
           w.verb_s + " the same way " + c_note + ".";
}

std::string timing_sentence(const Retention& retention, Audience audience) {
    const std::string meant = " (meant: " + days_text(retention.days_meant) + ").";
    if (retention.median_days_taken < 0)
        return wording_for(audience).Most_pupils + std::string(" took the delayed posttest before the posttest") +
               meant;
    const std::string median = retention.pre.students == 1 ? "" : "a median of ";
    return "The delayed posttest was taken " + median + days_text(std::lround(retention.median_days_taken)) +
           " after the posttest" + meant;
}

// Judged on d′, like describe_pre_post(): a class that only grew more
// sceptical has no discernment to keep, whatever its accuracy did.
std::string lasting_sentence(const Retention& retention, Audience audience) {
    const Wording w = wording_for(audience);
    const double before = retention.pre.mean_d_prime;
    const double after = retention.post.mean_d_prime;
    const double later = retention.delayed.mean_d_prime;
    const std::string note =
        "(" + steps("d" + std::string(kPrime), {before, after, later}) + "; " +
        steps("c", {retention.pre.mean_criterion, retention.post.mean_criterion, retention.delayed.mean_criterion}) +
        ")";
    const std::string telling = "telling propaganda from true and contested claims";
    const std::string learnt = std::string("What ") + w.subject + " learnt";
    const std::string then = std::string(w.pronoun) + " " + w.was;
    if (after - before < kClearDPrimeChange)
        return std::string("Training had not made ") + w.subject + " clearly better at " + telling +
               ", so there was no gain to last " + note + ".";
    if (later - before < kClearDPrimeChange)
        return learnt + " did not last: by the delayed posttest " + then + " no better at " + telling +
               " than before training " + note + ".";
    if (after - later >= kClearDPrimeChange)
        return learnt + " partly lasted: at the delayed posttest " + then + " worse at " + telling +
               " than just after training, but still better than before " + note + ".";
    return learnt + " lasted: at the delayed posttest " + then + " still better at " + telling +
           " than before training " + note + ".";
}

}  // namespace

double ClaimFigures::share_right() const { return share(right, asked); }

std::optional<Verdict> ClaimFigures::most_common_wrong() const {
    std::optional<Verdict> most;
    for (Verdict verdict : kAllVerdicts) {
        const int count = picked[index_of(verdict)];
        if (verdict != truth && count > 0 && (!most || count > picked[index_of(*most)])) most = verdict;
    }
    return most;
}

double StudentFigures::accuracy() const { return share(right, cards); }

std::optional<double> PupilChange::accuracy_change() const {
    if (!pre || !post) return std::nullopt;
    return post->accuracy() - pre->accuracy();
}

bool PupilChange::only_more_sceptical() const {
    if (!pre || !post) return false;
    const double d_change = post->propaganda().d_prime - pre->propaganda().d_prime;
    const double c_change = post->propaganda().criterion - pre->propaganda().criterion;
    return d_change < kClearDPrimeChange && c_change <= -kClearCriterionChange;
}

std::string quiz_title_or_id(const FormFigures& form) {
    return form.quiz_title.empty() ? "quiz " + form.quiz_id : form.quiz_title;
}

std::string form_heading(QuizForm form) {
    switch (form) {
        case QuizForm::PreA: return "Pretest (form A)";
        case QuizForm::PostB: return "Posttest (form B)";
        case QuizForm::DelayedC: return "Delayed posttest (form C)";
        case QuizForm::Single: break;
    }
    return "The class";
}

double GroupFigures::accuracy() const { return share(right, cards); }

std::string describe_pre_post(const GroupFigures& pre, const GroupFigures& post, Audience audience) {
    return accuracy_sentence(pre, post, audience) + " " + discrimination_sentence(pre, post, audience);
}

std::string describe_figures(const GroupFigures& figures, Audience audience) {
    const std::string mean = wording_for(audience).mean;
    return whole_percent(figures.accuracy()) + " right, " + mean + "d" + kPrime + " " + tenths(figures.mean_d_prime) +
           ", " + mean + "c " + tenths(figures.mean_criterion) + " (" + std::to_string(figures.cards) +
           (figures.cards == 1 ? " answer)" : " answers)");
}

std::string describe_studied_part(const GroupFigures& part, bool studied, Audience audience) {
    const std::string who = wording_for(audience).pupils;
    return describe_part("Claims " + who + (studied ? " had studied: " : " had not studied: "), part, audience);
}

std::string describe_lateral_reading_part(const GroupFigures& part, bool checked, Audience audience) {
    return describe_part(checked ? "After checking other sources: " : "Without checking other sources: ", part,
                         audience);
}

bool any_took_delayed_posttest(const PrePostChange& change) {
    return std::any_of(change.pupils.begin(), change.pupils.end(),
                       [](const PupilChange& pupil) { return pupil.delayed.has_value(); });
}

std::string describe_retention(const Retention& retention, Audience audience) {
    return timing_sentence(retention, audience) + " " + lasting_sentence(retention, audience);
}

std::string pupil_key(const QuizResults& results) {
    return results.learner_id.empty() ? "name:" + results.profile : "id:" + results.learner_id;
}

ClassReport build_class_report(const std::vector<std::filesystem::path>& files, const Deck* deck,
                               const PupilMerges& merges) {
    ClassReport report;
    std::vector<LoadedFile> counted = load_all(files, merges, report.skipped);
    counted = keep_class_deck(std::move(counted), report);
    counted = keep_class_quizzes(std::move(counted), report.skipped);
    counted = drop_duplicates(std::move(counted), report.skipped);
    const bool deck_is_the_class_deck = deck && deck->id == report.deck_id && deck->version == report.deck_version;
    report.checked_against_deck = deck_is_the_class_deck;
    counted = keep_consistent_truths(std::move(counted), report.skipped, deck_is_the_class_deck ? deck : nullptr);
    report.namesakes = name_pupils(counted);

    std::map<std::string, std::size_t> claim_index;
    std::vector<const LoadedFile*> all;
    for (const LoadedFile& file : counted) {
        add_claims(file.results, report.claims, claim_index);
        report.students.push_back(student_figures(file));
        all.push_back(&file);
    }
    if (deck_is_the_class_deck) name_claims(report.claims, *deck);
    report.totals = group_figures(all);
    report.forms = form_figures(counted);
    report.pre_post = pre_post_change(counted);
    report.retention = retention(counted);
    return report;
}

}  // namespace claimdeck
