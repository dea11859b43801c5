#include "app/jobs/ab_job.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <iterator>
#include <iostream>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "app/jobs/child_process.hpp"
#include "app/jobs/design_power.hpp"
#include "app/jobs/lockstep_pair.hpp"
#include "app/outputs/output_dir.hpp"
#include "app/outputs/output_files.hpp"
#include "report/io/atomic_file.hpp"
#include "report/io/output_target.hpp"
#include "app/outputs/shell_quote.hpp"
#include "report/analysis/compare.hpp"
#include "report/common/errors.hpp"
#include "report/common/file_names.hpp"
#include "report/common/text_escape.hpp"
#include "report/common/workload.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/formats/read_report.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/formats/render_summary.hpp"
#include "report/records/merge_processes.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Side {
  std::string label;  // "base" or "candidate"
  char tag;           // 'A' or 'B': names of one length for both sides' files
  fs::path executable;
  std::vector<std::string> extra_args;
  std::vector<report::ProfileRecord> rounds;
};

Side make_side(std::string label, char tag, const fs::path& executable, const std::string& args) {
  std::error_code error;
  const fs::file_status status = fs::status(executable, error);
  if (executable.empty() || !fs::is_regular_file(status) || ::access(executable.c_str(), X_OK) != 0) {
    throw InputError(executable, label + " is not an executable file");
  }
  return {label, tag, fs::absolute(executable), shell_words(args, "--" + label + "-args"), {}};
}

// How the rounds run: where, until when, in which order, on which CPUs.
struct Schedule {
  fs::path scratch;
  Clock::time_point deadline;
  std::mt19937_64 order;
  std::uint64_t padding = 0;
  std::vector<int> cpus;       // a round's processes are held on one of these; empty: not held
  std::vector<int> used_cpus;  // the CPU each round ran on, when held
};

// One round: a fresh `enhanced` process per side, the two in lock step.
void measure_round(Side& base, Side& candidate, int round, const AbOptions& options, Schedule& schedule) {
  const fs::path& scratch = schedule.scratch;
  std::array<Side*, 2> sides{&base, &candidate};
  std::array<LockstepChild, 2> children;
  std::array<fs::path, 2> directories;
  for (std::size_t i = 0; i < 2; ++i) {
    // Both sides' paths have one length: a child's heap starts with copies of
    // its arguments, so a longer path on one side would shift that side's
    // buffers for good.
    const std::string name = fmt::format("{}{:05}", sides[i]->tag, round);
    directories[i] = scratch / name;
    std::vector<std::string> arguments{"-q",         "enhanced", "--processes", "1", "--repetitions",
                                       std::to_string(options.repetitions), "--no-peak", "--output-dir",
                                       directories[i].string()};
    arguments.insert(arguments.end(), options.enhanced_args.begin(), options.enhanced_args.end());
    arguments.insert(arguments.end(), sides[i]->extra_args.begin(), sides[i]->extra_args.end());
    // A fresh copy of the executable each round: its code then sits on other
    // physical pages every time, so where the page cache happened to put one
    // build's file cannot bias every round the same way (the same idea as the
    // stack padding).
    const fs::path copy = scratch / (name + ".exe");
    fs::copy_file(sides[i]->executable, copy, fs::copy_options::overwrite_existing);
    children[i] = {copy, std::move(arguments), scratch / (name + ".log"), random_layout_environment(schedule.padding)};
  }
  std::optional<int> cpu;
  if (!schedule.cpus.empty()) {
    cpu = schedule.cpus[schedule.order() % schedule.cpus.size()];
    schedule.used_cpus.push_back(*cpu);
  }
  const std::array<int, 2> statuses = run_in_lockstep(children, schedule.order, cpu);
  for (std::size_t i = 0; i < 2; ++i) {
    fs::remove(children[i].program);
    Side& side = *sides[i];
    const std::string which = fmt::format("{} (round {})", side.label, round + 1);
    if (statuses[i] != 0) {
      throw InputError(side.executable, which + " exited with status " + std::to_string(statuses[i]) + ": " +
                                            last_log_line(children[i].log));
    }
    try {
      side.rounds.push_back(report::read_report(directories[i] / kProfileJsonFile));
    } catch (const InputError& error) {
      throw InputError(side.executable, which + " wrote a report that cannot be read: " + error.what());
    }
  }
}

// Runs rounds until `total` are done or the time is up; false when it was.
bool measure_rounds(Side& base, Side& candidate, int total, const AbOptions& options, Schedule& schedule) {
  for (int round = static_cast<int>(base.rounds.size()); round < total; ++round) {
    if (Clock::now() >= schedule.deadline) return false;
    spdlog::info("round {}/{}", round + 1, total);
    measure_round(base, candidate, round, options, schedule);
  }
  return true;
}

