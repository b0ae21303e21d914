// The verdict rules as a table: same, consistent, calendar (the Julian offset), contradicts, with open
// ends; and the bundled dataset's verdicts for the claims the issue names.
#include "timeline_data/loader.hpp"
#include "timeline_data/verdict.hpp"

#include <gtest/gtest.h>

namespace parallax {
namespace {

EdtfInterval D(const char* text, Calendar calendar = Calendar::Gregorian) {
  const EdtfParseResult r = ParseEdtf(text, calendar);
  EXPECT_TRUE(r.ok) << text << ": " << r.errorMessage;
  return r.value;
}

struct Row {
  const char* a;
  Calendar calA;
  const char* b;
  Verdict verdict;
  std::int32_t gap;
};

TEST(Verdict, Table) {
  const Calendar G = Calendar::Gregorian;
  const Calendar J = Calendar::Julian;
  const Row rows[] = {
      {"1922-04-03", G, "1922-04-03", Verdict::Same, 0},
      {"1922", G, "1922", Verdict::Same, 0},
      {"1922", G, "1922-04-03", Verdict::Consistent, 0},            // less precise only
      {"1922-04", G, "1922-04-03", Verdict::Consistent, 0},
      {"1922-04-02", G, "1922-04-03", Verdict::Contradicts, 1},
      {"1917-11", G, "1922-04-03", Verdict::Contradicts, 1585},     // the blog's "from the beginning"
      {"1922-03", G, "1922-04", Verdict::Contradicts, 1},            // adjacent months: not a calendar slip
      {"1924-01-24", G, "1924-01-21", Verdict::Contradicts, 3},
      {"1917-10-25", G, "1917-11-07", Verdict::Calendar, 13},        // Old Style read as New Style
      {"1917-11-07", G, "1917-10-25", Verdict::Calendar, 13},        // either order
      {"1917-10-25", G, "1917-11-06/1917-11-07", Verdict::Calendar, 12},
      {"1917-10-25", J, "1917-11-07", Verdict::Same, 0},             // marked Julian: it agrees
      {"1899-12-01", G, "1899-12-13", Verdict::Calendar, 12},        // 12 days before 1 March 1900
      {"1899-12-01", G, "1899-12-14", Verdict::Contradicts, 13},
      {"1917-10-25", G, "1917-11-08", Verdict::Contradicts, 14},
      {"../1917", G, "1922-04-03", Verdict::Contradicts, 1554},      // open start, known end before
      {"1917-11/..", G, "1922-04-03", Verdict::Consistent, 0},       // open end reaches it
      {"../1922", G, "../1922", Verdict::Same, 0},
      {"1936/1938", G, "1937-02", Verdict::Consistent, 0},
      {"1878-12-06", J, "1878-12-18", Verdict::Same, 0},             // Stalin's birth, parish register
      {"1879-12-21", G, "1878-12-18", Verdict::Contradicts, 368},
      // Not calendar slips: after Russia's switch, or coarser than a day, or with a smaller gap.
      {"1950-03-01", G, "1950-03-14", Verdict::Contradicts, 13},
      {"1921", G, "1922-01-05", Verdict::Contradicts, 5},
      {"1922-04", G, "1922-05-10", Verdict::Contradicts, 10},
      {"1917-10", G, "1917-11-07", Verdict::Contradicts, 7},
      {"1917-10-25", G, "1917-11-06", Verdict::Contradicts, 12},
  };
  for (const Row& r : rows) {
    const Comparison c = CompareDates(D(r.a, r.calA), D(r.b));
    EXPECT_EQ(c.verdict, r.verdict) << r.a << " vs " << r.b << ": got " << VerdictName(c.verdict);
    EXPECT_EQ(c.gapDays, r.gap) << r.a << " vs " << r.b;
  }
}

TEST(Verdict, JulianOffsetChangesOnFirstMarch1900) {
  EXPECT_EQ(JulianOffsetDays(date::sys_days{date::year{1900} / 2 / 28}), 12);
  EXPECT_EQ(JulianOffsetDays(date::sys_days{date::year{1900} / 3 / 14}), 13);
  EXPECT_EQ(JulianOffsetDays(date::sys_days{date::year{1918} / 1 / 31}), 13);
  EXPECT_EQ(JulianOffsetDays(date::sys_days{date::year{1850} / 6 / 1}), 12);
}

TEST(Verdict, GapsInHumanUnits) {
  EXPECT_EQ(FormatGap(1), "1 day");
  EXPECT_EQ(FormatGap(3), "3 days");
  EXPECT_EQ(FormatGap(59), "59 days");
  EXPECT_EQ(FormatGap(152), "5 months");
  EXPECT_EQ(FormatGap(1585), "4 years");
  EXPECT_EQ(FormatGap(1826), "5 years");
}

TEST(Verdict, BlogContradictsTheGeneralSecretaryClaimAndTheOthersAgree) {
  const LoadResult loaded = LoadDataset(PARALLAX_DATASET_DIR);
  const Dataset& d = loaded.dataset;
  const ClaimAnalysis analysis = AnalyzeClaims(d);
  const std::int32_t c = d.FindClaim("gensec");
  ASSERT_GE(c, 0);
  int blogEvents = 0;
  for (std::int32_t e : d.claims[static_cast<std::size_t>(c)].events) {
    const Event& event = d.events[static_cast<std::size_t>(e)];
    const std::string& source = d.sources[static_cast<std::size_t>(event.source)].id;
    const Comparison vs = analysis.eventVsRecord[static_cast<std::size_t>(e)];
    if (source == "blog") {
      ++blogEvents;
      EXPECT_EQ(vs.verdict, Verdict::Contradicts) << event.id << " " << event.dateRaw;
      EXPECT_GT(vs.gapDays, 365) << event.id;
    } else if (source == "trotsky" || source == "volkogonov") {
      // Both also state 2 April somewhere (a one-day slip, kept as written); every other dating agrees.
      if (event.dateRaw != "1922-04-02") {
        EXPECT_LE(vs.verdict, Verdict::Consistent) << source << "/" << event.id << " " << event.dateRaw;
      }
    } else {
      EXPECT_LE(vs.verdict, Verdict::Consistent) << source << "/" << event.id << " " << event.dateRaw;
    }
  }
  EXPECT_GT(blogEvents, 0);
  EXPECT_EQ(analysis.claims[static_cast<std::size_t>(c)].worst, Verdict::Contradicts);
  EXPECT_EQ(analysis.claims[static_cast<std::size_t>(c)].sourceCount, 5);
}

}  // namespace
}  // namespace parallax
