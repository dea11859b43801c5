#include <regex>

#include <catch2/catch.hpp>

#include "report/common/timestamp.hpp"

using namespace smp;

TEST_CASE("our timestamps are RFC 3339 local time with the UTC offset") {
  const std::regex rfc3339(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})");
  CHECK(std::regex_match(report::iso_timestamp_now(), rfc3339));
}

TEST_CASE("SmallMind's stamp is the ISO stamp's local date and time; other text passes through") {
  CHECK(report::smallmind_stamp("2026-02-05T10:00:00+01:00") == "2026-02-05 10:00:00");
  CHECK(report::smallmind_stamp("2026-02-05 10:00:00") == "2026-02-05 10:00:00");
  CHECK(report::smallmind_stamp("") == "");
}
