// Turning a saved page or a text file into an article file: the headline on
// the first line, then paragraphs separated by one blank line, ending in a
// newline (FORMAT.md, "Article files"). The Studio's "Open article…" and the
// CSV importer use it. Pages from the web are hostile input: whatever the
// bytes, this returns text or a reason, in time linear in the input.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace claimdeck {

enum class ArticleFormat { PlainText, Markdown, Html };

// By the file's extension: .html and .htm are HTML, .md and .markdown
// Markdown, anything else plain text.
ArticleFormat article_format_for(const std::filesystem::path& file);

struct ImportedArticle {
    std::string headline;
    std::string text;   // the whole article file, headline first
    std::string error;  // empty on success; a sentence otherwise
};

// Plain text: paragraphs kept as written (line ends made \n, runs of blank
// lines made one). Markdown: heading marks, list marks, emphasis and link
// targets dropped. HTML: the <h1> (else the <title>) as headline and the text
// of paragraphs, headings, list items and other blocks, with scripts, styles,
// navigation, headers, footers, asides and forms dropped and character
// references decoded. The input must be UTF-8.
ImportedArticle import_article(std::string_view content, ArticleFormat format);

// `&amp;`, `&#8217;`, `&#x2019;` ... decoded; an unknown or malformed
// reference is kept as written, a number that is no character becomes U+FFFD.
std::string decode_html_entities(std::string_view text);

}  // namespace claimdeck
