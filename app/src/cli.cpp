#include "cli.hpp"

#include "timeline_data/loader.hpp"

namespace parallax {

int RunCheck(const std::string& datasetDir, std::ostream& out, std::ostream& err) {
  const LoadResult result = LoadDataset(datasetDir);
  int errors = 0;
  int warnings = 0;
  for (const Problem& p : result.problems) {
    out << FormatProblem(p) << '\n';
    (p.severity == Severity::Error ? errors : warnings) += 1;
  }
  const Dataset& d = result.dataset;
  if (errors == 0 && warnings == 0) {
    out << datasetDir << ": ok: " << d.sources.size() << " sources, " << d.events.size() << " events, "
        << d.claims.size() << " claims\n";
    return 0;
  }
  err << datasetDir << ": " << errors << " error(s), " << warnings << " warning(s)\n";
  return 1;
}

int RunDates(const std::string& edtf, const std::string& calendar, std::ostream& out, std::ostream& err) {
  Calendar cal = Calendar::Gregorian;
  if (calendar == "julian") cal = Calendar::Julian;
  else if (!calendar.empty() && calendar != "gregorian") {
    err << "error: --calendar must be gregorian or julian, not '" << calendar << "'\n";
    return 2;
  }
  const EdtfParseResult parsed = ParseEdtf(edtf, cal);
  if (!parsed.ok) {
    err << "error: " << parsed.errorMessage << '\n';
    return 1;
  }
  out << FormatInterpretation(parsed.value) << '\n';
  return 0;
}

}  // namespace parallax
