#pragma once
// Renders a profile as SmallMind's enhanced markdown report (so SmallMind's
// comparator and ours read it), followed by our own sections: per-scope
// statistics with roofline figures, and the environment.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string render_profile_markdown(const ProfileRecord& profile);

}  // namespace smp::report
