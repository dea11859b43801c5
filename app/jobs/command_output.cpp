#include "app/jobs/command_output.hpp"

#include <utility>

#include <spdlog/spdlog.h>

namespace smp::app {

CommandOutput write_measured_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files,
                                     report::ResultsTable table, std::string_view markdown_file,
                                     std::string_view json_file) {
  write_outputs(directory, files);
  spdlog::info("wrote {}", written_files_text(pending_outputs(directory, files)));
  CommandOutput output;
  output.tables.push_back(std::move(table));
  output.markdown = contents_of(files, markdown_file);
  output.json = contents_of(files, json_file);
  return output;
}

}  // namespace smp::app
