#include "timeline_data/loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace parallax {
namespace {

namespace fs = std::filesystem;

// [SECTION] Reporting

// Collects problems for one file; knows the file's text so that a column inside a string value
// (an EDTF error) can be mapped to the column in the file.
struct FileReport {
  std::string path;
  std::string_view text;
  std::vector<Problem>* problems;

  void Add(Severity severity, const toml::source_region& where, std::string message, std::string sourceId = {},
           std::string eventId = {}) const {
    problems->push_back(Problem{path, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                                severity, std::move(message), std::move(sourceId), std::move(eventId)});
  }
  void Add(Severity severity, int line, int column, std::string message) const {
    problems->push_back(Problem{path, line, column, severity, std::move(message), {}, {}});
  }

  // Column of the first character inside the string that starts at `where` (1, or 3 for """).
  int ContentColumn(const toml::source_region& where) const {
    const std::string_view line = Line(static_cast<int>(where.begin.line));
    const std::size_t col = where.begin.column > 0 ? where.begin.column - 1 : 0;
    const bool triple = line.substr(col, 3) == "\"\"\"" || line.substr(col, 3) == "'''";
    return static_cast<int>(where.begin.column) + (triple ? 3 : 1);
  }

  std::string_view Line(int number) const {
    std::size_t start = 0;
    for (int i = 1; i < number; ++i) {
      start = text.find('\n', start);
      if (start == std::string_view::npos) return {};
      ++start;
    }
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  }
};

// Reads the keys of one table and reports the keys nobody asked for.
class TableReader {
 public:
  TableReader(const toml::table& table, const FileReport& report, std::string what)
      : m_table(table), m_report(report), m_what(std::move(what)) {}

  const toml::node* Get(std::string_view key) {
    m_known.insert(std::string(key));
    return m_table.get(key);
  }

  // A string value; reports a wrong type, and a missing one when `required`.
  bool String(std::string_view key, std::string& out, bool required) {
    const toml::node* node = Get(key);
    if (!node) {
      if (required) m_report.Add(Severity::Error, m_table.source(), m_what + " has no '" + std::string(key) + "'");
      return false;
    }
    if (const auto* s = node->as_string()) {
      out = s->get();
      return true;
    }
    m_report.Add(Severity::Error, node->source(), "'" + std::string(key) + "' must be a string");
    return false;
  }

  void ReportUnknownKeys(std::initializer_list<std::string_view> hint) const {
    for (auto&& [key, value] : m_table) {
      if (m_known.count(std::string(key.str()))) continue;
      std::string expected;
      for (std::string_view h : hint) expected += (expected.empty() ? "" : ", ") + std::string(h);
      m_report.Add(Severity::Warning, key.source().begin.line ? key.source() : value.source(),
                   "unknown key '" + std::string(key.str()) + "' in " + m_what + " (known keys: " + expected + ")");
    }
  }

