#pragma once
// Helpers shared by the files that build a frame (build_frame.cpp, frame_overlays.cpp).

#include "render/build_frame.hpp"

namespace parallax::detail {

void PushRect(FrameDrawList& out, DrawKind kind, float x0, float y0, float x1, float y1, std::uint32_t color,
              float thickness = 1.f);
void PushText(FrameDrawList& out, bool bold, float x, float y, std::uint32_t color, const char* begin, const char* end,
              float clipX0, float clipX1, bool ellipsis = false);
// Fits text into `width` px: the whole, or a prefix to end with an ellipsis; nullptr if nothing fits.
const char* FitText(const FrameContext& ctx, bool bold, const char* begin, const char* end, float width, bool& ellipsis,
                    float& drawnWidth);
// Copies a short text into the frame's arena (stable until the next Clear); returns its [begin, end).
std::pair<const char*, const char*> ArenaText(FrameDrawList& out, const char* text, int length);

std::uint32_t VerdictColor(const Theme& theme, Verdict verdict);

// The centre of row `row` of lane `lane` this frame (full or compressed rows alike).
float RowMidY(const FrameContext& ctx, const LaneBox& box, int row);

// Connectors between the datings of each claim on screen, and the record guide lines.
void BuildClaimOverlays(const FrameContext& ctx, const Dataset& dataset, const TimelineLayout& layout, FrameDrawList& out);
// The strip across the whole range at the bottom: heat of contradictions and the current view.
void BuildOverview(const FrameContext& ctx, const TimelineLayout& layout, FrameDrawList& out);

}  // namespace parallax::detail
