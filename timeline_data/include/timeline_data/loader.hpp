#pragma once
// Loads a dataset folder: timeline.toml, one TOML file per source, claims.toml, people.toml.
// Every problem is reported with file:line:column; one bad event never drops the rest of its file.

#include "timeline_data/model.hpp"
#include "timeline_data/problem.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace parallax {

struct LoadResult {
  Dataset dataset;
  std::vector<Problem> problems;
  bool loaded = false;  // false when timeline.toml itself could not be read or parsed
};

LoadResult LoadDataset(const std::filesystem::path& dir);

// Reads a whole file; false (and `error` says why) when it cannot be read.
bool ReadWholeFile(const std::filesystem::path& path, std::string& contents, std::string& error);

}  // namespace parallax
