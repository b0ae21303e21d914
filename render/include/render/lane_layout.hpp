#pragma once
// Lanes (one per source) and rows (events stacked so that none overlap). Computed once per load or
// edit, never per frame: rows do not depend on zoom or labels, so nothing jumps while zooming.

#include "timeline_data/model.hpp"
#include "timeline_data/verdict.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace parallax {

// One row: events that do not overlap, sorted by start; so their ends are sorted too and two
// binary searches give the slice visible in any range.
struct LaneRow {
  std::vector<std::int32_t> startDay;  // first day (inclusive), days since 1970
  std::vector<std::int32_t> endDay;    // last day + 1 (exclusive)
  std::vector<std::int32_t> event;     // index into Dataset::events (the record lane: Dataset::claims)
  // Prefix counts (size + 1): how many of the first k items contradict something, and how many belong
  // to a contested claim. A fold of items [a, b) carries flaggedBefore[b] - flaggedBefore[a].
  std::vector<std::int32_t> flaggedBefore;
  std::vector<std::int32_t> contestedBefore;
};

struct Lane {
  std::int32_t source = -1;  // -1: the Record lane (items are claims, dated by their record)
  std::vector<LaneRow> rows;
  std::string headerDetail;   // "Volkogonov · 1988 · history · 612 events", built once
  std::string collapsedHint;  // shown when rows are compressed: "57 rows · click to expand"
  std::string expandedHint;
  int eventCount = 0;
};

struct TimelineLayout {
  std::vector<Lane> lanes;
  std::int32_t domainStartDay = 0;  // where open ends stop (the dataset's extent, with a margin)
  std::int32_t domainEndDay = 0;
  std::int32_t dataStartDay = 0;    // the extent of all known dates ("F" fits this)
  std::int32_t dataEndDay = 0;
  std::vector<std::int32_t> eventLane;   // per event: its lane
  std::vector<std::int32_t> eventRow;    // per event: its row in that lane
  // Contradicting events per month over the domain, for the overview's heat strip.
  std::vector<std::uint16_t> heatByMonth;
  std::int32_t heatFirstMonth = 0;       // months since 1970-01 of heatByMonth[0]
  std::uint16_t heatMax = 0;
};

// The days an event occupies on the timeline: [earliest, latest + 1), open ends cut at the domain.
struct DayExtent {
  std::int32_t start = 0;
  std::int32_t end = 0;  // exclusive
};
DayExtent EventExtent(const EdtfInterval& date, std::int32_t domainStartDay, std::int32_t domainEndDay);

// Stacks the extents into rows: each goes into the lowest row that is free at its start. The number
// of rows equals the largest number of extents that overlap at one day (interval partitioning).
// Returns the row of each extent.
std::vector<std::int32_t> StackIntoRows(const std::vector<DayExtent>& extents, int* rowCount = nullptr);

// A lane's rows come in three groups, most precise on top: extents up to PreciseSpanDays (days,
// months), up to LongSpanDays (seasons, years), and longer or open spans.
inline constexpr std::int32_t PreciseSpanDays = 62;
inline constexpr std::int32_t LongSpanDays = 731;

// With an analysis, the layout carries contradiction flags (for folds, the filter and the heat strip)
// and starts with a Record lane of the claims' record dates.
TimelineLayout BuildLayout(const Dataset& dataset, const ClaimAnalysis* analysis = nullptr);

}  // namespace parallax
