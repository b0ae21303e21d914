#pragma once
// The App: owns the loaded dataset, its layout, the view and the selection, and builds the ImGui
// user interface for one frame. It knows nothing of GLFW or OpenGL, so tests drive it headless.

#include "canvas_input.hpp"
#include "render/build_frame.hpp"
#include "render/imgui_draw.hpp"
#include "timeline_data/edit_session.hpp"
#include "timeline_data/loader.hpp"
#include "timeline_data/quote_context.hpp"
#include "timeline_data/verdict.hpp"

#include <imgui.h>

#include <filesystem>
#include <functional>
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

  // [SECTION] Editing (editor.cpp)
  // Takes the session's re-derived model, keeping the view and the selection (by id).
  void AdoptModel();
  // Applies an edit result: adopts the new model, or shows why the edit could not be made.
  void AfterEdit(const PatchResult& result);
  void UndoEdit();
  void RedoEdit();
  // Writes every file with unsaved edits, atomically; returns false (and says why) on any failure.
  bool SaveAll();
  // Creates an event in a source at a day (the form opens on it).
  void CreateEventAt(std::int32_t source, std::int32_t day);
  void DuplicateSelected();
  void DeleteSelected();

  // [SECTION] Files changed outside the app (editor.cpp)
  // A file with no unsaved edits is reloaded at once (view and selection kept); one with unsaved
  // edits raises a choice. Neither version is ever lost silently.
  void OnFilesChanged(const std::vector<std::filesystem::path>& changed);
  struct Conflict {
    std::size_t file = 0;
    std::string theirs;  // the disk version that arrived while the buffer had unsaved edits
  };
  std::vector<Conflict> m_conflicts;
  // The three answers to the first conflict; each returns false (and says why) when it failed.
  bool KeepMine();        // overwrite the disk version with mine
  bool TakeTheirs();      // drop my edits of that file, show theirs
  bool SaveMineAsCopy();  // write mine beside it as "<name>.mine-<time>.toml", then show theirs

  // Shows and copies "file:line", and opens $VISUAL (or $EDITOR) at that line when one is set.
  // Returns the process started (0 when none).
  int RevealInFile(const std::string& file, int line);
  std::string m_revealMessage;

  // Moving an event in time: Alt+drag; the drop snaps to the axis's tick unit (editor.cpp).
  // The EDTF a drop at `day` writes for `event`: the tick unit's precision, in the event's calendar.
  std::string SnappedDate(std::int32_t event, double day) const;
  std::int32_t m_dragEvent = -1;
  bool m_openNewClaim = false;
  std::string m_lastCopyPath;  // where SaveMineAsCopy wrote

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
  EditSession m_session;  // the files' text, edits, undo/redo
  Dataset m_dataset;       // the model derived from the session's text
  ClaimAnalysis m_analysis;
  std::uint64_t m_modelGeneration = 0;  // bumped whenever the model changes
  std::string m_editError;  // the last edit or save that could not be made, and why
  // Closing with unsaved edits asks first: the main loop sets m_quitAsked, the App answers with m_quitNow.
  bool m_quitAsked = false;
  bool m_quitNow = false;
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
  std::int32_t m_pendingClaimFrame = -1;  // a claim to frame once the canvas size is known (--claim)
  double m_pendingFrameStart = 0.0;       // a range to frame then (--event); empty when start == end
  double m_pendingFrameEnd = 0.0;  // the details panel's width (it overlays the right of the canvas)
  std::vector<std::int32_t> m_claimOrder;  // the Claims table's rows, sorted as the user asked
  // The editable form's buffers, filled from the selected event when it or the model changes.
  struct FormState {
    std::int32_t event = -1;
    std::uint64_t generation = 0;
    std::string title, date, dateText, claim, quote, tags, note, claimFilter;
    std::string newClaimId, newClaimTitle, newClaimRecord, newClaimNote;  // the "New claim" popup
    int line = 0;
    int calendar = 0;  // 0 gregorian, 1 julian
    int basis = 0;     // 0 stated, 1 inferred
    int voice = 0;     // 0 author, 1 editor
    // The live reading of `date`, recomputed only when the typed text or calendar changes.
    std::string parsedDate;
    int parsedCalendar = -1;
    bool dateValid = false;
    std::string interpretation;  // "earliest 1922-04-01 · latest 1922-04-30 · month precision", or the error
  } m_form;

 private:
  void DrawToolbar();
  void DrawCanvas(float width, float height, float dt);
  void DrawTooltip(const HitItem& hit);
  void DrawDetailsPanel(ImVec2 pos, ImVec2 size);
  void DrawProblemsWindow();
  void DrawEventForm(std::int32_t event);
  void HandleEditKeys();
  void DrawQuitPrompt();
  void DrawConflictPrompt();
  void DrawClaimsWindow();
  void DrawCompare(std::int32_t claim);
  void DrawContext(std::int32_t event);
  const std::string* SourceText(std::int32_t source);
  void DrawLegend();
  CanvasInput ReadCanvasInput(bool hovered, bool active) const;
};

}  // namespace parallax
