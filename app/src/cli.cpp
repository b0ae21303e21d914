#include "cli.hpp"

#include "timeline_data/loader.hpp"
#include "timeline_data/verdict.hpp"

#include <cstdio>
#include <iomanip>
#include <vector>

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

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

int RunClaims(const std::string& datasetDir, const std::string& format, std::ostream& out, std::ostream& err) {
  if (format != "text" && format != "csv" && format != "json") {
    err << "error: --format must be text, csv or json, not '" << format << "'\n";
    return 2;
  }
  const LoadResult result = LoadDataset(datasetDir);
  for (const Problem& p : result.problems) err << FormatProblem(p) << '\n';
  if (!result.loaded) return 1;
  const Dataset& d = result.dataset;
  const ClaimAnalysis analysis = AnalyzeClaims(d);

  struct Row {
    const std::string* claim;
    const std::string* source;
    const std::string* event;
    const std::string* written;
    std::string earliest;
    std::string latest;
    const char* verdict;
    std::int32_t gap;
  };
  std::vector<Row> rows;
  for (const Claim& c : d.claims) {
    for (std::int32_t ei : c.events) {
      const Event& e = d.events[static_cast<std::size_t>(ei)];
      const Comparison vs = analysis.eventVsRecord[static_cast<std::size_t>(ei)];
      rows.push_back(Row{&c.id, &d.sources[static_cast<std::size_t>(e.source)].id, &e.id,
                         e.dateText.empty() ? &e.dateRaw : &e.dateText,
                         !e.dateValid ? "invalid" : e.date.start.kind == BoundKind::Known ? FormatIsoDay(e.date.Earliest()) : "open",
                         !e.dateValid ? "invalid" : e.date.end.kind == BoundKind::Known ? FormatIsoDay(e.date.Latest()) : "open",
                         !e.dateValid ? "invalid-date" : c.hasRecord ? VerdictName(vs.verdict) : "no-record", vs.gapDays});
    }
  }
  if (format == "csv") {
    out << "claim,source,event,date_as_written,earliest,latest,verdict,gap_days\n";
    for (const Row& r : rows)
      out << CsvField(*r.claim) << ',' << CsvField(*r.source) << ',' << CsvField(*r.event) << ','
          << CsvField(*r.written) << ',' << r.earliest << ',' << r.latest << ',' << r.verdict << ',' << r.gap << '\n';
  } else if (format == "json") {
    out << "[\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      out << "  {\"claim\": " << JsonString(*r.claim) << ", \"source\": " << JsonString(*r.source)
          << ", \"event\": " << JsonString(*r.event) << ", \"date_as_written\": " << JsonString(*r.written)
          << ", \"earliest\": " << JsonString(r.earliest) << ", \"latest\": " << JsonString(r.latest)
          << ", \"verdict\": " << JsonString(r.verdict) << ", \"gap_days\": " << r.gap << "}"
          << (i + 1 < rows.size() ? ",\n" : "\n");
    }
    out << "]\n";
  } else {
    for (const Row& r : rows) {
      out << std::left << std::setw(28) << *r.claim << ' ' << std::setw(11) << *r.source << ' ' << std::setw(12)
          << r.verdict << ' ' << std::right << std::setw(6) << r.gap << "d  " << r.earliest << " .. " << r.latest
          << "  " << *r.event << "  \"" << *r.written << "\"\n";
    }
  }
  return 0;
}

}  // namespace parallax
