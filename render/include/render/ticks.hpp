#pragma once
// Calendar ticks for the time axis: decades down to single days, two label rows ("Apr" over "1922").
// Computed into fixed arrays: no allocation per frame.

#include "render/time_axis.hpp"

#include <array>
#include <cstdint>

namespace parallax {

enum class TickUnit : std::uint8_t { Day, Month, Year };

struct TickStep {
  TickUnit unit = TickUnit::Year;
  int count = 1;  // e.g. {Month, 3}: a tick every quarter
  double ApproxDays() const;
};

// The steps from finest to coarsest; the axis uses the finest whose ticks stay far enough apart.
inline constexpr std::array<TickStep, 16> TickSteps = {{
    {TickUnit::Day, 1},    {TickUnit::Day, 2},    {TickUnit::Day, 5},    {TickUnit::Day, 10},
    {TickUnit::Month, 1},  {TickUnit::Month, 2},  {TickUnit::Month, 3},  {TickUnit::Month, 6},
    {TickUnit::Year, 1},   {TickUnit::Year, 2},   {TickUnit::Year, 5},   {TickUnit::Year, 10},
    {TickUnit::Year, 20},  {TickUnit::Year, 50},  {TickUnit::Year, 100}, {TickUnit::Year, 200},
}};

struct AxisTick {
  std::int32_t day = 0;   // days since 1970-01-01 (the tick's first day)
  float x = 0.f;
  char label[20] = {};
};

inline constexpr int MaxTicks = 512;
inline constexpr int MaxContextTicks = 128;

struct AxisTicks {
  TickStep step;
  int count = 0;
  std::array<AxisTick, MaxTicks> ticks;  // the fine row: "Apr", "1922", "3"
  int contextCount = 0;
  // The coarse row: "1922" over months, "Apr 1922" over days, "1920s" over years. The first one is
  // pinned to the left edge so that the reader always knows where they are.
  std::array<AxisTick, MaxContextTicks> context;
};

// Chooses the step so that ticks are at least `minSpacingPx` apart and fills `out`.
void ComputeTicks(const TimeAxis& axis, float minSpacingPx, AxisTicks& out);

// The finest step whose ticks stay at least `minSpacingPx` apart at `pxPerDay`.
TickStep ChooseTickStep(double pxPerDay, float minSpacingPx);

// The first day of the tick unit containing `day` (for snapping edits to the current tick unit).
std::int32_t FloorToStep(std::int32_t day, TickStep step);

}  // namespace parallax
