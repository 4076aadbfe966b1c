#include "content/techniques.hpp"

#include <algorithm>

namespace claimdeck {

const std::vector<TechniqueInfo>& propaganda_techniques() {
    static const std::vector<TechniqueInfo> techniques = {
        {"Loaded Language", "Words with strong emotional weight used to sway the reader rather than inform."},
        {"Name Calling, Labeling", "Tagging a person or group with a label the audience fears, hates or admires."},
        {"Repetition", "Saying the same message over and over until it feels true."},
        {"Exaggeration, Minimisation", "Making something look much bigger, or much smaller, than it is."},
        {"Doubt", "Questioning someone's credibility instead of their evidence."},
        {"Appeal to fear-prejudice",
         "Building support by stirring fear of an alternative or prejudice against a group."},
        {"Flag-Waving", "Playing on group pride or identity to justify an idea."},
        {"Causal Oversimplification", "Giving one cause for something that has many."},
        {"Slogans", "A short, striking phrase that stands in for an argument."},
        {"Appeal to Authority", "Saying a claim is true because an authority said so, with no other evidence."},
        {"Black-and-White Fallacy", "Offering two options as if they were the only ones."},
        {"Thought-terminating Cliches", "A stock phrase that discourages further thought about the matter."},
        {"Whataboutism", "Answering a charge by pointing to the opponent's own wrongdoing."},
        {"Reductio ad Hitlerum", "Discrediting an idea by linking it to a group the audience hates."},
        {"Red Herring", "Bringing in something irrelevant to draw attention away from the point."},
        {"Bandwagon", "Urging agreement because everybody else supposedly agrees."},
        {"Obfuscation, Intentional Vagueness, Confusion",
         "Wording left so vague that the reader fills in the meaning, and no claim can be checked."},
        {"Straw Men", "Refuting a weaker, made-up version of the opponent's position."},
    };
    return techniques;
}

const TechniqueInfo* find_technique(std::string_view name) {
    const auto& all = propaganda_techniques();
    auto found = std::find_if(all.begin(), all.end(), [&](const TechniqueInfo& t) { return t.name == name; });
    return found == all.end() ? nullptr : &*found;
}

}  // namespace claimdeck
