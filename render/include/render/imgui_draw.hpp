#pragma once
// The thin adapter: FrameDrawList → ImDrawList. No layout decisions here.

#include "render/frame_draw_list.hpp"

struct ImDrawList;
struct ImFont;

namespace parallax {

struct UiFonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
};

// A MeasureTextFn for BuildFrame; `user` is a UiFonts*.
float MeasureTextImGui(const char* begin, const char* end, bool bold, void* user);

void DrawFrameList(const FrameDrawList& list, ImDrawList* drawList, const UiFonts& fonts);

// A rectangle outlined with dashes (an uncertain date).
void AddDashedRect(ImDrawList* drawList, float x0, float y0, float x1, float y1, std::uint32_t color, float thickness);

// An outline around a hit item (hover feedback), drawn on top of the frame.
void DrawHitOutline(ImDrawList* drawList, const HitItem& hit, std::uint32_t color, float thickness);

}  // namespace parallax
