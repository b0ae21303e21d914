// Stacking events into rows (interval partitioning), checked against brute force on random sets,
// and the lanes BuildLayout makes of a small hand-made dataset.

#include "render/lane_layout.hpp"
#include "timeline_data/edtf.hpp"
#include "timeline_data/model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace parallax {
namespace {

using namespace date::literals;

std::int32_t Day(date::year_month_day ymd) { return DayNumber(date::sys_days{ymd}); }

// [SECTION] Brute force

// The largest number of extents covering one day. The maximum is reached at some extent's start.
int MaxOverlap(const std::vector<DayExtent>& extents) {
  int best = 0;
  for (const DayExtent& probe : extents) {
    int n = 0;
    for (const DayExtent& e : extents) n += (e.start <= probe.start && probe.start < e.end) ? 1 : 0;
    best = std::max(best, n);
  }
  return best;
}

void CheckStacking(const std::vector<DayExtent>& extents, const std::vector<std::int32_t>& rowOf, int rowCount);

// The row group of an extent in a lane: precise (days, months), year-scale, long or open.
int GroupOf(const DayExtent& e) {
  const std::int32_t days = e.end - e.start;
  return days <= PreciseSpanDays ? 0 : (days <= LongSpanDays ? 1 : 2);
}

// Checks a lane's rows: each group of extents is stacked on its own into a contiguous band of rows,
// precise first, each band as deep as the group's largest overlap.
void CheckLaneRows(const std::vector<DayExtent>& extents, const std::vector<std::int32_t>& rowOf, int rowCount) {
  int base = 0;
  for (int group = 0; group < 3; ++group) {
    std::vector<DayExtent> groupExtents;
    std::vector<std::int32_t> groupRows;
    for (std::size_t i = 0; i < extents.size(); ++i) {
      if (GroupOf(extents[i]) != group) continue;
      groupExtents.push_back(extents[i]);
      groupRows.push_back(rowOf[i] - base);
    }
    const int depth = MaxOverlap(groupExtents);
    SCOPED_TRACE(testing::Message() << "group " << group << " at row " << base);
    CheckStacking(groupExtents, groupRows, depth);
    base += depth;
  }
  EXPECT_EQ(std::max(base, 1), rowCount);
}

// Checks a stacking: rows in range, no overlap within a row, row count equal to the maximum overlap,
// and every extent in the lowest row free at its start: each lower row is busy on that day.
void CheckStacking(const std::vector<DayExtent>& extents, const std::vector<std::int32_t>& rowOf, int rowCount) {
  ASSERT_EQ(rowOf.size(), extents.size());
  EXPECT_EQ(rowCount, MaxOverlap(extents));
  std::vector<std::vector<DayExtent>> rows(static_cast<std::size_t>(rowCount));
  for (std::size_t i = 0; i < extents.size(); ++i) {
    ASSERT_GE(rowOf[i], 0);
    ASSERT_LT(rowOf[i], rowCount);
    rows[static_cast<std::size_t>(rowOf[i])].push_back(extents[i]);
  }
  for (auto& row : rows) {
    EXPECT_FALSE(row.empty());  // no empty rows
    std::sort(row.begin(), row.end(), [](const DayExtent& a, const DayExtent& b) { return a.start < b.start; });
    for (std::size_t k = 1; k < row.size(); ++k)
      ASSERT_LE(row[k - 1].end, row[k].start) << "overlap in a row: [" << row[k - 1].start << ", " << row[k - 1].end
                                              << ") and [" << row[k].start << ", " << row[k].end << ")";
  }
  for (std::size_t i = 0; i < extents.size(); ++i) {
    const DayExtent& e = extents[i];
    for (std::int32_t r = 0; r < rowOf[i]; ++r) {
      const auto& row = rows[static_cast<std::size_t>(r)];
      // The last extent of row r starting at or before e.start must still cover e.start.
      auto it = std::upper_bound(row.begin(), row.end(), e.start,
                                 [](std::int32_t day, const DayExtent& x) { return day < x.start; });
      ASSERT_NE(it, row.begin()) << "row " << r << " was free at " << e.start;
      --it;
      ASSERT_GT(it->end, e.start) << "row " << r << " was free at " << e.start << " but extent " << i << " went to row "
                                  << rowOf[i];
    }
  }
}

// [SECTION] StackIntoRows

TEST(StackIntoRows, HandMadeCases) {
  int rows = -1;
  EXPECT_TRUE(StackIntoRows({}, &rows).empty());
  EXPECT_EQ(rows, 0);

  // Touching extents share a row: the end is exclusive.
  const std::vector<DayExtent> touching = {{0, 5}, {5, 10}, {10, 11}};
  EXPECT_EQ(StackIntoRows(touching, &rows), (std::vector<std::int32_t>{0, 0, 0}));
  EXPECT_EQ(rows, 1);

  // One day of overlap needs a second row.
  const std::vector<DayExtent> overlapping = {{0, 6}, {5, 10}};
  EXPECT_EQ(StackIntoRows(overlapping, &rows), (std::vector<std::int32_t>{0, 1}));
  EXPECT_EQ(rows, 2);

  // Identical extents stack; a later one reuses the lowest row freed.
  const std::vector<DayExtent> same = {{3, 4}, {3, 4}, {3, 4}, {4, 5}};
  const auto sameRows = StackIntoRows(same, &rows);
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(sameRows[3], 0);
  CheckStacking(same, sameRows, rows);

  // Input order does not matter: a long extent given last still gets row 0 when it starts first.
  const std::vector<DayExtent> unordered = {{10, 12}, {20, 22}, {0, 100}};
  const auto unorderedRows = StackIntoRows(unordered, &rows);
  EXPECT_EQ(unorderedRows, (std::vector<std::int32_t>{1, 1, 0}));
  EXPECT_EQ(rows, 2);

  // Row 1 frees before row 0: the next extent takes the lowest free row, which is row 1 here
  // because row 0 is still busy; then row 0 once it frees.
  const std::vector<DayExtent> freeing = {{0, 10}, {1, 3}, {4, 6}, {11, 12}};
  EXPECT_EQ(StackIntoRows(freeing, &rows), (std::vector<std::int32_t>{0, 1, 1, 0}));
  EXPECT_EQ(rows, 2);

  // Negative days (before 1970) work like any others.
  const std::vector<DayExtent> old = {{-20000, -19000}, {-19500, -19400}, {-19000, -18000}};
  EXPECT_EQ(StackIntoRows(old, &rows), (std::vector<std::int32_t>{0, 1, 0}));

  // The row count is optional.
  EXPECT_EQ(StackIntoRows(touching).size(), 3u);
}

TEST(StackIntoRows, RandomSetsAgainstBruteForce) {
  const int sizes[] = {1, 2, 3, 7, 20, 100, 500, 1000, 2000};
  int sets = 0;
  for (const int size : sizes) {
    for (std::uint32_t seed = 1; seed <= (size <= 100 ? 20u : 4u); ++seed) {
      std::mt19937 rng(seed * 7919u + static_cast<std::uint32_t>(size));
      // Mostly single days, some weeks, a few long ranges, over a domain narrow enough to collide.
      const std::int32_t domain = size < 20 ? 30 : size * 3;
      std::uniform_int_distribution<std::int32_t> startDist(-domain / 2, domain / 2);
      std::uniform_int_distribution<int> kind(0, 9);
      std::uniform_int_distribution<std::int32_t> shortLen(2, 10);
      std::uniform_int_distribution<std::int32_t> longLen(30, std::max(31, domain / 2));
      std::vector<DayExtent> extents;
      for (int i = 0; i < size; ++i) {
        const std::int32_t start = startDist(rng) - 17000;
        const int k = kind(rng);
        const std::int32_t length = k < 6 ? 1 : (k < 9 ? shortLen(rng) : longLen(rng));
        extents.push_back({start, start + length});
      }
      int rows = 0;
      const std::vector<std::int32_t> rowOf = StackIntoRows(extents, &rows);
      SCOPED_TRACE(testing::Message() << "size " << size << " seed " << seed);
      CheckStacking(extents, rowOf, rows);
      if (HasFatalFailure()) return;
      ++sets;
    }
  }
  EXPECT_EQ(sets, 6 * 20 + 3 * 4);
}

TEST(StackIntoRows, EventExtentCutsOpenEndsAtTheDomain) {
  const std::int32_t lo = Day(1890_y / date::January / 1);
  const std::int32_t hi = Day(1960_y / date::January / 1);
  auto extent = [&](const char* text) { return EventExtent(ParseEdtf(text).value, lo, hi); };
  EXPECT_EQ(extent("1922-04-03").start, Day(1922_y / date::April / 3));
  EXPECT_EQ(extent("1922-04-03").end, Day(1922_y / date::April / 4));
  EXPECT_EQ(extent("1922-04").end, Day(1922_y / date::May / 1));
  EXPECT_EQ(extent("1936/1938").start, Day(1936_y / date::January / 1));
  EXPECT_EQ(extent("1936/1938").end, Day(1939_y / date::January / 1));
  EXPECT_EQ(extent("../1917").start, lo);
  EXPECT_EQ(extent("../1917").end, Day(1918_y / date::January / 1));
  EXPECT_EQ(extent("1930/..").start, Day(1930_y / date::January / 1));
  EXPECT_EQ(extent("1930/..").end, hi);
  EXPECT_EQ(extent("1930/").end, hi);
  EXPECT_EQ(extent("/1917").start, lo);
  // An open end pointing away from the domain still leaves a visible day.
  const DayExtent late = extent("1970/..");
  EXPECT_EQ(late.start, Day(1970_y / date::January / 1));
  EXPECT_EQ(late.end, late.start + 1);
}

// [SECTION] BuildLayout

struct LayoutFixture : ::testing::Test {
  Dataset dataset;

