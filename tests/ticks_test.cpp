// Calendar ticks for the time axis, as tables (after Orbit's TimelineTicks test): the step chosen
// for a view, the first labels and days, the context row, and the spacing every tick set keeps.

#include "render/ticks.hpp"
#include "timeline_data/edtf.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace parallax {
namespace {

using namespace date::literals;

constexpr float MinSpacing = 56.f;  // the light theme's tickMinSpacing
constexpr float X0 = 300.f;

std::int32_t Day(date::year_month_day ymd) { return DayNumber(date::sys_days{ymd}); }

const char* UnitName(TickUnit unit) {
  switch (unit) {
    case TickUnit::Day: return "day";
    case TickUnit::Month: return "month";
    case TickUnit::Year: return "year";
  }
  return "?";
}

std::string StepName(TickStep step) { return std::to_string(step.count) + " " + UnitName(step.unit); }

struct Expected {
  std::string label;
  std::int32_t day;
};

struct TickCase {
  const char* name;
  date::year_month_day start;
  date::year_month_day end;
  float width;
  TickStep step;
  int count;                            // ticks in the fine row
  std::vector<Expected> firstTicks;     // the first few of the fine row
  std::vector<Expected> context;        // the whole context row
};

void PrintTo(const TickCase& c, std::ostream* os) { *os << c.name; }

bool AllTicksStrictlyIncreasing(const AxisTicks& t) {
  for (int i = 1; i < t.count; ++i)
    if (!(t.ticks[static_cast<std::size_t>(i)].x > t.ticks[static_cast<std::size_t>(i - 1)].x)) return false;
  return true;
}

// The label a tick of `step` on `day` must have, from the calendar.
std::string LabelFor(std::int32_t day, TickUnit unit) {
  static const char* const Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{FromDayNumber(day)};
  switch (unit) {
    case TickUnit::Day: return std::to_string(static_cast<unsigned>(ymd.day()));
    case TickUnit::Month: return Months[static_cast<unsigned>(ymd.month()) - 1];
    case TickUnit::Year: return std::to_string(static_cast<int>(ymd.year()));
  }
  return "";
}

// Checks every tick set must satisfy, whatever the view.
void CheckInvariants(const TimeAxis& axis, const AxisTicks& t, float minSpacing) {
  ASSERT_GT(t.count, 0);
  ASSERT_LE(t.count, MaxTicks);
  ASSERT_LE(t.contextCount, MaxContextTicks);
  const double pxPerDay = axis.PxPerDay();
  for (int i = 0; i < t.count; ++i) {
    const AxisTick& tick = t.ticks[static_cast<std::size_t>(i)];
    EXPECT_FLOAT_EQ(tick.x, axis.DayToX(tick.day));
    // Within the view (whole days: the view's first and last day may be partly shown).
    EXPECT_GE(tick.day, std::floor(axis.startDay)) << tick.label;
    EXPECT_LE(tick.day, std::ceil(axis.endDay)) << tick.label;
    EXPECT_EQ(tick.label, LabelFor(tick.day, t.step.unit));
    // A tick falls on the first day of its unit.
    const date::year_month_day ymd{FromDayNumber(tick.day)};
    if (t.step.unit != TickUnit::Day) {
      EXPECT_EQ(static_cast<unsigned>(ymd.day()), 1u) << tick.label;
    }
    if (t.step.unit == TickUnit::Year) {
      EXPECT_EQ(static_cast<unsigned>(ymd.month()), 1u) << tick.label;
      EXPECT_EQ(static_cast<int>(ymd.year()) % t.step.count, 0) << tick.label;
    }
    if (i > 0) {
      const AxisTick& prev = t.ticks[static_cast<std::size_t>(i - 1)];
      EXPECT_GT(tick.day, prev.day);
      EXPECT_GT(tick.x, prev.x);
      EXPECT_GE(tick.x - prev.x, minSpacing - 1e-3f)
          << StepName(t.step) << ": " << FormatIsoDay(FromDayNumber(prev.day)) << " -> "
          << FormatIsoDay(FromDayNumber(tick.day)) << " at " << pxPerDay << " px/day";
    }
  }
  for (int i = 0; i < t.contextCount; ++i) {
    const AxisTick& c = t.context[static_cast<std::size_t>(i)];
    EXPECT_LE(c.day, std::ceil(axis.endDay));
    if (i > 0) {
      EXPECT_GT(c.day, t.context[static_cast<std::size_t>(i - 1)].day);
    }
    // The segment begun before the left edge is pinned to it; the others sit on their day.
    if (c.day < std::floor(axis.startDay)) {
      EXPECT_EQ(i, 0);
      EXPECT_EQ(c.x, axis.x0);
    } else {
      EXPECT_FLOAT_EQ(c.x, axis.DayToX(c.day));
    }
  }
  // Every fine tick lies within a context segment: the first context tick is at or before it.
  if (t.contextCount > 0) {
    EXPECT_LE(t.context[0].day, t.ticks[0].day);
  }
}

class TicksTable : public ::testing::TestWithParam<TickCase> {};

TEST_P(TicksTable, StepLabelsAndContext) {
  const TickCase& c = GetParam();
  const TimeAxis axis{static_cast<double>(Day(c.start)), static_cast<double>(Day(c.end)), X0, c.width};
  AxisTicks ticks;
  ComputeTicks(axis, MinSpacing, ticks);

  EXPECT_EQ(ticks.step.unit, c.step.unit) << StepName(ticks.step);
  EXPECT_EQ(ticks.step.count, c.step.count) << StepName(ticks.step);
  EXPECT_EQ(ticks.count, c.count);
  ASSERT_GE(ticks.count, static_cast<int>(c.firstTicks.size()));
  for (std::size_t i = 0; i < c.firstTicks.size(); ++i) {
    EXPECT_EQ(ticks.ticks[i].label, c.firstTicks[i].label) << i;
    EXPECT_EQ(ticks.ticks[i].day, c.firstTicks[i].day) << i << " " << FormatIsoDay(FromDayNumber(ticks.ticks[i].day));
  }
  ASSERT_EQ(ticks.contextCount, static_cast<int>(c.context.size()));
  for (std::size_t i = 0; i < c.context.size(); ++i) {
    EXPECT_EQ(ticks.context[i].label, c.context[i].label) << i;
    EXPECT_EQ(ticks.context[i].day, c.context[i].day) << i;
  }
  CheckInvariants(axis, ticks, MinSpacing);
  // These views start and end on whole days: every tick is on screen.
  for (int i = 0; i < ticks.count; ++i) {
    EXPECT_GE(ticks.ticks[static_cast<std::size_t>(i)].x, X0);
    EXPECT_LE(ticks.ticks[static_cast<std::size_t>(i)].x, X0 + c.width);
  }
  // The choice agrees with ChooseTickStep at this scale.
  const TickStep chosen = ChooseTickStep(axis.PxPerDay(), MinSpacing);
  EXPECT_EQ(chosen.unit, ticks.step.unit);
  EXPECT_EQ(chosen.count, ticks.step.count);
}

using date::April;
using date::December;
using date::February;
using date::January;
using date::March;
using date::May;

INSTANTIATE_TEST_SUITE_P(
    Table, TicksTable,
    ::testing::Values(
        // 56 years in 1600 px: 0.078 px/day, a year is 28.6 px, two years 57 px.
        TickCase{"Whole1898To1953",
                 1898_y / January / 1,
                 1954_y / January / 1,
                 1600.f,
                 {TickUnit::Year, 2},
                 29,
                 {{"1898", Day(1898_y / January / 1)},
                  {"1900", Day(1900_y / January / 1)},
                  {"1902", Day(1902_y / January / 1)},
                  {"1904", Day(1904_y / January / 1)}},
                 {{"1890s", Day(1890_y / January / 1)},
                  {"1900s", Day(1900_y / January / 1)},
                  {"1910s", Day(1910_y / January / 1)},
                  {"1920s", Day(1920_y / January / 1)},
                  {"1930s", Day(1930_y / January / 1)},
                  {"1940s", Day(1940_y / January / 1)},
                  {"1950s", Day(1950_y / January / 1)}}},
        // 1917 in 1600 px: 4.4 px/day; February is 123 px wide.
        TickCase{"Year1917",
                 1917_y / January / 1,
                 1918_y / January / 1,
                 1600.f,
                 {TickUnit::Month, 1},
                 13,
                 {{"Jan", Day(1917_y / January / 1)},
                  {"Feb", Day(1917_y / February / 1)},
                  {"Mar", Day(1917_y / March / 1)}},
                 {{"1917", Day(1917_y / January / 1)}, {"1918", Day(1918_y / January / 1)}}},
        TickCase{"Year1922In1300Px",
                 1922_y / January / 1,
                 1923_y / January / 1,
                 1300.f,
                 {TickUnit::Month, 1},
                 13,
                 {{"Jan", Day(1922_y / January / 1)}, {"Feb", Day(1922_y / February / 1)}},
                 {{"1922", Day(1922_y / January / 1)}, {"1923", Day(1923_y / January / 1)}}},
        // Five years: a quarter is 79 px, two months only 52 px at the shortest (Jan + Feb).
        TickCase{"Years1920To1924",
                 1920_y / January / 1,
                 1925_y / January / 1,
                 1600.f,
                 {TickUnit::Month, 3},
                 21,
                 {{"Jan", Day(1920_y / January / 1)},
                  {"Apr", Day(1920_y / April / 1)},
                  {"Jul", Day(1920_y / date::July / 1)},
                  {"Oct", Day(1920_y / date::October / 1)},
                  {"Jan", Day(1921_y / January / 1)}},
                 {{"1920", Day(1920_y / January / 1)},
                  {"1921", Day(1921_y / January / 1)},
                  {"1922", Day(1922_y / January / 1)},
                  {"1923", Day(1923_y / January / 1)},
                  {"1924", Day(1924_y / January / 1)},
                  {"1925", Day(1925_y / January / 1)}}},
        // April 1922 in 1600 px: 53 px/day is just under the spacing, so every other day.
        TickCase{"April1922",
                 1922_y / April / 1,
                 1922_y / May / 1,
                 1600.f,
                 {TickUnit::Day, 2},
                 16,
                 {{"1", Day(1922_y / April / 1)},
                  {"3", Day(1922_y / April / 3)},
                  {"5", Day(1922_y / April / 5)},
                  {"7", Day(1922_y / April / 7)}},
                 {{"Apr 1922", Day(1922_y / April / 1)}, {"May 1922", Day(1922_y / May / 1)}}},
        // Ten days: 160 px/day, every day; the month began before the view and is pinned to the edge.
        TickCase{"TenDaysInApril1922",
                 1922_y / April / 10,
                 1922_y / April / 20,
                 1600.f,
                 {TickUnit::Day, 1},
                 11,
                 {{"10", Day(1922_y / April / 10)},
                  {"11", Day(1922_y / April / 11)},
                  {"12", Day(1922_y / April / 12)}},
                 {{"Apr 1922", Day(1922_y / April / 1)}}},
        // Two centuries: ten years are 80 px, five only 40 px.
        TickCase{"TwoHundredYears",
                 1825_y / January / 1,
                 2025_y / January / 1,
                 1600.f,
                 {TickUnit::Year, 10},
                 20,
                 {{"1830", Day(1830_y / January / 1)},
                  {"1840", Day(1840_y / January / 1)},
                  {"1850", Day(1850_y / January / 1)}},
                 {{"1800s", Day(1800_y / January / 1)},
                  {"1900s", Day(1900_y / January / 1)},
                  {"2000s", Day(2000_y / January / 1)}}},
        // 850 days in 1600 px: 1.88 px/day. An average month is 57 px but February only 53 px,
        // so months would crowd: two months (Jan + Feb = 111 px at the shortest).
        TickCase{"MonthsWhereFebruaryIsTooNarrow",
                 1921_y / December / 1,
                 date::year_month_day{date::sys_days{1921_y / December / 1} + date::days{850}},
                 1600.f,
                 {TickUnit::Month, 2},
                 14,
                 {{"Jan", Day(1922_y / January / 1)},
                  {"Mar", Day(1922_y / March / 1)},
                  {"May", Day(1922_y / May / 1)}},
                 {{"1921", Day(1921_y / January / 1)},
                  {"1922", Day(1922_y / January / 1)},
                  {"1923", Day(1923_y / January / 1)},
                  {"1924", Day(1924_y / January / 1)}}},
        // 17.5 px/day in February 1922: five-day ticks would put 26 Feb and 1 Mar 52 px apart.
        TickCase{"DaysInAShortFebruary",
                 1922_y / February / 10,
                 1922_y / March / 10,
                 490.f,
                 {TickUnit::Day, 10},
                 3,
                 {{"11", Day(1922_y / February / 11)},
                  {"21", Day(1922_y / February / 21)},
                  {"1", Day(1922_y / March / 1)}},
                 {{"Feb 1922", Day(1922_y / February / 1)}, {"Mar 1922", Day(1922_y / March / 1)}}}),
    [](const ::testing::TestParamInfo<TickCase>& param) { return std::string(param.param.name); });

// [SECTION] Sweeps over every zoom

TEST(Ticks, SpacingHoldsAtEveryZoom) {
  // Views starting in a common February, a leap February, 1900 (no leap day) and mid-December,
  // zoomed from two centuries to a few days, 0.3 % apart.
  const std::int32_t starts[] = {Day(1922_y / February / 1), Day(1924_y / February / 1), Day(1900_y / February / 10),
                                 Day(1923_y / December / 15)};
  int views = 0;
  for (const std::int32_t start : starts) {
    for (double pxPerDay = 0.0178; pxPerDay < 400.0; pxPerDay *= 1.003) {
      const float width = 1300.f;
      const TimeAxis axis{static_cast<double>(start), start + width / pxPerDay, X0, width};
      AxisTicks ticks;
      ComputeTicks(axis, MinSpacing, ticks);
      SCOPED_TRACE(testing::Message() << FormatIsoDay(FromDayNumber(start)) << " at " << pxPerDay << " px/day, step "
                                      << StepName(ticks.step));
      CheckInvariants(axis, ticks, MinSpacing);
      if (::testing::Test::HasFailure()) return;
      ++views;
    }
  }
  EXPECT_GT(views, 10000);
}

TEST(Ticks, FractionalViewsKeepTheirTicksAtWholeDays) {
  const TimeAxis axis{Day(1922_y / April / 3) + 0.4, Day(1922_y / April / 9) + 0.7, X0, 1300.f};
  AxisTicks ticks;
  ComputeTicks(axis, MinSpacing, ticks);
  EXPECT_EQ(ticks.step.unit, TickUnit::Day);
  EXPECT_EQ(ticks.step.count, 1);
  CheckInvariants(axis, ticks, MinSpacing);
  // Days 3..10 of April: the partly shown first and last days are included.
  ASSERT_EQ(ticks.count, 8);
  EXPECT_STREQ(ticks.ticks[0].label, "3");
  EXPECT_STREQ(ticks.ticks[7].label, "10");
  EXPECT_TRUE(AllTicksStrictlyIncreasing(ticks));
}

TEST(Ticks, ChooseTickStepIsMonotonicInPxPerDay) {
  auto indexOf = [](TickStep s) {
    for (std::size_t i = 0; i < TickSteps.size(); ++i)
      if (TickSteps[i].unit == s.unit && TickSteps[i].count == s.count) return static_cast<int>(i);
    return -1;
  };
  for (const float spacing : {40.f, 56.f, 90.f}) {
    int previous = static_cast<int>(TickSteps.size());
    int distinct = 0;
    for (double pxPerDay = 1e-4; pxPerDay < 1e3; pxPerDay *= 1.01) {
      const int index = indexOf(ChooseTickStep(pxPerDay, spacing));
      ASSERT_GE(index, 0);
      ASSERT_LE(index, previous) << "zooming in chose a coarser step at " << pxPerDay << " px/day";
      distinct += index != previous ? 1 : 0;
      previous = index;
      // The step's average length is never under the spacing either.
      if (index < static_cast<int>(TickSteps.size()) - 1) {
        EXPECT_GE(TickSteps[static_cast<std::size_t>(index)].ApproxDays() * pxPerDay, spacing);
      }
    }
    EXPECT_EQ(previous, 0);  // ends at single days
    EXPECT_EQ(distinct, static_cast<int>(TickSteps.size()));  // every step is used on the way
  }
  // The extremes.
  EXPECT_EQ(ChooseTickStep(1e6, 56.f).unit, TickUnit::Day);
  EXPECT_EQ(ChooseTickStep(1e6, 56.f).count, 1);
  EXPECT_EQ(ChooseTickStep(1e-9, 56.f).unit, TickUnit::Year);
  EXPECT_EQ(ChooseTickStep(1e-9, 56.f).count, 200);
}

// [SECTION] FloorToStep

struct FloorCase {
  date::year_month_day day;
  TickStep step;
  date::year_month_day expected;
};

void PrintTo(const FloorCase& c, std::ostream* os) {
  *os << FormatIsoDay(date::sys_days{c.day}) << " by " << StepName(c.step);
}

class FloorTable : public ::testing::TestWithParam<FloorCase> {};

TEST_P(FloorTable, FirstDayOfTheUnit) {
  const FloorCase& c = GetParam();
  EXPECT_EQ(FormatIsoDay(FromDayNumber(FloorToStep(Day(c.day), c.step))), FormatIsoDay(date::sys_days{c.expected}));
}

INSTANTIATE_TEST_SUITE_P(
    Table, FloorTable,
    ::testing::Values(FloorCase{1922_y / April / 17, {TickUnit::Day, 1}, 1922_y / April / 17},
                      FloorCase{1922_y / April / 17, {TickUnit::Day, 2}, 1922_y / April / 17},
                      FloorCase{1922_y / April / 18, {TickUnit::Day, 2}, 1922_y / April / 17},
                      FloorCase{1922_y / April / 17, {TickUnit::Day, 5}, 1922_y / April / 16},
                      FloorCase{1922_y / April / 17, {TickUnit::Day, 10}, 1922_y / April / 11},
                      FloorCase{1922_y / April / 1, {TickUnit::Day, 10}, 1922_y / April / 1},
                      // The 31st is no tick of 2, 5 or 10 days (too close to the 1st): it belongs
                      // to the unit begun by the month's last tick.
                      FloorCase{1922_y / January / 31, {TickUnit::Day, 10}, 1922_y / January / 21},
                      FloorCase{1922_y / January / 31, {TickUnit::Day, 5}, 1922_y / January / 26},
                      FloorCase{1922_y / January / 31, {TickUnit::Day, 2}, 1922_y / January / 29},
                      FloorCase{1924_y / February / 29, {TickUnit::Day, 2}, 1924_y / February / 27},
                      FloorCase{1922_y / February / 28, {TickUnit::Day, 5}, 1922_y / February / 26},
                      FloorCase{1922_y / April / 17, {TickUnit::Month, 1}, 1922_y / April / 1},
                      FloorCase{1922_y / April / 17, {TickUnit::Month, 3}, 1922_y / April / 1},
                      FloorCase{1922_y / March / 31, {TickUnit::Month, 3}, 1922_y / January / 1},
                      FloorCase{1922_y / December / 31, {TickUnit::Month, 6}, 1922_y / date::July / 1},
                      FloorCase{1922_y / February / 1, {TickUnit::Month, 2}, 1922_y / January / 1},
                      FloorCase{1922_y / April / 17, {TickUnit::Year, 1}, 1922_y / January / 1},
                      FloorCase{1922_y / April / 17, {TickUnit::Year, 10}, 1920_y / January / 1},
                      FloorCase{1922_y / April / 17, {TickUnit::Year, 100}, 1900_y / January / 1},
                      FloorCase{1899_y / December / 31, {TickUnit::Year, 5}, 1895_y / January / 1},
                      FloorCase{1969_y / December / 31, {TickUnit::Year, 50}, 1950_y / January / 1},
                      FloorCase{1970_y / January / 1, {TickUnit::Year, 200}, 1800_y / January / 1},
                      FloorCase{date::year{-5} / March / 3, {TickUnit::Year, 10}, date::year{-10} / January / 1}));

TEST(Ticks, FloorToStepAgreesWithTheDrawnTicks) {
  // For each step, at a zoom that chooses it, every day floors to the last tick drawn at or before it.
  for (const TickStep& step : TickSteps) {
    double pxPerDay = 0.0;
    for (double p = 1e-5; p < 1e3; p *= 1.001) {
      const TickStep s = ChooseTickStep(p, MinSpacing);
      if (s.unit == step.unit && s.count == step.count) {
        pxPerDay = p;
        break;
      }
    }
    ASSERT_GT(pxPerDay, 0.0) << StepName(step);
    const bool years = step.unit == TickUnit::Year;
    // Day and month steps over both a common and a leap February and months of 30 and 31 days.
    const std::int32_t start = years ? Day(1600_y / January / 1) : Day(1923_y / January / 15);
    const std::int32_t end = years ? Day(date::year{1600 + 40 * step.count} / January / 1) : Day(1924_y / April / 1);
    const TimeAxis axis{static_cast<double>(start), static_cast<double>(end), X0,
                        static_cast<float>((end - start) * pxPerDay)};
    AxisTicks ticks;
    ComputeTicks(axis, MinSpacing, ticks);
    ASSERT_EQ(ticks.step.unit, step.unit);
    ASSERT_EQ(ticks.step.count, step.count);
    ASSERT_GE(ticks.count, 2);
    int k = 0;
    const int stride = years ? 7 : 1;
    for (std::int32_t d = ticks.ticks[0].day; d <= end; d += stride) {
      while (k + 1 < ticks.count && ticks.ticks[static_cast<std::size_t>(k + 1)].day <= d) ++k;
      ASSERT_EQ(FloorToStep(d, step), ticks.ticks[static_cast<std::size_t>(k)].day)
          << StepName(step) << " " << FormatIsoDay(FromDayNumber(d));
    }
  }
}

}  // namespace
}  // namespace parallax
