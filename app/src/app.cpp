#include "app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parallax {
namespace {

constexpr float DetailsWidth = 480.f;
constexpr double MinZoomSpanDays = 60.0;  // zooming to one day still shows its neighbourhood

float Measure(const char* b, const char* e, bool bold, void* user) { return MeasureTextImGui(b, e, bold, user); }

// Letter keys: GLFW key codes equal the upper-case ASCII letters; ImGui 1.86 indexes KeysDown by them.
bool KeyPressed(int key) { return ImGui::IsKeyPressed(key, true); }
bool NamedKeyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }



}  // namespace

bool App::Load(const std::string& datasetDir) {
  const bool loaded = m_session.Open(datasetDir);
  m_selected = -1;
  m_selectedClaim = -1;
  m_contextEvent = -1;
  AdoptModel();
  SetViewDays(DayNumber(m_dataset.view.Earliest()), DayNumber(m_dataset.view.Latest()) + 1.0);
  m_showProblems = !m_problems.empty();
  return loaded;
}

void App::AdoptModel() {
  // Keep the selection across the change by (source id, event id): indices may move.
  std::string selectedSource;
  std::string selectedId;
  if (m_selected >= 0 && m_selected < static_cast<std::int32_t>(m_dataset.events.size())) {
    const Event& e = m_dataset.events[static_cast<std::size_t>(m_selected)];
    selectedSource = m_dataset.sources[static_cast<std::size_t>(e.source)].id;
    selectedId = e.id;
  }
  std::string claimId;
  if (m_selectedClaim >= 0 && m_selectedClaim < static_cast<std::int32_t>(m_dataset.claims.size()))
    claimId = m_dataset.claims[static_cast<std::size_t>(m_selectedClaim)].id;

  const LoadResult& current = m_session.Current();
  m_problems = current.problems;
  m_dataset = current.dataset;
  m_dragEvent = -1;  // an index into the old model
  m_analysis = AnalyzeClaims(m_dataset);
  m_layout = BuildLayout(m_dataset, &m_analysis);
  m_limits.domainStartDay = m_layout.domainStartDay;
  m_limits.domainEndDay = m_layout.domainEndDay;
  if (m_sourceTexts.size() != m_dataset.sources.size()) {
    m_sourceTexts.assign(m_dataset.sources.size(), std::string());
    m_sourceTextTried.assign(m_dataset.sources.size(), 0);
  }
  if (m_claimOrder.size() != m_dataset.claims.size()) {  // keep the user's sort while claims stay the same
    m_claimOrder.clear();
    for (std::size_t c = 0; c < m_dataset.claims.size(); ++c) m_claimOrder.push_back(static_cast<std::int32_t>(c));
  }
  const std::int32_t source = m_dataset.FindSource(selectedSource);
  m_selected = selectedId.empty() || source < 0 ? -1 : m_dataset.FindEvent(source, selectedId);
  m_selectedClaim = claimId.empty() ? -1 : m_dataset.FindClaim(claimId);
  if (m_contextEvent >= static_cast<std::int32_t>(m_dataset.events.size())) m_contextEvent = -1;
  ++m_modelGeneration;
}

std::string App::WindowTitle() const {
  std::string title = "Parallax";
  if (!m_dataset.title.empty()) title += " \xE2\x80\x94 " + m_dataset.title;  // em dash
  return title;
}

void App::SetViewDays(double startDay, double endDay) { SetView(m_view, startDay, endDay, m_limits); }

void App::FrameRange(double startDay, double endDay, bool animate) {
  double start = 0.0;
  double end = 0.0;
  PaddedRange(startDay, endDay, MinZoomSpanDays, start, end);
  // With the details panel open over the right of the canvas, fit the range into what stays visible.
  const bool panel = m_selected >= 0 || m_selectedClaim >= 0;
  const float timeWidth = m_lastContext.canvasX1 - m_lastContext.canvasX0 - m_lastContext.HeaderWidth();
  if (panel && m_panelWidth > 0.f && timeWidth > m_panelWidth * 1.5f) {
    const double visible = static_cast<double>(timeWidth - m_panelWidth) / timeWidth;
    end = start + (end - start) / visible;
  }
  if (animate) AnimateTo(m_view, start, end, m_limits);
  else SetView(m_view, start, end, m_limits);
}

