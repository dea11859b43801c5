#include "app/outputs/output_files.hpp"

#include "report/io/atomic_file.hpp"
#include "report/io/output_check.hpp"

namespace smp::app {

void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files) {
  std::vector<std::filesystem::path> paths;
  for (const OutputFile& file : files) paths.push_back(directory / file.name);
  report::check_outputs(paths, {});
  for (std::size_t i = 0; i < files.size(); ++i) report::write_file_atomically(paths[i], files[i].contents);
}

}  // namespace smp::app
