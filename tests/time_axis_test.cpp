// TimeAxis (day <-> pixel), TimelineView (zoom, pan, animation) and the canvas input that drives them.

#include "canvas_input.hpp"
#include "render/time_axis.hpp"
#include "render/timeline_view.hpp"
#include "timeline_data/edtf.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace parallax {
namespace {

using namespace date::literals;

double Day(date::year_month_day ymd) { return DayNumber(date::sys_days{ymd}); }

const double Day1898 = Day(1898_y / date::January / 1);
const double Day1922 = Day(1922_y / date::April / 3);
const double Day1954 = Day(1954_y / date::January / 1);

TimeAxis AxisOf(const TimelineView& view, float x0 = 300.f, float width = 1300.f) {
  return TimeAxis{view.startDay, view.endDay, x0, width};
}

// Runs the animation to its end at 60 frames a second; returns the number of frames it took.
int RunToEnd(TimelineView& view) {
  int frames = 0;
  while (StepView(view, 1.f / 60.f)) {
    ++frames;
    if (frames > 1000) break;
  }
  return frames;
}

// The screen fraction of `day` in the view shown now.
double Fraction(const TimelineView& view, double day) { return (day - view.startDay) / (view.endDay - view.startDay); }

// [SECTION] TimeAxis

struct AxisCase {
  double startDay;
  double spanDays;
};

TEST(TimeAxis, RoundTripsAtManyZooms) {
  const std::vector<AxisCase> cases = {
      {Day1898, 7.0},                       // a week in January 1898
      {Day1922 - 3.25, 7.0},                // a week around 3 April 1922, fractional start
      {Day1922 - 15.0, 30.0},               // a month
      {Day1922 - 182.5, 365.2425},          // a year
      {Day1898, Day1954 - Day1898},         // the whole 1898-1953
      {Day1898 - 365.2425 * 70, 365.2425 * 200},  // two centuries around 1898-1953
      {Day(1953_y / date::March / 1) - 0.5, 7.0},
  };
  for (const AxisCase& c : cases) {
    for (const float width : {640.f, 1300.f, 3840.f}) {
      const TimeAxis axis{c.startDay, c.startDay + c.spanDays, 300.f, width};
      SCOPED_TRACE(testing::Message() << "start " << c.startDay << " span " << c.spanDays << " width " << width);
      EXPECT_NEAR(axis.SpanDays(), c.spanDays, 1e-12 * std::abs(c.startDay));
      EXPECT_NEAR(axis.PxPerDay(), width / c.spanDays, 1e-12 * width / c.spanDays * std::abs(c.startDay));
      // The edges map exactly.
      EXPECT_FLOAT_EQ(axis.DayToX(axis.startDay), 300.f);
      EXPECT_FLOAT_EQ(axis.DayToX(axis.endDay), 300.f + width);
      EXPECT_DOUBLE_EQ(axis.XToDay(300.f), axis.startDay);
      EXPECT_NEAR(axis.XToDay(300.f + width), axis.endDay, 1e-9 * c.spanDays);

      const double daysPerPx = c.spanDays / width;
      for (int i = 0; i <= 64; ++i) {
        // Pixel -> day is computed in double: exact to 1e-6 day, checked against the linear map.
        const float x = 300.f + width * static_cast<float>(i) / 64.f;
        const double day = axis.XToDay(x);
        const double ideal = c.startDay + (static_cast<double>(x) - 300.0) * daysPerPx;
        EXPECT_NEAR(day, ideal, 1e-6);
        // Pixel -> day -> pixel -> day returns exactly the same day.
        const float xBack = axis.DayToX(day);
        EXPECT_NEAR(xBack, x, 1e-3f);
        EXPECT_NEAR(axis.XToDay(xBack), day, 1e-6);

        // Day -> pixel -> day: the only loss is the rounding of x to float (at most one ulp of x), so
        // at a week's zoom a day comes back to within 1e-6 day, and at any zoom within that ulp.
        const double d = c.startDay + c.spanDays * i / 64.0;
        const float px = axis.DayToX(d);
        const double ulpPx = std::nextafter(std::abs(px), std::numeric_limits<float>::infinity()) - std::abs(px);
        const double tolerance = std::max(1e-6, ulpPx * daysPerPx);
        EXPECT_NEAR(axis.XToDay(px), d, tolerance);
        if (c.spanDays <= 7.0) {
          EXPECT_NEAR(axis.XToDay(px), d, 1e-6);
        }
        EXPECT_NEAR(px, 300.0 + (d - c.startDay) / daysPerPx, 1e-3);
      }
    }
  }
}

TEST(TimeAxis, ADayIn1922IsExactAtAWeeksZoom) {
  // In float, day -17'500 has a resolution of 1/512 day: 0.45 px at this zoom. The axis subtracts the
  // origin in double first, so quarter days land on exact quarters of the day's width.
  const TimeAxis axis{Day1922 - 3.0, Day1922 + 4.0, 300.f, 1300.f};
  const double pxPerDay = axis.PxPerDay();
  for (int q = 0; q < 16; ++q) {
    const double d = Day1922 + q * 0.25;
    EXPECT_NEAR(axis.DayToX(d) - axis.DayToX(Day1922), q * 0.25 * pxPerDay, 1e-3) << q;
  }
}

// [SECTION] TimelineView: zoom

TEST(TimelineView, ZoomAroundWithoutAnimationKeepsTheAnchor) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1898, Day1954, limits);
  EXPECT_FALSE(view.animating);
  for (const double anchor : {Day1898 + 1000.0, Day1922, Day1954 - 10.0}) {
    for (const double factor : {0.5, 0.8, 1.25, 0.1, 1.0 / 1.25}) {
      TimelineView v = view;
      const double before = Fraction(v, anchor);
      const double span = v.endDay - v.startDay;
      ZoomAround(v, anchor, factor, limits, false);
      EXPECT_FALSE(v.animating);
      EXPECT_NEAR(Fraction(v, anchor), before, 1e-12);
      EXPECT_NEAR(v.endDay - v.startDay, span * factor, 1e-9 * span);
      EXPECT_EQ(v.targetStart, v.startDay);
      EXPECT_EQ(v.targetEnd, v.endDay);
      // The same on screen: the anchor's x is unchanged.
      EXPECT_NEAR(AxisOf(v).DayToX(anchor), AxisOf(view).DayToX(anchor), 1e-3);
    }
  }
}

