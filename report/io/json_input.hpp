#pragma once
// Parsing an input file's JSON. Malformed text, and documents nested deeper
// than any report we write, are an InputError naming the file: nlohmann's
// parser is iterative, but dump() and other walks over a document recurse,
// so an unbounded depth would let a crafted file overflow the stack.
#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace smp::report {

// Our reports nest 5 levels deep; this leaves room for any future field.
inline constexpr int kMaxJsonDepth = 64;

nlohmann::json parse_json_input(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
