// Checks a screenshot of the desktop app: that it is not blank, and that
// text of the given colour was drawn inside a given box.
//
//   png_check FILE [--text-in X Y W H --text-colour #RRGGBB]
//
// Exits 0 when every check passes; otherwise prints what failed and exits 1.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

// A drawn screen has anti-aliased text, cards and buttons: hundreds of
// colours. A blank or single-colour frame has a handful.
constexpr std::size_t kMinDistinctColours = 64;
// The share of pixels that differ from the most common (background) colour.
constexpr double kMinForegroundShare = 0.03;
// Pixels this close to the text colour (sum of channel differences) count
// as text; glyph cores are drawn in exactly that colour.
constexpr int kTextColourTolerance = 48;
constexpr int kMinTextPixels = 150;
// Text is thin strokes on a background: a box mostly in the text colour is
// a filled block, not writing.
constexpr double kMaxTextShare = 0.4;

struct Image {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

    unsigned rgb(int x, int y) const {
        const unsigned char* p = pixels.get() + (static_cast<std::size_t>(y) * width + x) * 3;
        return (unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2];
    }
};

int distance(unsigned a, unsigned b) {
    int total = 0;
    for (int shift = 0; shift <= 16; shift += 8)
        total += std::abs(static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF));
    return total;
}

bool check_not_blank(const Image& image) {
    std::map<unsigned, std::size_t> counts;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) ++counts[image.rgb(x, y)];
    std::size_t background = 0;
    for (const auto& [colour, count] : counts) background = std::max(background, count);
    const double total = static_cast<double>(image.width) * image.height;
    const double foreground = 1.0 - static_cast<double>(background) / total;
    std::printf("%zu distinct colours, %.1f %% of pixels off the background\n", counts.size(), foreground * 100);
    bool ok = true;
    if (counts.size() < kMinDistinctColours) {
        std::printf("FAIL: fewer than %zu distinct colours: the frame looks blank\n", kMinDistinctColours);
        ok = false;
    }
    if (foreground < kMinForegroundShare) {
        std::printf("FAIL: less than %.0f %% of the frame is drawn on\n", kMinForegroundShare * 100);
        ok = false;
    }
    return ok;
}

bool check_text(const Image& image, const std::vector<int>& box, unsigned text_colour) {
    int text_pixels = 0;
    for (int y = std::max(0, box[1]); y < std::min(image.height, box[1] + box[3]); ++y)
        for (int x = std::max(0, box[0]); x < std::min(image.width, box[0] + box[2]); ++x)
            if (distance(image.rgb(x, y), text_colour) <= kTextColourTolerance) ++text_pixels;
    std::printf("%d text-coloured pixels in the box %d %d %d %d\n", text_pixels, box[0], box[1], box[2], box[3]);
    if (text_pixels < kMinTextPixels) {
        std::printf("FAIL: fewer than %d: the text was not drawn there\n", kMinTextPixels);
        return false;
    }
    if (text_pixels > kMaxTextShare * box[2] * box[3]) {
        std::printf("FAIL: the box is mostly text colour: a block, not text\n");
        return false;
    }
    return true;
}

int usage() {
    std::fprintf(stderr, "usage: png_check FILE [--text-in X Y W H --text-colour #RRGGBB]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::vector<int> box;
    long text_colour = -1;
    for (int i = 2; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--text-in" && i + 4 < argc) {
            for (int k = 0; k < 4; ++k) box.push_back(std::atoi(argv[++i]));
        } else if (flag == "--text-colour" && i + 1 < argc && argv[i + 1][0] == '#') {
            text_colour = std::strtol(argv[++i] + 1, nullptr, 16);
        } else {
            return usage();
        }
    }
    if (box.empty() != (text_colour < 0)) return usage();

    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(argv[1], &image.width, &image.height, &channels, 3));
    if (!image.pixels) {
        std::printf("FAIL: cannot read %s as an image: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    std::printf("%s: %d x %d\n", argv[1], image.width, image.height);
    bool ok = check_not_blank(image);
    if (!box.empty()) ok = check_text(image, box, static_cast<unsigned>(text_colour)) && ok;
    return ok ? 0 : 1;
}
