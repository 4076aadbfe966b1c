// quiz and report: what a teacher and a class do with quizzes.
//   quiz create / quiz pretest   build quiz files from a deck
//   quiz take                    a pupil takes one in the terminal
//   report                       the teacher combines the results files
//   export-research              every answer of those files as one CSV
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <stdexcept>

#include "arguments.hpp"
#include "base/printable.hpp"
#include "base/text_file.hpp"
#include "classroom/class_report.hpp"
#include "classroom/class_report_export.hpp"
#include "classroom/quiz.hpp"
#include "classroom/quiz_run.hpp"
#include "classroom/research_export.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "learning/study_settings.hpp"
#include "store_access.hpp"
#include "terminal_io.hpp"

namespace claimdeck::cli {
namespace {

// ---- Options ---------------------------------------------------------------

int whole_number(const Arguments& args, const std::string& option, int fallback, int min, int max) {
    const double value = args.number(option, fallback, min, max);
    if (value != std::floor(value)) throw UsageError(option + " must be a whole number");
    return static_cast<int>(value);
}

// --seed makes a quiz reproducible; without it every quiz differs.
std::uint64_t seed_from(const Arguments& args) {
    std::optional<std::string> text = args.value("--seed");
    if (!text) return std::random_device{}();
    std::uint64_t seed = 0;
    // NOLINTNEXTLINE(clang-analyzer-cplusplus.InnerPointer): `text` lives and is not changed while read.
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), seed);
    if (error != std::errc() || end != text->data() + text->size())
        throw UsageError("--seed must be a whole number from 0 to 18446744073709551615, not \"" + *text + "\"");
    return seed;
}

QuizSettings quiz_settings_from(const Arguments& args, RevealMode default_reveal) {
    QuizSettings settings;
    settings.title = args.value("--title").value_or("");
    settings.time_limit_seconds = whole_number(args, "--time-limit", 0, 0, kMaxTimeLimitSeconds);
    const std::string reveal = args.value("--reveal").value_or(std::string(to_string(default_reveal)));
    std::optional<RevealMode> mode = parse_reveal_mode(reveal);
    if (!mode) throw UsageError("--reveal must be after_each or at_end, not \"" + reveal + "\"");
    settings.reveal = *mode;
    const std::string sources = args.value("--other-sources").value_or("off");
    std::optional<OtherSources> other_sources = parse_other_sources(sources);
    if (!other_sources) throw UsageError("--other-sources must be off, offered or required, not \"" + sources + "\"");
    settings.other_sources = *other_sources;
    settings.created_ms = system_clock_ms()();
    return settings;
}

ClaimFilter filter_from(const Arguments& args) {
    ClaimFilter filter;
    filter.topic = args.value("--topic").value_or("");
    filter.article = args.value("--article").value_or("");
    if (std::optional<std::string> verdict = args.value("--verdict")) {
        filter.verdict = parse_verdict(*verdict);
        if (!filter.verdict)
            throw UsageError("--verdict must be verified, contested or propaganda, not \"" + *verdict + "\"");
    }
    return filter;
}

// ---- Output files ------------------------------------------------------------

// A file already at an --out path is replaced only when it is the same kind
// of thing written again (a quiz rebuilt, a pupil's own results of the same
// quiz); anything else needs --force. A slip of the keyboard must not cost
// a pupil's results or a document. Devices and FIFOs (/dev/stdout) are
// written through, never replaced, so they are always fine.
void check_replaceable(const std::filesystem::path& out, bool force, const std::string& kind,
                       const std::function<bool(const std::filesystem::path&)>& is_same_kind) {
    std::error_code error;
    if (force || !std::filesystem::is_regular_file(out, error) || is_same_kind(out)) return;
    throw std::runtime_error(out.u8string() + " already exists and is not " + kind +
                             "; it was left as it is (choose another file, or add --force to replace it)");
}

bool is_quiz_file(const std::filesystem::path& path) { return load_quiz(path).quiz.has_value(); }

struct FormOutput {
    std::string option;  // "--out-a"
    std::filesystem::path path;
};

