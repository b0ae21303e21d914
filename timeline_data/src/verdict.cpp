#include "timeline_data/verdict.hpp"

#include <date/julian.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parallax {

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::Same: return "same";
    case Verdict::Consistent: return "consistent";
    case Verdict::Calendar: return "calendar";
    case Verdict::Contradicts: return "contradicts";
  }
  return "?";
}

std::int32_t JulianOffsetDays(date::sys_days day) {
  // The same written y-m-d read as Julian falls this many days later.
  const date::year_month_day g{day};
  const julian::year_month_day j{julian::year{static_cast<int>(g.year())}, julian::month{static_cast<unsigned>(g.month())},
                                 julian::day{std::min(static_cast<unsigned>(g.day()), 28u)}};
  const date::year_month_day g28{g.year(), g.month(), date::day{std::min(static_cast<unsigned>(g.day()), 28u)}};
  return static_cast<std::int32_t>((date::sys_days{j} - date::sys_days{g28}).count());
}

Comparison CompareDates(const EdtfInterval& a, const EdtfInterval& b) {
  const date::sys_days a0 = a.Earliest();
  const date::sys_days a1 = a.Latest();
  const date::sys_days b0 = b.Earliest();
  const date::sys_days b1 = b.Latest();
  if (a0 == b0 && a1 == b1 && a.start.kind == b.start.kind && a.end.kind == b.end.kind) return {Verdict::Same, 0};
  if (a0 <= b1 && b0 <= a1) return {Verdict::Consistent, 0};
  // Disjoint: measure the gap between the nearest days.
  const bool aFirst = a1 < b0;
  const date::sys_days earlierEnd = aFirst ? a1 : b1;
  const date::sys_days laterStart = aFirst ? b0 : a0;
  const auto gap = static_cast<std::int32_t>((laterStart - earlierEnd).count());
  // The calendar case: an Old Style date read as New Style (or the reverse). That slip exists only
  // for dates from before Russia's switch (1 Feb 1918 O.S. = 14 Feb N.S.) and is only visible between
  // (nearly) day-exact datings: shifted by the Julian offset, one falls inside the other. So two days
  // 13 days apart in 1917 qualify, as does "25 October" read as N.S. against a record of 6-7 November;
  // "1921" against "5 January 1922", or any dates of 1950, do not.
  static constexpr date::sys_days RussianSwitch = date::sys_days{date::year{1918} / 2 / 14};
  constexpr date::days MaxWidth{3};
  const bool narrow = a1 - a0 < MaxWidth && b1 - b0 < MaxWidth;
  const bool allKnown = a.start.kind == BoundKind::Known && a.end.kind == BoundKind::Known &&
                        b.start.kind == BoundKind::Known && b.end.kind == BoundKind::Known;
  if (narrow && allKnown && earlierEnd < RussianSwitch) {
    auto within = [](date::sys_days x0, date::sys_days x1, date::sys_days y0, date::sys_days y1) {
      return (x0 >= y0 && x1 <= y1) || (y0 >= x0 && y1 <= x1);
    };
    for (const std::int32_t offset : {JulianOffsetDays(earlierEnd), JulianOffsetDays(laterStart)}) {
      const date::days shift{aFirst ? offset : -offset};
      if (within(a0 + shift, a1 + shift, b0, b1)) return {Verdict::Calendar, gap};
    }
  }
  return {Verdict::Contradicts, gap};
}

int FormatGap(std::int32_t days, char* out, std::size_t size) {
  days = std::abs(days);
  if (days < 60) return std::snprintf(out, size, "%d %s", days, days == 1 ? "day" : "days");
  if (days < 730) return std::snprintf(out, size, "%ld months", std::lround(days / 30.436875));
  return std::snprintf(out, size, "%ld years", std::lround(days / 365.2425));
}

std::string FormatGap(std::int32_t days) {
  char buf[32];
  FormatGap(days, buf, sizeof buf);
  return buf;
}

ClaimAnalysis AnalyzeClaims(const Dataset& dataset) {
  ClaimAnalysis out;
  out.claims.resize(dataset.claims.size());
  out.eventVsRecord.resize(dataset.events.size());
  out.eventContradicts.assign(dataset.events.size(), 0);
  for (std::size_t ci = 0; ci < dataset.claims.size(); ++ci) {
    const Claim& claim = dataset.claims[ci];
    ClaimSummary& summary = out.claims[ci];
    auto note = [&](const Comparison& c, std::int32_t ea, std::int32_t eb) {
      summary.worst = std::max(summary.worst, c.verdict);
      if (c.verdict == Verdict::Contradicts) {
        summary.largestGapDays = std::max(summary.largestGapDays, c.gapDays);
        if (ea >= 0) out.eventContradicts[static_cast<std::size_t>(ea)] = 1;
        if (eb >= 0) out.eventContradicts[static_cast<std::size_t>(eb)] = 1;
      }
    };
    std::vector<std::int32_t> sources;
    std::int32_t lo = claim.hasRecord ? DayNumber(claim.record.Earliest()) : INT32_MAX;
    std::int32_t hi = claim.hasRecord ? DayNumber(claim.record.Latest()) + 1 : INT32_MIN;
    for (std::size_t i = 0; i < claim.events.size(); ++i) {
      const std::int32_t ea = claim.events[i];
      const Event& a = dataset.events[static_cast<std::size_t>(ea)];
      if (!a.dateValid) continue;
      sources.push_back(a.source);
      if (a.date.start.kind == BoundKind::Known) lo = std::min(lo, DayNumber(a.date.Earliest()));
      if (a.date.end.kind == BoundKind::Known) hi = std::max(hi, DayNumber(a.date.Latest()) + 1);
      if (claim.hasRecord) {
        const Comparison c = CompareDates(a.date, claim.record);
        out.eventVsRecord[static_cast<std::size_t>(ea)] = c;
        note(c, ea, -1);
      }
      for (std::size_t j = i + 1; j < claim.events.size(); ++j) {
        const std::int32_t eb = claim.events[j];
        if (!dataset.events[static_cast<std::size_t>(eb)].dateValid) continue;
        note(CompareDates(a.date, dataset.events[static_cast<std::size_t>(eb)].date), ea, eb);
      }
    }
    std::sort(sources.begin(), sources.end());
    summary.sourceCount = static_cast<int>(std::unique(sources.begin(), sources.end()) - sources.begin());
    for (std::int32_t e : claim.events) summary.contradictionCount += out.eventContradicts[static_cast<std::size_t>(e)];
    summary.startDay = lo == INT32_MAX ? 0 : lo;
    summary.endDay = hi == INT32_MIN ? 0 : hi;
  }
  for (std::size_t e = 0; e < dataset.events.size(); ++e)
    if (out.eventContradicts[e]) out.contradictionOrder.push_back(static_cast<std::int32_t>(e));
  std::stable_sort(out.contradictionOrder.begin(), out.contradictionOrder.end(), [&](std::int32_t a, std::int32_t b) {
    return dataset.events[static_cast<std::size_t>(a)].date.Earliest() < dataset.events[static_cast<std::size_t>(b)].date.Earliest();
  });
  return out;
}

}  // namespace parallax
