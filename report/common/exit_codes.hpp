#pragma once
// The tool's exit statuses, shared by every command (main maps errors to them).
namespace smp {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitGateFailed = 1;     // a regression gate failed
inline constexpr int kExitInvalid = 2;        // usage error or invalid input
inline constexpr int kExitInternalError = 3;  // a bug or an exhausted resource, never the user's input

}  // namespace smp