// Two --out options naming one file would leave only the last form.
void expect_different_outputs(const std::vector<FormOutput>& outputs) {
    const auto spelled = [](const std::filesystem::path& path) {
        return std::filesystem::absolute(path).lexically_normal();
    };
    for (std::size_t i = 0; i < outputs.size(); ++i)
        for (std::size_t j = i + 1; j < outputs.size(); ++j) {
            std::error_code error;
            if (spelled(outputs[i].path) == spelled(outputs[j].path) ||
                std::filesystem::equivalent(outputs[i].path, outputs[j].path, error))
                throw UsageError(outputs[i].option + " and " + outputs[j].option + " name the same file, " +
                                 outputs[i].path.u8string() + "; each form needs one of its own");
        }
}

std::string verdict_mix(const Quiz& quiz, const Deck& deck) {
    std::array<int, 3> counts{};
    for (const std::string& id : quiz.claim_ids) ++counts[index_of(deck.claim(id)->verdict)];
    std::string mix;
    for (Verdict verdict : kAllVerdicts)
        mix += (mix.empty() ? "" : ", ") + std::to_string(counts[index_of(verdict)]) + " " +
               std::string(to_string(verdict));
    return std::to_string(quiz.claim_ids.size()) + " claims: " + mix;
}

void write_quiz_or_fail(const std::filesystem::path& path, const Quiz& quiz, const Deck& deck) {
    if (std::string error = write_quiz_file(path, quiz); !error.empty()) throw std::runtime_error(error);
    std::cout << "Wrote \"" << printable(quiz.title) << "\" (" << verdict_mix(quiz, deck) << ") to "
              << printable(path.u8string()) << "\n";
}

// ---- quiz create / pretest ---------------------------------------------------

}  // namespace

int quiz_create_command(const Words& words) {
    Arguments args(words,
                   {"--deck", "--out", "--count", "--topic", "--article", "--verdict", "--seed", "--time-limit",
                    "--reveal", "--other-sources", "--title"},
                   {"--force"});
    args.expect_positional(0, "");
    const std::filesystem::path out = args.required_path("--out");
    const ClaimFilter filter = filter_from(args);
    const QuizSettings settings = quiz_settings_from(args, RevealMode::AfterEach);
    const std::uint64_t seed = seed_from(args);
    check_replaceable(out, args.has("--force"), "a quiz file", is_quiz_file);
    const Deck deck = load_deck_or_fail(args.required_path("--deck"));
    const Quiz quiz =
        args.value("--count")
            ? balanced_quiz(deck, filter, static_cast<std::size_t>(whole_number(args, "--count", 0, 1, kMaxQuizClaims)),
                            settings, seed)
            : quiz_of_matching_claims(deck, filter, settings, seed);
    write_quiz_or_fail(out, quiz, deck);
    return 0;
}

int quiz_pretest_command(const Words& words) {
    Arguments args(words,
                   {"--deck", "--out-a", "--out-b", "--out-c", "--days-after", "--count", "--seed", "--time-limit",
                    "--reveal", "--other-sources", "--title"},
                   {"--force"});
    args.expect_positional(0, "");
    std::vector<FormOutput> outputs = {{"--out-a", args.required_path("--out-a")},
                                       {"--out-b", args.required_path("--out-b")}};
    if (auto out_c = args.path("--out-c")) outputs.push_back({"--out-c", *out_c});
    if (args.value("--days-after") && outputs.size() < 3)
        throw UsageError("--days-after is for the delayed posttest: add --out-c FILE for it");
    expect_different_outputs(outputs);
    const int count = whole_number(args, "--count", 10, 1, kMaxQuizClaims);
    std::optional<int> days_after_post;
    if (outputs.size() == 3)
        days_after_post = whole_number(args, "--days-after", kDefaultDaysAfterPost, 1, kMaxDaysAfterPost);
    const QuizSettings settings = quiz_settings_from(args, kPrePostRevealDefault);
    const std::uint64_t seed = seed_from(args);
    for (const FormOutput& out : outputs) check_replaceable(out.path, args.has("--force"), "a quiz file", is_quiz_file);
    const Deck deck = load_deck_or_fail(args.required_path("--deck"));
    const ParallelForms forms = parallel_forms(deck, static_cast<std::size_t>(count), settings, seed, days_after_post);
    write_quiz_or_fail(outputs[0].path, forms.pre, deck);
    write_quiz_or_fail(outputs[1].path, forms.post, deck);
    if (forms.delayed) write_quiz_or_fail(outputs[2].path, *forms.delayed, deck);
    return 0;
}