TEST(TimelineView, AnimatedZoomKeepsTheAnchorThroughout) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1898, Day1954, limits);
  const double anchor = Day1922;
  const float anchorX = AxisOf(view).DayToX(anchor);
  const double startSpan = view.endDay - view.startDay;

  ZoomAround(view, anchor, 0.25, limits);
  EXPECT_TRUE(view.animating);
  // Nothing moves until the first step.
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, startSpan);

  bool sawMidpoint = false;
  double previousSpan = startSpan;
  float elapsed = 0.f;
  while (StepView(view, 1.f / 60.f)) {
    elapsed += 1.f / 60.f;
    const double span = view.endDay - view.startDay;
    // Part way: the span shrinks monotonically and the anchor stays under the same pixel.
    EXPECT_LT(span, previousSpan);
    EXPECT_GT(span, startSpan * 0.25);
    EXPECT_NEAR(AxisOf(view).DayToX(anchor), anchorX, 1e-3f) << "at " << elapsed << " s";
    if (elapsed >= ViewAnimSeconds * 0.45f && elapsed <= ViewAnimSeconds * 0.55f) sawMidpoint = true;
    previousSpan = span;
  }
  EXPECT_TRUE(sawMidpoint);
  EXPECT_FALSE(view.animating);
  EXPECT_NEAR(view.endDay - view.startDay, startSpan * 0.25, 1e-9 * startSpan);
  EXPECT_NEAR(AxisOf(view).DayToX(anchor), anchorX, 1e-3f);
  // The end of the animation is the target exactly.
  EXPECT_EQ(view.startDay, view.targetStart);
  EXPECT_EQ(view.endDay, view.targetEnd);
}

TEST(TimelineView, AnimatedZoomOutKeepsTheAnchorAtTheMidpoint) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1922 - 20.0, Day1922 + 10.0, limits);
  const double anchor = Day1922 - 17.5;  // near the left edge
  const float anchorX = AxisOf(view).DayToX(anchor);
  ZoomAround(view, anchor, 8.0, limits);
  // Exactly half-way through in time.
  EXPECT_TRUE(StepView(view, ViewAnimSeconds * 0.5f));
  const double span = view.endDay - view.startDay;
  EXPECT_GT(span, 30.0);
  EXPECT_LT(span, 240.0);
  EXPECT_NEAR(AxisOf(view).DayToX(anchor), anchorX, 1e-3f);
  EXPECT_FALSE(StepView(view, ViewAnimSeconds));
  EXPECT_NEAR(view.endDay - view.startDay, 240.0, 1e-9);
  EXPECT_NEAR(AxisOf(view).DayToX(anchor), anchorX, 1e-3f);
}

