// The platform-independent half of the system file chooser: which chooser
// answers when several are set up, and file:// URIs turned into paths.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/file_chooser.hpp"

using namespace claimdeck;

namespace {

// A chooser that answers as told and notes that it was asked.
class FakeBackend : public FileChooserBackend {
public:
    FakeBackend(std::string name, FileChoice answer, std::vector<std::string>& asked)
        : name_(std::move(name)), answer_(std::move(answer)), asked_(asked) {}
    FileChoice ask(const FileRequest&) override {
        asked_.push_back(name_);
        return answer_;
    }

private:
    std::string name_;
    FileChoice answer_;
    std::vector<std::string>& asked_;
};

struct Chain {
    std::vector<std::string> asked;
    std::vector<std::unique_ptr<FileChooserBackend>> backends;
    Chain& then(const std::string& name, FileChoice answer) {
        backends.push_back(std::make_unique<FakeBackend>(name, std::move(answer), asked));
        return *this;
    }
    FileChoice ask() { return ask_first_available(backends, FileRequest{}); }
};

}  // namespace

TEST_CASE("the first chooser that is there answers and the later ones are not asked") {
    Chain chain;
    chain.then("portal", FileChoice::unavailable("no portal"))
        .then("zenity", FileChoice::chosen("/home/ada/quiz.json"))
        .then("kdialog", FileChoice::chosen("/elsewhere.json"));
    const FileChoice choice = chain.ask();
    CHECK(choice.outcome == FileChoice::Outcome::Chosen);
    CHECK(choice.path == "/home/ada/quiz.json");
    CHECK(chain.asked == std::vector<std::string>{"portal", "zenity"});
}

TEST_CASE("a cancelled chooser is the answer: cancelling does not open the next one") {
    Chain chain;
    chain.then("portal", FileChoice::cancelled()).then("zenity", FileChoice::chosen("/x.json"));
    CHECK(chain.ask().outcome == FileChoice::Outcome::Cancelled);
    CHECK(chain.asked == std::vector<std::string>{"portal"});
}

TEST_CASE("a chooser that is there but fails says so instead of falling through") {
    Chain chain;
    chain.then("portal", FileChoice::failed("the portal sent no file")).then("zenity", FileChoice::chosen("/x"));
    const FileChoice choice = chain.ask();
    CHECK(choice.outcome == FileChoice::Outcome::Failed);
    CHECK(choice.message == "the portal sent no file");
}

TEST_CASE("with no chooser there the answer says why each was passed over, in order") {
    Chain chain;
    chain.then("portal", FileChoice::unavailable("no session bus"))
        .then("zenity", FileChoice::unavailable("zenity is not installed"))
        .then("kdialog", FileChoice::unavailable("kdialog is not installed"));
    const FileChoice choice = chain.ask();
    CHECK(choice.outcome == FileChoice::Outcome::Unavailable);
    CHECK(choice.message == "no session bus; zenity is not installed; kdialog is not installed");
    CHECK(chain.asked == std::vector<std::string>{"portal", "zenity", "kdialog"});
}

TEST_CASE("file URIs become local paths with their escapes decoded") {
    CHECK(path_from_file_uri("file:///home/ada/quiz.json") == std::filesystem::path("/home/ada/quiz.json"));
    CHECK(path_from_file_uri("file:///home/ada/Year%2010%20quiz%E2%80%93A.json") ==
          std::filesystem::path("/home/ada/Year 10 quiz\xE2\x80\x93"
                                "A.json"));
    CHECK(path_from_file_uri("file://localhost/tmp/a%2fb") == std::filesystem::path("/tmp/a/b"));
}

TEST_CASE("URIs that do not name a local file are refused") {
    CHECK_FALSE(path_from_file_uri("https://example.org/quiz.json"));
    CHECK_FALSE(path_from_file_uri("/home/ada/quiz.json"));
    CHECK_FALSE(path_from_file_uri("file://server/share/quiz.json"));
    CHECK_FALSE(path_from_file_uri("file://"));
    CHECK_FALSE(path_from_file_uri("file:///bad%2"));
    CHECK_FALSE(path_from_file_uri("file:///bad%zz"));
    CHECK_FALSE(path_from_file_uri("file:///cut%00short"));
}
