#include "claim_parts.hpp"

#include "content/quote_marks.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

namespace {

constexpr const char* kVerdictDefinitions[] = {
    "Verified: the articles agree with each other and with the public record.",
    "Contested: the sources disagree, or no independent source can check it, even when its words are loaded.",
    "Propaganda: worded to move you rather than inform you; a technique is at work.",
};

}  // namespace

void verdict_definitions(float width) {
    for (Verdict verdict : kAllVerdicts) {
        vertical_space(0.4f);
        // Equal badges, so the three sentences start in one line.
        const float badge = 2 * em();
        chip(verdict_symbol(verdict), verdict_colour(verdict), on_verdict_colour(verdict), badge);
        ImGui::SameLine();
        const float indent = badge + ImGui::GetStyle().ItemSpacing.x;
        text_block(kVerdictDefinitions[index_of(verdict)], nullptr, 0, width - indent);
    }
}

std::string source_line(const Article& article) {
    return article.byline.empty() ? article.title : article.title + " \u2014 " + article.byline;
}

void quote_in_paragraph(const Article& article, const Claim& claim, const std::vector<StyledRange>& quote_marks,
                        float width) {
    const std::string_view paragraph = surrounding_paragraph(article, claim.span);
    const std::size_t offset = static_cast<std::size_t>(paragraph.data() - article.text.data());
    const std::size_t quote_begin = claim.span.begin - offset;

    std::vector<StyledRange> marks;
    for (StyledRange mark : quote_marks) {
        mark.span = {mark.span.begin + quote_begin, mark.span.end + quote_begin};
        marks.push_back(mark);
    }
    TextStyle quote_style;
    quote_style.background = palette().mark;
    Paragraph p;
    p.text = paragraph;
    p.ranges = layered({{Span{quote_begin, claim.span.end - offset}, quote_style}}, marks);
    rich_text(p, width);
}

std::vector<StyledRange> technique_marks(const Claim& claim) {
    std::vector<std::string> words;
    for (const TechniqueUse& use : claim.techniques) words.insert(words.end(), use.words.begin(), use.words.end());
    TextStyle style;
    style.background = verdict_tint(Verdict::Propaganda);
    style.underline = verdict_colour(Verdict::Propaganda);
    return styled(find_words(claim.quote, words), style);
}

std::vector<StyledRange> figure_marks(const std::vector<Span>& figures) {
    TextStyle style;
    style.bold = true;
    style.underline = palette().figure;
    return styled(figures, style);
}

}  // namespace claimdeck::ui
