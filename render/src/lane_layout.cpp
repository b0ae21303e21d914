#include "render/lane_layout.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>

namespace parallax {

DayExtent EventExtent(const EdtfInterval& date, std::int32_t domainStartDay, std::int32_t domainEndDay) {
  DayExtent extent;
  extent.start = date.start.kind == BoundKind::Known ? DayNumber(date.Earliest()) : domainStartDay;
  extent.end = date.end.kind == BoundKind::Known ? DayNumber(date.Latest()) + 1 : domainEndDay;
  // An open end that points away from the domain still gets a visible extent.
  if (extent.end <= extent.start) extent.end = extent.start + 1;
  return extent;
}

std::vector<std::int32_t> StackIntoRows(const std::vector<DayExtent>& extents, int* rowCount) {
  std::vector<std::int32_t> order(extents.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    const DayExtent& ea = extents[static_cast<std::size_t>(a)];
    const DayExtent& eb = extents[static_cast<std::size_t>(b)];
    return ea.start != eb.start ? ea.start < eb.start : ea.end > eb.end;
  });
  std::vector<std::int32_t> rowOf(extents.size(), 0);
  // Busy rows ordered by the day they become free; free rows by index (lowest first).
  using Busy = std::pair<std::int32_t, std::int32_t>;  // (end day, row)
  std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
  std::priority_queue<std::int32_t, std::vector<std::int32_t>, std::greater<>> free;
  std::int32_t rows = 0;
  for (std::int32_t index : order) {
    const DayExtent& e = extents[static_cast<std::size_t>(index)];
    while (!busy.empty() && busy.top().first <= e.start) {
      free.push(busy.top().second);
      busy.pop();
    }
    std::int32_t row;
    if (!free.empty()) {
      row = free.top();
      free.pop();
    } else {
      row = rows++;
    }
    rowOf[static_cast<std::size_t>(index)] = row;
    busy.emplace(e.end, row);
  }
  if (rowCount) *rowCount = rows;
  return rowOf;
}

