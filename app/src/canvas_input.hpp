#pragma once
// Pointer and keyboard input over the timeline canvas as a plain struct, and the pure logic that
// turns it into view changes. The App fills CanvasInput from ImGui; tests fill it by hand.

#include "render/time_axis.hpp"
#include "render/timeline_view.hpp"

namespace parallax {

struct CanvasInput {
  float mouseX = 0.f;
  float mouseY = 0.f;
  bool hovered = false;        // the pointer is over the canvas (and no popup covers it)
  float wheel = 0.f;           // vertical wheel notches (+ away from the user)
  float wheelH = 0.f;          // horizontal wheel (touchpads)
  bool shift = false;
  bool ctrl = false;
  bool dragging = false;       // left button held and moved past the drag threshold
  float dragDx = 0.f;          // pointer movement this frame while dragging
  float dragDy = 0.f;
  // Keyboard (only when no text field has focus)
  bool panLeft = false;        // Left / A
  bool panRight = false;       // Right / D
  bool zoomIn = false;         // Up / W
  bool zoomOut = false;        // Down / S
};

inline constexpr double WheelZoomStep = 1.25;   // one notch zooms by this factor
inline constexpr double KeyPanFraction = 0.15;  // one key press pans by this share of the view

// Applies wheel, drag and keys to the view and the vertical scroll. Returns true when anything changed.
bool ApplyCanvasInput(const CanvasInput& input, const TimeAxis& axis, const ViewLimits& limits, TimelineView& view,
                      float& scrollY, float maxScrollY);

// A range that shows [startDay, endDay) with a margin, at least `minSpanDays` wide.
void PaddedRange(double startDay, double endDay, double minSpanDays, double& outStart, double& outEnd);

}  // namespace parallax
