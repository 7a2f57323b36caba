#pragma once
// Every file the tool writes goes through here: write a temporary file in the same
// directory, fsync it, rename it over the target, fsync the directory. A crash or a full
// disk leaves the previous file intact.
#include <filesystem>
#include <string_view>

namespace yekuo {

// Throws InputError when the directory does not exist or is not writable, InternalError on
// an I/O failure in the middle (the temporary file is removed, the target is untouched).
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

} // namespace yekuo
