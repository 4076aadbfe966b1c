#include "content/deck_writer.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

namespace claimdeck {
namespace {

// A JSON string as the deck files write it: UTF-8 as it is, with the
// characters that cannot be seen (no-break and zero-width spaces, line and
// paragraph separators, the byte order mark) escaped so whoever edits the
// file by hand sees them.
std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            default: break;
        }
        char escaped[8];
        if (c < 0x20) {
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
            continue;
        }
        static constexpr std::string_view kInvisible[] = {"\u00a0", "\u200b", "\u200c", "\u200d",
                                                          "\u2028", "\u2029", "\ufeff"};
        static constexpr const char* kEscapes[] = {"\\u00a0", "\\u200b", "\\u200c", "\\u200d",
                                                   "\\u2028", "\\u2029", "\\ufeff"};
        bool replaced = false;
        for (std::size_t k = 0; k < std::size(kInvisible) && !replaced; ++k) {
            if (text.compare(i, kInvisible[k].size(), kInvisible[k]) != 0) continue;
            out += kEscapes[k];
            i += kInvisible[k].size() - 1;
            replaced = true;
        }
        if (!replaced) out += static_cast<char>(c);
    }
    return out + "\"";
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
        out_ += json_string(value);
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
            out_ += json_string(value);
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

std::string write_deck_json(const Deck& deck) {
    std::string out;
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
    return out + "\n";
}

}  // namespace claimdeck
