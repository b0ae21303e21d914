#pragma once
// The visible time range and its animation: zoom around a point, pan, animate to a range.
// New zoom steps retarget the running animation instead of fighting it (as Tracy does).

namespace parallax {

struct ViewLimits {
  double minSpanDays = 7.0;              // about a week
  double maxSpanDays = 365.2425 * 200.0; // about two centuries
  double domainStartDay = -40000.0;      // the view's centre stays within [domainStart, domainEnd]
  double domainEndDay = 40000.0;
};

struct TimelineView {
  double startDay = 0.0;   // shown now
  double endDay = 1.0;
  double targetStart = 0.0;  // where the animation is going
  double targetEnd = 1.0;
  double fromStart = 0.0;    // where the running animation started
  double fromEnd = 1.0;
  float animElapsed = 0.f;   // seconds into the running animation
  bool animating = false;
};

inline constexpr float ViewAnimSeconds = 0.3f;

// Jumps to a range without animation.
void SetView(TimelineView& view, double startDay, double endDay, const ViewLimits& limits);
// Animates to a range (ease-out, ~300 ms); the range is clamped to the limits.
void AnimateTo(TimelineView& view, double startDay, double endDay, const ViewLimits& limits);
// Zooms the target range by `factor` (<1 zooms in) keeping `anchorDay` at the same screen fraction it
// has now. Zoom in then out by the reciprocal factor returns to the same range.
void ZoomAround(TimelineView& view, double anchorDay, double factor, const ViewLimits& limits, bool animate = true);
// Shifts the view by `days` (both the current and the target range), without animation.
void PanByDays(TimelineView& view, double days, const ViewLimits& limits);
// Advances the animation; returns true while it still runs (the app keeps drawing until then).
bool StepView(TimelineView& view, float dtSeconds);

// The range clamped to the limits (span and centre), preserving the centre where possible.
void ClampRange(double& startDay, double& endDay, const ViewLimits& limits);

}  // namespace parallax