TEST(TimelineView, ZoomInThenOutReturnsExactly) {
  const ViewLimits limits;
  // The factors the app uses: wheel notches (1.25^n), the zoom keys (1.25^2), and halving.
  for (const double factor : {0.5, 0.25, 1.0 / WheelZoomStep, std::pow(WheelZoomStep, -2.0), std::pow(WheelZoomStep, -3.0),
                              std::pow(WheelZoomStep, -4.0), 1.0 / (WheelZoomStep * WheelZoomStep), WheelZoomStep}) {
    for (const bool animate : {false, true}) {
      TimelineView view;
      SetView(view, Day1898 + 0.37, Day1954 - 12.5, limits);
      const TimelineView before = view;
      const double anchor = Day1922 + 0.5;
      ZoomAround(view, anchor, factor, limits, animate);
      RunToEnd(view);
      EXPECT_NE(view.startDay, before.startDay);
      ZoomAround(view, anchor, 1.0 / factor, limits, animate);
      RunToEnd(view);
      SCOPED_TRACE(testing::Message() << "factor " << factor << " animate " << animate);
      EXPECT_DOUBLE_EQ(view.startDay, before.startDay);
      EXPECT_DOUBLE_EQ(view.endDay, before.endDay);
      EXPECT_FALSE(view.animating);
    }
  }
}

TEST(TimelineView, ZoomInThenOutByAnyFactorReturnsToWithinRounding) {
  // factor * (1 / factor) is not always exactly 1 in floating point: the span may differ by an ulp.
  const ViewLimits limits;
  for (const double factor : {0.3, 0.7, 0.123, 3.0}) {
    TimelineView view;
    SetView(view, Day1898 + 0.37, Day1954 - 12.5, limits);
    const TimelineView before = view;
    ZoomAround(view, Day1922, factor, limits, false);
    ZoomAround(view, Day1922, 1.0 / factor, limits, false);
    EXPECT_NEAR(view.startDay, before.startDay, 1e-9) << factor;
    EXPECT_NEAR(view.endDay, before.endDay, 1e-9) << factor;
  }
}

TEST(TimelineView, ZoomLimitsHold) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1898, Day1954, limits);
  const double anchor = Day1922;
  const double fraction = Fraction(view, anchor);
  for (int i = 0; i < 40; ++i) ZoomAround(view, anchor, 0.5, limits, false);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.minSpanDays);
  EXPECT_NEAR(limits.minSpanDays, 7.0, 1e-12);
  // The anchor still sits where it was on screen.
  EXPECT_NEAR(Fraction(view, anchor), fraction, 1e-9);

  for (int i = 0; i < 40; ++i) ZoomAround(view, anchor, 2.0, limits, false);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.maxSpanDays);
  EXPECT_NEAR(limits.maxSpanDays / 365.2425, 200.0, 1e-9);

  // Animated zooms stop at the limits too.
  ZoomAround(view, anchor, 10.0, limits);
  RunToEnd(view);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.maxSpanDays);
  for (int i = 0; i < 20; ++i) ZoomAround(view, anchor, 0.1, limits);
  RunToEnd(view);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.minSpanDays);

  // SetView and AnimateTo clamp as well.
  SetView(view, Day1922, Day1922 + 1.0, limits);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.minSpanDays);
  EXPECT_DOUBLE_EQ((view.startDay + view.endDay) * 0.5, Day1922 + 0.5);
  AnimateTo(view, Day1898 - 1e6, Day1954 + 1e6, limits);
  RunToEnd(view);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, limits.maxSpanDays);
}

