#include "render/ticks.hpp"

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parallax {
namespace {

constexpr const char* MonthAbbrev[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int32_t DayNumberOf(const date::year_month_day& ymd) {
  return static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count());
}

date::year_month_day YmdOf(std::int32_t day) { return date::year_month_day{date::sys_days{date::days{day}}}; }

int FloorDiv(int a, int b) { return (a >= 0 ? a : a - b + 1) / b; }

// First tick at or before `day` for `step`.
date::year_month_day FirstTick(std::int32_t day, TickStep step) {
  const date::year_month_day ymd = YmdOf(day);
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  switch (step.unit) {
    case TickUnit::Year:
      return date::year{FloorDiv(year, step.count) * step.count} / date::January / 1;
    case TickUnit::Month: {
      const unsigned m0 = (month - 1) / static_cast<unsigned>(step.count) * static_cast<unsigned>(step.count);
      return date::year{year} / date::month{m0 + 1} / 1;
    }
    case TickUnit::Day:
      return date::year{year} / date::month{month} / 1;
  }
  return ymd;
}

// The day-of-month ticks of a step of n days: 1, 1+n, 1+2n, ... not too close to the next month.
bool DayTickInMonth(unsigned dayOfMonth, unsigned daysInMonth, int n) {
  if ((dayOfMonth - 1) % static_cast<unsigned>(n) != 0) return false;
  return n == 1 || dayOfMonth + static_cast<unsigned>(n) / 2 <= daysInMonth;
}

// The shortest gap between two consecutive ticks of `step`, in days: months and years vary in
// length, and day ticks restart on the 1st of every month (the last gap of a month may be short).
int ShortestGapDays(TickStep step) {
  int shortest = 1 << 30;
  switch (step.unit) {
    case TickUnit::Day:
      for (unsigned dim = 28; dim <= 31; ++dim) {
        unsigned previous = 1;
        for (unsigned d = 2; d <= dim + 1; ++d) {
          if (d <= dim && !DayTickInMonth(d, dim, step.count)) continue;
          shortest = std::min(shortest, static_cast<int>(d - previous));  // d == dim + 1: the next 1st
          previous = d;
        }
      }
      break;
    case TickUnit::Month:
    case TickUnit::Year: {
      // Every alignment over a 400-year Gregorian cycle (each count divides 12 or 400).
      const bool months = step.unit == TickUnit::Month;
      for (int y = 2000; y < (months ? 2004 : 2400); y += months ? 1 : step.count) {
        for (unsigned m = 1; m <= (months ? 12u : 1u); m += static_cast<unsigned>(step.count)) {
          const date::year_month_day from = date::year{y} / date::month{m} / 1;
          const date::year_month_day to = months ? from + date::months{step.count} : from + date::years{step.count};
          shortest = std::min(shortest, static_cast<int>((date::sys_days{to} - date::sys_days{from}).count()));
        }
      }
      break;
    }
  }
  return shortest;
}

}  // namespace

TickStep ChooseTickStep(double pxPerDay, float minSpacingPx) {
  static const std::array<int, TickSteps.size()> shortestGap = [] {
    std::array<int, TickSteps.size()> gaps{};
    for (std::size_t i = 0; i < TickSteps.size(); ++i) gaps[i] = ShortestGapDays(TickSteps[i]);
    return gaps;
  }();
  for (std::size_t i = 0; i < TickSteps.size(); ++i) {
    const TickStep& step = TickSteps[i];
    // Day steps inside a month are uneven (the last gap may be shorter): demand a little extra.
    const double slack = step.unit == TickUnit::Day && step.count > 1 ? 1.5 : 1.0;
    // And every actual gap (February, a common year, a month's last day tick) must fit as well.
    if (step.ApproxDays() * pxPerDay >= minSpacingPx * slack && shortestGap[i] * pxPerDay >= minSpacingPx) return step;
  }
  return TickSteps.back();
}

double TickStep::ApproxDays() const {
  switch (unit) {
    case TickUnit::Day: return count;
    case TickUnit::Month: return count * 30.436875;
    case TickUnit::Year: return count * 365.2425;
  }
  return 1.0;
}

std::int32_t FloorToStep(std::int32_t day, TickStep step) {
  if (step.unit != TickUnit::Day) return DayNumberOf(FirstTick(day, step));
  const date::year_month_day ymd = YmdOf(day);
  const unsigned d = static_cast<unsigned>(ymd.day());
  unsigned floored = (d - 1) / static_cast<unsigned>(step.count) * static_cast<unsigned>(step.count) + 1;
  // A day near the month's end whose own tick is dropped belongs to the month's last tick.
  const unsigned dim = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
  while (floored > 1 && !DayTickInMonth(floored, dim, step.count)) floored -= static_cast<unsigned>(step.count);
  return DayNumberOf(ymd.year() / ymd.month() / date::day{floored});
}

void ComputeTicks(const TimeAxis& axis, float minSpacingPx, AxisTicks& out) {
  out.count = 0;
  out.contextCount = 0;
  out.step = ChooseTickStep(axis.PxPerDay(), minSpacingPx);
  const TickStep step = out.step;
  const auto firstDay = static_cast<std::int32_t>(std::floor(axis.startDay));
  const auto lastDay = static_cast<std::int32_t>(std::ceil(axis.endDay));

  // [SECTION] Fine row
  date::year_month_day ymd = FirstTick(firstDay, step);
  for (int guard = 0; guard < 100000 && out.count < MaxTicks; ++guard) {
    const std::int32_t day = DayNumberOf(ymd);
    if (day > lastDay) break;
    bool emit = true;
    if (step.unit == TickUnit::Day) {
      const unsigned dim = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
      emit = DayTickInMonth(static_cast<unsigned>(ymd.day()), dim, step.count);
    }
    if (emit && day >= firstDay) {
      AxisTick& tick = out.ticks[static_cast<std::size_t>(out.count++)];
      tick.day = day;
      tick.x = axis.DayToX(day);
      switch (step.unit) {
        case TickUnit::Year:
          std::snprintf(tick.label, sizeof tick.label, "%d", static_cast<int>(ymd.year()));
          break;
        case TickUnit::Month:
          std::snprintf(tick.label, sizeof tick.label, "%s", MonthAbbrev[static_cast<unsigned>(ymd.month()) - 1]);
          break;
        case TickUnit::Day:
          std::snprintf(tick.label, sizeof tick.label, "%u", static_cast<unsigned>(ymd.day()));
          break;
      }
    }
    switch (step.unit) {
      case TickUnit::Year: ymd = (ymd.year() + date::years{step.count}) / date::January / 1; break;
      case TickUnit::Month: ymd = ymd.year() / ymd.month() / 1 + date::months{step.count}; break;
      case TickUnit::Day: ymd = date::year_month_day{date::sys_days{ymd} + date::days{1}}; break;
    }
  }

  // [SECTION] Context row: one unit coarser than the fine row
  TickStep context;
  switch (step.unit) {
    case TickUnit::Day: context = {TickUnit::Month, 1}; break;
    case TickUnit::Month: context = {TickUnit::Year, 1}; break;
    case TickUnit::Year: context = {TickUnit::Year, step.count < 10 ? 10 : 100}; break;
  }
  ymd = FirstTick(firstDay, context);
  for (int guard = 0; guard < 100000 && out.contextCount < MaxContextTicks; ++guard) {
    const std::int32_t day = DayNumberOf(ymd);
    if (day > lastDay) break;
    AxisTick& tick = out.context[static_cast<std::size_t>(out.contextCount++)];
    tick.day = day;
    // The segment that began before the left edge is labelled at the edge.
    tick.x = day < firstDay ? axis.x0 : axis.DayToX(day);
    const int year = static_cast<int>(ymd.year());
    if (context.unit == TickUnit::Month)
      std::snprintf(tick.label, sizeof tick.label, "%s %d", MonthAbbrev[static_cast<unsigned>(ymd.month()) - 1], year);
    else if (context.count == 1)
      std::snprintf(tick.label, sizeof tick.label, "%d", year);
    else
      std::snprintf(tick.label, sizeof tick.label, "%ds", year);
    if (context.unit == TickUnit::Month) ymd = ymd.year() / ymd.month() / 1 + date::months{1};
    else ymd = (ymd.year() + date::years{context.count}) / date::January / 1;
  }
}

}  // namespace parallax
