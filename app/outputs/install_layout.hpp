#pragma once
// Where this executable is and where its installed data lies beside it, so an
// installed tool reads nothing from the source tree it was built from.
#include <filesystem>

namespace smp::app {

// The running executable's path (/proc/self/exe).
std::filesystem::path this_executable();

// The baselines directory `run` defaults to: the installed copy beside the
// executable (<prefix>/share/smallmind-prof/baselines for <prefix>/bin), or,
// for an executable inside the build tree with no such copy beside it, the
// source tree's baselines/.
std::filesystem::path default_baselines_directory();

}  // namespace smp::app
