#include "timeline_data/model.hpp"
#include "timeline_data/problem.hpp"

namespace parallax {

std::int32_t Dataset::FindSource(std::string_view id) const {
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (sources[i].id == id) return static_cast<std::int32_t>(i);
  return -1;
}

std::int32_t Dataset::FindClaim(std::string_view id) const {
  for (std::size_t i = 0; i < claims.size(); ++i)
    if (claims[i].id == id) return static_cast<std::int32_t>(i);
  return -1;
}

std::int32_t Dataset::FindEvent(std::int32_t source, std::string_view id) const {
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].source == source && events[i].id == id) return static_cast<std::int32_t>(i);
  return -1;
}

int Dataset::EventCount(std::int32_t source) const {
  int count = 0;
  for (const Event& e : events) count += e.source == source ? 1 : 0;
  return count;
}

std::string FormatProblem(const Problem& p) {
  std::string out = p.file;
  if (p.line > 0) {
    out += ":" + std::to_string(p.line);
    if (p.column > 0) out += ":" + std::to_string(p.column);
  }
  out += p.severity == Severity::Error ? ": error: " : ": warning: ";
  out += p.message;
  return out;
}

bool HasErrors(const std::vector<Problem>& problems) {
  for (const Problem& p : problems)
    if (p.severity == Severity::Error) return true;
  return false;
}

}  // namespace parallax