namespace {

// ---- quiz take ---------------------------------------------------------------

void print_quiz_card(const Terminal& term, const Deck& deck, const QuizRun& run, const Claim& claim) {
    const Article& article = *deck.article(claim.article);
    std::string heading = "Card " + std::to_string(run.answered() + 1) + " / " + std::to_string(run.size());
    if (auto remaining = run.remaining_ms()) heading += " — " + std::to_string((*remaining + 999) / 1000) + " s";
    std::cout << "\n"
              << term.dim(heading) << "\n"
              << term.bold(claim.text) << "\n"
              << term.dim("Source: " + article.title + (article.byline.empty() ? "" : " — " + article.byline)) << "\n";
    if (run.quiz().other_sources == OtherSources::Required)
        std::cout << "This quiz asks you to check the other sources before each answer: s and a word or two.\n";
    const bool offered = run.quiz().offers_other_sources();
    std::cout << "Verdict? 1 verified  2 contested  3 propaganda   (" << (offered ? "s WORDS other sources, " : "")
              << "q quit)\n"
              << std::flush;
}

std::string answer_line(const QuizAnswer& answer) {
    const std::string truth(display_name(answer.truth));
    if (answer.timed_out()) return "Time ran out — it is " + truth;
    if (answer.correct()) return "Right: " + truth;
    return "Not quite — you said " + std::string(display_name(*answer.picked)) + "; it is " + truth;
}

void print_reveal(const Terminal& term, const Deck& deck, const QuizAnswer& answer) {
    const Claim& claim = *deck.claim(answer.claim_id);
    std::cout << term.verdict(claim.verdict, answer_line(answer)) << "\n"
              << "Why: " << printable(claim.rationale) << "\n";
}

// Asks until the learner gives a verdict and a confidence; nullopt when
// they quit or input ends. When the quiz offers the other sources, "s WORDS"
// searches them, and the time until the next input counts as time there.
std::optional<std::pair<Verdict, Confidence>> ask_answer(const Terminal& term, const Deck& deck, QuizRun& run,
                                                         const Claim& claim) {
    const bool offered = run.quiz().offers_other_sources();
    while (std::optional<std::string> choice = read_choice()) {
        run.end_lateral_reading();
        if (*choice == "q") return std::nullopt;
        if (offered && is_source_search(*choice)) {
            run.begin_lateral_reading();
            run.note_search(choice->substr(1));
            print_other_sources(term, deck, claim, choice->substr(1));
            continue;
        }
        std::optional<Verdict> picked = verdict_for(*choice);
        if (!picked) {
            std::cout << (offered ? "Type 1, 2 or 3 (or s WORDS, q).\n" : "Type 1, 2 or 3 (or q).\n") << std::flush;
            continue;
        }
        if (run.sources_still_required()) {
            std::cout << "Check the other sources first: type s and a word or two, e.g. s Khawak Pass.\n" << std::flush;
            continue;
        }
        std::optional<Confidence> confidence = ask_confidence();
        if (!confidence) return std::nullopt;
        return std::make_pair(*picked, *confidence);
    }
    return std::nullopt;
}

// In a terminal the reveal stays on screen until Enter, so reading it does
// not eat into the next card's time. Scripts (--plain) do not pause.
void pause_after_reveal(const Terminal& term) {
    if (term.plain()) return;
    std::cout << term.dim("Enter for the next card") << std::flush;
    std::string ignored;
    std::getline(std::cin, ignored);
}

// Runs the quiz until it is over; false when the learner quit first.
bool run_quiz(const Terminal& term, const Deck& deck, QuizRun& run) {
    while (const Claim* claim = run.current()) {
        print_quiz_card(term, deck, run, *claim);
        std::optional<std::pair<Verdict, Confidence>> given = ask_answer(term, deck, run, *claim);
        if (!given) return false;
        const QuizAnswer* answer = run.answer(given->first, given->second);
        if (run.pending_saves() > 0) std::cout << "not saved yet: " << printable(run.save_error()) << "\n";
        if (run.revealing()) {
            print_reveal(term, deck, *answer);
            pause_after_reveal(term);
            run.next();
        } else if (answer->timed_out()) {
            std::cout << "Time ran out: this card counts as not answered.\n";
        }
    }
    return true;
}

void print_quiz_end(const Terminal& term, const Deck& deck, const QuizRun& run) {
    int right = 0;
    int timed_out = 0;
    for (const QuizAnswer& answer : run.answers()) {
        right += answer.correct() ? 1 : 0;
        timed_out += answer.timed_out() ? 1 : 0;
    }
    if (run.reveal_all()) {
        std::cout << "\n" << term.bold("The verdicts") << "\n";
        for (const QuizAnswer& answer : run.answers()) {
            std::cout << "\n" << printable(deck.claim(answer.claim_id)->text) << "\n";
            print_reveal(term, deck, answer);
        }
    }
    std::cout << "\n"
              << term.bold("You got " + std::to_string(right) + " of " + std::to_string(run.size()) + " right" +
                           (timed_out > 0 ? " (" + std::to_string(timed_out) + " timed out)" : "") + ".")
              << "\n";
}

// Whether `path` holds this pupil's results of this quiz: taking it again
// may replace them.
bool is_own_results(const std::filesystem::path& path, const Quiz& quiz, const std::string& profile) {
    ResultsLoadResult read = load_results(path);
    return read.results && read.results->quiz_id == quiz.id && read.results->profile == profile;
}

}  // namespace

