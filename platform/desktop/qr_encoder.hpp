// QR codes for the projector's join link, made with libqrencode.
#pragma once

#include <string>

#include "live/qr_code.hpp"

namespace claimdeck::desktop {

// Empty when the text cannot be encoded (too long for any QR code).
live::QrCode encode_qr(const std::string& text);

}  // namespace claimdeck::desktop
