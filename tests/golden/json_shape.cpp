// Prints the shape of a JSON document: one line per key path with its type,
// array elements folded into "[]" (their shapes merged). Two reports of one
// structure print the same lines whatever their measured values.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <string>

namespace {

void collect(const nlohmann::json& value, const std::string& path, std::set<std::string>& lines) {
    lines.insert(path + ": " + std::string(value.type_name()));
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) collect(child, path + "." + key, lines);
    } else if (value.is_array()) {
        for (const auto& child : value) collect(child, path + "[]", lines);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: json_shape FILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "json_shape: cannot open " << argv[1] << "\n";
        return 2;
    }
    std::set<std::string> lines;
    collect(nlohmann::json::parse(in), "$", lines);
    for (const auto& line : lines) std::cout << line << "\n";
    return 0;
}
