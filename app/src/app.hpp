#pragma once
// The App: owns the loaded dataset, its layout, the view and the selection, and builds the ImGui
// user interface for one frame. It knows nothing of GLFW or OpenGL, so tests drive it headless.

#include "canvas_input.hpp"
#include "render/build_frame.hpp"
#include "render/imgui_draw.hpp"
#include "timeline_data/loader.hpp"
#include "timeline_data/quote_context.hpp"
#include "timeline_data/verdict.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

namespace parallax {

class App {
 public:
  // Loads the dataset folder; problems are kept for the Problems panel. Returns false when the
  // dataset could not be opened at all (timeline.toml missing or unparsable).
  bool Load(const std::string& datasetDir);

  // Builds one frame of UI into the current ImGui context. `dt` is the time since the last frame.
  void Frame(float dt);

  // True while an animation runs: the main loop keeps drawing; otherwise it waits for events.
  bool WantsAnotherFrame() const { return m_view.animating; }

  std::string WindowTitle() const;

  // Shows [startDay, endDay) at once (no animation).
  void SetViewDays(double startDay, double endDay);
  void FitAll(bool animate);
  // Shows [startDay, endDay) with a margin, inside the part of the canvas the details panel leaves.
  void FrameRange(double startDay, double endDay, bool animate);
  void ZoomToEvent(std::int32_t event);
  // Animates to the extent of a claim's record and datings.
  void ZoomToClaim(std::int32_t claim);
  // Selects an event (and highlights its claim), or -1 to clear.
  void Select(std::int32_t event);
  // Highlights a claim without an event selected (Claims panel, Record lane).
  void SelectClaim(std::int32_t claim);
  // Selects the next (or previous) event that contradicts something, in time order, and shows it.
  void StepContradiction(bool forward);
  // The claim whose events stand out: the selected event's, or the one chosen directly.
  std::int32_t HighlightedClaim() const;

  // [SECTION] State (public: the App is a small owner of plain data, and tests read it)
  Dataset m_dataset;
  ClaimAnalysis m_analysis;
  std::vector<Problem> m_problems;
  std::string m_textsDir;  // where the sources' full texts are (besides the dataset folder)
  TimelineLayout m_layout;
  TimelineView m_view;
  ViewLimits m_limits;
  float m_scrollY = 0.f;
  std::uint64_t m_expandedLanes = 0;  // bit i: lane i shows all its rows
  std::int32_t m_selected = -1;
  std::int32_t m_selectedClaim = -1;  // chosen directly, with no event selected
  bool m_contestedOnly = false;
  bool m_showClaims = false;
  std::int32_t m_contextEvent = -1;   // the event whose quote is shown in its paragraph
  std::int32_t m_hoveredEvent = -1;  // under the pointer this frame (-1: none)
  std::int32_t m_hoveredFold = 0;    // > 1 when the pointer is over a fold
  std::int32_t m_hoveredClaim = -1;  // a Record lane item under the pointer
  UiFonts m_fonts;
  float m_scale = 1.f;
  const Theme* m_theme = &LightTheme();
  bool m_showProblems = false;

  // Per-frame scratch, kept between frames so that steady state allocates nothing.
  FrameDrawList m_drawList;
  std::unique_ptr<AxisTicks> m_ticks = std::make_unique<AxisTicks>();
  FrameContext m_lastContext;  // the context of the last canvas build (tests map days to pixels with it)
  std::vector<std::string> m_sourceTexts;  // loaded on demand for the context view ("" = not found)
  std::vector<std::uint8_t> m_sourceTextTried;
  bool m_draggingOverview = false;
  float m_panelWidth = 0.f;
  std::int32_t m_pendingClaimFrame = -1;  // a claim to frame once the canvas size is known (--claim)  // the details panel's width (it overlays the right of the canvas)
  std::vector<std::int32_t> m_claimOrder;  // the Claims table's rows, sorted as the user asked

 private:
  void DrawToolbar();
  void DrawCanvas(float width, float height, float dt);
  void DrawTooltip(const HitItem& hit);
  void DrawDetailsPanel(ImVec2 pos, ImVec2 size);
  void DrawProblemsWindow();
  void DrawClaimsWindow();
  void DrawCompare(std::int32_t claim);
  void DrawContext(std::int32_t event);
  const std::string* SourceText(std::int32_t source);
  void DrawLegend();
  CanvasInput ReadCanvasInput(bool hovered, bool active) const;
};

}  // namespace parallax
