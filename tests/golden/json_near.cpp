// Compares two JSON documents as values: the same structure, keys, strings and
// booleans, and numbers equal to a relative 1e-12. Full-precision figures
// (p-values, intervals) differ in their last bits between platforms' maths
// libraries (x86-64 and aarch64 glibc round exp and log differently in the
// last place); anything a reader could see differs by far more. Prints the
// first path that differs.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

namespace {

constexpr double kRelativeTolerance = 1e-12;

bool near(double expected, double actual) {
  if (expected == actual) return true;
  return std::fabs(expected - actual) <= kRelativeTolerance * std::max(std::fabs(expected), std::fabs(actual));
}

// The first path at which the two values differ, or nothing.
std::optional<std::string> first_difference(const nlohmann::json& expected, const nlohmann::json& actual,
                                            const std::string& path) {
  if (expected.is_number() && actual.is_number()) {
    if (near(expected.get<double>(), actual.get<double>())) return std::nullopt;
    return path + ": " + expected.dump() + " against " + actual.dump();
  }
  if (expected.type() != actual.type()) return path + ": " + expected.type_name() + " against " + actual.type_name();
  if (expected.is_object()) {
    if (expected.size() != actual.size()) return path + ": the objects have different keys";
    for (const auto& [key, child] : expected.items()) {
      if (!actual.contains(key)) return path + "." + key + ": missing";
      if (auto difference = first_difference(child, actual.at(key), path + "." + key)) return difference;
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size()) return path + ": arrays of different lengths";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (auto difference = first_difference(expected[i], actual[i], path + "[" + std::to_string(i) + "]")) {
        return difference;
      }
    }
    return std::nullopt;
  }
  if (expected != actual) return path + ": " + expected.dump() + " against " + actual.dump();
  return std::nullopt;
}

std::optional<nlohmann::json> read_json(const char* path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  nlohmann::json value = nlohmann::json::parse(in, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: json_near EXPECTED ACTUAL\n";
    return 2;
  }
  const auto expected = read_json(argv[1]);
  const auto actual = read_json(argv[2]);
  if (!expected || !actual) {
    std::cerr << "json_near: cannot read " << (expected ? argv[2] : argv[1]) << " as JSON\n";
    return 2;
  }
  if (auto difference = first_difference(*expected, *actual, "$")) {
    std::cout << *difference << "\n";
    return 1;
  }
  return 0;
}
