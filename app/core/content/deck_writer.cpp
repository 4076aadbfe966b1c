#include "content/deck_writer.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

namespace claimdeck {
namespace {

// How the character at `at` is written when it must be escaped, or empty
// when it is written as it is; `length` is set to its length in bytes.
std::string_view escape_at(std::string_view text, std::size_t at, std::size_t& length, char (&buffer)[8]) {
    length = 1;
    const auto c = static_cast<unsigned char>(text[at]);
    switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        case '\b': return "\\b";
        case '\f': return "\\f";
        default: break;
    }
    if (c < 0x20) {
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        return buffer;
    }
    // Every invisible character below starts with one of these bytes: the
    // rest of the text is copied without looking further.
    if (c != 0xC2 && c != 0xE2 && c != 0xEF) return {};
    static constexpr std::string_view kInvisible[] = {"\u00a0", "\u200b", "\u200c", "\u200d",
                                                      "\u2028", "\u2029", "\ufeff"};
    static constexpr std::string_view kEscapes[] = {"\\u00a0", "\\u200b", "\\u200c", "\\u200d",
                                                    "\\u2028", "\\u2029", "\\ufeff"};
    for (std::size_t k = 0; k < std::size(kInvisible); ++k) {
        if (text.compare(at, kInvisible[k].size(), kInvisible[k]) != 0) continue;
        length = kInvisible[k].size();
        return kEscapes[k];
    }
    return {};
}

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

// Builds one JSON object or array at a time, indenting as it goes.
class JsonLayout {
public:
    explicit JsonLayout(std::string& out) : out_(out) {}

    void open(char bracket) {
        out_ += bracket;
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (first_)  // nothing inside: {} or []
            out_ += bracket;
        else
            out_ += "\n" + pad() + bracket;
        first_ = false;
    }
    // Starts the next member of an object ("key": ) or item of an array (key empty).
    void next(std::string_view key = {}) {
        out_ += first_ ? "\n" : ",\n";
        out_ += pad();
        if (!key.empty()) out_ += json_string(key) + ": ";
        first_ = false;
    }
    void string_member(std::string_view key, std::string_view value) {
        next(key);
        append_json_string(out_, value);
    }
    void number_member(std::string_view key, long long value) {
        next(key);
        out_ += std::to_string(value);
    }
    // A list of strings stays on one line when that line is short.
    void strings_member(std::string_view key, const std::vector<std::string>& values) {
        next(key);
        std::string flat = "[";
        for (std::size_t i = 0; i < values.size(); ++i) flat += (i ? ", " : "") + json_string(values[i]);
        flat += "]";
        if (values.empty() || flat.size() + pad().size() + 2 <= 120) {
            out_ += flat;
            return;
        }
        open('[');
        for (const std::string& value : values) {
            next();
            append_json_string(out_, value);
        }
        close(']');
    }

private:
    std::string pad() const { return std::string(2 * static_cast<std::size_t>(depth_), ' '); }

    std::string& out_;
    int depth_ = 0;
    bool first_ = true;
};

void write_span(JsonLayout& json, std::string& out, Span span) {
    json.next("span");
    out += "[" + std::to_string(span.begin) + ", " + std::to_string(span.end) + "]";
}

void write_article(JsonLayout& json, const Article& article) {
    json.open('{');
    json.string_member("id", article.id);
    json.string_member("file", article.file);
    json.string_member("title", article.title);
    json.string_member("byline", article.byline);
    json.string_member("provenance", article.provenance);
    if (!article.url.empty()) json.string_member("url", article.url);
    if (!article.published.empty()) json.string_member("published", article.published);
    json.close('}');
}

void write_techniques(JsonLayout& json, const std::vector<TechniqueUse>& techniques) {
    json.next("techniques");
    json.open('[');
    for (const TechniqueUse& use : techniques) {
        json.next();
        json.open('{');
        json.string_member("name", use.name);
        json.strings_member("words", use.words);
        json.close('}');
    }
    json.close(']');
}

void write_evidence(JsonLayout& json, std::string& out, const std::vector<Evidence>& evidence) {
    json.next("evidence");
    json.open('[');
    for (const Evidence& item : evidence) {
        json.next();
        json.open('{');
        json.string_member("article", item.article);
        json.string_member("quote", item.quote);
        write_span(json, out, item.span);
        json.string_member("stance", to_string(item.stance));
        json.close('}');
    }
    json.close(']');
}

void write_claim(JsonLayout& json, std::string& out, const Claim& claim) {
    json.open('{');
    json.string_member("id", claim.id);
    json.string_member("article", claim.article);
    json.string_member("text", claim.text);
    json.string_member("quote", claim.quote);
    write_span(json, out, claim.span);
    json.string_member("topic", claim.topic);
    json.string_member("verdict", to_string(claim.verdict));
    json.string_member("rationale", claim.rationale);
    write_techniques(json, claim.techniques);
    write_evidence(json, out, claim.evidence);
    if (!claim.known_now.empty()) json.string_member("known_now", claim.known_now);
    json.close('}');
}

// Each item of a list of objects on its own lines.
template <typename Item, typename WriteItem>
void write_list(JsonLayout& json, std::string_view key, const std::vector<Item>& items, WriteItem write_item) {
    json.next(key);
    json.open('[');
    for (const Item& item : items) {
        json.next();
        write_item(item);
    }
    json.close(']');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    std::size_t plain_from = 0;
    char buffer[8];
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const std::string_view escape = escape_at(text, at, length, buffer);
        if (!escape.empty()) {
            out.append(text, plain_from, at - plain_from);
            out += escape;
            plain_from = at + length;
        }
        at += length;
    }
    out.append(text, plain_from, std::string_view::npos);
    out += '"';
}

// About the bytes the deck's JSON takes, so its string is allocated once:
// on a 10,000-claim deck every doubling copied megabytes into fresh memory.
std::size_t estimated_json_bytes(const Deck& deck) {
    constexpr std::size_t kLayoutBytes = 400;  // keys, indents and numbers of one item
    std::size_t bytes = kLayoutBytes + deck.title.size() + deck.description.size();
    for (const Article& a : deck.articles)
        bytes += kLayoutBytes + a.title.size() + a.byline.size() + a.provenance.size();
    for (const Claim& c : deck.claims) {
        bytes += kLayoutBytes + c.text.size() + c.quote.size() + c.rationale.size() + c.known_now.size();
        for (const Evidence& e : c.evidence) bytes += kLayoutBytes + e.quote.size();
        for (const TechniqueUse& t : c.techniques) bytes += kLayoutBytes + t.words.size() * 32;
    }
    return bytes;
}

std::string write_deck_json(const Deck& deck) {
    std::string out;
    out.reserve(estimated_json_bytes(deck));
    JsonLayout json(out);
    json.open('{');
    json.number_member("format_version", kDeckFormatVersion);
    json.string_member("id", deck.id);
    json.number_member("version", deck.version);
    json.string_member("title", deck.title);
    json.string_member("description", deck.description);
    json.string_member("language", deck.language);
    write_list(json, "articles", deck.articles, [&](const Article& a) { write_article(json, a); });
    write_list(json, "topics", deck.topics, [&](const Topic& topic) {
        json.open('{');
        json.string_member("id", topic.id);
        json.string_member("title", topic.title);
        json.close('}');
    });
    write_list(json, "claims", deck.claims, [&](const Claim& claim) { write_claim(json, out, claim); });
    json.close('}');
    out += '\n';
    return out;
}

}  // namespace claimdeck
