#include <doctest/doctest.h>

#include "app/gui_options.hpp"

using namespace claimdeck;

namespace {

GuiOptionsResult parse(std::vector<std::string> args) { return parse_gui_options(args); }

}  // namespace

TEST_CASE("no arguments: the bundled deck, the platform's data folder, the home screen") {
    GuiOptionsResult result = parse({});
    REQUIRE(result.options);
    CHECK(result.options->deck.empty());
    CHECK(result.options->data_dir.empty());
    CHECK(result.options->profile.empty());
    CHECK_FALSE(result.options->quit_after_frames);
    CHECK(result.options->screen == StartScreen::Natural);
}

TEST_CASE("every option is read") {
    GuiOptionsResult result =
        parse({"--deck", "d.json", "--data-dir", "dir", "--profile", "Ana", "--quit-after-frames", "5", "--screenshot",
               "out.png", "--window", "390x844", "--screen", "stats", "--demo-answers", "3"});
    REQUIRE_MESSAGE(result.options, result.error);
    const GuiOptions& o = *result.options;
    CHECK(o.deck == "d.json");
    CHECK(o.data_dir == "dir");
    CHECK(o.profile == "Ana");
    CHECK(o.quit_after_frames == 5);
    CHECK(o.screenshot == "out.png");
    CHECK(o.window.width == 390);
    CHECK(o.window.height == 844);
    CHECK(o.screen == StartScreen::Stats);
    CHECK(o.demo_answers == 3);
}

TEST_CASE("the benchmark flags") {
    GuiOptionsResult result = parse({"--bench", "--bench-frame-times", "300"});
    REQUIRE(result.options);
    CHECK(result.options->bench);
    CHECK(result.options->bench_frame_times == 300);
    CHECK(parse({"--bench-frame-times", "0"}).error.find("from 1") != std::string::npos);
}

TEST_CASE("--help and --version need no value") {
    CHECK(parse({"--help"}).options->help);
    CHECK(parse({"-h"}).options->help);
    CHECK(parse({"--version"}).options->version);
}

TEST_CASE("mistakes are named") {
    CHECK(parse({"--colour", "red"}).error == "unknown option --colour");
    CHECK(parse({"--bogus"}).error == "unknown option --bogus");
    CHECK(parse({"week3.json", "stray"}).error == "unexpected argument stray");
    CHECK(parse({"week3.json", "--quiz", "week4.json"}).error == "only one quiz file can be opened");
    CHECK(parse({"--deck"}).error == "--deck needs a value");
    CHECK(parse({"--window", "390"}).error.find("expected WIDTHxHEIGHT") != std::string::npos);
    CHECK(parse({"--window", "10x10"}).error.find("expected WIDTHxHEIGHT") != std::string::npos);
    CHECK(parse({"--quit-after-frames", "0"}).error.find("from 1") != std::string::npos);
    CHECK(parse({"--quit-after-frames", "5x"}).error.find("from 1") != std::string::npos);
    CHECK(parse({"--screen", "nowhere"}).error.find("one of home, card") != std::string::npos);
    CHECK(parse({"--profile", ""}).error.find("a profile name") != std::string::npos);
}

TEST_CASE("scripted answers and study screens need a learner") {
    CHECK(parse({"--demo-answers", "2"}).error.find("need --profile") != std::string::npos);
    CHECK(parse({"--screen", "reveal"}).error.find("need --profile") != std::string::npos);
    CHECK(parse({"--screen", "stats"}).options);
    CHECK(parse({"--screen", "reveal", "--profile", "Ana"}).options);
}

TEST_CASE("a quiz file is opened with --quiz or as the one argument without an option") {
    CHECK(parse({"week3.json"}).options->quiz == "week3.json");
    const GuiOptionsResult scripted = parse({"--quiz", "q.json", "--profile", "Pupil", "--demo-answers", "3"});
    REQUIRE(scripted.options);
    CHECK(scripted.options->quiz == "q.json");
    CHECK(scripted.options->demo_answers == 3);
    CHECK(parse({}).options->quiz.empty());
}

TEST_CASE("--report adds results files or folders, as many as given, and opens the report") {
    const GuiOptionsResult result = parse({"--report", "class/ann.json", "--report", "week3", "--screen", "report"});
    REQUIRE_MESSAGE(result.options, result.error);
    CHECK(result.options->report == std::vector<std::filesystem::path>{"class/ann.json", "week3"});
    CHECK(result.options->screen == StartScreen::Report);
    CHECK(parse({}).options->report.empty());
    CHECK(parse({"--report"}).error == "--report needs a value");
    CHECK(parse({"--report", ""}).error.find("expected a results file or folder") != std::string::npos);
    CHECK(parse({"--report", "week3", "quiz.json"}).error == "a quiz file and --report cannot be opened together");
    CHECK(parse({"--screen", "nowhere"}).error.find(", report") != std::string::npos);
}
