#include <doctest/doctest.h>

#include <string>

#include "content/article_import.hpp"

using namespace claimdeck;

TEST_CASE("The format of an article file follows its extension") {
    CHECK(article_format_for("page.HTML") == ArticleFormat::Html);
    CHECK(article_format_for("page.htm") == ArticleFormat::Html);
    CHECK(article_format_for("notes.md") == ArticleFormat::Markdown);
    CHECK(article_format_for("a.txt") == ArticleFormat::PlainText);
    CHECK(article_format_for("noextension") == ArticleFormat::PlainText);
}

TEST_CASE("Plain text keeps its paragraphs and makes line ends and blank lines regular") {
    const ImportedArticle article =
        import_article("\xef\xbb\xbf\r\n  The headline  \r\n\r\n\r\nFirst line\r\nsecond line   \r\n \r\nLast.",
                       ArticleFormat::PlainText);
    CHECK(article.error == "");
    CHECK(article.headline == "The headline");
    CHECK(article.text == "The headline\n\nFirst line\nsecond line\n\nLast.\n");
}

TEST_CASE("An article file already in the deck form comes back byte for byte") {
    const std::string text = "Headline\n\nOne \u201cparagraph\u201d\u00a0here.\n\nTwo.\n";
    CHECK(import_article(text, ArticleFormat::PlainText).text == text);
}

TEST_CASE("Markdown loses its heading and list marks, emphasis, images and link targets") {
    const ImportedArticle article = import_article(
        "# The *big* headline\n===\n\nSome **bold** text with [a link](https://x.org/a) here.\n\n"
        "- first item\n- second ![a picture](p.png)item\n\n## A subheading\n\n1. numbered\n",
        ArticleFormat::Markdown);
    CHECK(article.headline == "The big headline");
    CHECK(article.text ==
          "The big headline\n\nSome bold text with a link here.\n\nfirst item\nsecond item\n\nA subheading\n\n"
          "numbered\n");
}

TEST_CASE("Markdown lines of a lone number or a lone # stay as they are") {
    CHECK(import_article("#\n\n1\n\n12.\n", ArticleFormat::Markdown).text == "#\n\n1\n\n12.\n");
}

TEST_CASE("HTML gives the h1 as headline and the text of blocks, without scripts, styles and page chrome") {
    const ImportedArticle article = import_article(
        "<!DOCTYPE html><html><head><title>Site | Story</title><style>p{color:red}</style></head><body>"
        "<header><a href=/>Home</a></header><nav><ul><li>Menu</li></ul></nav>"
        "<article><h1 class=\"x\">The   valley&nbsp;holds</h1><p>It is <b>80&#160;km</b> north &amp; high.</p>"
        "<script>document.write('<p>not this</p>')</script><!-- <p>nor this</p> -->"
        "<p>Said &ldquo;never&rdquo; &#x2013; twice.<br>A new line</p><ul><li>One</li><li>Two</li></ul>"
        "<aside>Related</aside><form><p>Comment</p></form></article><footer>Copyright</footer></body></html>",
        ArticleFormat::Html);
    CHECK(article.error == "");
    CHECK(article.headline == "The valley\u00a0holds");
    CHECK(article.text ==
          "The valley\u00a0holds\n\nIt is 80\u00a0km north & high.\n\nSaid \u201cnever\u201d \u2013 twice.\n\nA new "
          "line\n\nOne\n\nTwo\n");
}

TEST_CASE("HTML without an h1 takes the title as headline, once") {
    const ImportedArticle article =
        import_article("<title>The story</title><p>The story</p><p>Body.</p>", ArticleFormat::Html);
    CHECK(article.text == "The story\n\nBody.\n");
}

TEST_CASE("Character references: named, decimal and hex decoded, unknown ones kept, non-characters become U+FFFD") {
    CHECK(decode_html_entities("&lt;a&gt; &quot;&apos; &hellip;") == "<a> \"' \u2026");
    CHECK(decode_html_entities("&#8217;&#x2019;&#X2019;") == "\u2019\u2019\u2019");
    CHECK(decode_html_entities("&unknown; & &amp &#; &#xZZ;") == "&unknown; & &amp &#; &#xZZ;");
    CHECK(decode_html_entities("&#0;&#xD800;&#x110000;") == "\ufffd\ufffd\ufffd");
    CHECK(decode_html_entities("&#99999999999;") == "&#99999999999;");
}

TEST_CASE("Text that is not UTF-8, or that holds no words, is refused with a reason") {
    CHECK(import_article("Head\xff", ArticleFormat::PlainText).error ==
          "it is not UTF-8 text; save it as UTF-8 and try again");
    CHECK(import_article(" \n\n ", ArticleFormat::PlainText).error == "there is no text in it to make an article of");
    CHECK(import_article("<script>only</script>", ArticleFormat::Html).error ==
          "there is no text in it to make an article of");
}

TEST_CASE("Broken HTML still gives text: a lone <, an unclosed tag, comment or script") {
    CHECK(import_article("<p>a < b</p>", ArticleFormat::Html).text == "a < b\n");
    CHECK(import_article("<p>Head</p><p>text <b", ArticleFormat::Html).text == "Head\n\ntext\n");
    CHECK(import_article("<p>Head</p><!-- open", ArticleFormat::Html).text == "Head\n");
    CHECK(import_article("<p>Head</p><script>x", ArticleFormat::Html).text == "Head\n");
    CHECK(import_article("<p title='a>b'>Head</p>", ArticleFormat::Html).text == "Head\n");
}
