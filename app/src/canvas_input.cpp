#include "canvas_input.hpp"

#include <algorithm>
#include <cmath>

namespace parallax {

bool ApplyCanvasInput(const CanvasInput& input, const TimeAxis& axis, const ViewLimits& limits, TimelineView& view,
                      float& scrollY, float maxScrollY) {
  bool changed = false;
  if (input.hovered && input.wheel != 0.f) {
    if (input.shift) {
      scrollY = std::clamp(scrollY - input.wheel * 60.f, 0.f, std::max(maxScrollY, 0.f));
    } else {
      // Zoom around the day under the pointer; zooming in then out by as many notches returns exactly.
      const double anchor = axis.XToDay(std::clamp(input.mouseX, axis.x0, axis.x0 + axis.width));
      ZoomAround(view, anchor, std::pow(WheelZoomStep, -static_cast<double>(input.wheel)), limits);
    }
    changed = true;
  }
  if (input.hovered && input.wheelH != 0.f) {
    PanByDays(view, -static_cast<double>(input.wheelH) * 40.0 / axis.PxPerDay(), limits);
    changed = true;
  }
  if (input.dragging && (input.dragDx != 0.f || input.dragDy != 0.f)) {
    // The day under the pointer stays under the pointer.
    if (input.dragDx != 0.f) PanByDays(view, -static_cast<double>(input.dragDx) / axis.PxPerDay(), limits);
    scrollY = std::clamp(scrollY - input.dragDy, 0.f, std::max(maxScrollY, 0.f));
    changed = true;
  }
  const double span = view.targetEnd - view.targetStart;
  if (input.panLeft || input.panRight) {
    const double shift = (input.panRight ? 1.0 : -1.0) * span * KeyPanFraction;
    AnimateTo(view, view.targetStart + shift, view.targetEnd + shift, limits);
    changed = true;
  }
  if (input.zoomIn || input.zoomOut) {
    const double centre = (view.startDay + view.endDay) * 0.5;
    ZoomAround(view, centre, input.zoomIn ? 1.0 / (WheelZoomStep * WheelZoomStep) : WheelZoomStep * WheelZoomStep, limits);
    changed = true;
  }
  return changed;
}

void PaddedRange(double startDay, double endDay, double minSpanDays, double& outStart, double& outEnd) {
  double span = std::max(endDay - startDay, 1.0);
  const double margin = span * 0.15;
  outStart = startDay - margin;
  outEnd = endDay + margin;
  if (outEnd - outStart < minSpanDays) {
    const double centre = (startDay + endDay) * 0.5;
    outStart = centre - minSpanDays * 0.5;
    outEnd = centre + minSpanDays * 0.5;
  }
}

}  // namespace parallax