 private:
  const toml::table& m_table;
  const FileReport& m_report;
  std::string m_what;
  std::set<std::string> m_known;
};

// Parses an EDTF string value, reporting an error at the exact file column.
bool ReadDate(const toml::node& node, Calendar calendar, const FileReport& report, EdtfInterval& out,
              std::string_view sourceId = {}, std::string_view eventId = {}) {
  const auto* s = node.as_string();
  if (!s) {
    report.Add(Severity::Error, node.source(), "a date must be an EDTF string such as \"1922-04-03\"");
    return false;
  }
  const EdtfParseResult parsed = ParseEdtf(s->get(), calendar);
  if (!parsed.ok) {
    const int column = report.ContentColumn(node.source()) + parsed.errorColumn - 1;
    report.problems->push_back(Problem{report.path, static_cast<int>(node.source().begin.line), column,
                                       Severity::Error, "invalid date " + parsed.errorMessage,
                                       std::string(sourceId), std::string(eventId)});
    return false;
  }
  out = parsed.value;
  return true;
}

bool ParseColor(std::string_view text, std::uint32_t& color) {
  if (text.size() != 7 || text[0] != '#') return false;
  std::uint32_t value = 0;
  for (char c : text.substr(1)) {
    value <<= 4;
    if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
    else return false;
  }
  color = value;
  return true;
}

SourcePos PosOf(const toml::node& node) {
  return SourcePos{static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
}

// Parses a TOML file; on failure reports the parser's message at its position.
std::optional<toml::table> ParseFile(const ReadFileFn& read, const fs::path& path, const std::string& display,
                                     std::string& text, std::vector<Problem>& problems) {
  std::string error;
  if (!read(path, text, error)) {
    problems.push_back(Problem{display, 0, 0, Severity::Error, error, {}, {}});
    return std::nullopt;
  }
  try {
    return toml::parse(text, display);
  } catch (const toml::parse_error& e) {
    problems.push_back(Problem{display, static_cast<int>(e.source().begin.line),
                               static_cast<int>(e.source().begin.column), Severity::Error,
                               "TOML syntax: " + std::string(e.description()), {}, {}});
    return std::nullopt;
  }
}

// [SECTION] Source files

void LoadEvent(const toml::table& table, const FileReport& report, std::int32_t sourceIndex, const Source& source,
               std::unordered_set<std::string>& ids, std::set<std::pair<std::string, std::string>>& dateQuotes,
               Dataset& dataset, std::vector<std::pair<std::size_t, toml::source_region>>& claimRefs) {
  TableReader reader(table, report, "event");
  Event event;
  event.source = sourceIndex;
  event.pos = PosOf(table);
  bool ok = reader.String("id", event.id, true);
  if (ok && event.id.empty()) {
    report.Add(Severity::Error, table.get("id")->source(), "event id is empty", source.id);
    ok = false;
  }
  if (ok && !ids.insert(event.id).second) {
    report.Add(Severity::Error, table.get("id")->source(),
               "duplicate event id '" + event.id + "' in source '" + source.id + "'", source.id, event.id);
    ok = false;
  }
  if (!reader.String("title", event.title, true)) ok = false;

  std::string calendarText = "gregorian";
  Calendar calendar = Calendar::Gregorian;
  if (reader.String("calendar", calendarText, false)) {
    if (calendarText == "julian") calendar = Calendar::Julian;
    else if (calendarText != "gregorian") {
      report.Add(Severity::Error, table.get("calendar")->source(),
                 "calendar must be \"gregorian\" or \"julian\", not \"" + calendarText + "\"", source.id, event.id);
      ok = false;
    }
  }
  if (const toml::node* date = reader.Get("date")) {
    if (const auto* s = date->as_string()) event.dateRaw = s->get();
    if (!ReadDate(*date, calendar, report, event.date, source.id, event.id)) event.dateValid = false;
  } else {
    report.Add(Severity::Error, table.source(), "event has no 'date'", source.id, event.id);
    event.dateValid = false;
  }
  reader.String("date_text", event.dateText, false);
  std::string basis;
  if (reader.String("basis", basis, false)) {
    if (basis == "inferred") event.basis = Basis::Inferred;
    else if (basis != "stated")
      report.Add(Severity::Error, table.get("basis")->source(),
                 "basis must be \"stated\" or \"inferred\", not \"" + basis + "\"", source.id, event.id), ok = false;
  }
  std::string voice;
  if (reader.String("voice", voice, false)) {
    if (voice == "editor") event.voice = Voice::Editor;
    else if (voice != "author")
      report.Add(Severity::Error, table.get("voice")->source(),
                 "voice must be \"author\" or \"editor\", not \"" + voice + "\"", source.id, event.id), ok = false;
  }
  if (reader.String("claim", event.claimId, false))
    claimRefs.emplace_back(dataset.events.size(), table.get("claim")->source());
  reader.String("quote", event.quote, false);
  if (const toml::node* line = reader.Get("line")) {
    const auto* v = line->as_integer();
    if (!v || v->get() < 1) {
      report.Add(Severity::Error, line->source(), "'line' must be a line number (1 or more)", source.id, event.id);
      ok = false;
    } else {
      event.line = static_cast<int>(v->get());
    }
  }
  if (const toml::node* tags = reader.Get("tags")) {
    const auto* array = tags->as_array();
    if (!array) {
      report.Add(Severity::Error, tags->source(), "'tags' must be an array of strings", source.id, event.id);
    } else {
      for (const toml::node& tag : *array) {
        if (const auto* s = tag.as_string()) event.tags.push_back(s->get());
        else report.Add(Severity::Error, tag.source(), "a tag must be a string", source.id, event.id);
      }
    }
  }
  reader.String("note", event.note, false);
  reader.ReportUnknownKeys({"id", "title", "date", "calendar", "date_text", "basis", "claim", "quote", "line", "tags",
                            "note", "voice"});
  if (event.basis == Basis::Inferred && event.note.empty())
    report.Add(Severity::Warning, table.source(), "inferred date without a 'note' saying how it was inferred",
               source.id, event.id);
  if (!ok) {
    if (!claimRefs.empty() && claimRefs.back().first == dataset.events.size()) claimRefs.pop_back();
    return;  // reported; the rest of the file still loads
  }
  if (!event.quote.empty() && !dateQuotes.emplace(event.dateRaw, event.quote).second)
    report.Add(Severity::Warning, table.source(), "another event of '" + source.id + "' has the same date and quote",
               source.id, event.id);
  dataset.events.push_back(std::move(event));
}

void LoadSourceFile(const ReadFileFn& read, const fs::path& dir, const std::string& fileName, const std::string& displayDir, Dataset& dataset,
                    std::vector<Problem>& problems, std::vector<std::pair<std::size_t, toml::source_region>>& claimRefs,
                    std::unordered_map<std::size_t, std::string>& claimRefFiles) {
  const std::string display = displayDir + fileName;
  std::string text;
  const auto table = ParseFile(read, dir / fileName, display, text, problems);
  if (!table) return;
  const FileReport report{display, text, &problems};

  Source source;
  source.file = fileName;
  const toml::table* sourceTable = (*table)["source"].as_table();
  if (!sourceTable) {
    report.Add(Severity::Error, 1, 1, "missing [source] table");
    return;
  }
  source.pos = PosOf(*sourceTable);
  TableReader reader(*sourceTable, report, "[source]");
  reader.String("id", source.id, true);
  reader.String("title", source.title, true);
  reader.String("author", source.author, true);
  reader.String("kind", source.kind, false);
  reader.String("text", source.textFile, false);
  if (const toml::node* written = reader.Get("written")) {
    if (const auto* s = written->as_string()) source.writtenText = s->get();
    ReadDate(*written, Calendar::Gregorian, report, source.written);
  }
  std::string color;
  if (reader.String("color", color, false) && !ParseColor(color, source.color))
    report.Add(Severity::Error, sourceTable->get("color")->source(),
               "color must be \"#RRGGBB\", not \"" + color + "\"");
  reader.ReportUnknownKeys({"id", "title", "author", "written", "kind", "text", "color"});
  if (source.id.empty()) return;
  if (dataset.FindSource(source.id) >= 0) {
    report.Add(Severity::Error, sourceTable->source(), "source id '" + source.id + "' is used by another file too");
    return;
  }

  for (auto&& [key, value] : *table) {
    if (key.str() != "source" && key.str() != "event")
      report.Add(Severity::Warning, key.source(), "unknown top-level key '" + std::string(key.str()) +
                                                      "' (a source file has [source] and [[event]])");
  }
  const auto sourceIndex = static_cast<std::int32_t>(dataset.sources.size());
  dataset.sources.push_back(source);
  const toml::node* eventsNode = table->get("event");
  if (!eventsNode) return;
  const toml::array* events = eventsNode->as_array();
  if (!events) {
    report.Add(Severity::Error, eventsNode->source(), "'event' must be an array of tables: write [[event]]");
    return;
  }
  std::unordered_set<std::string> ids;
  std::set<std::pair<std::string, std::string>> dateQuotes;
  for (const toml::node& node : *events) {
    const toml::table* eventTable = node.as_table();
    if (!eventTable) {
      report.Add(Severity::Error, node.source(), "an event must be a table");
      continue;
    }
    const std::size_t before = claimRefs.size();
    LoadEvent(*eventTable, report, sourceIndex, source, ids, dateQuotes, dataset, claimRefs);
    if (claimRefs.size() > before) claimRefFiles[claimRefs.back().first] = display;
  }
}

// [SECTION] Claims and people

void LoadClaims(const ReadFileFn& read, const fs::path& path, const std::string& display, Dataset& dataset, std::vector<Problem>& problems) {
  std::string text;
  const auto table = ParseFile(read, path, display, text, problems);
  if (!table) return;
  const FileReport report{display, text, &problems};
  const toml::array* claims = (*table)["claim"].as_array();
  if (!claims) {
    report.Add(Severity::Error, 1, 1, "a claims file has a [[claim]] array");
    return;
  }
  for (const toml::node& node : *claims) {
    const toml::table* t = node.as_table();
    if (!t) continue;
    TableReader reader(*t, report, "claim");
    Claim claim;
    claim.pos = PosOf(*t);
    if (!reader.String("id", claim.id, true)) continue;
    reader.String("title", claim.title, true);
    if (const toml::node* record = reader.Get("record")) {
      if (const auto* s = record->as_string()) claim.recordRaw = s->get();
      claim.hasRecord = ReadDate(*record, Calendar::Gregorian, report, claim.record);
    }
    reader.String("record_note", claim.recordNote, false);
    reader.ReportUnknownKeys({"id", "title", "record", "record_note"});
    if (dataset.FindClaim(claim.id) >= 0) {
      report.Add(Severity::Error, t->get("id")->source(), "duplicate claim id '" + claim.id + "'");
      continue;
    }
    dataset.claims.push_back(std::move(claim));
  }
}

void LoadPeople(const ReadFileFn& read, const fs::path& path, const std::string& display, Dataset& dataset, std::vector<Problem>& problems) {
  std::string text;
  const auto table = ParseFile(read, path, display, text, problems);
  if (!table) return;
  const FileReport report{display, text, &problems};
  const toml::array* people = (*table)["person"].as_array();
  if (!people) return;
  for (const toml::node& node : *people) {
    const toml::table* t = node.as_table();
    if (!t) continue;
    TableReader reader(*t, report, "person");
    Person person;
    if (!reader.String("name", person.name, true)) continue;
    reader.String("full_name", person.fullName, false);
    if (const toml::node* aliases = reader.Get("aliases"))
      if (const auto* array = aliases->as_array())
        for (const toml::node& a : *array)
          if (const auto* s = a.as_string()) person.aliases.push_back(s->get());
    reader.ReportUnknownKeys({"name", "full_name", "aliases"});
    dataset.people.push_back(std::move(person));
  }
}

}  // namespace

bool ReadWholeFile(const fs::path& path, std::string& contents, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    error = fs::exists(path, ec) ? "cannot read file (permission denied?)" : "file not found";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  contents = std::move(buffer).str();
  return true;
}

LoadResult LoadDataset(const fs::path& dir) { return LoadDataset(dir, ReadWholeFile); }

LoadResult LoadDataset(const fs::path& dir, const ReadFileFn& read) {
  LoadResult result;
  Dataset& dataset = result.dataset;
  dataset.dir = dir.string();
  std::string displayDir = dir.string();
  if (!displayDir.empty() && displayDir.back() != '/') displayDir += '/';

  const std::string timelineDisplay = displayDir + "timeline.toml";
  std::string text;
  const auto timeline = ParseFile(read, dir / "timeline.toml", timelineDisplay, text, result.problems);
  if (!timeline) return result;
  result.loaded = true;
  const FileReport report{timelineDisplay, text, &result.problems};

  TableReader reader(*timeline, report, "timeline.toml");
  reader.String("title", dataset.title, true);
  if (const toml::node* view = reader.Get("view")) {
    if (const auto* s = view->as_string()) dataset.viewRaw = s->get();
    if (!ReadDate(*view, Calendar::Gregorian, report, dataset.view)) dataset.viewRaw.clear();  // reported; use the default
  }
  if (dataset.viewRaw.empty() || dataset.view.HasOpenOrUnknownEnd()) {
    dataset.viewRaw = "1898/1953";
    dataset.view = ParseEdtf(dataset.viewRaw).value;
  }
  std::vector<std::string> sourceFiles;
  if (const toml::node* sources = reader.Get("sources")) {
    if (const auto* array = sources->as_array()) {
      for (const toml::node& s : *array) {
        if (const auto* name = s.as_string()) sourceFiles.push_back(name->get());
        else report.Add(Severity::Error, s.source(), "a source entry must be a file name");
      }
    } else {
      report.Add(Severity::Error, sources->source(), "'sources' must be an array of file names");
    }
  } else {
    report.Add(Severity::Error, timeline->source(), "timeline.toml has no 'sources'");
  }
  reader.String("claims", dataset.claimsFile, false);
  reader.String("people", dataset.peopleFile, false);
  reader.ReportUnknownKeys({"title", "view", "sources", "claims", "people"});

  // Claims first, so that events can resolve their claim ids.
  if (!dataset.claimsFile.empty())
    LoadClaims(read, dir / dataset.claimsFile, displayDir + dataset.claimsFile, dataset, result.problems);
  if (!dataset.peopleFile.empty())
    LoadPeople(read, dir / dataset.peopleFile, displayDir + dataset.peopleFile, dataset, result.problems);

  std::vector<std::pair<std::size_t, toml::source_region>> claimRefs;
  std::unordered_map<std::size_t, std::string> claimRefFiles;
  for (const std::string& file : sourceFiles)
    LoadSourceFile(read, dir, file, displayDir, dataset, result.problems, claimRefs, claimRefFiles);

  // Resolve claim references; an unknown one is reported where it is written and the event kept.
  for (const auto& [eventIndex, where] : claimRefs) {
    Event& event = dataset.events[eventIndex];
    event.claim = dataset.FindClaim(event.claimId);
    if (event.claim < 0) {
      result.problems.push_back(Problem{claimRefFiles[eventIndex], static_cast<int>(where.begin.line),
                                        static_cast<int>(where.begin.column), Severity::Error,
                                        "unknown claim '" + event.claimId + "'" +
                                            (dataset.claimsFile.empty() ? " (timeline.toml names no claims file)"
                                                                        : " (not in " + dataset.claimsFile + ")"),
                                        dataset.sources[static_cast<std::size_t>(event.source)].id, event.id});
    } else {
      dataset.claims[static_cast<std::size_t>(event.claim)].events.push_back(static_cast<std::int32_t>(eventIndex));
    }
  }
  return result;
}

}  // namespace parallax