int quiz_take_command(const Words& words) {
    Arguments args(words, {"--data-dir", "--profile", "--out", "--deck"},
                   {"--plain", "--count-towards-schedule", "--force"});
    args.expect_positional(1, "QUIZ file");
    const std::filesystem::path out = args.required_path("--out");
    const std::string profile_name = profile_name_from(args);
    QuizLoadResult loaded = load_quiz(args.positional_path(0));
    if (!loaded.quiz) throw std::runtime_error(problem_list(loaded.problems));
    const Quiz& quiz = *loaded.quiz;
    // Checked before the pupil answers anything, not after.
    check_replaceable(out, args.has("--force"), "this pupil's results of this quiz",
                      [&](const std::filesystem::path& path) { return is_own_results(path, quiz, profile_name); });
    const Deck deck = load_deck_or_fail(args.path("--deck").value_or(default_deck_path()));
    if (auto mismatch = quiz_deck_mismatch(quiz, deck))
        throw std::runtime_error(*mismatch + " (give the quiz's deck with --deck)");
    std::unique_ptr<ProgressStore> store = open_or_create_store(args.required_path("--data-dir"));
    const Profile profile = store->ensure_profile(profile_name);
    QuizRunOptions options;
    options.count_towards_schedule = args.has("--count-towards-schedule");
    options.desired_retention = load_study_settings(*store, profile.id).desired_retention;
    QuizRun run(quiz, deck, *store, profile, options, system_clock_ms());

    const Terminal term(args.has("--plain"));
    std::cout << term.bold(quiz.title) << " — " << printable(profile.name) << ": " << run.size() << " cards"
              << (quiz.time_limit_seconds > 0 ? ", " + std::to_string(quiz.time_limit_seconds) + " s each" : "")
              << "\n";
    if (quiz.form == QuizForm::DelayedC) std::cout << delayed_posttest_note(quiz) << "\n";
    if (!run_quiz(term, deck, run))
        throw std::runtime_error("quiz stopped after " + std::to_string(run.answered()) + " of " +
                                 std::to_string(run.size()) + " cards; no results written");
    print_quiz_end(term, deck, run);
    if (std::string error = write_results_file(out, run.results()); !error.empty()) throw std::runtime_error(error);
    std::cout << "Results written to " << printable(out.u8string()) << "\n";
    if (!run.retry_pending())
        throw std::runtime_error(std::to_string(run.pending_saves()) +
                                 " answers could not be saved to the progress store: " + run.save_error());
    return 0;
}

