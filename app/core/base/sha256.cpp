#include "base/sha256.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace claimdeck {
namespace {

using Word = std::uint32_t;

constexpr std::array<Word, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr Word rotate_right(Word x, int n) { return (x >> n) | (x << (32 - n)); }

class Sha256 {
public:
    void add(std::string_view data) {
        for (char c : data) add_byte(static_cast<std::uint8_t>(c));
        length_bits_ += 8u * data.size();
    }

    std::array<Word, 8> finish() {
        const std::uint64_t length_bits = length_bits_;
        add_byte(0x80);
        while (filled_ != 56) add_byte(0);
        for (int shift = 56; shift >= 0; shift -= 8) add_byte(static_cast<std::uint8_t>(length_bits >> shift));
        return state_;
    }

private:
    void add_byte(std::uint8_t byte) {
        block_[filled_++] = byte;
        if (filled_ == block_.size()) {
            compress();
            filled_ = 0;
        }
    }

    void compress() {
        std::array<Word, 64> w{};
        for (std::size_t i = 0; i < 16; ++i)
            w[i] = Word(block_[4 * i]) << 24 | Word(block_[4 * i + 1]) << 16 | Word(block_[4 * i + 2]) << 8 |
                   Word(block_[4 * i + 3]);
        for (std::size_t i = 16; i < 64; ++i) {
            const Word s0 = rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const Word s1 = rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<Word, 8> v = state_;
        for (std::size_t i = 0; i < 64; ++i) {
            const Word s1 = rotate_right(v[4], 6) ^ rotate_right(v[4], 11) ^ rotate_right(v[4], 25);
            const Word choice = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const Word t1 = v[7] + s1 + choice + kRoundConstants[i] + w[i];
            const Word s0 = rotate_right(v[0], 2) ^ rotate_right(v[0], 13) ^ rotate_right(v[0], 22);
            const Word majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            for (std::size_t j = 7; j > 0; --j) v[j] = v[j - 1];
            v[4] += t1;
            v[0] = t1 + s0 + majority;
        }
        for (std::size_t i = 0; i < 8; ++i) state_[i] += v[i];
    }

    std::array<Word, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<std::uint8_t, 64> block_{};
    std::size_t filled_ = 0;
    std::uint64_t length_bits_ = 0;
};

}  // namespace

std::string sha256_hex(std::string_view data) {
    Sha256 hash;
    hash.add(data);
    std::string hex;
    for (Word word : hash.finish()) {
        char digits[9];
        std::snprintf(digits, sizeof digits, "%08x", static_cast<unsigned>(word));
        hex += digits;
    }
    return hex;
}

}  // namespace claimdeck