// The value of the last `--threads` among `words` ("--threads N" or "--threads=N").
std::optional<std::string> threads_option(const std::vector<std::string>& words) {
  std::optional<std::string> value;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--threads" && i + 1 < words.size()) value = words[i + 1];
    if (words[i].starts_with("--threads=")) value = words[i].substr(std::string_view("--threads=").size());
  }
  return value;
}

// The CPUs a round may be held on: all this process may use, unless holding
// is off or a side runs more than one kernel thread (one CPU would then
// serialise what that side measures in parallel).
std::vector<int> holding_cpus(const AbOptions& options, const Side& base, const Side& candidate) {
  if (!options.hold_cpu) return {};
  for (const Side* side : {&base, &candidate}) {
    std::vector<std::string> words = options.enhanced_args;
    words.insert(words.end(), side->extra_args.begin(), side->extra_args.end());
    const std::optional<std::string> threads = threads_option(words);
    if (threads && *threads != "1") {
      spdlog::info("the {} runs {} threads: a round's processes are not held on one CPU", side->label, *threads);
      return {};
    }
  }
  return allowed_cpus();
}

report::ComparisonRecord compare_rounds(const Side& base, const Side& candidate, const AbOptions& options,
                                        double alpha) {
  report::GateOptions gate = resolved_gate_options(options.gate);
  gate.paired = true;
  gate.alpha = alpha;
  return report::compare_profiles(report::merge_processes(base.rounds), report::merge_processes(candidate.rounds),
                                  gate);
}

// A regression the time limit left unconfirmed is reported as inconclusive.
void mark_unconfirmed(report::GateResult& gate) {
  for (report::ScopeStatistics& stats : gate.scopes) {
    if (stats.verdict != report::ScopeVerdict::regressed) continue;
    stats.verdict = report::ScopeVerdict::inconclusive;
    --gate.regressed;
    ++gate.inconclusive;
  }
  gate.time_failed = false;
  if (!gate.alloc_failed && !gate.missing_failed) gate.verdict = report::GateVerdict::inconclusive;
  gate.warnings.push_back("a regression was seen but --max-seconds left no time to confirm it");
}

std::set<std::string> regressed_scopes(const report::GateResult& gate) {
  std::set<std::string> names;
  for (const report::ScopeStatistics& stats : gate.scopes) {
    if (stats.verdict == report::ScopeVerdict::regressed) names.insert(stats.name);
  }
  return names;
}

struct Design {
  int rounds = 0;
  int looks = 1;
  std::set<std::string> first_look_suspects;  // beyond their threshold at kAbScreenAlpha: why a second look ran
  double seconds = 0.0;
  std::vector<int> cpus;  // the CPU each round's processes were held on; empty: not held
};

std::string side_text(const Side& side) {
  if (side.extra_args.empty()) return fmt::format("`{}`", side.executable.string());
  return fmt::format("`{}` with `{}`", side.executable.string(), shell_command(side.extra_args));
}

std::string design_markdown(const Side& base, const Side& candidate, const AbOptions& options, const Design& design) {
  std::string text;
  const auto out = std::back_inserter(text);
  fmt::format_to(out, "\n## 🔁 Interleaved A/B\n\n");
  fmt::format_to(out, "- **Base:** {}\n", side_text(base));
  fmt::format_to(out, "- **Candidate:** {}\n", side_text(candidate));
  if (!options.enhanced_args.empty()) {
    fmt::format_to(out, "- **Both sides:** `{}`\n", shell_command(options.enhanced_args));
  }
  fmt::format_to(out,
      "- **Rounds:** {} ({} look{}), each one fresh `enhanced --processes 1 --repetitions {}` process per side, "
      "the two in lock step: they take turns one case at a time, in ABBA order randomised within each pair of "
      "turns (seed {}), so each case's two measurements are milliseconds apart\n",
      design.rounds, design.looks, design.looks == 1 ? "" : "s", options.repetitions, options.order_seed);
  fmt::format_to(out,
      "- **Error rate:** a scope regresses only at a second look, significant over all the rounds at alpha = {:g} "
      "under Holm across the top-level scopes; the first look only decides whether to measure as many rounds again "
      "(when a scope is beyond its threshold at Holm-adjusted p ≤ {:g}), so the false-alarm rate is at most alpha\n",
      options.gate.options.alpha, kAbScreenAlpha);
  if (design.looks == 2) {
    std::vector<std::string> names;
    for (const std::string& name : design.first_look_suspects) names.push_back(report::markdown_code(name));
    fmt::format_to(out, "- **Why a second look:** at the first look {} {} beyond the threshold at p ≤ {:g}\n",
                   fmt::join(names, ", "), names.size() == 1 ? "was" : "were", kAbScreenAlpha);
  }
  if (design.cpus.empty()) {
    fmt::format_to(out, "- **CPU:** not held (the scheduler placed each process)\n");
  } else {
    fmt::format_to(out, "- **CPU:** each round's two processes held on one CPU, drawn per round: {}\n",
                   fmt::join(design.cpus, ", "));
  }
  fmt::format_to(out, "- **Wall time:** {:.1f} s\n", design.seconds);
  return text;
}

