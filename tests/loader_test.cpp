// Loading dataset folders: clean data loads without a word; every problem is reported at its file,
// line and column; one bad event never drops the rest of its file.

#include "cli.hpp"
#include "timeline_data/loader.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace parallax {
namespace {

namespace fs = std::filesystem;
using namespace date::literals;

// [SECTION] Helpers

using testing_support::TempDir;

// 1-based line of the first line containing `needle`, and the 1-based column where it starts.
struct Where {
  int line = 0;
  int column = 0;
};
Where Find(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::size_t at = line.find(needle);
    if (at != std::string::npos) return Where{n, static_cast<int>(at) + 1};
  }
  ADD_FAILURE() << "'" << needle << "' not in the text";
  return {};
}

std::string ProblemsText(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += FormatProblem(p) + "\n";
  return out;
}

// Problems of a file, for finding one.
const Problem* FindProblem(const std::vector<Problem>& problems, const std::string& messagePart) {
  for (const Problem& p : problems)
    if (p.message.find(messagePart) != std::string::npos) return &p;
  return nullptr;
}

const char* const Timeline = R"(title = "Test timeline"
view = "1900/1950"
sources = ["a.toml", "b.toml"]
claims = "claims.toml"
people = "people.toml"
)";

const char* const Claims = R"([[claim]]
id = "lenin-death"
title = "Lenin dies"
record = "1924-01-21"
record_note = "Gorki"

[[claim]]
id = "revolution"
title = "The October Revolution"
record = "1917-11-07"
)";

const char* const People = R"([[person]]
name = "Lenin"
full_name = "Vladimir Ilyich Ulyanov"
aliases = ["Ilyich", "Ulyanov"]
)";

const char* const SourceA = R"([source]
id = "a"
title = "Source A"
author = "Author A"
written = "1930"
kind = "memoir"
text = "a.txt"
color = "#3366CC"

[[event]]
id = "a1"
title = "Lenin dies"
date = "1924-01-21"
date_text = "on the 21st of January"
basis = "stated"
claim = "lenin-death"
quote = "Lenin died."
line = 12
tags = ["Lenin"]
voice = "author"

[[event]]
id = "a2"
title = "The revolution"
date = "1917-10-25"
calendar = "julian"
claim = "revolution"
basis = "inferred"
note = "from the Old Style date"

[[event]]
id = "a3"
title = "Some years"
date = "1936/1938~"
voice = "editor"
)";

const char* const SourceB = R"toml([source]
id = "b"
title = "Source B"
author = "Author B"
written = "1988"

[[event]]
id = "b1"
title = "Lenin dies (B)"
date = "1924-01"
claim = "lenin-death"
)toml";

struct LoaderTest : ::testing::Test {
  TempDir dir;
  void WriteClean() const {
    dir.Write("timeline.toml", Timeline);
    dir.Write("claims.toml", Claims);
    dir.Write("people.toml", People);
    dir.Write("a.toml", SourceA);
    dir.Write("b.toml", SourceB);
  }
};

// [SECTION] A clean dataset

