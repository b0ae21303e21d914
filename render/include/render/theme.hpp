#pragma once
// Every colour and size the timeline uses, in one place. Colours are packed like ImGui's IM_COL32
// (0xAABBGGRR) so the adapter passes them through unchanged, but nothing here depends on ImGui.

#include <cstdint>

namespace parallax {

constexpr std::uint32_t PackColor(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}
// A 0xRRGGBB colour (as in the TOML files) with an alpha.
constexpr std::uint32_t FromRgb(std::uint32_t rgb, std::uint32_t a = 255) {
  return PackColor((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, a);
}
constexpr std::uint32_t WithAlpha(std::uint32_t color, std::uint32_t a) { return (color & 0x00FFFFFFu) | (a << 24); }
// Mixes a colour towards another (t = 0 keeps `color`).
std::uint32_t MixColor(std::uint32_t color, std::uint32_t toward, float t);

struct Theme {
  // Surfaces
  std::uint32_t canvasBg = PackColor(250, 250, 247);
  std::uint32_t laneBgEven = PackColor(250, 250, 247);
  std::uint32_t laneBgOdd = PackColor(241, 241, 236);
  std::uint32_t laneSeparator = PackColor(205, 205, 198);
  std::uint32_t densityBg = PackColor(0, 0, 0, 10);  // the band of compressed rows
  std::uint32_t headerBg = PackColor(234, 234, 228);
  std::uint32_t axisBg = PackColor(234, 234, 228);
  std::uint32_t gridMinor = PackColor(0, 0, 0, 18);
  std::uint32_t gridMajor = PackColor(0, 0, 0, 40);
  std::uint32_t outOfRangeShade = PackColor(0, 0, 0, 14);  // before 1898 and after 1953
  // Text
  std::uint32_t text = PackColor(28, 28, 30);
  std::uint32_t textDim = PackColor(92, 92, 98);
  std::uint32_t textEditor = PackColor(110, 100, 80);
  // Items (alpha applied to the lane colour)
  std::uint32_t itemOutline = PackColor(20, 20, 24, 200);
  std::uint32_t selection = PackColor(230, 97, 0);
  std::uint32_t hover = PackColor(20, 20, 24);
  std::uint32_t foldFill = PackColor(60, 60, 70, 70);
  // Verdicts: a colour-blind-safe set (Okabe-Ito): agreement cool, disagreement warm.
  std::uint32_t verdictSame = PackColor(0, 158, 115);        // bluish green
  std::uint32_t verdictConsistent = PackColor(86, 180, 233); // sky blue
  std::uint32_t verdictCalendar = PackColor(230, 159, 0);    // orange
  std::uint32_t verdictContradicts = PackColor(213, 94, 0);  // vermillion
  std::uint32_t recordLane = 0x555555;                       // 0xRRGGBB, as a source colour
  std::uint32_t recordGuide = PackColor(40, 40, 48, 150);
  std::uint32_t overviewBg = PackColor(226, 226, 220);
  std::uint32_t overviewView = PackColor(20, 20, 24, 200);
  std::uint8_t dimAlpha = 45;       // items outside the highlighted claim
  std::uint8_t coreAlpha = 150;     // the certain part of a range
  std::uint8_t extentAlpha = 48;    // the uncertain extent of a date
  std::uint8_t editorMix = 110;     // how far editor's insertions are greyed (0..255)

  // Sizes, in pixels at scale 1 (multiplied by the UI scale)
  float headerWidth = 300.f;
  float rowPadding = 6.f;    // added to the font height for a row
  float lanePadding = 8.f;
  float markerSize = 11.f;   // a diamond's full width
  float minLabelWidth = 28.f;
  float tickMinSpacing = 56.f;
  float labelGap = 4.f;
};

const Theme& LightTheme();

// The connector colour of a verdict (0 same, 1 consistent, 2 calendar, 3 contradicts).
std::uint32_t VerdictColor(const Theme& theme, int verdict);

}  // namespace parallax