  void AddSource(const char* id, const char* author, const char* written, const char* kind) {
    Source s;
    s.id = id;
    s.title = std::string("Title of ") + id;
    s.author = author;
    s.writtenText = written;
    if (*written) s.written = ParseEdtf(written).value;
    s.kind = kind;
    dataset.sources.push_back(s);
  }
  void AddEvent(std::int32_t source, const char* id, const char* date) {
    Event e;
    e.id = id;
    e.title = std::string("Event ") + id;
    e.dateRaw = date;
    const EdtfParseResult parsed = ParseEdtf(date);
    ASSERT_TRUE(parsed.ok) << parsed.errorMessage;
    e.date = parsed.value;
    e.source = source;
    dataset.events.push_back(e);
  }

  void SetUp() override {
    dataset.title = "Test";
    dataset.viewRaw = "1898/1953";
    dataset.view = ParseEdtf(dataset.viewRaw).value;
    AddSource("memoir", "Trotsky", "1930", "memoir");
    AddSource("history", "Volkogonov", "1988/1989", "history");
    AddSource("empty", "Nobody", "", "");
    AddSource("single", "Lenin", "1922-12-24", "letter");
    // Interleaved sources: the layout groups them by source.
    AddEvent(0, "a", "1922-04-03");
    AddEvent(1, "h1", "1917-10-25");
    AddEvent(0, "b", "1922-04-03");     // the same day as "a": a second row
    AddEvent(0, "c", "1922-04");        // covers both
    AddEvent(0, "d", "1936/1938");
    AddEvent(0, "e", "../1917");        // open start: cut at the domain
    AddEvent(0, "f", "1930/..");        // open end
    AddEvent(0, "g", "1890-05");        // widens the domain before 1898
    AddEvent(1, "h2", "1924-01-21");
    AddEvent(1, "h3", "1953-03-05");
    AddEvent(1, "h4", "1922/");         // unknown end: runs to the domain's end
    AddEvent(0, "h", "1922-04-03?");
    AddEvent(3, "s1", "1922-12-24");
  }
};

TEST_F(LayoutFixture, RowsAreSortedAndEveryEventAppearsOnce) {
  const TimelineLayout layout = BuildLayout(dataset);
  ASSERT_EQ(layout.lanes.size(), dataset.sources.size());

  // The domain: the default view widened to every known date, plus a year on each side.
  EXPECT_EQ(layout.dataStartDay, Day(1890_y / date::May / 1));
  EXPECT_EQ(layout.dataEndDay, Day(1953_y / date::March / 6));  // the latest known end inside the view
  EXPECT_EQ(layout.domainStartDay, Day(1890_y / date::May / 1) - 365);
  EXPECT_EQ(layout.domainEndDay, Day(1954_y / date::January / 1) + 365);

  std::vector<int> seen(dataset.events.size(), 0);
  for (std::size_t li = 0; li < layout.lanes.size(); ++li) {
    const Lane& lane = layout.lanes[li];
    EXPECT_EQ(lane.source, static_cast<std::int32_t>(li));
    EXPECT_EQ(lane.eventCount, dataset.EventCount(static_cast<std::int32_t>(li)));
    ASSERT_GE(lane.rows.size(), 1u);
    std::vector<DayExtent> extents;
    std::vector<std::int32_t> rowOf;
    for (std::size_t ri = 0; ri < lane.rows.size(); ++ri) {
      const LaneRow& row = lane.rows[ri];
      ASSERT_EQ(row.startDay.size(), row.event.size());
      ASSERT_EQ(row.endDay.size(), row.event.size());
      EXPECT_TRUE(std::is_sorted(row.startDay.begin(), row.startDay.end()));
      EXPECT_TRUE(std::is_sorted(row.endDay.begin(), row.endDay.end()));
      for (std::size_t k = 0; k < row.event.size(); ++k) {
        const std::int32_t e = row.event[k];
        ASSERT_GE(e, 0);
        ASSERT_LT(static_cast<std::size_t>(e), dataset.events.size());
        ++seen[static_cast<std::size_t>(e)];
        // The reverse index agrees.
        ASSERT_EQ(layout.eventLane.size(), dataset.events.size());
        EXPECT_EQ(layout.eventLane[static_cast<std::size_t>(e)], static_cast<std::int32_t>(li));
        EXPECT_EQ(layout.eventRow[static_cast<std::size_t>(e)], static_cast<std::int32_t>(ri));
        EXPECT_EQ(dataset.events[static_cast<std::size_t>(e)].source, lane.source);
        const DayExtent x = EventExtent(dataset.events[static_cast<std::size_t>(e)].date, layout.domainStartDay,
                                        layout.domainEndDay);
        EXPECT_EQ(row.startDay[k], x.start);
        EXPECT_EQ(row.endDay[k], x.end);
        if (k > 0) {
          EXPECT_LE(row.endDay[k - 1], row.startDay[k]);  // no overlap
        }
        extents.push_back(x);
        rowOf.push_back(static_cast<std::int32_t>(ri));
      }
    }
    CheckLaneRows(extents, rowOf, static_cast<int>(lane.rows.size()));
  }
  for (std::size_t e = 0; e < seen.size(); ++e) EXPECT_EQ(seen[e], 1) << dataset.events[e].id;
}

TEST_F(LayoutFixture, OpenEndsAreCutAtTheDomain) {
  const TimelineLayout layout = BuildLayout(dataset);
  auto find = [&](std::int32_t event, std::int32_t& start, std::int32_t& end) {
    for (const Lane& lane : layout.lanes)
      for (const LaneRow& row : lane.rows)
        for (std::size_t k = 0; k < row.event.size(); ++k)
          if (row.event[k] == event) {
            start = row.startDay[k];
            end = row.endDay[k];
            return true;
          }
    return false;
  };
  std::int32_t start = 0;
  std::int32_t end = 0;
  ASSERT_TRUE(find(dataset.FindEvent(0, "e"), start, end));  // ../1917
  EXPECT_EQ(start, layout.domainStartDay);
  EXPECT_EQ(end, Day(1918_y / date::January / 1));
  ASSERT_TRUE(find(dataset.FindEvent(0, "f"), start, end));  // 1930/..
  EXPECT_EQ(start, Day(1930_y / date::January / 1));
  EXPECT_EQ(end, layout.domainEndDay);
  ASSERT_TRUE(find(dataset.FindEvent(1, "h4"), start, end));  // 1922/
  EXPECT_EQ(end, layout.domainEndDay);
  ASSERT_TRUE(find(dataset.FindEvent(0, "c"), start, end));  // 1922-04
  EXPECT_EQ(start, Day(1922_y / date::April / 1));
  EXPECT_EQ(end, Day(1922_y / date::May / 1));
}

TEST_F(LayoutFixture, RowCountsFollowOverlapPerGroup) {
  const TimelineLayout layout = BuildLayout(dataset);
  // memoir: precise events a, b, h (3 April 1922) and c (April 1922) overlap: four rows on top;
  // then the long ones: d (1936-1938) overlaps f (1930 on), e (until 1917) overlaps neither: two.
  ASSERT_EQ(layout.lanes[0].rows.size(), 6u);
  auto rowEvents = [&](std::size_t lane, std::size_t row) {
    std::set<std::string> ids;
    for (const std::int32_t e : layout.lanes[lane].rows[row].event) ids.insert(dataset.events[static_cast<std::size_t>(e)].id);
    return ids;
  };
  std::set<std::string> top;
  for (std::size_t r = 0; r < 4; ++r) {
    const auto ids = rowEvents(0, r);
    top.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(top, (std::set<std::string>{"a", "b", "c", "g", "h"}));
  std::set<std::string> bottom;
  for (std::size_t r = 4; r < 6; ++r) {
    const auto ids = rowEvents(0, r);
    bottom.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(bottom, (std::set<std::string>{"d", "e", "f"}));
  // history: the three single days share a row, h4 (1922 to the domain's end) is below them.
  ASSERT_EQ(layout.lanes[1].rows.size(), 2u);
  EXPECT_EQ(rowEvents(1, 0), (std::set<std::string>{"h1", "h2", "h3"}));
  EXPECT_EQ(rowEvents(1, 1), (std::set<std::string>{"h4"}));
  // An empty source still has one (empty) row, so its lane has a height.
  ASSERT_EQ(layout.lanes[2].rows.size(), 1u);
  EXPECT_TRUE(layout.lanes[2].rows[0].event.empty());
  EXPECT_EQ(layout.lanes[3].rows.size(), 1u);
}

TEST_F(LayoutFixture, HeaderDetailNamesAuthorYearKindAndCount) {
  const TimelineLayout layout = BuildLayout(dataset);
  const std::string dot = " \xC2\xB7 ";
  const std::string dash = " \xE2\x80\x93 ";
  EXPECT_EQ(layout.lanes[0].headerDetail, "Trotsky" + dot + "1930" + dot + "memoir" + dot + "8 events");
  EXPECT_EQ(layout.lanes[1].headerDetail, "Volkogonov" + dot + "1988" + dash + "1989" + dot + "history" + dot + "4 events");
  // A source with no 'written' date names none.
  EXPECT_EQ(layout.lanes[2].headerDetail, "Nobody" + dot + "0 events");
  EXPECT_EQ(layout.lanes[3].headerDetail, "Lenin" + dot + "24 Dec 1922" + dot + "letter" + dot + "1 event");
  for (const Lane& lane : layout.lanes)
    EXPECT_NE(lane.headerDetail.find(std::to_string(lane.eventCount) + " event"), std::string::npos);
}

TEST(BuildLayout, EmptyDatasetUsesTheView) {
  Dataset dataset;
  dataset.view = ParseEdtf("1898/1953").value;
  const TimelineLayout layout = BuildLayout(dataset);
  EXPECT_TRUE(layout.lanes.empty());
  EXPECT_EQ(layout.dataStartDay, Day(1898_y / date::January / 1));
  EXPECT_EQ(layout.dataEndDay, Day(1954_y / date::January / 1));
  EXPECT_EQ(layout.domainStartDay, layout.dataStartDay - 365);
  EXPECT_EQ(layout.domainEndDay, layout.dataEndDay + 365);
}

TEST(BuildLayout, ManyRandomEventsInOneSource) {
  Dataset dataset;
  dataset.view = ParseEdtf("1898/1953").value;
  Source source;
  source.id = "s";
  source.author = "A";
  dataset.sources.push_back(source);
  std::mt19937 rng(42);
  const std::int32_t lo = Day(1898_y / date::January / 1);
  const std::int32_t hi = Day(1954_y / date::January / 1);
  std::uniform_int_distribution<std::int32_t> dayDist(lo, hi - 1);
  std::uniform_int_distribution<int> kind(0, 4);
  for (int i = 0; i < 2000; ++i) {
    Event e;
    e.source = 0;
    const date::sys_days a = FromDayNumber(dayDist(rng));
    e.date.start.earliest = e.date.start.latest = a;
    e.date.end = e.date.start;
    const int k = kind(rng);
    if (k >= 3) {  // a range: up to a month, up to two years, or up to ten
      e.date.isInterval = true;
      const int longest = k == 3 ? 60 : 3650;
      e.date.end.earliest = e.date.end.latest = a + date::days{std::uniform_int_distribution<int>(1, longest)(rng)};
    }
    dataset.events.push_back(e);
  }
  const TimelineLayout layout = BuildLayout(dataset);
  ASSERT_EQ(layout.lanes.size(), 1u);
  std::vector<DayExtent> extents(dataset.events.size());
  std::vector<std::int32_t> rowOf(dataset.events.size(), -1);
  std::size_t total = 0;
  for (std::size_t r = 0; r < layout.lanes[0].rows.size(); ++r) {
    const LaneRow& row = layout.lanes[0].rows[r];
    for (std::size_t k = 0; k < row.event.size(); ++k) {
      const auto e = static_cast<std::size_t>(row.event[k]);
      ASSERT_EQ(rowOf[e], -1) << "event twice";
      rowOf[e] = static_cast<std::int32_t>(r);
      extents[e] = EventExtent(dataset.events[e].date, layout.domainStartDay, layout.domainEndDay);
      EXPECT_EQ(row.startDay[k], extents[e].start);
      EXPECT_EQ(row.endDay[k], extents[e].end);
    }
    total += row.event.size();
    EXPECT_TRUE(std::is_sorted(row.startDay.begin(), row.startDay.end()));
    EXPECT_TRUE(std::is_sorted(row.endDay.begin(), row.endDay.end()));
    for (std::size_t k = 1; k < row.event.size(); ++k) EXPECT_LE(row.endDay[k - 1], row.startDay[k]);
  }
  EXPECT_EQ(total, dataset.events.size());
  CheckLaneRows(extents, rowOf, static_cast<int>(layout.lanes[0].rows.size()));
  EXPECT_NE(layout.lanes[0].headerDetail.find("2000 events"), std::string::npos);
}

}  // namespace
}  // namespace parallax
