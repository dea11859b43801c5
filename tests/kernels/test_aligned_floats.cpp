#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <sys/mman.h>

#include <catch2/catch.hpp>

#include "kernels/aligned_floats.hpp"

namespace {

constexpr std::uintptr_t kHugePage = smp::kernels::kHugePageBytes;

// The VmFlags of the mapping that holds `address`, from /proc/self/smaps;
// nullopt when the file or the mapping's flags cannot be read.
std::optional<std::string> mapping_flags(std::uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= address && address < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line.substr(8) + " ";
    }
  }
  return std::nullopt;
}

// True when huge-page advice shows in /proc/self/smaps here: it does not
// where the kernel lacks transparent huge pages, or under qemu-user, which
// accepts madvise and ignores it. Checked on a mapping of the test's own.
bool advice_is_visible() {
  const std::size_t bytes = 2 * kHugePage;
  void* mapping = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) return false;
  const std::uintptr_t page = (reinterpret_cast<std::uintptr_t>(mapping) + kHugePage - 1) & ~(kHugePage - 1);
  const bool advised = madvise(reinterpret_cast<void*>(page), kHugePage, MADV_HUGEPAGE) == 0;
  const std::optional<std::string> flags = mapping_flags(page);
  munmap(mapping, bytes);
  return advised && flags && flags->find(" hg ") != std::string::npos;
}

}  // namespace

TEST_CASE("kernels: a buffer that spans whole huge pages asks for them, and stays usable", "[kernels][memory]") {
  constexpr std::size_t kFloats = 3 * kHugePage / sizeof(float);  // two whole huge pages at any alignment
  const smp::kernels::AlignedFloats buffer = smp::kernels::allocate_aligned_floats(kFloats);
  const auto start = reinterpret_cast<std::uintptr_t>(buffer.get());
  CHECK(start % smp::kernels::kBufferAlignment == 0);
  for (std::size_t i = 0; i < kFloats; i += 1024) buffer[i] = static_cast<float>(i);
  buffer[kFloats - 1] = -1.0f;
  CHECK(buffer[kFloats - 1] == -1.0f);
  CHECK(buffer[1024] == 1024.0f);

  const std::uintptr_t first_whole_page = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (!advice_is_visible()) {
    WARN("huge-page advice not checked: it does not show in /proc/self/smaps here (no transparent huge pages, or emulated)");
    return;
  }
  const std::optional<std::string> flags = mapping_flags(first_whole_page);
  REQUIRE(flags);
  CHECK_THAT(*flags, Catch::Contains(" hg "));
}
