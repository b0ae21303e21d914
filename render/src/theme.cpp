#include "render/theme.hpp"

namespace parallax {

std::uint32_t MixColor(std::uint32_t color, std::uint32_t toward, float t) {
  std::uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const float a = static_cast<float>((color >> shift) & 0xFF);
    const float b = static_cast<float>((toward >> shift) & 0xFF);
    out |= static_cast<std::uint32_t>(a + (b - a) * t + 0.5f) << shift;
  }
  return out;
}

std::uint32_t VerdictColor(const Theme& theme, int verdict) {
  switch (verdict) {
    case 0: return theme.verdictSame;
    case 1: return theme.verdictConsistent;
    case 2: return theme.verdictCalendar;
    default: return theme.verdictContradicts;
  }
}

const Theme& LightTheme() {
  static const Theme theme;
  return theme;
}

}  // namespace parallax
