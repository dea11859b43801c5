#include "output_files.hpp"

#include "report/atomic_file.hpp"

namespace smp::app {

void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files) {
  for (const OutputFile& file : files) report::write_file_atomically(directory / file.name, file.contents);
}

}  // namespace smp::app
