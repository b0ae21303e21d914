#include "fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace parallax {
namespace {

const char* FindFont(const char* fileName) {
  static const char* const Dirs[] = {"/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/",
                                     "/usr/local/share/fonts/"};
  static std::string found;
  for (const char* dir : Dirs) {
    std::error_code ec;
    if (std::filesystem::exists(std::string(dir) + fileName, ec)) {
      found = std::string(dir) + fileName;
      return found.c_str();
    }
  }
  return nullptr;
}

const ImWchar* GlyphRanges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesCyrillic());  // Latin + Latin-1 + Cyrillic
    static const ImWchar Extra[] = {
        0x0100, 0x024F,  // Latin Extended-A/B (transliterations: Š, ž, ...)
        0x02B9, 0x02BC,  // modifier primes used in transliteration
        0x2000, 0x206F,  // general punctuation: dashes, curly quotes, ellipsis
        0x2190, 0x21FF,  // arrows
        0x2248, 0x2248,  // ≈
        0x25A0, 0x25FF,  // geometric shapes (legend)
        0,
    };
    builder.AddRanges(Extra);
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

}  // namespace

UiFonts LoadUiFonts(float scale, std::string& warning) {
  ImGuiIO& io = ImGui::GetIO();
  UiFonts fonts;
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  const float size = BaseFontSize * scale;
  if (const char* regular = FindFont("DejaVuSans.ttf")) {
    fonts.regular = io.Fonts->AddFontFromFileTTF(regular, size, &config, GlyphRanges());
    if (const char* bold = FindFont("DejaVuSans-Bold.ttf"))
      fonts.bold = io.Fonts->AddFontFromFileTTF(bold, size, &config, GlyphRanges());
  }
  if (!fonts.regular) {
    warning = "DejaVu Sans not found (install fonts-dejavu-core): using ImGui's built-in font, without Cyrillic";
    ImFontConfig fallback;
    fallback.SizePixels = 13.f * scale;
    fonts.regular = io.Fonts->AddFontDefault(&fallback);
  }
  if (!fonts.bold) fonts.bold = fonts.regular;
  return fonts;
}

}  // namespace parallax