void App::FitAll(bool animate) {
  double start = 0.0;
  double end = 0.0;
  PaddedRange(m_layout.dataStartDay, m_layout.dataEndDay, MinZoomSpanDays, start, end);
  if (animate) AnimateTo(m_view, start, end, m_limits);
  else SetView(m_view, start, end, m_limits);
}

void App::ZoomToEvent(std::int32_t event) {
  if (event < 0 || event >= static_cast<std::int32_t>(m_dataset.events.size())) return;
  if (!m_dataset.events[static_cast<std::size_t>(event)].dateValid) return;  // no place on the timeline yet
  const DayExtent extent = EventExtent(m_dataset.events[static_cast<std::size_t>(event)].date, m_layout.domainStartDay,
                                       m_layout.domainEndDay);
  FrameRange(extent.start, extent.end, true);
}

void App::Select(std::int32_t event) {
  m_selected = event;
  m_selectedClaim = -1;
  if (m_contextEvent != event) m_contextEvent = -1;
}

void App::SelectClaim(std::int32_t claim) {
  m_selected = -1;
  m_selectedClaim = claim;
  m_contextEvent = -1;
}

std::int32_t App::HighlightedClaim() const {
  if (m_selected >= 0) return m_dataset.events[static_cast<std::size_t>(m_selected)].claim;
  return m_selectedClaim;
}

void App::ZoomToClaim(std::int32_t claim) {
  if (claim < 0 || claim >= static_cast<std::int32_t>(m_analysis.claims.size())) return;
  const ClaimSummary& s = m_analysis.claims[static_cast<std::size_t>(claim)];
  if (s.endDay <= s.startDay) return;
  FrameRange(s.startDay, s.endDay, true);
}

void App::StepContradiction(bool forward) {
  const std::vector<std::int32_t>& order = m_analysis.contradictionOrder;
  if (order.empty()) return;
  std::size_t next = forward ? 0 : order.size() - 1;
  const auto at = std::find(order.begin(), order.end(), m_selected);
  if (at != order.end()) {
    const std::size_t i = static_cast<std::size_t>(at - order.begin());
    next = forward ? (i + 1) % order.size() : (i + order.size() - 1) % order.size();
  } else if (m_selected >= 0) {
    // From a selection that contradicts nothing: the first one after (or before) it in time.
    const date::sys_days day = m_dataset.events[static_cast<std::size_t>(m_selected)].date.Earliest();
    auto later = std::find_if(order.begin(), order.end(), [&](std::int32_t e) {
      return m_dataset.events[static_cast<std::size_t>(e)].date.Earliest() > day;
    });
    if (forward) next = later == order.end() ? 0 : static_cast<std::size_t>(later - order.begin());
    else next = later == order.begin() ? order.size() - 1 : static_cast<std::size_t>(later - order.begin()) - 1;
  }
  Select(order[next]);
  ZoomToEvent(order[next]);
}

// [SECTION] Frame

void App::Frame(float dt) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.f, 0.f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.f);
  ImGui::Begin("##parallax", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar(2);

  DrawToolbar();
  const ImVec2 canvasPos = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  m_panelWidth = std::min(DetailsWidth * m_scale, avail.x * 0.4f);
  DrawCanvas(avail.x, avail.y, dt);
  ImGui::End();
  // The details panel floats over the right of the canvas: the timeline never reflows under the
  // pointer when a selection opens or closes it (a double-click stays on its event).
  if (m_selected >= 0 || m_selectedClaim >= 0) {
    const float width = m_panelWidth;
    DrawDetailsPanel(ImVec2(canvasPos.x + avail.x - width, canvasPos.y), ImVec2(width, avail.y));
  }
  if (m_showProblems) DrawProblemsWindow();
  if (m_showClaims) DrawClaimsWindow();
  HandleEditKeys();
  DrawConflictPrompt();
  DrawQuitPrompt();
}