TEST_F(LoaderTest, CleanDatasetLoadsWithoutProblems) {
  WriteClean();
  const LoadResult result = LoadDataset(dir.Path());
  ASSERT_TRUE(result.loaded);
  EXPECT_TRUE(result.problems.empty()) << ProblemsText(result.problems);
  const Dataset& d = result.dataset;
  EXPECT_EQ(d.title, "Test timeline");
  EXPECT_EQ(d.viewRaw, "1900/1950");
  EXPECT_EQ(d.view.Earliest(), date::sys_days{1900_y / date::January / 1});
  EXPECT_EQ(d.view.Latest(), date::sys_days{1950_y / date::December / 31});
  ASSERT_EQ(d.sources.size(), 2u);
  ASSERT_EQ(d.events.size(), 4u);
  ASSERT_EQ(d.claims.size(), 2u);
  ASSERT_EQ(d.people.size(), 1u);

  const Source& a = d.sources[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.author, "Author A");
  EXPECT_EQ(a.kind, "memoir");
  EXPECT_EQ(a.textFile, "a.txt");
  EXPECT_EQ(a.color, 0x3366CCu);
  EXPECT_EQ(a.file, "a.toml");
  EXPECT_EQ(a.writtenText, "1930");
  EXPECT_EQ(a.written.start.year, 1930);
  EXPECT_EQ(a.pos.line, 1);

  const Event& a1 = d.events[static_cast<std::size_t>(d.FindEvent(0, "a1"))];
  EXPECT_EQ(a1.title, "Lenin dies");
  EXPECT_EQ(a1.date.Earliest(), date::sys_days{1924_y / date::January / 21});
  EXPECT_EQ(a1.dateText, "on the 21st of January");
  EXPECT_EQ(a1.basis, Basis::Stated);
  EXPECT_EQ(a1.voice, Voice::Author);
  EXPECT_EQ(a1.quote, "Lenin died.");
  EXPECT_EQ(a1.line, 12);
  EXPECT_EQ(a1.tags, (std::vector<std::string>{"Lenin"}));
  EXPECT_EQ(a1.pos.line, Find(SourceA, "id = \"a1\"").line - 1);  // the [[event]] header above it
  EXPECT_EQ(a1.source, 0);

  // An Old Style date becomes its Gregorian day.
  const Event& a2 = d.events[static_cast<std::size_t>(d.FindEvent(0, "a2"))];
  EXPECT_EQ(a2.date.calendar, Calendar::Julian);
  EXPECT_EQ(a2.date.Earliest(), date::sys_days{1917_y / date::November / 7});
  EXPECT_EQ(a2.basis, Basis::Inferred);
  EXPECT_EQ(a2.dateRaw, "1917-10-25");

  const Event& a3 = d.events[static_cast<std::size_t>(d.FindEvent(0, "a3"))];
  EXPECT_EQ(a3.voice, Voice::Editor);
  EXPECT_TRUE(a3.date.isInterval);
  EXPECT_EQ(a3.claim, -1);

  // Claims resolve both ways.
  const std::int32_t death = d.FindClaim("lenin-death");
  ASSERT_GE(death, 0);
  EXPECT_EQ(a1.claim, death);
  const Claim& claim = d.claims[static_cast<std::size_t>(death)];
  EXPECT_TRUE(claim.hasRecord);
  EXPECT_EQ(claim.record.Earliest(), date::sys_days{1924_y / date::January / 21});
  EXPECT_EQ(claim.recordNote, "Gorki");
  EXPECT_EQ(claim.events, (std::vector<std::int32_t>{d.FindEvent(0, "a1"), d.FindEvent(1, "b1")}));
  EXPECT_EQ(d.people[0].aliases, (std::vector<std::string>{"Ilyich", "Ulyanov"}));
  EXPECT_EQ(d.EventCount(0), 3);
  EXPECT_EQ(d.EventCount(1), 1);
}

// [SECTION] Problems at their place

TEST_F(LoaderTest, BadDateIsReportedAtTheExactColumn) {
  WriteClean();
  // Odd spacing and a literal string: the column comes from the file, not from a fixed layout.
  const std::string b = std::string(SourceB) + R"(
[[event]]
id = "b2"
title = "Month thirteen"
date   =    "1922-13"

[[event]]
id = "b3"
title = "Month thirteen, literally"
  date='1922-13'   # a comment
)";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  ASSERT_TRUE(result.loaded);

  std::vector<const Problem*> dateProblems;
  for (const Problem& p : result.problems)
    if (p.message.find("month 13 out of range") != std::string::npos) dateProblems.push_back(&p);
  ASSERT_EQ(dateProblems.size(), 2u) << ProblemsText(result.problems);

  // The opening quote, one character into the string, then five more: the month "13" (EDTF column 6).
  const Where first = Find(b, "\"1922-13\"");
  const Problem& p1 = *dateProblems[0];
  EXPECT_EQ(p1.file, dir.Display("b.toml"));
  EXPECT_EQ(p1.line, first.line);
  EXPECT_EQ(p1.column, first.column + 1 + 5);
  EXPECT_EQ(p1.severity, Severity::Error);
  EXPECT_EQ(p1.sourceId, "b");
  EXPECT_EQ(p1.eventId, "b2");
  // The character at that column is the month's first digit.
  {
    std::istringstream in(b);
    std::string line;
    for (int n = 1; n <= p1.line; ++n) std::getline(in, line);
    EXPECT_EQ(line.substr(static_cast<std::size_t>(p1.column - 1), 2), "13");
  }
  EXPECT_EQ(FormatProblem(p1), dir.Display("b.toml") + ":" + std::to_string(first.line) + ":" +
                                   std::to_string(first.column + 6) +
                                   ": error: invalid date '1922-13': month 13 out of range at column 6");

  const Where second = Find(b, "'1922-13'");
  EXPECT_EQ(dateProblems[1]->line, second.line);
  EXPECT_EQ(dateProblems[1]->column, second.column + 6);
  EXPECT_EQ(dateProblems[1]->eventId, "b3");
  // Both bad events are kept but flagged (the editor can fix them; they have no place on the
  // timeline), and every other event stays valid.
  EXPECT_EQ(result.dataset.events.size(), 6u);
  int invalid = 0;
  for (const Event& e : result.dataset.events) invalid += e.dateValid ? 0 : 1;
  EXPECT_EQ(invalid, 2);
  ASSERT_GE(result.dataset.FindEvent(1, "b3"), 0);
  EXPECT_FALSE(result.dataset.events[static_cast<std::size_t>(result.dataset.FindEvent(1, "b3"))].dateValid);
}

