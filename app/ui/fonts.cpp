#include "fonts.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <vector>

namespace claimdeck::ui {
namespace {

// Latin-1, Latin Extended-A and General Punctuation (’ “ ” – — … ′), plus
// the few symbols the screens draw: arrows, − ≠, ␣, ▸, ⚙ and ✓ ✗.
// ImGui keeps a pointer to this array, so it must outlive the atlas.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x2193, 0x2212, 0x2212, 0x2260,
    0x2260, 0x2423, 0x2423, 0x25B8, 0x25B8, 0x2699, 0x2699, 0x2713, 0x2717, 0,
};

// A live class's join code: capitals, digits and '-' only, so its large
// size costs the atlas little.
const ImWchar kJoinCodeRanges[] = {0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0};
// The join code is read from the back of a classroom: this many times the body size.
constexpr float kJoinCodeScale = 5.0f;

// Glyphs are snapped to whole pixels, so they are rasterised once at their
// size: oversampling (ImGui's default is 3 across) only serves sub-pixel
// placement. Without it the atlas is half as wide, quicker to build at
// start-up, and the text a little crisper.
// The bytes of a font file, read from disk the first time only: the fonts are
// rebuilt at every text size or scale change, five fonts from two files.
// Empty when the file cannot be read. Kept for the whole run because the
// atlas reads them again at each rebuild and does not own them.
std::vector<char>& file_bytes(const std::string& file) {
    static std::map<std::string, std::vector<char>> read_files;
    auto found = read_files.find(file);
    if (found != read_files.end()) return found->second;
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) bytes.clear();
    // A file that could not be read is tried again next time, not remembered.
    if (bytes.empty()) {
        static std::vector<char> none;
        return none;
    }
    return read_files.emplace(file, std::move(bytes)).first->second;
}

ImFont* add_font(ImFontAtlas& atlas, const std::string& file, float size, const ImWchar* ranges = kGlyphRanges) {
    std::vector<char>& bytes = file_bytes(file);
    if (bytes.empty()) return nullptr;
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.FontDataOwnedByAtlas = false;
    return atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), size, &config, ranges);
}

}  // namespace

Fonts build_fonts(ImFontAtlas& atlas, const FontFiles& files, float body_size, float pixels_per_unit) {
    atlas.Clear();
    const float px = body_size * pixels_per_unit;
    Fonts fonts;
    fonts.body = add_font(atlas, files.regular, px);
    fonts.bold = add_font(atlas, files.bold, px);
    fonts.claim = add_font(atlas, files.regular, 1.4f * px);
    fonts.heading = add_font(atlas, files.bold, 1.25f * px);
    fonts.small = add_font(atlas, files.regular, 0.85f * px);
    fonts.join_code = add_font(atlas, files.bold, kJoinCodeScale * px, kJoinCodeRanges);
    atlas.Build();
    return fonts;
}

}  // namespace claimdeck::ui
