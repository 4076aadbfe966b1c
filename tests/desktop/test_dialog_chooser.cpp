// zenity and kdialog as file choosers: what they are asked, and what their
// exit codes and output mean. The programs are faked: each test hands the
// chooser a runner that notes the arguments and answers as told.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dialog_chooser.hpp"

using namespace claimdeck;
using namespace claimdeck::desktop;

namespace {

const FileRequest kOpenQuiz{FileDialog::OpenFile, "Open a quiz", {{"Quiz files", {"*.json"}}}, "/home/ada/Quizzes", ""};
const FileRequest kSaveReport{FileDialog::SaveFile,
                              "Save the report",
                              {{"Web page", {"*.html", "*.htm"}}},
                              "/home/ada/Documents",
                              "Year 10 2026-11-30.html"};

struct FakeProgram {
    std::vector<std::string> argv;
    CommandResult answer;
    CommandRunner runner() {
        return [this](const std::vector<std::string>& args) {
            argv = args;
            return answer;
        };
    }
};

}  // namespace

TEST_CASE("zenity is asked for a file of the request's kinds, starting in its folder") {
    CHECK(zenity_arguments(kOpenQuiz) == std::vector<std::string>{"zenity", "--file-selection", "--title=Open a quiz",
                                                                  "--filename=/home/ada/Quizzes/",
                                                                  "--file-filter=Quiz files | *.json"});
}

TEST_CASE("zenity saving offers the suggested name and asks before replacing a file") {
    CHECK(zenity_arguments(kSaveReport) ==
          std::vector<std::string>{"zenity", "--file-selection", "--title=Save the report", "--save",
                                   "--confirm-overwrite", "--filename=/home/ada/Documents/Year 10 2026-11-30.html",
                                   "--file-filter=Web page | *.html *.htm"});
}

TEST_CASE("kdialog gets the same request in its own words") {
    CHECK(kdialog_arguments(kOpenQuiz) == std::vector<std::string>{"kdialog", "--title", "Open a quiz",
                                                                   "--getopenfilename", "/home/ada/Quizzes/",
                                                                   "Quiz files (*.json)"});
    FileRequest folder{FileDialog::OpenFolder, "Add a folder of results", {{"Results", {"*.json"}}}, "", ""};
    CHECK(kdialog_arguments(folder) ==
          std::vector<std::string>{"kdialog", "--title", "Add a folder of results", "--getexistingdirectory", "."});
}

TEST_CASE("the path a dialog program prints is the choice") {
    FakeProgram zenity{{}, {true, 0, "/home/ada/Quizzes/Year 10 A.json\n"}};
    const FileChoice choice = DialogProgramChooser(zenity_arguments, zenity.runner()).ask(kOpenQuiz);
    CHECK(choice.outcome == FileChoice::Outcome::Chosen);
    CHECK(choice.path == "/home/ada/Quizzes/Year 10 A.json");
    CHECK(zenity.argv.front() == "zenity");
}

TEST_CASE("exit code 1 is a cancel, a program that is not there is unavailable, so the next is asked") {
    FakeProgram cancelled{{}, {true, 1, ""}};
    CHECK(DialogProgramChooser(kdialog_arguments, cancelled.runner()).ask(kOpenQuiz).outcome ==
          FileChoice::Outcome::Cancelled);
    FakeProgram missing{{}, {false, -1, ""}};
    const FileChoice choice = DialogProgramChooser(kdialog_arguments, missing.runner()).ask(kOpenQuiz);
    CHECK(choice.outcome == FileChoice::Outcome::Unavailable);
    CHECK(choice.message == "kdialog is not installed");
}

TEST_CASE("a dialog program that breaks or answers no path is a failure that names it") {
    CHECK(choice_from_dialog("zenity", {true, 255, ""}).message == "zenity stopped with exit code 255");
    const FileChoice relative = choice_from_dialog("zenity", {true, 0, "quiz.json\n"});
    CHECK(relative.outcome == FileChoice::Outcome::Failed);
    CHECK(relative.message == "zenity answered \"quiz.json\", not a path");
}

TEST_CASE("a real program is run from PATH with its output captured, and a missing one is reported") {
    const CommandResult printed = run_command({"printf", "%s\\n", "/tmp/chosen file.json"});
    CHECK(printed.started);
    CHECK(printed.exit_code == 0);
    CHECK(printed.output == "/tmp/chosen file.json\n");
    CHECK(run_command({"false"}).exit_code == 1);
    CHECK_FALSE(run_command({"claimdeck-no-such-chooser"}).started);
}