TimelineLayout BuildLayout(const Dataset& dataset, const ClaimAnalysis* analysis) {
  TimelineLayout layout;
  // The domain: the default view, widened to every known date, plus a margin for open ends.
  std::int32_t lo = DayNumber(dataset.view.Earliest());
  std::int32_t hi = DayNumber(dataset.view.Latest()) + 1;
  std::int32_t dataLo = hi;
  std::int32_t dataHi = lo;
  for (const Event& e : dataset.events) {
    if (!e.dateValid) continue;
    if (e.date.start.kind == BoundKind::Known) dataLo = std::min(dataLo, DayNumber(e.date.Earliest()));
    if (e.date.end.kind == BoundKind::Known) dataHi = std::max(dataHi, DayNumber(e.date.Latest()) + 1);
  }
  if (dataLo >= dataHi) {
    dataLo = lo;
    dataHi = hi;
  }
  layout.dataStartDay = dataLo;
  layout.dataEndDay = dataHi;
  layout.domainStartDay = std::min(lo, dataLo) - 365;
  layout.domainEndDay = std::max(hi, dataHi) + 365;

  const bool withRecord = analysis != nullptr && !dataset.claims.empty();
  const std::size_t firstSourceLane = withRecord ? 1 : 0;
  layout.lanes.resize(dataset.sources.size() + firstSourceLane);
  layout.eventLane.assign(dataset.events.size(), -1);
  layout.eventRow.assign(dataset.events.size(), -1);
  std::vector<std::vector<std::int32_t>> eventsOfSource(dataset.sources.size());
  for (std::size_t i = 0; i < dataset.events.size(); ++i)
    if (dataset.events[i].dateValid)  // an event without a valid date has no place on the timeline
      eventsOfSource[static_cast<std::size_t>(dataset.events[i].source)].push_back(static_cast<std::int32_t>(i));

  // Whether an event contradicts something, and whether its claim is contested.
  auto flagged = [&](std::int32_t e) {
    return analysis && analysis->eventContradicts[static_cast<std::size_t>(e)] != 0;
  };
  auto contested = [&](std::int32_t e) {
    const std::int32_t c = dataset.events[static_cast<std::size_t>(e)].claim;
    return analysis && c >= 0 && analysis->claims[static_cast<std::size_t>(c)].worst == Verdict::Contradicts;
  };
  auto fillPrefixes = [](LaneRow& row, auto&& isFlagged, auto&& isContested) {
    row.flaggedBefore.assign(row.event.size() + 1, 0);
    row.contestedBefore.assign(row.event.size() + 1, 0);
    for (std::size_t k = 0; k < row.event.size(); ++k) {
      row.flaggedBefore[k + 1] = row.flaggedBefore[k] + (isFlagged(row.event[k]) ? 1 : 0);
      row.contestedBefore[k + 1] = row.contestedBefore[k] + (isContested(row.event[k]) ? 1 : 0);
    }
  };

  if (withRecord) {
    // The Record lane: every claim with a record, stacked like events.
    Lane& lane = layout.lanes[0];
    std::vector<DayExtent> extents;
    std::vector<std::int32_t> claims;
    for (std::size_t c = 0; c < dataset.claims.size(); ++c) {
      if (!dataset.claims[c].hasRecord) continue;
      extents.push_back(EventExtent(dataset.claims[c].record, layout.domainStartDay, layout.domainEndDay));
      claims.push_back(static_cast<std::int32_t>(c));
    }
    int rows = 0;
    const std::vector<std::int32_t> rowOf = StackIntoRows(extents, &rows);
    lane.rows.resize(static_cast<std::size_t>(std::max(rows, 1)));
    std::vector<std::size_t> order(extents.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return extents[a].start < extents[b].start; });
    for (std::size_t k : order) {
      LaneRow& row = lane.rows[static_cast<std::size_t>(rowOf[k])];
      row.startDay.push_back(extents[k].start);
      row.endDay.push_back(extents[k].end);
      row.event.push_back(claims[k]);
    }
    auto claimContested = [&](std::int32_t c) {
      return analysis->claims[static_cast<std::size_t>(c)].worst == Verdict::Contradicts;
    };
    for (LaneRow& row : lane.rows) fillPrefixes(row, claimContested, claimContested);
    lane.eventCount = static_cast<int>(claims.size());
    lane.headerDetail = std::to_string(claims.size()) + " claims \xC2\xB7 dates as historians establish them";
    lane.collapsedHint = std::to_string(lane.rows.size()) + " rows \xC2\xB7 click to show all";
    lane.expandedHint = "all rows shown \xC2\xB7 click to fit";
  }

  for (std::size_t s = 0; s < dataset.sources.size(); ++s) {
    Lane& lane = layout.lanes[s + firstSourceLane];
    const Source& source = dataset.sources[s];
    lane.source = static_cast<std::int32_t>(s);
    const std::vector<std::int32_t>& events = eventsOfSource[s];
    lane.eventCount = dataset.EventCount(static_cast<std::int32_t>(s));

    std::vector<DayExtent> extents;
    extents.reserve(events.size());
    for (std::int32_t e : events)
      extents.push_back(EventExtent(dataset.events[static_cast<std::size_t>(e)].date, layout.domainStartDay,
                                    layout.domainEndDay));
    // The most precise events take the top rows, where the labels are: day- and month-exact first,
    // then year-scale, then long and open spans. Each group is stacked optimally on its own.
    std::vector<std::int32_t> rowOf(extents.size(), 0);
    int rowsSoFar = 0;
    for (int group = 0; group < 3; ++group) {
      std::vector<DayExtent> groupExtents;
      std::vector<std::size_t> groupIndex;
      for (std::size_t k = 0; k < extents.size(); ++k) {
        const std::int32_t days = extents[k].end - extents[k].start;
        const int g = days <= PreciseSpanDays ? 0 : days <= LongSpanDays ? 1 : 2;
        if (g != group) continue;
        groupExtents.push_back(extents[k]);
        groupIndex.push_back(k);
      }
      int groupRows = 0;
      const std::vector<std::int32_t> groupRowOf = StackIntoRows(groupExtents, &groupRows);
      for (std::size_t k = 0; k < groupIndex.size(); ++k) rowOf[groupIndex[k]] = rowsSoFar + groupRowOf[k];
      rowsSoFar += groupRows;
    }
    lane.rows.resize(static_cast<std::size_t>(std::max(rowsSoFar, 1)));

    // Fill rows in start order so each row's arrays come out sorted.
    std::vector<std::size_t> order(events.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return extents[a].start < extents[b].start;
    });
    for (std::size_t k : order) {
      LaneRow& row = lane.rows[static_cast<std::size_t>(rowOf[k])];
      row.startDay.push_back(extents[k].start);
      row.endDay.push_back(extents[k].end);
      row.event.push_back(events[k]);
      layout.eventLane[static_cast<std::size_t>(events[k])] = static_cast<std::int32_t>(s + firstSourceLane);
      layout.eventRow[static_cast<std::size_t>(events[k])] = rowOf[k];
    }
    for (LaneRow& row : lane.rows) fillPrefixes(row, flagged, contested);

    lane.headerDetail = source.author;
    if (!source.writtenText.empty())
      lane.headerDetail += " \xC2\xB7 " + FormatWritten(source.written);  // middle dot
    if (!source.kind.empty()) lane.headerDetail += " \xC2\xB7 " + source.kind;
    lane.headerDetail += " \xC2\xB7 " + std::to_string(lane.eventCount) + (lane.eventCount == 1 ? " event" : " events");
    lane.collapsedHint = std::to_string(lane.rows.size()) + " rows \xC2\xB7 click to show all";
    lane.expandedHint = "all rows shown \xC2\xB7 click to fit";
  }

  // The heat strip: contradicting events per month (an event counts in the month of its middle).
  if (analysis) {
    const date::year_month_day first{FromDayNumber(layout.domainStartDay)};
    const date::year_month_day last{FromDayNumber(layout.domainEndDay)};
    auto monthIndex = [](const date::year_month_day& ymd) {
      return (static_cast<int>(ymd.year()) - 1970) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    };
    layout.heatFirstMonth = monthIndex(first);
    layout.heatByMonth.assign(static_cast<std::size_t>(monthIndex(last) - layout.heatFirstMonth + 1), 0);
    for (std::size_t e = 0; e < dataset.events.size(); ++e) {
      if (!analysis->eventContradicts[e]) continue;
      const DayExtent x = EventExtent(dataset.events[e].date, layout.domainStartDay, layout.domainEndDay);
      const int m = monthIndex(date::year_month_day{FromDayNumber(x.start + (x.end - x.start) / 2)}) - layout.heatFirstMonth;
      if (m < 0 || m >= static_cast<int>(layout.heatByMonth.size())) continue;
      std::uint16_t& bin = layout.heatByMonth[static_cast<std::size_t>(m)];
      if (bin < 65535) ++bin;
      layout.heatMax = std::max(layout.heatMax, bin);
    }
  }
  return layout;
}

}  // namespace parallax
