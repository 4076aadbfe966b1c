#include "text_file.hpp"

#include <fstream>
#include <system_error>

namespace claimdeck {

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
        i += length;
    }
    return true;
}

TextFileResult read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    TextFileResult result;
    const std::string name = path.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        result.error = name + " does not exist or is not a file";
        return result;
    }
    std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        result.error = name + " cannot be read: " + error.message();
        return result;
    }
    if (size > max_bytes) {
        result.error = name + " is " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(max_bytes);
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = name + " cannot be opened";
        return result;
    }
    // One read of the size we were told, then a check that nothing follows:
    // a file that grows meanwhile is refused rather than read without bound.
    result.text.resize(static_cast<std::size_t>(size));
    in.read(result.text.data(), static_cast<std::streamsize>(size));
    result.text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.peek() != std::ifstream::traits_type::eof()) {
        result.text.clear();
        result.error = name + " changed while it was read; try again";
    } else if (!is_valid_utf8(result.text)) {
        result.text.clear();
        result.error = name + " is not UTF-8 text";
    }
    return result;
}

std::string write_text_file(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::path temporary = path;
    temporary += ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot create " + temporary.string();
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + path.string() + " (is the disk full?)";
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return "cannot write " + path.string() + ": " + error.message();
    }
    return {};
}

}  // namespace claimdeck
