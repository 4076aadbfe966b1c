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
    GuiOptionsResult result = parse({"--deck", "d.json", "--data-dir", "dir", "--profile", "Ana", "--quit-after-frames",
                                     "5", "--screenshot", "out.png", "--window", "390x844", "--screen", "stats",
                                     "--demo-answers", "3", "--scroll-to", "How well your confidence"});
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
    CHECK(o.scroll_to == "How well your confidence");
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
    CHECK(parse({"week3.json", "--quiz", "week4.json"}).error == "--quiz week4.json: only one quiz file can be opened");
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
    CHECK(parse({"--screen", "sources"}).error.find("need --profile") != std::string::npos);
}

TEST_CASE("--search fills in Check other sources, and is refused on any other screen") {
    const GuiOptionsResult searched = parse({"--profile", "Ana", "--screen", "sources", "--search", "Khawak Pass"});
    REQUIRE(searched.options);
    CHECK(searched.options->screen == StartScreen::Sources);
    CHECK(searched.options->search == "Khawak Pass");
    CHECK(parse({"--profile", "Ana", "--search", "Khawak"}).error == "--search needs --screen sources");
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

TEST_CASE("every option with a value also takes it as --option=value, as claimdeck-cli does") {
    GuiOptionsResult result =
        parse({"--deck=d.json", "--data-dir=dir", "--profile=Ana Lee", "--quit-after-frames=5", "--screenshot=out.png",
               "--window=390x844", "--screen=stats", "--demo-answers=3", "--bench-frame-times=9", "--report=r.json"});
    REQUIRE_MESSAGE(result.options, result.error);
    const GuiOptions& o = *result.options;
    CHECK(o.deck == "d.json");
    CHECK(o.data_dir == "dir");
    CHECK(o.profile == "Ana Lee");
    CHECK(o.quit_after_frames == 5);
    CHECK(o.screenshot == "out.png");
    CHECK(o.window.width == 390);
    CHECK(o.screen == StartScreen::Stats);
    CHECK(o.demo_answers == 3);
    CHECK(o.bench_frame_times == 9);
    CHECK(o.report == std::vector<std::filesystem::path>{"r.json"});
    CHECK(parse({"--quiz=q.json"}).options->quiz == "q.json");
    CHECK(parse({"--deck="}).options->deck.empty());  // an empty value is still a value
    CHECK(parse({"--screen=nowhere"}).error.find("--screen nowhere: expected one of home") == 0);
    CHECK(parse({"--bench=yes"}).error == "--bench takes no value");
}

TEST_CASE("an option given twice is a mistake, except the repeatable --report") {
    CHECK(parse({"--profile", "Ana", "--profile=Ben"}).error == "--profile is given twice");
    CHECK(parse({"--bench", "--bench"}).error == "--bench is given twice");
    CHECK(parse({"--report", "a.json", "--report=b.json"}).options->report.size() == 2);
}

TEST_CASE("--profile follows the rules for names the app's own dialog follows") {
    CHECK(parse({"--profile", "  Ana  "}).options->profile == "Ana");
    CHECK(parse({"--profile", "   "}).error.find("Type a name first") != std::string::npos);
    CHECK(parse({"--profile", std::string(41, 'x')}).error.find("too long") != std::string::npos);
    CHECK(parse({"--profile", "Line1\nLine2"}).error.find("line breaks") != std::string::npos);
    CHECK(parse({"--profile", "abc\xE2\x80\xAEgpj.exe"}).error.find("direction overrides") != std::string::npos);
    CHECK(parse({"--profile", std::string(20, 'x') + "\xC3\xA9\xC3\xA9"}).options);  // 22 letters, 24 bytes
}

TEST_CASE("--help lists every option of the table, once, with its value") {
    const std::string usage = gui_usage();
    for (const std::string& name : gui_option_names()) {
        CAPTURE(name);
        const std::size_t at = usage.find("\n  " + name + " ");
        CHECK(at != std::string::npos);
        CHECK(usage.find("\n  " + name + " ", at + 1) == std::string::npos);
        CHECK(parse({name}).error != "unknown option " + name);  // and the parser knows it
    }
    CHECK(usage.find("  --window WxH             window size") != std::string::npos);
    CHECK(usage.find("  --screen NAME            open on a screen: home, card,") != std::string::npos);
    CHECK(gui_option_names().size() == 17);
}

TEST_CASE("a deck package given without an option is imported, beside a quiz file") {
    const GuiOptionsResult both = parse({"news.claimdeck", "week3.json"});
    REQUIRE(both.options);
    CHECK(both.options->import_deck == "news.claimdeck");
    CHECK(both.options->quiz == "week3.json");
    CHECK(parse({"a.claimdeck", "b.claimdeck"}).error == "unexpected argument b.claimdeck");
}

TEST_CASE("--text-size takes one of the sizes Settings offers, and names them when given another") {
    const GuiOptionsResult largest = parse({"--text-size", "200"});
    REQUIRE(largest.options);
    CHECK(largest.options->text_size == 200);
    CHECK_FALSE(parse({}).options->text_size);
    CHECK(parse({"--text-size", "150"}).error == "--text-size 150: expected one of 85, 100, 120, 145, 200");
}
