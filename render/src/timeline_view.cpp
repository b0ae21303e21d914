#include "render/timeline_view.hpp"

#include <algorithm>
#include <cmath>

namespace parallax {

void ClampRange(double& startDay, double& endDay, const ViewLimits& limits) {
  double span = std::clamp(endDay - startDay, limits.minSpanDays, limits.maxSpanDays);
  double centre = (startDay + endDay) * 0.5;
  centre = std::clamp(centre, limits.domainStartDay, limits.domainEndDay);
  // Keep an unclamped range bit-exact so that zooming in and out again returns exactly.
  if (span == endDay - startDay && centre == (startDay + endDay) * 0.5) return;
  startDay = centre - span * 0.5;
  endDay = centre + span * 0.5;
}

void SetView(TimelineView& view, double startDay, double endDay, const ViewLimits& limits) {
  ClampRange(startDay, endDay, limits);
  view.startDay = view.targetStart = view.fromStart = startDay;
  view.endDay = view.targetEnd = view.fromEnd = endDay;
  view.animating = false;
  view.animElapsed = 0.f;
}

void AnimateTo(TimelineView& view, double startDay, double endDay, const ViewLimits& limits) {
  ClampRange(startDay, endDay, limits);
  view.fromStart = view.startDay;
  view.fromEnd = view.endDay;
  view.targetStart = startDay;
  view.targetEnd = endDay;
  view.animElapsed = 0.f;
  view.animating = true;
}

void ZoomAround(TimelineView& view, double anchorDay, double factor, const ViewLimits& limits, bool animate) {
  // The anchor keeps the screen fraction it has in what the user sees now.
  const double fraction = (anchorDay - view.startDay) / (view.endDay - view.startDay);
  const double span = view.targetEnd - view.targetStart;
  const double newSpan = std::clamp(span * factor, limits.minSpanDays, limits.maxSpanDays);
  double start = anchorDay - fraction * newSpan;
  double end = start + newSpan;
  ClampRange(start, end, limits);
  if (animate) AnimateTo(view, start, end, limits);
  else SetView(view, start, end, limits);
}

void PanByDays(TimelineView& view, double days, const ViewLimits& limits) {
  double start = view.startDay + days;
  double end = view.endDay + days;
  ClampRange(start, end, limits);
  const double applied = start - view.startDay;
  view.startDay = start;
  view.endDay = end;
  view.targetStart += applied;
  view.targetEnd += applied;
  view.fromStart += applied;
  view.fromEnd += applied;
}

bool StepView(TimelineView& view, float dtSeconds) {
  if (!view.animating) return false;
  view.animElapsed += dtSeconds;
  const float t = std::min(view.animElapsed / ViewAnimSeconds, 1.f);
  if (t >= 1.f) {
    view.startDay = view.targetStart;
    view.endDay = view.targetEnd;
    view.animating = false;
    return false;
  }
  // Ease-out cubic; interpolate the span geometrically so zooming feels even at every scale.
  const double e = 1.0 - std::pow(1.0 - static_cast<double>(t), 3.0);
  const double fromSpan = view.fromEnd - view.fromStart;
  const double toSpan = view.targetEnd - view.targetStart;
  const double span = fromSpan * std::pow(toSpan / fromSpan, e);
  // The centre moves so that the point fixed by the zoom stays fixed throughout.
  const double fromCentre = (view.fromStart + view.fromEnd) * 0.5;
  const double toCentre = (view.targetStart + view.targetEnd) * 0.5;
  double centre;
  if (std::abs(toSpan - fromSpan) < 1e-9 * fromSpan) {
    centre = fromCentre + (toCentre - fromCentre) * e;
  } else {
    // Fixed point p of the zoom: (p - fromStart)/fromSpan == (p - toStart)/toSpan.
    const double p = (view.fromStart * toSpan - view.targetStart * fromSpan) / (toSpan - fromSpan);
    const double fraction = (p - view.fromStart) / fromSpan;
    centre = p - fraction * span + span * 0.5;
    // When the zoom also pans (fit to a range elsewhere) the fixed point is far away; then blend.
    if (!(fraction > -0.5 && fraction < 1.5)) centre = fromCentre + (toCentre - fromCentre) * e;
  }
  view.startDay = centre - span * 0.5;
  view.endDay = centre + span * 0.5;
  return true;
}

}  // namespace parallax
