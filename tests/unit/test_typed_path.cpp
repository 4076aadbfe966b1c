// Paths typed into the app's fields: "~" is the home folder, never a
// folder named "~".
#include <doctest/doctest.h>

#include "base/typed_path.hpp"

using claimdeck::expand_typed_path;

TEST_CASE("~ and ~/… are the home folder") {
    CHECK(expand_typed_path("~/ux-test-year10.csv", "/home/teacher").path == "/home/teacher/ux-test-year10.csv");
    CHECK(expand_typed_path("~", "/home/teacher").path == "/home/teacher");
    CHECK(expand_typed_path("~/", "/home/teacher").path == "/home/teacher/");
}

TEST_CASE("other paths are left as typed, ~ inside them included") {
    CHECK(expand_typed_path("/tmp/~/a.csv", "/home/teacher").path == "/tmp/~/a.csv");
    CHECK(expand_typed_path("reports/a.csv", "/home/teacher").path == "reports/a.csv");
    CHECK(expand_typed_path("", "/home/teacher").path.empty());
}

TEST_CASE("another person's home, or ~ with no home set, is refused with what to type instead") {
    const auto other = expand_typed_path("~ana/report.csv", "/home/teacher");
    CHECK(other.path.empty());
    CHECK(other.error == "\"~ana\" names another person's home folder: type the whole path, starting with /.");
    const auto no_home = expand_typed_path("~/report.csv", nullptr);
    CHECK(no_home.path.empty());
    CHECK(no_home.error == "No home folder is set, so \"~\" means nothing here: type the whole path, starting with /.");
    CHECK_FALSE(expand_typed_path("~", "").error.empty());
}