TEST_F(LoaderTest, UnknownKeyIsAWarningAtItsLine) {
  WriteClean();
  const std::string b = std::string(SourceB) + "colour = \"red\"\n";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  const Problem* p = FindProblem(result.problems, "unknown key 'colour'");
  ASSERT_NE(p, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(p->severity, Severity::Warning);
  EXPECT_EQ(p->file, dir.Display("b.toml"));
  EXPECT_EQ(p->line, Find(b, "colour").line);
  EXPECT_EQ(p->column, 1);
  EXPECT_NE(p->message.find("known keys: id, title, date"), std::string::npos) << p->message;
  EXPECT_FALSE(HasErrors(result.problems)) << ProblemsText(result.problems);
  // The event is kept.
  EXPECT_GE(result.dataset.FindEvent(1, "b1"), 0);
  EXPECT_EQ(result.problems.size(), 1u) << ProblemsText(result.problems);
}

TEST_F(LoaderTest, UnknownKeysInSourceAndTimelineToo) {
  WriteClean();
  const std::string timeline = std::string(Timeline) + "zoom = 3\n";
  dir.Write("timeline.toml", timeline);
  const std::string a = std::string(SourceA).insert(std::string(SourceA).find("color"), "publisher = \"X\"\n");
  dir.Write("a.toml", a);
  const LoadResult result = LoadDataset(dir.Path());
  const Problem* zoom = FindProblem(result.problems, "unknown key 'zoom'");
  ASSERT_NE(zoom, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(zoom->file, dir.Display("timeline.toml"));
  EXPECT_EQ(zoom->line, Find(timeline, "zoom").line);
  EXPECT_EQ(zoom->severity, Severity::Warning);
  const Problem* publisher = FindProblem(result.problems, "unknown key 'publisher'");
  ASSERT_NE(publisher, nullptr);
  EXPECT_EQ(publisher->file, dir.Display("a.toml"));
  EXPECT_EQ(publisher->line, Find(a, "publisher").line);
  EXPECT_EQ(result.dataset.sources.size(), 2u);
}

TEST_F(LoaderTest, UnknownClaimIsAnErrorAndTheEventIsKept) {
  WriteClean();
  const std::string b = std::string(SourceB) + R"(
[[event]]
id = "b2"
title = "Cites nothing known"
date = "1925"
claim = "no-such-claim"
)";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  const Problem* p = FindProblem(result.problems, "unknown claim 'no-such-claim'");
  ASSERT_NE(p, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->file, dir.Display("b.toml"));
  const Where where = Find(b, "\"no-such-claim\"");
  EXPECT_EQ(p->line, where.line);
  EXPECT_EQ(p->column, where.column);
  EXPECT_EQ(p->sourceId, "b");
  EXPECT_EQ(p->eventId, "b2");
  EXPECT_NE(p->message.find("claims.toml"), std::string::npos) << p->message;
  const std::int32_t kept = result.dataset.FindEvent(1, "b2");
  ASSERT_GE(kept, 0);
  EXPECT_EQ(result.dataset.events[static_cast<std::size_t>(kept)].claim, -1);
  EXPECT_EQ(result.dataset.events[static_cast<std::size_t>(kept)].claimId, "no-such-claim");
  EXPECT_EQ(result.dataset.events.size(), 5u);
  EXPECT_EQ(result.problems.size(), 1u) << ProblemsText(result.problems);
}

TEST_F(LoaderTest, DuplicateEventIdIsAnError) {
  WriteClean();
  const std::string b = std::string(SourceB) + R"(
[[event]]
id = "b1"
title = "The same id again"
date = "1925"
)";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  const Problem* p = FindProblem(result.problems, "duplicate event id 'b1'");
  ASSERT_NE(p, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->file, dir.Display("b.toml"));
  // The second occurrence: the last line naming the id.
  std::istringstream in(b);
  std::string line;
  int last = 0;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find("id = \"b1\"") != std::string::npos) last = n;
  EXPECT_EQ(p->line, last);
  // The first stays, the second is dropped.
  EXPECT_EQ(result.dataset.EventCount(1), 1);
  EXPECT_EQ(result.dataset.events[static_cast<std::size_t>(result.dataset.FindEvent(1, "b1"))].title,
            "Lenin dies (B)");
}

