#pragma once
// Unit conversions, named once. SmallMind's "KB" and "MB" are binary (KiB, MiB),
// and our reports keep its meaning so their figures compare.
namespace smp {

inline constexpr double kBytesPerKiB = 1024.0;
inline constexpr double kBytesPerMiB = 1024.0 * 1024.0;
inline constexpr double kNsPerMs = 1e6;
inline constexpr double kNsPerSecond = 1e9;
inline constexpr double kMsPerSecond = 1e3;

}  // namespace smp
