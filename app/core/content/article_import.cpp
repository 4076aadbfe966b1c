#include "content/article_import.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/text_file.hpp"

namespace claimdeck {

namespace {

const char kSpaces[] = " \t\r\n\f\v";

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(kSpaces);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kSpaces) - first + 1);
}

bool is_blank(std::string_view line) { return trimmed(line).empty(); }

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// Headline on the first line, then each paragraph after one blank line.
ImportedArticle assemble(std::string headline, const std::vector<std::string>& paragraphs) {
    std::replace(headline.begin(), headline.end(), '\n', ' ');
    headline = std::string(trimmed(headline));
    if (headline.empty()) return {"", "", "there is no text in it to make an article of"};
    std::string text = headline + "\n";
    for (const std::string& paragraph : paragraphs)
        if (!is_blank(paragraph)) text += "\n" + std::string(trimmed(paragraph)) + "\n";
    return {headline, text, ""};
}

// ---- Plain text and Markdown ---------------------------------------------------------------

std::vector<std::string> lines_of(std::string_view content) {
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t at = 0; at < content.size(); ++at) {
        const char c = content[at];
        if (c != '\r' && c != '\n') {
            line += c;
            continue;
        }
        if (c == '\r' && at + 1 < content.size() && content[at + 1] == '\n') ++at;
        lines.push_back(std::move(line));
        line.clear();
    }
    lines.push_back(std::move(line));
    return lines;
}

// Lines between blank lines make a paragraph; its lines stay as written,
// without the spaces at their ends.
std::vector<std::string> paragraphs_of(const std::vector<std::string>& lines) {
    std::vector<std::string> paragraphs(1);
    for (const std::string& line : lines) {
        if (is_blank(line)) {
            if (!paragraphs.back().empty()) paragraphs.emplace_back();
            continue;
        }
        std::string_view kept(line);
        kept = kept.substr(0, kept.find_last_not_of(" \t") + 1);
        paragraphs.back() += (paragraphs.back().empty() ? "" : "\n") + std::string(kept);
    }
    if (paragraphs.back().empty()) paragraphs.pop_back();
    return paragraphs;
}

// The first paragraph's first line is the headline; the rest of it, if any,
// opens the body.
ImportedArticle from_paragraphs(std::vector<std::string> paragraphs) {
    if (paragraphs.empty()) return assemble("", {});
    const std::string first = paragraphs.front();
    const std::size_t end = first.find('\n');
    paragraphs.erase(paragraphs.begin());
    if (end != std::string::npos) paragraphs.insert(paragraphs.begin(), first.substr(end + 1));
    return assemble(first.substr(0, end), paragraphs);
}

// "## Heading", "- item", "1. item", "> quote" -> the words alone.
std::string_view without_line_marks(std::string_view line) {
    line = line.substr(std::min(line.size(), line.find_first_not_of(" \t")));
    std::size_t marks = line.find_first_not_of('#');
    if (marks > 0 && marks <= 6 && marks < line.size() && line[marks] == ' ') return line.substr(marks + 1);
    if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+' || line[0] == '>') && line[1] == ' ')
        return line.substr(2);
    std::size_t digits = line.find_first_not_of("0123456789");
    if (digits != std::string_view::npos && digits > 0 && digits + 1 < line.size() && line[digits] == '.' &&
        line[digits + 1] == ' ')
        return line.substr(digits + 2);
    return line;
}

bool is_markdown_rule(std::string_view line) {
    line = trimmed(line);
    return line.size() >= 3 && (line.find_first_not_of('=') == std::string_view::npos ||
                                line.find_first_not_of('-') == std::string_view::npos ||
                                line.find_first_not_of('*') == std::string_view::npos || line.substr(0, 3) == "```");
}

// [words](target) -> words; ![alt](target) -> nothing; ** and * dropped.
std::string without_inline_marks(std::string_view line) {
    std::string out;
    for (std::size_t at = 0; at < line.size(); ++at) {
        const bool image = line[at] == '!' && at + 1 < line.size() && line[at + 1] == '[';
        const std::size_t open = image ? at + 1 : at;
        if (line[open] == '[') {
            const std::size_t close = line.find("](", open);
            const std::size_t end = close == std::string_view::npos ? close : line.find(')', close);
            if (end != std::string_view::npos) {
                if (!image) out += line.substr(open + 1, close - open - 1);
                at = end;
                continue;
            }
        }
        if (line[at] != '*') out += line[at];
    }
    return out;
}

std::vector<std::string> markdown_lines(std::string_view content) {
    std::vector<std::string> lines;
    for (const std::string& line : lines_of(content))
        lines.push_back(is_markdown_rule(line) ? "" : without_inline_marks(without_line_marks(line)));
    return lines;
}

// ---- HTML ------------------------------------------------------------------------------