TEST_F(LoaderTest, TomlSyntaxErrorIsReportedAndOtherFilesLoad) {
  WriteClean();
  const std::string b = "[source]\nid = \"b\"\ntitle = \"unterminated\nauthor = \"B\"\n";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  ASSERT_TRUE(result.loaded);
  const Problem* p = FindProblem(result.problems, "TOML syntax");
  ASSERT_NE(p, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->file, dir.Display("b.toml"));
  EXPECT_EQ(p->line, 3);  // the unterminated string
  EXPECT_GT(p->column, 0);
  const std::string formatted = FormatProblem(*p);
  EXPECT_EQ(formatted.rfind(dir.Display("b.toml") + ":3:" + std::to_string(p->column) + ": error: TOML syntax", 0), 0u)
      << formatted;
  // a.toml is whole.
  ASSERT_EQ(result.dataset.sources.size(), 1u);
  EXPECT_EQ(result.dataset.sources[0].id, "a");
  EXPECT_EQ(result.dataset.EventCount(0), 3);
}

TEST_F(LoaderTest, MissingSourceFileIsReported) {
  WriteClean();
  dir.Write("timeline.toml", "title = \"T\"\nsources = [\"a.toml\", \"missing.toml\", \"b.toml\"]\nclaims = \"claims.toml\"\n");
  const LoadResult result = LoadDataset(dir.Path());
  ASSERT_TRUE(result.loaded);
  const Problem* p = FindProblem(result.problems, "file not found");
  ASSERT_NE(p, nullptr) << ProblemsText(result.problems);
  EXPECT_EQ(p->file, dir.Display("missing.toml"));
  EXPECT_EQ(p->line, 0);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(FormatProblem(*p), dir.Display("missing.toml") + ": error: file not found");
  EXPECT_EQ(result.dataset.sources.size(), 2u);
  EXPECT_EQ(result.problems.size(), 1u) << ProblemsText(result.problems);
  // No view given: the default one.
  EXPECT_EQ(result.dataset.viewRaw, "1898/1953");
}

TEST_F(LoaderTest, MissingTimelineMeansNotLoaded) {
  const LoadResult result = LoadDataset(dir.Path());
  EXPECT_FALSE(result.loaded);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].file, dir.Display("timeline.toml"));
  EXPECT_EQ(result.problems[0].message, "file not found");
}