void App::DrawToolbar() {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8.f * m_scale, 4.f * m_scale));
  ImGui::SetCursorPos(ImVec2(8.f * m_scale, 6.f * m_scale));
  ImGui::PushFont(m_fonts.bold);
  ImGui::TextUnformatted(m_dataset.title.empty() ? "Parallax" : m_dataset.title.c_str());
  ImGui::PopFont();
  ImGui::SameLine(0.f, 24.f * m_scale);
  // Formatted into stack buffers: the idle frame allocates nothing.
  char from[32];
  char to[32];
  FormatHumanDay(FromDayNumber(static_cast<std::int32_t>(std::floor(m_view.startDay))), from, sizeof from);
  FormatHumanDay(FromDayNumber(static_cast<std::int32_t>(std::floor(m_view.endDay - 1.0))), to, sizeof to);
  ImGui::TextDisabled("%s \xE2\x80\x93 %s", from, to);
  ImGui::SameLine(0.f, 24.f * m_scale);
  if (ImGui::SmallButton("Fit all (F)")) FitAll(true);
  ImGui::SameLine();
  if (ImGui::SmallButton(m_showClaims ? "Claims (C) \xE2\x96\xBE" : "Claims (C)")) m_showClaims = !m_showClaims;
  ImGui::SameLine();
  ImGui::Checkbox("Contested only", &m_contestedOnly);
  ImGui::SameLine(0.f, 16.f * m_scale);
  ImGui::BeginDisabled(!m_session.CanUndo());
  if (ImGui::SmallButton("Undo")) UndoEdit();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!m_session.CanRedo());
  if (ImGui::SmallButton("Redo")) RedoEdit();
  ImGui::EndDisabled();
  // The unsaved-changes marker, naming the files (there are few; no allocation when none is dirty).
  int dirty = 0;
  for (const FileBuffer& f : m_session.Files()) dirty += f.Dirty() ? 1 : 0;
  if (dirty > 0) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.9f, 0.6f, 0.1f, 0.9f));
    if (ImGui::SmallButton("Save (Ctrl+S)")) SaveAll();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.75f, 0.4f, 0.0f, 1.f), "\xE2\x97\x8F %d unsaved", dirty);
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (const FileBuffer& f : m_session.Files())
        if (f.Dirty()) ImGui::TextUnformatted(f.name.c_str());
      ImGui::EndTooltip();
    }
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("\xE2\x97\x80")) StepContradiction(false);
  ImGui::SameLine(0.f, 2.f * m_scale);
  ImGui::TextUnformatted("contradiction");
  ImGui::SameLine(0.f, 2.f * m_scale);
  if (ImGui::SmallButton("\xE2\x96\xB6 (N)")) StepContradiction(true);
  if (!m_problems.empty()) {
    ImGui::SameLine(0.f, 24.f * m_scale);
    char label[64];
    std::snprintf(label, sizeof label, "%zu problem%s", m_problems.size(), m_problems.size() == 1 ? "" : "s");
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.35f, 0.1f, 0.8f));
    if (ImGui::SmallButton(label)) m_showProblems = !m_showProblems;
    ImGui::PopStyleColor();
  }
  // Second line: what the marks and the connector colours mean.
  ImGui::SetCursorPosX(8.f * m_scale);
  ImGui::TextDisabled("Key:");
  DrawLegend();
  ImGui::PopStyleVar();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4.f * m_scale);
}

CanvasInput App::ReadCanvasInput(bool hovered, bool active) const {
  const ImGuiIO& io = ImGui::GetIO();
  CanvasInput in;
  in.mouseX = io.MousePos.x;
  in.mouseY = io.MousePos.y;
  in.hovered = hovered;
  in.wheel = hovered ? io.MouseWheel : 0.f;
  in.wheelH = hovered ? io.MouseWheelH : 0.f;
  in.shift = io.KeyShift;
  in.ctrl = io.KeyCtrl;
  in.dragging = active && ImGui::IsMouseDragging(ImGuiMouseButton_Left);
  in.dragDx = in.dragging ? io.MouseDelta.x : 0.f;
  in.dragDy = in.dragging ? io.MouseDelta.y : 0.f;
  if (!io.WantTextInput && !io.KeyCtrl) {  // Ctrl+S saves, Ctrl+A ... : never navigation
    in.panLeft = NamedKeyPressed(ImGuiKey_LeftArrow) || KeyPressed('A');
    in.panRight = NamedKeyPressed(ImGuiKey_RightArrow) || KeyPressed('D');
    in.zoomIn = NamedKeyPressed(ImGuiKey_UpArrow) || KeyPressed('W');
    in.zoomOut = NamedKeyPressed(ImGuiKey_DownArrow) || KeyPressed('S');
  }
  return in;
}