// Elements whose contents are page chrome or not text at all.
bool is_dropped(const std::string& name) {
    static const char* const kDropped[] = {"nav",    "header",   "footer", "aside",  "form",     "noscript",
                                           "button", "select",   "svg",    "iframe", "template", "figure",
                                           "head",   "textarea", "object", "video",  "audio",    "canvas"};
    return std::any_of(std::begin(kDropped), std::end(kDropped), [&](const char* dropped) { return name == dropped; });
}

// Elements read as raw text up to their end tag, never as markup.
bool is_raw_text(const std::string& name) { return name == "script" || name == "style" || name == "title"; }

// Elements that end one paragraph and start another.
bool is_block(const std::string& name) {
    static const char* const kBlocks[] = {
        "p",  "div", "h1", "h2",      "h3",   "h4",         "h5",      "h6",         "li",    "ul",
        "ol", "br",  "hr", "section", "main", "body",       "article", "table",      "tr",    "td",
        "th", "dl",  "dt", "dd",      "pre",  "figcaption", "html",    "blockquote", "center"};
    return std::any_of(std::begin(kBlocks), std::end(kBlocks), [&](const char* block) { return name == block; });
}

struct Tag {
    std::string name;  // lower case
    bool closing = false;
    std::size_t end = 0;  // just past the '>'
};

// The tag starting at `at` ('<'), or one with an empty name when the '<' opens
// no tag. Quoted attribute values may hold '>'.
Tag read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    std::size_t cursor = at + 1;
    if (cursor < html.size() && html[cursor] == '/') {
        tag.closing = true;
        ++cursor;
    }
    while (cursor < html.size() && std::isalnum(static_cast<unsigned char>(html[cursor])))
        tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[cursor++])));
    if (tag.name.empty() || !std::isalpha(static_cast<unsigned char>(tag.name[0]))) return {};
    char quote = 0;
    for (; cursor < html.size(); ++cursor) {
        const char c = html[cursor];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        }
    }
    tag.end = std::min(html.size(), cursor + 1);
    return tag;
}

// Where the end tag `</name` starts at or after `from`, or the end of the text.
std::size_t end_tag_from(std::string_view html, std::size_t from, const std::string& name) {
    const std::string wanted = "</" + name;
    for (std::size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1))
        if (lower(html.substr(at, wanted.size())) == wanted) return at;
    return html.size();
}

class HtmlReader {
public:
    explicit HtmlReader(std::string_view html) : html_(html) {}

    ImportedArticle read() {
        for (std::size_t at = 0; at < html_.size();) at = step(at);
        flush();
        return result();
    }

private:
    std::size_t step(std::size_t at) {
        if (html_[at] != '<') {
            const std::size_t next = std::min(html_.size(), html_.find('<', at));
            if (dropped_depth_ == 0) text_.append(html_.substr(at, next - at));
            return next;
        }
        if (html_.substr(at, 4) == "<!--") {
            const std::size_t end = html_.find("-->", at + 4);
            return end == std::string_view::npos ? html_.size() : end + 3;
        }
        if (html_.substr(at, 2) == "<!" || html_.substr(at, 2) == "<?") {
            const std::size_t end = html_.find('>', at);
            return end == std::string_view::npos ? html_.size() : end + 1;
        }
        const Tag tag = read_tag(html_, at);
        if (tag.name.empty()) {
            if (dropped_depth_ == 0) text_ += '<';
            return at + 1;
        }
        return on_tag(tag);
    }

    std::size_t on_tag(const Tag& tag) {
        if (!tag.closing && is_raw_text(tag.name)) return skip_raw_text(tag);
        if (is_dropped(tag.name)) {
            if (!tag.closing)
                ++dropped_depth_;
            else if (dropped_depth_ > 0)
                --dropped_depth_;
        } else if (is_block(tag.name)) {
            flush();
            in_h1_ = !tag.closing && tag.name == "h1";
        }
        return tag.end;
    }

    std::size_t skip_raw_text(const Tag& tag) {
        const std::size_t end = end_tag_from(html_, tag.end, tag.name);
        if (tag.name == "title" && title_.empty()) title_ = clean(html_.substr(tag.end, end - tag.end));
        return end == html_.size() ? end : read_tag(html_, end).end;
    }

