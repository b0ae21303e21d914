#pragma once
// A problem found while loading or validating: where it is and what is wrong, in the
// `file:line:column: error: message` form that editors and compilers use.

#include <string>
#include <vector>

namespace parallax {

enum class Severity { Error, Warning };

struct Problem {
  std::string file;  // path as the user named it (dataset dir joined with the file name)
  int line = 0;      // 1-based; 0 when the whole file is concerned
  int column = 0;
  Severity severity = Severity::Error;
  std::string message;
  std::string sourceId;  // the event concerned, when there is one
  std::string eventId;
};

// "file:line:column: error: message" (line and column omitted when unknown).
std::string FormatProblem(const Problem& problem);

bool HasErrors(const std::vector<Problem>& problems);

}  // namespace parallax