void App::DrawCanvas(float width, float height, float dt) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  width = std::max(width, 100.f);
  height = std::max(height, 100.f);
  // One invisible button over the whole canvas; events are drawn, never ImGui items.
  ImGui::InvisibleButton("##canvas", ImVec2(width, height),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();

  FrameContext ctx;
  ctx.canvasX0 = origin.x;
  ctx.canvasY0 = origin.y;
  ctx.canvasX1 = origin.x + width;
  ctx.canvasY1 = origin.y + height;
  ctx.scale = m_scale;
  ctx.fontHeight = m_fonts.regular ? m_fonts.regular->FontSize : ImGui::GetFontSize();
  ctx.theme = m_theme;
  ctx.measureText = &Measure;
  ctx.measureUser = &m_fonts;
  ctx.analysis = &m_analysis;
  ctx.contestedOnly = m_contestedOnly;
  ctx.overviewStartDay = DayNumber(m_dataset.view.Earliest());
  ctx.overviewEndDay = DayNumber(m_dataset.view.Latest()) + 1.0;

  // Input first, so that this frame already shows its effect.
  ctx.expandedLanes = m_expandedLanes;
  const float maxScroll =
      ComputeLaneBoxes(ctx, m_layout, m_drawList.lanes) - (ctx.LanesBottom() - ctx.LanesTop());
  ctx.viewStartDay = m_view.startDay;
  ctx.viewEndDay = m_view.endDay;
  const ImGuiIO& io = ImGui::GetIO();
  // The overview strip: press or drag to centre the view there.
  const bool overOverview = hovered && io.MousePos.y >= ctx.LanesBottom() && io.MousePos.x >= ctx.Axis().x0;
  if (overOverview && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_draggingOverview = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_draggingOverview = false;
  // Alt+press on a single-date event starts moving it (a plain drag pans, so nothing moves by accident).
  if (hovered && io.KeyAlt && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    const HitItem* pressed = HitTest(m_drawList, io.MousePos.x, io.MousePos.y);
    if (pressed && pressed->foldCount == 1 && pressed->event >= 0 &&
        !m_dataset.events[static_cast<std::size_t>(pressed->event)].date.isInterval)
      m_dragEvent = pressed->event;
  }
  CanvasInput input = ReadCanvasInput(hovered && !overOverview, active && !m_draggingOverview && m_dragEvent < 0);
  if (m_draggingOverview) {
    const double centre = ctx.OverviewAxis().XToDay(io.MousePos.x);
    const double half = (m_view.endDay - m_view.startDay) * 0.5;
    SetView(m_view, centre - half, centre + half, m_limits);
  }
  ApplyCanvasInput(input, ctx.Axis(), m_limits, m_view, m_scrollY, maxScroll);
  m_scrollY = std::clamp(m_scrollY, 0.f, std::max(maxScroll, 0.f));
  if (!ImGui::GetIO().WantTextInput) {
    if (KeyPressed('F')) FitAll(true);
    if (NamedKeyPressed(ImGuiKey_Escape)) SelectClaim(-1);
    if (KeyPressed('N')) StepContradiction(!ImGui::GetIO().KeyShift);
    if (KeyPressed('C') && !ImGui::GetIO().KeyCtrl) m_showClaims = !m_showClaims;
    if (NamedKeyPressed(ImGuiKey_Home)) {
      AnimateTo(m_view, DayNumber(m_dataset.view.Earliest()), DayNumber(m_dataset.view.Latest()) + 1.0, m_limits);
    }
  }
  if (m_pendingFrameEnd > m_pendingFrameStart) {
    m_lastContext = ctx;
    FrameRange(m_pendingFrameStart, m_pendingFrameEnd, false);
    m_pendingFrameStart = m_pendingFrameEnd = 0.0;
  }
  if (m_pendingClaimFrame >= 0) {
    const ClaimSummary& s = m_analysis.claims[static_cast<std::size_t>(m_pendingClaimFrame)];
    m_lastContext = ctx;
    FrameRange(s.startDay, s.endDay, false);
    m_pendingClaimFrame = -1;
  }
  StepView(m_view, dt);

  ctx.viewStartDay = m_view.startDay;
  ctx.viewEndDay = m_view.endDay;
  ctx.scrollY = m_scrollY;
  ctx.selectedEvent = m_selected;
  ctx.highlightClaim = HighlightedClaim();
  ctx.dirtyLanes = 0;
  for (std::size_t li = 0; li < m_layout.lanes.size() && li < 64; ++li) {
    const std::int32_t s = m_layout.lanes[li].source;
    if (s < 0) continue;
    const std::int32_t f = m_session.FileIndex(m_dataset.sources[static_cast<std::size_t>(s)].file);
    if (f >= 0 && m_session.Files()[static_cast<std::size_t>(f)].Dirty()) ctx.dirtyLanes |= std::uint64_t{1} << li;
  }
  BuildFrame(ctx, m_dataset, m_layout, *m_ticks, m_drawList);
  m_lastContext = ctx;

  // Hover and click hit-test the list that is drawn.
  const HitItem* hit = hovered ? HitTest(m_drawList, io.MousePos.x, io.MousePos.y) : nullptr;
  m_hoveredEvent = hit ? hit->event : -1;
  m_hoveredFold = hit ? hit->foldCount : 0;
  m_hoveredClaim = hit ? hit->claim : -1;
  const bool clicked = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                       io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < io.MouseDragThreshold * io.MouseDragThreshold;
  // Alt+press starts moving an event: never a zoom.
  const bool zoomClick = hovered && !io.KeyAlt && m_dragEvent < 0 &&
                         (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Middle));
  if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hovered && !hit && !overOverview &&
      io.MousePos.x >= ctx.Axis().x0) {
    // Double-click on empty space in a source lane: a new event there, at that day.
    const std::int32_t lane = LaneAt(m_drawList.lanes, io.MousePos.y);
    if (lane >= 0 && m_layout.lanes[static_cast<std::size_t>(lane)].source >= 0)
      CreateEventAt(m_layout.lanes[static_cast<std::size_t>(lane)].source,
                    static_cast<std::int32_t>(std::floor(ctx.Axis().XToDay(io.MousePos.x))));
  }
  if (zoomClick && hit) {
    if (hit->claim >= 0 && hit->foldCount == 1) {
      SelectClaim(hit->claim);
      ZoomToClaim(hit->claim);
    } else if (hit->foldCount > 1) {
      double start = 0.0;
      double end = 0.0;
      PaddedRange(hit->foldStartDay, hit->foldEndDay, MinZoomSpanDays, start, end);
      AnimateTo(m_view, start, end, m_limits);
    } else {
      ZoomToEvent(hit->event);
    }
  } else if (clicked) {
    if (io.MousePos.x < ctx.Axis().x0) {
      // The lane header: show all rows of the lane, or fit it again.
      const std::int32_t lane = LaneAt(m_drawList.lanes, io.MousePos.y);
      if (lane >= 0 && lane < 64) m_expandedLanes ^= std::uint64_t{1} << lane;
    } else if (hit && hit->foldCount == 1) {
      if (hit->claim >= 0) SelectClaim(hit->claim);
      else Select(hit->event);
    } else if (!hit && !overOverview) {
      SelectClaim(-1);
    }
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(ctx.canvasX0, ctx.canvasY0), ImVec2(ctx.canvasX1, ctx.canvasY1), true);
  DrawFrameList(m_drawList, dl, m_fonts);
  if (m_dragEvent >= 0) {
    // The drop preview: where the event will land, and the date it will get.
    const double day = ctx.Axis().XToDay(io.MousePos.x);
    const std::string target = SnappedDate(m_dragEvent, day);
    const EdtfParseResult parsed = ParseEdtf(target, m_dataset.events[static_cast<std::size_t>(m_dragEvent)].date.calendar);
    const float x0 = ctx.Axis().DayToX(DayNumber(parsed.value.Earliest()));
    const float x1 = std::max(ctx.Axis().DayToX(DayNumber(parsed.value.Latest()) + 1.0), x0 + 2.f);
    dl->AddRectFilled(ImVec2(x0, ctx.LanesTop()), ImVec2(x1, ctx.LanesBottom()),
                      WithAlpha(m_theme->selection, 40));
    dl->AddText(ImVec2(x1 + 4.f, io.MousePos.y - ImGui::GetFontSize() * 1.5f), m_theme->selection, target.c_str());
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      const Event& e = m_dataset.events[static_cast<std::size_t>(m_dragEvent)];
      const std::string sourceId = m_dataset.sources[static_cast<std::size_t>(e.source)].id;
      const std::string id = e.id;
      m_dragEvent = -1;
      if (target != e.dateRaw && parsed.ok) {
        AfterEdit(m_session.SetField(sourceId, id, "date", FieldValue::String(target)));
        Select(m_dataset.FindEvent(m_dataset.FindSource(sourceId), id));
      }
    }
  }
  if (hit) DrawHitOutline(dl, *hit, m_theme->hover, 1.5f * m_scale);
  dl->PopClipRect();
  if (hit && !active) DrawTooltip(*hit);
}