TEST(TimelineView, SecondZoomDuringAnimationRetargets) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1898, Day1954, limits);
  const double anchor = Day1922;
  const float anchorX = AxisOf(view).DayToX(anchor);

  TimelineView composed = view;
  ZoomAround(composed, anchor, 0.5 * 0.4, limits, false);

  ZoomAround(view, anchor, 0.5, limits);
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(StepView(view, 1.f / 60.f));
  const double shownStart = view.startDay;
  const double shownEnd = view.endDay;
  ZoomAround(view, anchor, 0.4, limits);
  // The new animation starts from what is shown (no jump) and runs to both zooms composed.
  EXPECT_TRUE(view.animating);
  EXPECT_EQ(view.startDay, shownStart);
  EXPECT_EQ(view.endDay, shownEnd);
  EXPECT_EQ(view.fromStart, shownStart);
  EXPECT_EQ(view.fromEnd, shownEnd);
  EXPECT_NEAR(view.targetStart, composed.startDay, 1e-6);
  EXPECT_NEAR(view.targetEnd, composed.endDay, 1e-6);
  // And the anchor stays put all the way.
  double previousStart = view.startDay;
  while (StepView(view, 1.f / 60.f)) {
    EXPECT_NEAR(AxisOf(view).DayToX(anchor), anchorX, 1e-3f);
    EXPECT_LT(std::abs(view.startDay - previousStart), (shownEnd - shownStart) * 0.5);  // no jumps
    previousStart = view.startDay;
  }
  EXPECT_NEAR(view.startDay, composed.startDay, 1e-6);
  EXPECT_NEAR(view.endDay, composed.endDay, 1e-6);
}

// [SECTION] TimelineView: pan and animate

TEST(TimelineView, PanByDays) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1922 - 100.0, Day1922 + 100.0, limits);
  PanByDays(view, 12.5, limits);
  EXPECT_DOUBLE_EQ(view.startDay, Day1922 - 87.5);
  EXPECT_DOUBLE_EQ(view.endDay, Day1922 + 112.5);
  EXPECT_DOUBLE_EQ(view.targetStart, view.startDay);
  EXPECT_FALSE(view.animating);
  PanByDays(view, -12.5, limits);
  EXPECT_DOUBLE_EQ(view.startDay, Day1922 - 100.0);

  // Panning during an animation shifts the animation along with the view.
  ZoomAround(view, Day1922, 0.5, limits);
  StepView(view, 0.05f);
  const double targetStart = view.targetStart;
  const double shown = view.startDay;
  PanByDays(view, 30.0, limits);
  EXPECT_DOUBLE_EQ(view.startDay, shown + 30.0);
  EXPECT_DOUBLE_EQ(view.targetStart, targetStart + 30.0);
  RunToEnd(view);
  EXPECT_DOUBLE_EQ(view.startDay, targetStart + 30.0);

  // The centre cannot leave the domain, and the span is kept.
  SetView(view, Day1922 - 100.0, Day1922 + 100.0, limits);
  PanByDays(view, 1e7, limits);
  EXPECT_DOUBLE_EQ((view.startDay + view.endDay) * 0.5, limits.domainEndDay);
  EXPECT_DOUBLE_EQ(view.endDay - view.startDay, 200.0);
  PanByDays(view, -1e7, limits);
  EXPECT_DOUBLE_EQ((view.startDay + view.endDay) * 0.5, limits.domainStartDay);
}

TEST(TimelineView, AnimateToConvergesInViewAnimSeconds) {
  const ViewLimits limits;
  TimelineView view;
  SetView(view, Day1898, Day1954, limits);
  const double toStart = Day(1936_y / date::January / 1);
  const double toEnd = Day(1939_y / date::January / 1);
  AnimateTo(view, toStart, toEnd, limits);
  EXPECT_TRUE(view.animating);

  const float dt = 1.f / 120.f;
  float elapsed = 0.f;
  int steps = 0;
  double previousDistance = std::abs(view.startDay - toStart) + std::abs(view.endDay - toEnd);
  while (StepView(view, dt)) {
    elapsed += dt;
    ++steps;
    ASSERT_LT(steps, 1000);
    const double distance = std::abs(view.startDay - toStart) + std::abs(view.endDay - toEnd);
    EXPECT_LT(distance, previousDistance);  // always getting closer
    previousDistance = distance;
    EXPECT_LT(elapsed, ViewAnimSeconds);
  }
  elapsed += dt;
  EXPECT_GE(elapsed, ViewAnimSeconds - 1e-4f);
  EXPECT_LE(elapsed, ViewAnimSeconds + dt + 1e-4f);
  EXPECT_EQ(view.startDay, toStart);
  EXPECT_EQ(view.endDay, toEnd);
  EXPECT_FALSE(view.animating);
  // Afterwards nothing runs and nothing moves.
  EXPECT_FALSE(StepView(view, dt));
  EXPECT_FALSE(StepView(view, 1.f));
  EXPECT_EQ(view.startDay, toStart);
  EXPECT_EQ(view.endDay, toEnd);
}