    // White space collapsed, references decoded, control characters gone.
    static std::string clean(std::string_view text) {
        std::string collapsed;
        for (char c : text) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20;
            if (!space)
                collapsed += c;
            else if (!collapsed.empty() && collapsed.back() != ' ')
                collapsed += ' ';
        }
        std::string decoded = decode_html_entities(collapsed);
        for (char& c : decoded)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
        return std::string(trimmed(decoded));
    }

    void flush() {
        std::string paragraph = clean(text_);
        text_.clear();
        if (paragraph.empty()) return;
        if (in_h1_ && h1_.empty())
            h1_ = std::move(paragraph);
        else
            paragraphs_.push_back(std::move(paragraph));
    }

    ImportedArticle result() {
        std::string headline = !h1_.empty() ? h1_ : title_;
        if (headline.empty() && !paragraphs_.empty()) {
            headline = paragraphs_.front();
            paragraphs_.erase(paragraphs_.begin());
        } else if (!paragraphs_.empty() && paragraphs_.front() == headline) {
            paragraphs_.erase(paragraphs_.begin());
        }
        return assemble(headline, paragraphs_);
    }

    std::string_view html_;
    std::string text_;
    std::string title_;
    std::string h1_;
    bool in_h1_ = false;
    int dropped_depth_ = 0;
    std::vector<std::string> paragraphs_;
};

// ---- Character references ----------------------------------------------------------------

struct NamedEntity {
    const char* name;
    const char* text;
};

const NamedEntity kNamedEntities[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},       {"apos", "'"},
    {"nbsp", "\u00a0"},   {"ndash", "\u2013"},  {"mdash", "\u2014"},  {"lsquo", "\u2018"},  {"rsquo", "\u2019"},
    {"sbquo", "\u201a"},  {"ldquo", "\u201c"},  {"rdquo", "\u201d"},  {"bdquo", "\u201e"},  {"hellip", "\u2026"},
    {"laquo", "\u00ab"},  {"raquo", "\u00bb"},  {"copy", "\u00a9"},   {"reg", "\u00ae"},    {"trade", "\u2122"},
    {"deg", "\u00b0"},    {"middot", "\u00b7"}, {"bull", "\u2022"},   {"shy", "\u00ad"},    {"euro", "\u20ac"},
    {"pound", "\u00a3"},  {"times", "\u00d7"},  {"eacute", "\u00e9"}, {"egrave", "\u00e8"}, {"agrave", "\u00e0"},
    {"aacute", "\u00e1"}, {"ccedil", "\u00e7"}, {"uuml", "\u00fc"},   {"ouml", "\u00f6"},   {"auml", "\u00e4"},
    {"szlig", "\u00df"},  {"iacute", "\u00ed"}, {"oacute", "\u00f3"}, {"ntilde", "\u00f1"}, {"thinsp", "\u2009"},
    {"zwj", "\u200d"},    {"zwnj", "\u200c"},   {"lrm", "\u200e"},    {"rlm", "\u200f"},
};

std::string utf8_of(unsigned long code_point) {
    const bool is_character = code_point > 0 && code_point <= 0x10ffff && (code_point < 0xd800 || code_point > 0xdfff);
    if (!is_character) code_point = 0xfffd;
    std::string out;
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xc0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xe0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (code_point & 0x3f));
    }
    return out;
}

// "#8217", "#x2019": the character; nullopt-like "" when malformed.
std::string numeric_reference(std::string_view body) {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return "";
    unsigned long value = 0;
    for (char c : digits) {
        const int digit = std::isdigit(static_cast<unsigned char>(c))           ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                                : -1;
        if (digit < 0) return "";
        value = value * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
    }
    return utf8_of(value);
}

// The text of the reference whose name (between & and ;) is `body`, or "".
std::string reference_text(std::string_view body) {
    if (!body.empty() && body[0] == '#') return numeric_reference(body);
    for (const NamedEntity& entity : kNamedEntities)
        if (body == entity.name) return entity.text;
    return "";
}

}  // namespace

ArticleFormat article_format_for(const std::filesystem::path& file) {
    const std::string extension = lower(file.extension().u8string());
    if (extension == ".html" || extension == ".htm") return ArticleFormat::Html;
    if (extension == ".md" || extension == ".markdown") return ArticleFormat::Markdown;
    return ArticleFormat::PlainText;
}

std::string decode_html_entities(std::string_view text) {
    // Longer names than this are no reference we know: stop looking for ';'.
    constexpr std::size_t kLongestReference = 10;
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const std::size_t end = text[at] == '&' ? text.substr(at, kLongestReference + 2).find(';') : 0;
        const std::string decoded =
            end == 0 || end == std::string_view::npos ? "" : reference_text(text.substr(at + 1, end - 1));
        if (decoded.empty()) {
            out += text[at];
            continue;
        }
        out += decoded;
        at += end;
    }
    return out;
}

ImportedArticle import_article(std::string_view content, ArticleFormat format) {
    if (!is_valid_utf8(content)) return {"", "", "it is not UTF-8 text; save it as UTF-8 and try again"};
    if (content.substr(0, 3) == "\xef\xbb\xbf") content.remove_prefix(3);
    switch (format) {
        case ArticleFormat::Html: return HtmlReader(content).read();
        case ArticleFormat::Markdown: return from_paragraphs(paragraphs_of(markdown_lines(content)));
        case ArticleFormat::PlainText: break;
    }
    return from_paragraphs(paragraphs_of(lines_of(content)));
}

}  // namespace claimdeck