TEST_F(LoaderTest, OneBadEventDoesNotDropTheOthers) {
  WriteClean();
  std::string b = "[source]\nid = \"b\"\ntitle = \"B\"\nauthor = \"B\"\n";
  const char* dates[] = {"1920", "1921-02-30", "1922", "1923-04", "not a date", "1925", "1926"};
  for (int i = 0; i < 7; ++i)
    b += "\n[[event]]\nid = \"e" + std::to_string(i) + "\"\ntitle = \"Event " + std::to_string(i) + "\"\ndate = \"" +
         dates[i] + "\"\n";
  // And one without a title, one with a bad basis.
  b += "\n[[event]]\nid = \"untitled\"\ndate = \"1927\"\n";
  b += "\n[[event]]\nid = \"e9\"\ntitle = \"Guessed\"\ndate = \"1928\"\nbasis = \"guessed\"\n";
  b += "\n[[event]]\nid = \"last\"\ntitle = \"The last\"\ndate = \"1929\"\n";
  dir.Write("b.toml", b);
  const LoadResult result = LoadDataset(dir.Path());
  ASSERT_EQ(result.dataset.sources.size(), 2u);
  std::vector<std::string> ids;
  for (const Event& e : result.dataset.events)
    if (e.source == 1) ids.push_back(e.id);
  // Events with a bad date stay (flagged, for the editor); events missing a title or with a bad
  // basis are dropped; every good one loads.
  EXPECT_EQ(ids, (std::vector<std::string>{"e0", "e1", "e2", "e3", "e4", "e5", "e6", "last"}));
  std::vector<std::string> dated;
  for (const Event& e : result.dataset.events)
    if (e.source == 1 && e.dateValid) dated.push_back(e.id);
  EXPECT_EQ(dated, (std::vector<std::string>{"e0", "e2", "e3", "e5", "e6", "last"}));
  int errors = 0;
  for (const Problem& p : result.problems) errors += p.severity == Severity::Error ? 1 : 0;
  EXPECT_EQ(errors, 4) << ProblemsText(result.problems);
  const Problem* feb = FindProblem(result.problems, "day 30 out of range for 1921-02");
  ASSERT_NE(feb, nullptr);
  EXPECT_EQ(feb->line, Find(b, "1921-02-30").line);
  EXPECT_EQ(feb->column, Find(b, "1921-02-30").column + 8);  // the day, EDTF column 9
  EXPECT_NE(FindProblem(result.problems, "event has no 'title'"), nullptr);
  EXPECT_NE(FindProblem(result.problems, "basis must be"), nullptr);
}

// [SECTION] Formatting

TEST(Problem, FormatProblem) {
  Problem p;
  p.file = "data/a.toml";
  p.line = 12;
  p.column = 14;
  p.message = "invalid date";
  EXPECT_EQ(FormatProblem(p), "data/a.toml:12:14: error: invalid date");
  p.severity = Severity::Warning;
  EXPECT_EQ(FormatProblem(p), "data/a.toml:12:14: warning: invalid date");
  p.column = 0;
  EXPECT_EQ(FormatProblem(p), "data/a.toml:12: warning: invalid date");
  p.line = 0;
  p.severity = Severity::Error;
  EXPECT_EQ(FormatProblem(p), "data/a.toml: error: invalid date");
  EXPECT_TRUE(HasErrors({p}));
  p.severity = Severity::Warning;
  EXPECT_FALSE(HasErrors({p}));
  EXPECT_FALSE(HasErrors({}));
}

// [SECTION] The fixture of `parallax check` (CTest cli.check_broken_dataset)

TEST(BrokenFixture, ReportsTheBadDateAndTheUnknownClaim) {
  const std::string dirName = std::string(PARALLAX_TEST_DATA_DIR) + "/broken";
  const LoadResult result = LoadDataset(dirName);
  ASSERT_TRUE(result.loaded);
  std::string memoir;
  std::string error;
  ASSERT_TRUE(ReadWholeFile(dirName + "/memoir.toml", memoir, error)) << error;

  ASSERT_EQ(result.problems.size(), 2u) << ProblemsText(result.problems);
  const Problem* date = FindProblem(result.problems, "month 13 out of range");
  ASSERT_NE(date, nullptr);
  const Where where = Find(memoir, "\"1922-13\"");
  EXPECT_EQ(date->file, dirName + "/memoir.toml");
  EXPECT_EQ(date->line, where.line);
  EXPECT_EQ(date->column, where.column + 6);
  const Problem* claim = FindProblem(result.problems, "unknown claim 'no-such-claim'");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->line, Find(memoir, "no-such-claim").line);
  EXPECT_TRUE(HasErrors(result.problems));
  // All three are kept: the good one, the one with the unknown claim, and the bad date (flagged).
  EXPECT_EQ(result.dataset.events.size(), 3u);
  int dated = 0;
  for (const Event& e : result.dataset.events) dated += e.dateValid ? 1 : 0;
  EXPECT_EQ(dated, 2);
  EXPECT_EQ(result.dataset.claims.size(), 1u);

  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(RunCheck(dirName, out, err), 1);
  EXPECT_NE(out.str().find(FormatProblem(*date)), std::string::npos) << out.str();
  EXPECT_NE(err.str().find("2 error(s), 0 warning(s)"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace parallax