TEST(TimelineView, ClampRangeKeepsAnUnclampedRangeBitExact) {
  const ViewLimits limits;
  double a = Day1922 + 0.1;
  double b = Day1922 + 100.3;
  ClampRange(a, b, limits);
  EXPECT_EQ(a, Day1922 + 0.1);
  EXPECT_EQ(b, Day1922 + 100.3);
  a = Day1922;
  b = Day1922 + 3.0;
  ClampRange(a, b, limits);
  EXPECT_DOUBLE_EQ(b - a, limits.minSpanDays);
  EXPECT_DOUBLE_EQ((a + b) * 0.5, Day1922 + 1.5);
}

// [SECTION] CanvasInput

struct CanvasFixture : ::testing::Test {
  ViewLimits limits;
  TimelineView view;
  float scrollY = 100.f;
  const float maxScrollY = 400.f;
  void SetUp() override { SetView(view, Day1898, Day1954, limits); }
  TimeAxis Axis() const { return AxisOf(view); }
};

TEST_F(CanvasFixture, WheelZoomsAroundTheMouse) {
  for (const float wheel : {1.f, -1.f, 3.f}) {
    SetView(view, Day1898, Day1954, limits);
    CanvasInput input;
    input.hovered = true;
    input.mouseX = 912.f;
    input.mouseY = 300.f;
    input.wheel = wheel;
    const double dayUnderMouse = Axis().XToDay(input.mouseX);
    const double span = view.endDay - view.startDay;
    EXPECT_TRUE(ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY));
    EXPECT_TRUE(view.animating);
    RunToEnd(view);
    EXPECT_NEAR(Axis().XToDay(input.mouseX), dayUnderMouse, 1e-6) << wheel;
    EXPECT_NEAR(view.endDay - view.startDay, span * std::pow(WheelZoomStep, -wheel), 1e-9 * span) << wheel;
    EXPECT_EQ(scrollY, 100.f);
  }
}

TEST_F(CanvasFixture, WheelInAndOutReturnsExactly) {
  CanvasInput input;
  input.hovered = true;
  input.mouseX = 777.f;
  const TimelineView before = view;
  for (const float wheel : {2.f, -2.f}) {
    input.wheel = wheel;
    ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
    RunToEnd(view);
  }
  EXPECT_DOUBLE_EQ(view.startDay, before.startDay);
  EXPECT_DOUBLE_EQ(view.endDay, before.endDay);
}

TEST_F(CanvasFixture, WheelOverTheHeaderZoomsAroundTheLeftEdge) {
  CanvasInput input;
  input.hovered = true;
  input.mouseX = 100.f;  // over the lane headers, left of the time area
  input.wheel = 1.f;
  const double leftDay = view.startDay;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  RunToEnd(view);
  EXPECT_NEAR(view.startDay, leftDay, 1e-6);
}

TEST_F(CanvasFixture, WheelWhenNotHoveredDoesNothing) {
  CanvasInput input;
  input.hovered = false;
  input.mouseX = 900.f;
  input.wheel = 2.f;
  input.wheelH = 1.f;
  const TimelineView before = view;
  EXPECT_FALSE(ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY));
  EXPECT_FALSE(view.animating);
  EXPECT_EQ(view.startDay, before.startDay);
  EXPECT_EQ(view.endDay, before.endDay);
  EXPECT_EQ(view.targetStart, before.targetStart);
  EXPECT_EQ(view.targetEnd, before.targetEnd);
  EXPECT_EQ(scrollY, 100.f);
  // And no input at all changes nothing either.
  EXPECT_FALSE(ApplyCanvasInput(CanvasInput{}, Axis(), limits, view, scrollY, maxScrollY));
}

TEST_F(CanvasFixture, ShiftWheelScrollsLanes) {
  CanvasInput input;
  input.hovered = true;
  input.shift = true;
  input.wheel = -1.f;
  const TimelineView before = view;
  EXPECT_TRUE(ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY));
  EXPECT_EQ(scrollY, 160.f);
  EXPECT_EQ(view.startDay, before.startDay);
  EXPECT_FALSE(view.animating);
  input.wheel = -100.f;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  EXPECT_EQ(scrollY, maxScrollY);
  input.wheel = 100.f;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  EXPECT_EQ(scrollY, 0.f);
}

