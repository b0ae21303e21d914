#pragma once
// Builds the frame's draw list from the dataset, its layout and the view. Pure: no ImGui, no GL.
// Work per frame is bounded by pixels, not by events: rows are sliced by binary search, and runs of
// items narrower than MinVisPx fold into one block with a count.

#include "render/frame_draw_list.hpp"
#include "render/lane_layout.hpp"
#include "render/theme.hpp"
#include "render/ticks.hpp"
#include "render/time_axis.hpp"

namespace parallax {

inline constexpr float MinVisPx = 3.f;

// Measures text in pixels (the adapter passes ImGui's CalcTextSize; tests a fixed advance).
using MeasureTextFn = float (*)(const char* begin, const char* end, bool bold, void* user);

// The one immutable per-frame context, passed down.
struct FrameContext {
  float canvasX0 = 0.f, canvasY0 = 0.f, canvasX1 = 800.f, canvasY1 = 600.f;
  float scale = 1.f;             // UI scale (HiDPI, presentation)
  float fontHeight = 16.f;       // the regular font's line height, already scaled
  float scrollY = 0.f;           // vertical scroll of the lanes, in pixels
  double viewStartDay = 0.0;     // the visible range
  double viewEndDay = 1.0;
  std::int32_t selectedEvent = -1;
  std::uint64_t expandedLanes = 0;  // bit i: lane i shows all its rows at full height
  std::uint64_t dirtyLanes = 0;     // bit i: lane i's file has unsaved edits (a dot after its title)
  const ClaimAnalysis* analysis = nullptr;  // verdicts: connectors, marks, the contested filter
  std::int32_t highlightClaim = -1;  // its events stand out, the rest are dimmed
  bool contestedOnly = false;        // show only events of claims with a contradiction
  bool showOverview = true;          // the strip across the whole range at the bottom
  double overviewStartDay = 0.0;     // the range the overview strip spans
  double overviewEndDay = 1.0;
  const Theme* theme = nullptr;
  MeasureTextFn measureText = nullptr;
  void* measureUser = nullptr;

  // Derived geometry (FrameGeometry fills these from the fields above).
  float HeaderWidth() const { return theme->headerWidth * scale; }
  float AxisHeight() const { return fontHeight * 2.f + 12.f * scale; }
  float OverviewHeight() const { return showOverview ? fontHeight * 2.f + 10.f * scale : 0.f; }
  float LanesTop() const { return canvasY0 + AxisHeight(); }
  float LanesBottom() const { return canvasY1 - OverviewHeight(); }
  TimeAxis OverviewAxis() const {
    return TimeAxis{overviewStartDay, overviewEndDay, canvasX0 + HeaderWidth(), canvasX1 - canvasX0 - HeaderWidth()};
  }
  float RowHeight() const { return fontHeight + theme->rowPadding * scale; }
  float LanePadding() const { return theme->lanePadding * scale; }
  TimeAxis Axis() const {
    return TimeAxis{viewStartDay, viewEndDay, canvasX0 + HeaderWidth(), canvasX1 - canvasX0 - HeaderWidth()};
  }
};

// A lane's height with every row at full height.
float NaturalLaneHeight(const FrameContext& ctx, const Lane& lane);
// Fills one box per lane (after scrolling) and returns the total content height.
float ComputeLaneBoxes(const FrameContext& ctx, const TimelineLayout& layout, std::vector<LaneBox>& boxes);
// The lane under y, or -1.
std::int32_t LaneAt(const std::vector<LaneBox>& boxes, float y);

void BuildFrame(const FrameContext& ctx, const Dataset& dataset, const TimelineLayout& layout, AxisTicks& ticks,
                FrameDrawList& out);

}  // namespace parallax
