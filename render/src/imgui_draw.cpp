#include "render/imgui_draw.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace parallax {
namespace {

void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  const float dx = b.x - a.x;
  const float dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length < 1.f) return;
  const float dash = 4.f * std::max(thickness, 1.f);
  for (float t = 0.f; t < length; t += dash * 2.f) {
    const float t1 = std::min(t + dash, length);
    dl->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length), ImVec2(a.x + dx * t1 / length, a.y + dy * t1 / length),
                color, thickness);
  }
}

ImFont* FontFor(const UiFonts& fonts, bool bold) {
  ImFont* font = bold && fonts.bold ? fonts.bold : fonts.regular;
  return font ? font : ImGui::GetFont();
}

}  // namespace

float MeasureTextImGui(const char* begin, const char* end, bool bold, void* user) {
  ImFont* font = FontFor(*static_cast<const UiFonts*>(user), bold);
  return font->CalcTextSizeA(font->FontSize, 1e9f, 0.f, begin, end).x;
}

void DrawFrameList(const FrameDrawList& list, ImDrawList* dl, const UiFonts& fonts) {
  for (const DrawCmd& c : list.cmds) {
    switch (c.kind) {
      case DrawKind::RectFilled:
        dl->AddRectFilled(ImVec2(c.x0, c.y0), ImVec2(c.x1, c.y1), c.color);
        break;
      case DrawKind::RectOutline:
        dl->AddRect(ImVec2(c.x0, c.y0), ImVec2(c.x1, c.y1), c.color, 0.f, 0, c.thickness);
        break;
      case DrawKind::RectDashed:
        AddDashedRect(dl, c.x0, c.y0, c.x1, c.y1, c.color, c.thickness);
        break;
      case DrawKind::Diamond:
      case DrawKind::DiamondOutline: {
        const float cx = (c.x0 + c.x1) * 0.5f;
        const float cy = (c.y0 + c.y1) * 0.5f;
        const ImVec2 top(cx, c.y0), right(c.x1, cy), bottom(cx, c.y1), left(c.x0, cy);
        if (c.kind == DrawKind::Diamond) {
          dl->AddQuadFilled(top, right, bottom, left, c.color);
          dl->AddQuad(top, right, bottom, left, IM_COL32(20, 20, 24, 160), 1.f);
        } else {
          dl->AddQuadFilled(top, right, bottom, left, IM_COL32(255, 255, 255, 230));
          dl->AddQuad(top, right, bottom, left, c.color, c.thickness);
        }
        break;
      }
      case DrawKind::Line:
        dl->AddLine(ImVec2(c.x0, c.y0), ImVec2(c.x1, c.y1), c.color, c.thickness);
        break;
      case DrawKind::Text:
      case DrawKind::TextBold: {
        ImFont* font = FontFor(fonts, c.kind == DrawKind::TextBold);
        // One clip rectangle per text through cpu_fine_clip_rect: no new draw command per label.
        const ImVec4 clip(c.clipX0, -1e9f, c.clipX1, 1e9f);
        dl->AddText(font, font->FontSize, ImVec2(c.x0, c.y0), c.color, c.text, c.textEnd, 0.f, &clip);
        if (c.flags & DrawFlagEllipsis) {
          const float w = font->CalcTextSizeA(font->FontSize, 1e9f, 0.f, c.text, c.textEnd).x;
          dl->AddText(font, font->FontSize, ImVec2(c.x0 + w, c.y0), c.color, "\xE2\x80\xA6", nullptr, 0.f, &clip);
        }
        break;
      }
    }
  }
}

void AddDashedRect(ImDrawList* dl, float x0, float y0, float x1, float y1, std::uint32_t color, float thickness) {
  DashedLine(dl, ImVec2(x0, y0), ImVec2(x1, y0), color, thickness);
  DashedLine(dl, ImVec2(x0, y1), ImVec2(x1, y1), color, thickness);
  DashedLine(dl, ImVec2(x0, y0), ImVec2(x0, y1), color, thickness);
  DashedLine(dl, ImVec2(x1, y0), ImVec2(x1, y1), color, thickness);
}

void DrawHitOutline(ImDrawList* dl, const HitItem& hit, std::uint32_t color, float thickness) {
  dl->AddRect(ImVec2(hit.x0 - 1.f, hit.y0 + 1.f), ImVec2(hit.x1 + 1.f, hit.y1 - 1.f), color, 2.f, 0, thickness);
}

}  // namespace parallax
