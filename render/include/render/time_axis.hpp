#pragma once
// The mapping between days and pixels for one frame. Days are doubles counted from 1970-01-01;
// the origin is subtracted in double before narrowing to float pixels, so a day in 1922 stays exact
// at any zoom.

namespace parallax {

struct TimeAxis {
  double startDay = 0.0;  // the day at the left edge of the time area (fractional)
  double endDay = 1.0;    // the day at the right edge
  float x0 = 0.f;         // left edge of the time area, in pixels
  float width = 1.f;      // width of the time area, in pixels

  double SpanDays() const { return endDay - startDay; }
  double PxPerDay() const { return static_cast<double>(width) / (endDay - startDay); }
  float DayToX(double day) const { return x0 + static_cast<float>((day - startDay) * PxPerDay()); }
  double XToDay(float x) const { return startDay + static_cast<double>(x - x0) / PxPerDay(); }
};

}  // namespace parallax
