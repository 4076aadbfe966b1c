#include "qr_encoder.hpp"

#include <qrencode.h>

#include <memory>

namespace claimdeck::desktop {

live::QrCode encode_qr(const std::string& text) {
    // Level M: a projected code read from the back of a room survives some
    // glare, and a join link stays a small code (version 3 or 4).
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!encoded) return {};
    live::QrCode code;
    code.size = encoded->width;
    code.dark.resize(static_cast<std::size_t>(code.size) * code.size);
    // libqrencode's lowest bit of each byte is the module's colour.
    for (std::size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = encoded->data[i] & 1;
    return code;
}

}  // namespace claimdeck::desktop