nlohmann::json design_json(const Side& base, const Side& candidate, const AbOptions& options, const Design& design) {
  return {{"base", base.executable.string()},
          {"base_args", base.extra_args},
          {"candidate", candidate.executable.string()},
          {"candidate_args", candidate.extra_args},
          {"enhanced_args", options.enhanced_args},
          {"rounds", design.rounds},
          {"looks", design.looks},
          {"first_look_suspects", design.first_look_suspects},
          {"repetitions_per_process", options.repetitions},
          {"order_seed", options.order_seed},
          {"alpha", options.gate.options.alpha},
          {"screen_alpha", kAbScreenAlpha},
          {"round_cpus", design.cpus},
          {"seconds", design.seconds}};
}

}  // namespace

CommandOutput run_ab(const AbOptions& options) {
  Side base = make_side("base", 'A', options.base, options.base_args);
  Side candidate = make_side("candidate", 'B', options.candidate, options.candidate_args);
  const fs::path directory(options.output_dir);
  check_output_directory(directory);
  const ScratchDirectory scratch("smallmind-prof-ab");
  const auto start = Clock::now();
  Schedule schedule{scratch.path(),
                    start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.max_seconds)),
                    std::mt19937_64(options.order_seed), 0, holding_cpus(options, base, candidate), {}};
  schedule.padding = schedule.order();
  // The power a regression needs is that of the second look, over twice the rounds.
  say_design_power(report::ReplicationDesign::paired_rounds, 2 * static_cast<std::size_t>(options.rounds),
                   kSuiteScopeCount, options.gate.options.alpha);

  measure_rounds(base, candidate, options.rounds, options, schedule);
  if (base.rounds.size() < 2) throw UsageError("--max-seconds left time for fewer than 2 rounds: nothing to compare");
  const double alpha = options.gate.options.alpha;
  // Holm's adjusted p-values do not depend on the level, so every scope that
  // regresses at alpha is among these suspects: the first look never fails alone.
  const std::set<std::string> suspects =
      regressed_scopes(compare_rounds(base, candidate, options, std::max(alpha, kAbScreenAlpha)).gate);
  Design design;
  bool completed = true;
  if (!suspects.empty()) {
    spdlog::info("{} beyond the threshold at the first look: {} more rounds before any scope is judged",
                 fmt::join(suspects, ", "), options.rounds);
    completed = measure_rounds(base, candidate, static_cast<int>(base.rounds.size()) + options.rounds, options,
                               schedule);
    design.looks = 2;
    design.first_look_suspects = suspects;
  }
  design.rounds = static_cast<int>(base.rounds.size());
  report::ComparisonRecord record = compare_rounds(base, candidate, options, alpha);
  if (!completed && record.gate.regressed > 0) mark_unconfirmed(record.gate);
  design.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  design.cpus = schedule.used_cpus;

  for (const std::string& warning : record.gate.warnings) spdlog::warn("{}", warning);
  log_gate_decisions(record.gate);
  nlohmann::json document = report::comparison_document(record);
  document["ab"] = design_json(base, candidate, options, design);
  // The reports and the summary are one set, replaced all together or not at all.
  create_output_directory(directory);
  std::vector<OutputFile> files{
      {std::string(kAbMarkdownFile), "",
       report::render_comparison_markdown(record) + design_markdown(base, candidate, options, design)},
      {std::string(kAbJsonFile), "", document.dump(2) + "\n"}};
  std::vector<report::PendingOutput> outputs = pending_outputs(directory, files);
  if (!options.summary_output.empty()) outputs.push_back({options.summary_output, report::render_job_summary(record)});
  report::write_output_set(outputs);
  spdlog::info("wrote {}", written_files_text(outputs));

  CommandOutput output;
  output.status = gate_exit_status(options.gate, record.gate);
  output.verdict_line =
      report::render_verdict_line(record) + fmt::format(" — ab: {} rounds, {:.0f} s", design.rounds, design.seconds);
  output.tables.push_back(report::comparison_table(record));
  output.markdown = contents_of(files, kAbMarkdownFile);
  output.json = contents_of(files, kAbJsonFile);
  output.stdout_taken = options.summary_output == report::kStandardOutput;
  return output;
}

}  // namespace smp::app
