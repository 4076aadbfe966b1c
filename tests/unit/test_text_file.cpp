// write_text_file: whole files or nothing, and never a link or a special
// file replaced by the renamed temporary file.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "base/text_file.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::read_file;
using claimdeck::testing::TempDir;

TEST_CASE("write_text_file replaces a regular file whole and leaves no partial file behind") {
    TempDir dir;
    const auto file = dir.write("out.json", "old");
    CHECK(write_text_file(file, "new text").empty());
    CHECK(read_file(file) == "new text");
    CHECK_FALSE(std::filesystem::exists(dir / "out.json.partial"));
}

TEST_CASE("write_text_file writes through a symlink to its target and keeps the link") {
    TempDir dir;
    const auto target = dir.write("real/target.json", "old");
    const auto link = dir / "link.json";
    std::filesystem::create_symlink(target, link);
    CHECK(write_text_file(link, "through the link").empty());
    CHECK(std::filesystem::is_symlink(link));
    CHECK(read_file(target) == "through the link");
}

TEST_CASE("write_text_file follows a relative, dangling symlink and creates its target") {
    TempDir dir;
    std::filesystem::create_directories(dir / "links");
    const auto link = dir / "links" / "link.json";
    std::filesystem::create_symlink("../made.json", link);
    CHECK(write_text_file(link, "made").empty());
    CHECK(std::filesystem::is_symlink(link));
    CHECK(read_file(dir / "made.json") == "made");
}

TEST_CASE("write_text_file writes into a FIFO instead of replacing it") {
    TempDir dir;
    const auto fifo = dir / "pipe";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    // The reading end is opened first, without blocking, so the writer's
    // open finds a reader; the text fits in the pipe's buffer.
    const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    CHECK(write_text_file(fifo, "into the pipe").empty());
    char buffer[64] = {};
    const ssize_t got = read(reader, buffer, sizeof buffer - 1);
    close(reader);
    CHECK(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0) == "into the pipe");
    CHECK(std::filesystem::is_fifo(fifo));
    CHECK_FALSE(std::filesystem::exists(dir / "pipe.partial"));
}

TEST_CASE("write_text_file writes to /dev/null and it stays a device") {
    CHECK(write_text_file("/dev/null", "nothing").empty());
    CHECK(std::filesystem::is_character_file("/dev/null"));
}
