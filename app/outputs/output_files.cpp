#include "app/outputs/output_files.hpp"

#include <algorithm>
#include <stdexcept>

#include "app/outputs/output_dir.hpp"
#include "report/io/atomic_file.hpp"
#include "report/io/output_check.hpp"

namespace smp::app {

std::vector<report::PendingOutput> pending_outputs(const std::filesystem::path& directory,
                                                   const std::vector<OutputFile>& files) {
  std::vector<report::PendingOutput> outputs;
  for (const OutputFile& file : files) outputs.push_back({directory / file.name, file.contents});
  return outputs;
}

const std::string& contents_of(const std::vector<OutputFile>& files, std::string_view name) {
  const auto file = std::find_if(files.begin(), files.end(), [name](const OutputFile& f) { return f.name == name; });
  if (file == files.end()) throw std::logic_error("no output named " + std::string(name));
  return file->contents;
}

std::string written_files_text(const std::vector<report::PendingOutput>& outputs) {
  std::string text;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == outputs.size() ? " and " : ", ") + outputs[i].destination.string();
  }
  return text;
}

void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files) {
  create_output_directory(directory);
  std::vector<std::filesystem::path> paths;
  for (const OutputFile& file : files) paths.push_back(directory / file.name);
  report::check_outputs(paths, {});
  report::write_output_set(pending_outputs(directory, files));
}

}  // namespace smp::app