TEST_F(CanvasFixture, DragMovesTheDayWithThePointer) {
  SetView(view, Day1922 - 30.0, Day1922 + 30.0, limits);
  for (const float dx : {25.f, -140.f, 3.5f}) {
    const TimeAxis before = Axis();
    const float pointerX = 800.f;
    const double dayUnderPointer = before.XToDay(pointerX);
    CanvasInput input;
    input.dragging = true;
    input.dragDx = dx;
    EXPECT_TRUE(ApplyCanvasInput(input, before, limits, view, scrollY, maxScrollY));
    EXPECT_FALSE(view.animating);
    EXPECT_NEAR(view.startDay, before.startDay - dx / before.PxPerDay(), 1e-9);
    EXPECT_NEAR(view.endDay - view.startDay, before.SpanDays(), 1e-9);
    // The day that was under the pointer is under the pointer's new position.
    EXPECT_NEAR(Axis().XToDay(pointerX + dx), dayUnderPointer, 1e-6);
  }
  // Vertical drag scrolls the lanes the other way, within bounds.
  CanvasInput input;
  input.dragging = true;
  input.dragDy = 30.f;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  EXPECT_EQ(scrollY, 70.f);
  input.dragDy = 1000.f;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  EXPECT_EQ(scrollY, 0.f);
  // A drag that does not move changes nothing.
  input.dragDy = 0.f;
  EXPECT_FALSE(ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY));
}

TEST_F(CanvasFixture, HorizontalWheelPans) {
  CanvasInput input;
  input.hovered = true;
  input.wheelH = 1.f;
  const TimeAxis before = Axis();
  EXPECT_TRUE(ApplyCanvasInput(input, before, limits, view, scrollY, maxScrollY));
  EXPECT_NEAR(view.startDay, before.startDay - 40.0 / before.PxPerDay(), 1e-9);
}

TEST_F(CanvasFixture, KeysPanAndZoom) {
  const double span = view.endDay - view.startDay;
  const double start = view.startDay;
  CanvasInput input;
  input.panRight = true;
  EXPECT_TRUE(ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY));
  RunToEnd(view);
  EXPECT_NEAR(view.startDay, start + span * KeyPanFraction, 1e-9);
  EXPECT_NEAR(view.endDay - view.startDay, span, 1e-9);

  input = CanvasInput{};
  input.panLeft = true;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  RunToEnd(view);
  EXPECT_NEAR(view.startDay, start, 1e-9);

  // Two key presses before the animation ends add up.
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  StepView(view, 0.05f);
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  RunToEnd(view);
  EXPECT_NEAR(view.startDay, start - 2 * span * KeyPanFraction, 1e-9);

  // Zoom keys zoom around the centre by two wheel notches.
  const double centre = (view.startDay + view.endDay) * 0.5;
  input = CanvasInput{};
  input.zoomIn = true;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  RunToEnd(view);
  EXPECT_NEAR(view.endDay - view.startDay, span / (WheelZoomStep * WheelZoomStep), 1e-9 * span);
  EXPECT_NEAR((view.startDay + view.endDay) * 0.5, centre, 1e-6);
  input = CanvasInput{};
  input.zoomOut = true;
  ApplyCanvasInput(input, Axis(), limits, view, scrollY, maxScrollY);
  RunToEnd(view);
  EXPECT_NEAR(view.endDay - view.startDay, span, 1e-9 * span);
  EXPECT_NEAR((view.startDay + view.endDay) * 0.5, centre, 1e-6);
}

TEST(CanvasInput, PaddedRange) {
  double a = 0.0;
  double b = 0.0;
  PaddedRange(Day1922, Day1922 + 100.0, 7.0, a, b);
  EXPECT_DOUBLE_EQ(a, Day1922 - 15.0);
  EXPECT_DOUBLE_EQ(b, Day1922 + 115.0);
  // A single day gets at least the minimum span, centred on it.
  PaddedRange(Day1922, Day1922 + 1.0, 7.0, a, b);
  EXPECT_DOUBLE_EQ(b - a, 7.0);
  EXPECT_DOUBLE_EQ((a + b) * 0.5, Day1922 + 0.5);
}

}  // namespace
}  // namespace parallax
