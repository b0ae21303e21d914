#pragma once
// Fonts: DejaVu Sans (fonts-dejavu-core) with Latin, Cyrillic and typographic punctuation, baked at
// the UI scale so text stays crisp on HiDPI screens and projectors.

#include "render/imgui_draw.hpp"

#include <string>

namespace parallax {

inline constexpr float BaseFontSize = 16.f;

// Adds the regular and bold fonts to the current ImGui context's atlas. Falls back to ImGui's
// built-in font (and says so in `warning`) when DejaVu is not installed.
UiFonts LoadUiFonts(float scale, std::string& warning);

}  // namespace parallax
