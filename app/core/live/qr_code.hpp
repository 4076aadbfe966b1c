// A QR code as modules to draw: each platform makes it with what it has
// (platform/desktop: libqrencode), the projector screen draws the squares.
#pragma once

#include <cstdint>
#include <vector>

namespace claimdeck::live {

struct QrCode {
    int size = 0;                    // modules per side, without the quiet zone
    std::vector<std::uint8_t> dark;  // size * size, row by row; 1 is a dark module

    bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
    bool empty() const { return size == 0; }
};

// The light border a reader needs around the code, in modules (ISO/IEC 18004).
inline constexpr int kQrQuietZone = 4;

}  // namespace claimdeck::live
