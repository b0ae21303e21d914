#pragma once
// What one frame draws, as plain data: built by BuildFrame, drawn by a thin adapter (ImGui), and
// hit-tested by the same code that hovers and clicks, so what you hover is exactly what is drawn.
// Vectors are cleared, not freed, between frames: no allocation in steady state.

#include <array>
#include <cstdint>
#include <vector>

namespace parallax {

enum class DrawKind : std::uint8_t {
  RectFilled,
  RectOutline,
  RectDashed,      // outline with dashes: an uncertain ('?') date
  Diamond,         // a day-exact point
  DiamondOutline,  // an inferred point
  Line,
  Text,
  TextBold,
};

enum DrawFlags : std::uint8_t { DrawFlagNone = 0, DrawFlagEllipsis = 1 };

struct DrawCmd {
  DrawKind kind = DrawKind::RectFilled;
  std::uint8_t flags = DrawFlagNone;
  float x0 = 0.f, y0 = 0.f, x1 = 0.f, y1 = 0.f;  // rect, line ends, or text position (x0, y0)
  std::uint32_t color = 0;
  float thickness = 1.f;
  const char* text = nullptr;  // text commands: [text, textEnd), stable for the frame
  const char* textEnd = nullptr;
  float clipX0 = 0.f, clipX1 = 0.f;  // text is clipped to this horizontal range
};

// Something the pointer can hit: an event, or a fold of several.
struct HitItem {
  float x0 = 0.f, y0 = 0.f, x1 = 0.f, y1 = 0.f;
  std::int32_t event = -1;      // the event, or the first of a fold
  std::int32_t foldCount = 0;   // > 1 for a fold
  std::int32_t lane = -1;
  std::int32_t row = -1;
  std::int32_t rowFirst = 0;    // a fold covers row items [rowFirst, rowFirst + foldCount)
  std::int32_t claim = -1;      // a Record lane item: the claim (event is -1 then)
  std::int32_t flagged = 0;     // events in it that contradict something
  double foldStartDay = 0.0;    // a fold's extent, for zooming into it
  double foldEndDay = 0.0;
};

// Where a lane stands this frame. Lanes share the canvas height: a lane whose rows do not all fit
// shows its first `fullRows` rows at full height with labels, and the rest compressed into a
// density band (every event still drawn, unlabelled), so all lanes are always in view together.
struct LaneBox {
  float yTop = 0.f;
  float height = 0.f;
  int fullRows = 0;
  float densityY0 = 0.f;     // top of the density band
  float densityPitch = 0.f;  // height of one compressed row
};


struct FrameDrawList {
  std::vector<DrawCmd> cmds;
  std::vector<HitItem> hits;
  std::vector<LaneBox> lanes;  // where each lane stands this frame
  float contentHeight = 0.f;   // all lanes, for vertical scrolling
  // Connector anchors of the claim being drawn (scratch, reused every frame).
  struct Anchor {
    float x = 0.f;
    float y = 0.f;
    std::int32_t lane = 0;
    std::int32_t event = -1;  // -1: the claim's record
  };
  std::vector<Anchor> anchors;
  // Short texts made this frame (gap labels, counts), which the text commands point into.
  std::array<char, 16384> textArena{};
  std::size_t textUsed = 0;
  int itemsDrawn = 0;  // events drawn one by one
  int foldsDrawn = 0;
  int eventsFolded = 0;

  void Clear() {
    cmds.clear();
    hits.clear();
    anchors.clear();
    textUsed = 0;
    itemsDrawn = foldsDrawn = eventsFolded = 0;
  }
};

// The hit under (x, y), or nullptr. Later items win (they are drawn on top).
const HitItem* HitTest(const FrameDrawList& list, float x, float y);

}  // namespace parallax