void App::DrawLegend() {
  // An inline key to the marks, on the toolbar line: icon then words, for each kind of mark.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& theme = *m_theme;
  const float s = m_scale;
  const float h = ImGui::GetTextLineHeight();
  const float half = theme.markerSize * s * 0.5f;
  const ImU32 c = IM_COL32(68, 119, 170, 255);
  const char* const labels[] = {"exact day", "inferred", "year/month extent", "range", "uncertain ?",
                                "editor's insertion"};
  for (int i = 0; i < 6; ++i) {
    ImGui::SameLine(0.f, i == 0 ? 8.f * s : 14.f * s);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = i == 0 || i == 1 || i == 5 ? 2.f * half + 2.f : 28.f * s;
    ImGui::Dummy(ImVec2(w, h));
    const float cy = p.y + h * 0.5f;
    const float cx = p.x + w * 0.5f;
    const ImVec2 a(p.x, p.y + 2.f * s);
    const ImVec2 b(p.x + w, p.y + h - 2.f * s);
    switch (i) {
      case 0:
        dl->AddQuadFilled(ImVec2(cx, cy - half), ImVec2(cx + half, cy), ImVec2(cx, cy + half), ImVec2(cx - half, cy), c);
        break;
      case 1:
        dl->AddQuad(ImVec2(cx, cy - half), ImVec2(cx + half, cy), ImVec2(cx, cy + half), ImVec2(cx - half, cy), c, 1.5f * s);
        break;
      case 2:
        dl->AddRectFilled(a, b, WithAlpha(c, theme.extentAlpha));
        dl->AddRectFilled(a, ImVec2(a.x + 3.f * s, b.y), c);
        dl->AddRectFilled(ImVec2(b.x - 3.f * s, a.y), b, c);
        break;
      case 3:
        dl->AddRectFilled(a, b, WithAlpha(c, theme.coreAlpha));
        break;
      case 4:
        AddDashedRect(dl, a.x, a.y, b.x, b.y, c, s);
        break;
      case 5:
        dl->AddQuadFilled(ImVec2(cx, cy - half), ImVec2(cx + half, cy), ImVec2(cx, cy + half), ImVec2(cx - half, cy),
                          MixColor(c, PackColor(128, 128, 128), theme.editorMix / 255.f));
        break;
    }
    ImGui::SameLine(0.f, 4.f * s);
    ImGui::TextUnformatted(labels[i]);
  }
  // Connector colours: one colour-blind-safe set, agreement cool and disagreement warm.
  static const char* const Verdicts[] = {"same date", "consistent", "calendar (O.S./N.S.)", "contradicts"};
  const std::uint32_t colors[] = {theme.verdictSame, theme.verdictConsistent, theme.verdictCalendar,
                                  theme.verdictContradicts};
  ImGui::SameLine(0.f, 24.f * s);
  ImGui::TextDisabled("Connectors:");
  for (int v = 0; v < 4; ++v) {
    ImGui::SameLine(0.f, 10.f * s);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(18.f * s, h));
    dl->AddLine(ImVec2(p.x, p.y + h * 0.5f), ImVec2(p.x + 18.f * s, p.y + h * 0.5f), colors[v], (v == 3 ? 3.f : 2.f) * s);
    ImGui::SameLine(0.f, 4.f * s);
    ImGui::TextUnformatted(Verdicts[v]);
  }
}

void App::DrawQuitPrompt() {
  if (m_quitAsked) {
    if (!m_session.AnyDirty()) {
      m_quitNow = true;
      return;
    }
    ImGui::OpenPopup("Unsaved changes");
    m_quitAsked = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("These files have edits that are not saved:");
  for (const FileBuffer& f : m_session.Files())
    if (f.Dirty()) ImGui::BulletText("%s", f.name.c_str());
  if (!m_editError.empty()) ImGui::TextColored(ImVec4(0.75f, 0.12f, 0.05f, 1.f), "%s", m_editError.c_str());
  if (ImGui::Button("Save and quit")) {
    if (SaveAll()) {
      m_quitNow = true;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Quit without saving")) {
    m_quitNow = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace parallax