namespace {

// ---- report ------------------------------------------------------------------

std::string decimals(double value, const char* format) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string most_common_wrong_text(const ClaimFigures& claim) {
    std::optional<Verdict> wrong = claim.most_common_wrong();
    if (!wrong) return "-";
    return std::string(to_string(*wrong)) + " (" + std::to_string(claim.picked[index_of(*wrong)]) + ")";
}

std::string count_of(int count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// One line per form, so a pretest and a posttest are never mixed in one
// figure: "Pretest (form A): 3 pupils, 3 results files: 3 of 12 right (25 %)".
void print_headlines(const ClassReport& report) {
    for (const FormFigures& form : report.forms) {
        const GroupFigures& group = form.figures;
        const std::string label = form.form == QuizForm::Single ? "" : form_heading(form.form) + ": ";
        std::printf("%s%s, %s: %d of %d right (%.0f %%)\n", label.c_str(), count_of(group.students, "pupil").c_str(),
                    count_of(group.files, "results file").c_str(), group.right, group.cards, group.accuracy() * 100.0);
        if (form.by_study)
            std::printf("  %s\n  %s\n", describe_studied_part(form.by_study->studied, true).c_str(),
                        describe_studied_part(form.by_study->unstudied, false).c_str());
        if (form.by_lateral_reading)
            std::printf("  %s\n  %s\n",
                        describe_lateral_reading_part(form.by_lateral_reading->after_checking, true).c_str(),
                        describe_lateral_reading_part(form.by_lateral_reading->without_checking, false).c_str());
    }
}

std::string accuracy_or_dash(const std::optional<StudentFigures>& figures) {
    return figures ? decimals(figures->accuracy() * 100.0, "%.0f%%") : "-";
}

// With a delayed posttest, its column comes after the change it tests.
void print_pupil_changes(const PrePostChange& change) {
    const bool delayed = any_took_delayed_posttest(change);
    std::printf("\n%-20s %8s %8s %8s%s\n", "pupil", "pretest", "posttest", "change", delayed ? "  delayed" : "");
    for (const PupilChange& pupil : change.pupils) {
        const std::optional<double> points = pupil.accuracy_change();
        char later[16] = "";  // right-aligned under "  delayed"
        if (delayed) std::snprintf(later, sizeof later, "%9s", accuracy_or_dash(pupil.delayed).c_str());
        std::printf("%-20s %8s %8s %8s%s%s\n", printable(pupil.pupil).c_str(), accuracy_or_dash(pupil.pre).c_str(),
                    accuracy_or_dash(pupil.post).c_str(), points ? decimals(*points * 100.0, "%+.0f").c_str() : "-",
                    later, pupil.only_more_sceptical() ? "  only more sceptical" : "");
    }
}

void print_class_report(const ClassReport& report) {
    print_headlines(report);
    if (report.pre_post) std::printf("\n%s\n", report.pre_post->summary.c_str());
    if (report.pre_post) print_pupil_changes(*report.pre_post);
    if (report.retention) std::printf("\n%s\n", report.retention->summary.c_str());
    std::printf("\n%-28s %-11s %6s %7s  %s\n", "claim", "verdict", "asked", "right", "most common wrong answer");
    for (const ClaimFigures& claim : report.claims)
        std::printf("%-28s %-11s %6d %6.0f%%  %s\n", printable(claim.claim_id).c_str(),
                    std::string(to_string(claim.truth)).c_str(), claim.asked, claim.share_right() * 100.0,
                    most_common_wrong_text(claim).c_str());
    std::printf("\n%-20s %4s %9s %7s %7s %7s\n", "pupil", "form", "accuracy", "d'", "c", "Brier");
    for (const StudentFigures& student : report.students) {
        const std::string form = student.form == QuizForm::Single ? "-" : std::string(to_string(student.form));
        const std::string brier = student.scorecard.brier ? decimals(*student.scorecard.brier, "%.3f") : "-";
        std::printf("%-20s %4s %8.0f%% %7.2f %7.2f %7s\n", printable(student.pupil).c_str(), form.c_str(),
                    student.accuracy() * 100.0, student.propaganda().d_prime, student.propaganda().criterion,
                    brier.c_str());
    }
}

void write_export(const std::optional<std::filesystem::path>& path, const std::string& text) {
    if (!path) return;
    if (std::string error = write_text_file(*path, text); !error.empty()) throw std::runtime_error(error);
    std::cout << "Wrote " << printable(path->u8string()) << "\n";
}

// One file per table beside `path`: class.csv gives class-claims.csv, ...
void write_csv_tables(const std::optional<std::filesystem::path>& path, const ClassReport& report) {
    if (!path) return;
    for (const CsvTable& table : class_report_csv(report)) write_export(csv_table_path(*path, table.name), table.text);
}

}  // namespace

int report_command(const Words& words) {
    Arguments args(words, {"--csv", "--html", "--deck"}, {});
    if (args.positional().empty()) throw UsageError("missing RESULTS files");
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < args.positional().size(); ++i) files.push_back(args.positional_path(i));
    std::optional<Deck> deck;
    if (std::optional<std::filesystem::path> deck_path = args.path("--deck")) deck = load_deck_or_fail(*deck_path);
    const ClassReport report = build_class_report(files, deck ? &*deck : nullptr);
    if (deck && !report.checked_against_deck && !report.students.empty())
        std::cerr << "claimdeck-cli report: the results are for deck \"" << printable(report.deck_id) << "\" version "
                  << report.deck_version
                  << ", not the --deck given; their true verdicts were only compared with "
                     "each other\n";
    for (const SkippedFile& skipped : report.skipped)
        std::cerr << printable(skipped.file) << ": left out: " << printable(skipped.reason) << "\n";
    if (report.students.empty()) throw std::runtime_error("no results could be counted");
    print_class_report(report);
    write_csv_tables(args.path("--csv"), report);
    write_export(args.path("--html"), class_report_html(report));
    // Skipped files still fail the run, so a script notices them.
    return report.skipped.empty() ? 0 : 1;
}

