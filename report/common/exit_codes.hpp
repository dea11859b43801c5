#pragma once
// The tool's exit status convention, shared by every command.
namespace smp::app {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitGateFailed = 1;   // compare: a regression gate failed
inline constexpr int kExitInvalid = 2;      // usage error or invalid input

}  // namespace smp::app
