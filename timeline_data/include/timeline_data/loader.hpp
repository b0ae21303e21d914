#pragma once
// Loads a dataset folder: timeline.toml, one TOML file per source, claims.toml, people.toml.
// Every problem is reported with file:line:column; one bad event never drops the rest of its file.

#include "timeline_data/model.hpp"
#include "timeline_data/problem.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace parallax {

struct LoadResult {
  Dataset dataset;
  std::vector<Problem> problems;
  bool loaded = false;  // false when timeline.toml itself could not be read or parsed
};

LoadResult LoadDataset(const std::filesystem::path& dir);

// Reads one file of the dataset; false (and `error` says why) when it cannot.
using ReadFileFn = std::function<bool(const std::filesystem::path& path, std::string& contents, std::string& error)>;
// The same, reading through `read` (an editor loads from its unsaved buffers).
LoadResult LoadDataset(const std::filesystem::path& dir, const ReadFileFn& read);

// Reads a whole file; false (and `error` says why) when it cannot be read.
bool ReadWholeFile(const std::filesystem::path& path, std::string& contents, std::string& error);

}  // namespace parallax
