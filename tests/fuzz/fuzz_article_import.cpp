// libFuzzer target: import_article() on an untrusted page or text file.
//
// The first byte picks the format (plain text, Markdown, HTML); the rest is
// the file. Besides crashes, leaks and undefined behaviour, the target checks
// what import_article promises: an error, or an article file in FORMAT.md's
// form (valid UTF-8, the headline as its first line, paragraphs separated by
// one blank line, a final newline).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/text_file.hpp"
#include "content/article_import.hpp"
#include "fuzz_support.hpp"

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto format = static_cast<claimdeck::ArticleFormat>(data[0] % 3);
    const std::string content(reinterpret_cast<const char*>(data) + 1, size - 1);
    const claimdeck::ImportedArticle article = claimdeck::import_article(content, format);
    if (!article.error.empty()) {
        if (!article.text.empty()) fail("an error came with text");
        return 0;
    }
    const std::string& text = article.text;
    if (!claimdeck::is_valid_utf8(text)) fail("the article is not UTF-8");
    if (text.empty() || text.back() != '\n') fail("the article does not end in a newline");
    if (text.compare(0, article.headline.size() + 1, article.headline + "\n") != 0)
        fail("the headline is not the first line");
    if (article.headline.empty()) fail("an empty headline");
    if (text.find("\n\n\n") != std::string::npos) fail("more than one blank line between paragraphs");
    (void)claimdeck::decode_html_entities(content);
    return 0;
}
