#include "report/results_dir/index.hpp"
#include "report/common/text_escape.hpp"

#include <iterator>

#include <fmt/format.h>

#include "report/records/records.hpp"

namespace smp::report {

std::string render_run_index(const RunIndex& index) {
  std::string text;
  const auto out = std::back_inserter(text);
  fmt::format_to(out, "# Profiling Results — {}\n\n", index.generated);
  fmt::format_to(out, "Written in one run by `smallmind-prof run`: the enhanced profile, the allocation profile, the "
                      "comparison against the baseline and a summary derived from them.\n\n");

  fmt::format_to(out, "## 📁 Files\n\n");
  for (const IndexedFile& file : index.files) {
    fmt::format_to(out, "- [`{0}`]({0}) — {1}\n", file.name, file.description);
  }

  fmt::format_to(out, "\n## 🔧 How they were generated\n\n```sh\n{}\n```\n\n", index.command_line);
  if (!index.equivalent_commands.empty()) {
    fmt::format_to(out, "The same reports, one command at a time:\n\n```sh\n");
    for (const std::string& command : index.equivalent_commands) fmt::format_to(out, "{}\n", command);
    fmt::format_to(out, "```\n\n");
  }

  const RunContext& e = index.context;
  fmt::format_to(out, "## 🖥️ Environment\n\n");
  fmt::format_to(out, "- **Tool:** smallmind-prof {} ({} build, {}{})\n", e.machine.tool_version, e.machine.build_type,
                 build_commit_text(e.machine),
                 is_unoptimised_build(e.machine) ? ": ⚠️ not optimised, timings are not representative" : "");
  fmt::format_to(out, "- **Compiler:** {} `{}`\n", e.machine.compiler, e.machine.compiler_flags);
  fmt::format_to(out, "- **CPU:** {} ({} cores); kernel ISA {}; {} kernel thread(s)\n", e.machine.cpu_model, e.machine.cores, e.machine.isa,
                 e.settings.threads);
  if (e.measured.peak_gflops > 0.0) {
    fmt::format_to(out, "- **Measured peak:** {:.1f} GFLOPS (FMA, one core), {:.1f} GB/s (memory read)\n",
                   e.measured.peak_gflops, e.measured.peak_gbps);
  } else {
    fmt::format_to(out, "- **Measured peak:** not measured (--no-peak)\n");
  }
  fmt::format_to(out, "- **Suite:** {} repetitions, seed {}\n", e.settings.repetitions, e.settings.seed);
  fmt::format_to(out, "- **Host:** {} · **Started:** {}\n\n", e.machine.host, e.measured.timestamp);

  fmt::format_to(out, "## 📊 Baseline\n\n");
  if (!index.baseline) {
    fmt::format_to(out, "None: the run was told `--no-baseline`, so nothing was compared.\n");
    return text;
  }
  const IndexedBaseline& b = *index.baseline;
  fmt::format_to(out, "- **Profile:** {} (generated {}; {})\n", markdown_code(b.profile_path), b.generated, b.how_chosen);
  if (b.alloc_path) {
    fmt::format_to(out, "- **Allocation profile:** {}\n", markdown_code(*b.alloc_path));
  } else {
    fmt::format_to(out, "- **Allocation profile:** none beside the baseline profile, so the allocation workloads "
                        "are shown without a baseline\n");
  }
  return text;
}

}  // namespace smp::report