namespace {

// ---- export-research -----------------------------------------------------------

// Every file, or a runtime error listing every problem of every file: an
// analysis run on a silently shortened data set would mislead.
std::vector<QuizResults> load_all_results(const Arguments& args) {
    std::vector<QuizResults> all;
    std::vector<Problem> problems;
    for (std::size_t i = 0; i < args.positional().size(); ++i) {
        ResultsLoadResult read = load_results(args.positional_path(i));
        if (read.results) all.push_back(std::move(*read.results));
        problems.insert(problems.end(), read.problems.begin(), read.problems.end());
    }
    if (!problems.empty()) throw std::runtime_error(problem_list(problems) + "\nnothing was written");
    return all;
}

// With --data-dir, every learner's study answers in that progress store.
std::vector<StudyHistory> study_histories(const Arguments& args) {
    std::vector<StudyHistory> studied;
    const std::optional<std::filesystem::path> data_dir = args.path("--data-dir");
    if (!data_dir) return studied;
    StoreOptions options;
    options.backup_on_open = false;  // an export reads; the app's schedule is its own
    std::unique_ptr<ProgressStore> store = open_existing_store(*data_dir, options);
    for (const Profile& profile : store->profiles())
        studied.push_back(study_history(profile.name, store->reviews(profile.id)));
    return studied;
}

// The salt given, or a new one the teacher is told to keep: without it
// a later export's ids cannot be linked to this one's.
std::string salt_from(const Arguments& args) {
    if (std::optional<std::string> salt = args.value("--salt")) {
        if (salt->empty()) throw UsageError("--salt must not be empty");
        return *salt;
    }
    std::string salt = random_salt();
    std::cerr << "No --salt given, so the learner ids were made with this one: " << salt
              << "\nKeep it secret, and give it again with --salt when several exports must link.\n";
    return salt;
}

// "9 answers from 3 results files", then "and 12 study answers of 2 learners".
std::string export_summary(const std::vector<QuizResults>& results, const std::vector<StudyHistory>& studied) {
    std::size_t answers = 0;
    for (const QuizResults& file : results) answers += file.answers.size();
    std::string summary =
        std::to_string(answers) + " answers from " + count_of(static_cast<int>(results.size()), "results file");
    if (studied.empty()) return summary;
    int study_answers = 0;
    int learners = 0;  // who studied: a learner who only took quizzes adds no row
    for (const StudyHistory& history : studied) {
        study_answers += static_cast<int>(history.answers.size());
        learners += history.answers.empty() ? 0 : 1;
    }
    return summary + " and " + count_of(study_answers, "study answer") + " of " + count_of(learners, "learner");
}

}  // namespace

int export_research_command(const Words& words) {
    Arguments args(words, {"--out", "--salt", "--data-dir"}, {"--force"});
    if (args.positional().empty() && !args.path("--data-dir"))
        throw UsageError("missing RESULTS files (or --data-dir DIR)");
    const std::filesystem::path out = args.required_path("--out");
    const bool to_stdout = out == "-";
    // Any file already there needs --force: an export may be the only copy
    // of a data set whose results files are gone.
    const auto never_same = [](const std::filesystem::path&) { return false; };
    if (!to_stdout) check_replaceable(out, args.has("--force"), "a file ClaimDeck may replace unasked", never_same);
    const std::vector<QuizResults> results = load_all_results(args);
    const std::vector<StudyHistory> studied = study_histories(args);
    const std::string csv = research_csv(results, studied, salt_from(args));
    if (to_stdout) {
        std::cout << csv << std::flush;
        return 0;
    }
    if (std::string error = write_text_file(out, csv); !error.empty()) throw std::runtime_error(error);
    std::cout << "Wrote " << export_summary(results, studied) << " to " << printable(out.u8string()) << "\n";
    return 0;
}

}  // namespace claimdeck::cli
