// The App's panels: tooltip, details (with the claim's comparison and the quote in context),
// the Claims table, and Problems.
#include "app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace parallax {
namespace {

const char* BasisText(const Event& e) { return e.basis == Basis::Inferred ? "inferred" : "stated"; }

ImVec4 VerdictColorVec(const Theme& theme, Verdict v) {
  return ImGui::ColorConvertU32ToFloat4(VerdictColor(theme, static_cast<int>(v)));
}

// "contradicts (5 years)", "calendar (13 days)", "consistent".
std::string VerdictText(const Comparison& c) {
  std::string text = VerdictName(c.verdict);
  if (c.verdict >= Verdict::Calendar) text += " (" + FormatGap(c.gapDays) + ")";
  return text;
}


// Wrapped text with [hlBegin, hlEnd) drawn on a highlight: word by word, so the highlight flows with
// the paragraph (ImGui's TextWrapped has no coloured spans).
void TextFlowHighlighted(const std::string& text, std::size_t hlBegin, std::size_t hlEnd, ImU32 highlight) {
  const float wrap = ImGui::GetContentRegionAvail().x;
  const float x0 = ImGui::GetCursorScreenPos().x;
  const float space = ImGui::CalcTextSize(" ").x;
  const float lineH = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j == i) break;
    const float w = ImGui::CalcTextSize(text.data() + i, text.data() + j).x;
    if (pos.x > x0 && pos.x + w > x0 + wrap) {
      pos.x = x0;
      pos.y += lineH;
    }
    const bool lit = i < hlEnd && j > hlBegin;
    if (lit) dl->AddRectFilled(ImVec2(pos.x - 1.f, pos.y), ImVec2(pos.x + w + space, pos.y + lineH), highlight);
    dl->AddText(pos, ImGui::GetColorU32(ImGuiCol_Text), text.data() + i, text.data() + j);
    pos.x += w + space;
    i = j;
  }
  ImGui::Dummy(ImVec2(wrap, pos.y + lineH - ImGui::GetCursorScreenPos().y));
}

}  // namespace

// [SECTION] Tooltip

void App::DrawTooltip(const HitItem& hit) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.f);
  if (hit.foldCount > 1) {
    ImGui::Text("%d %s here", hit.foldCount, hit.claim >= 0 ? "claims" : "events");
    if (hit.flagged > 0)
      ImGui::TextColored(VerdictColorVec(*m_theme, Verdict::Contradicts), "%d contradict%s something", hit.flagged,
                         hit.flagged == 1 ? "s" : "");
    ImGui::TextDisabled("Double-click to zoom in.");
  } else if (hit.claim >= 0) {
    const Claim& c = m_dataset.claims[static_cast<std::size_t>(hit.claim)];
    const ClaimSummary& s = m_analysis.claims[static_cast<std::size_t>(hit.claim)];
    ImGui::PushFont(m_fonts.bold);
    ImGui::TextWrapped("%s", c.title.c_str());
    ImGui::PopFont();
    ImGui::Text("Record: %s", FormatWritten(c.record).c_str());
    if (!c.recordNote.empty()) ImGui::TextWrapped("%s", c.recordNote.c_str());
    ImGui::Separator();
    ImGui::Text("%zu datings by %d source%s; worst: ", c.events.size(), s.sourceCount, s.sourceCount == 1 ? "" : "s");
    ImGui::SameLine(0.f, 0.f);
    ImGui::TextColored(VerdictColorVec(*m_theme, s.worst), "%s", VerdictName(s.worst));
    if (s.largestGapDays > 0) ImGui::Text("Largest gap: %s", FormatGap(s.largestGapDays).c_str());
    ImGui::TextDisabled("Click to compare the sources.");
  } else {
    const Event& e = m_dataset.events[static_cast<std::size_t>(hit.event)];
    const Source& s = m_dataset.sources[static_cast<std::size_t>(e.source)];
    ImGui::PushFont(m_fonts.bold);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PopFont();
    ImGui::Text("%s", FormatWithBothCalendars(e.date).c_str());
    if (!e.dateText.empty()) ImGui::TextWrapped("As written: \xE2\x80\x9C%s\xE2\x80\x9D", e.dateText.c_str());
    ImGui::TextDisabled("%s, %s, %s", FormatInterpretation(e.date).c_str(), CalendarName(e.date.calendar), BasisText(e));
    if (e.claim >= 0) {
      const Comparison vs = m_analysis.eventVsRecord[static_cast<std::size_t>(hit.event)];
      ImGui::Text("Against the record:");
      ImGui::SameLine();
      ImGui::TextColored(VerdictColorVec(*m_theme, vs.verdict), "%s", VerdictText(vs).c_str());
    }
    if (!e.quote.empty()) {
      ImGui::Separator();
      ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", e.quote.c_str());
    }
    ImGui::Separator();
    if (e.line > 0) ImGui::TextDisabled("%s, line %d%s", s.title.c_str(), e.line, e.voice == Voice::Editor ? " (editor)" : "");
    else ImGui::TextDisabled("%s", s.title.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// [SECTION] Details: the event, its claim compared across sources, the quote in context

void App::DrawDetailsPanel(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.f * m_scale, 10.f * m_scale));
  bool open = true;
  ImGui::Begin(m_selected >= 0 ? "Event (editable)###details" : "Compare###details", &open,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  if (!open) SelectClaim(-1);
  if (m_selected < 0 && m_selectedClaim < 0) {
    ImGui::End();
    return;
  }
  if (m_selected >= 0) {
    const Event& e = m_dataset.events[static_cast<std::size_t>(m_selected)];
    const Source& s = m_dataset.sources[static_cast<std::size_t>(e.source)];
    ImGui::PushFont(m_fonts.bold);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s \xC2\xB7 %s \xC2\xB7 %s:%d", s.title.c_str(), e.id.c_str(), s.file.c_str(), e.pos.line);
    ImGui::Separator();
    DrawEventForm(m_selected);
    if (m_selected < 0) {  // the form deleted or lost it
      ImGui::End();
      return;
    }
    if (ImGui::Button("Zoom to event")) ZoomToEvent(m_selected);
    ImGui::SameLine();
    if (ImGui::Button(m_contextEvent == m_selected ? "Hide context" : "Show in context"))
      m_contextEvent = m_contextEvent == m_selected ? -1 : m_selected;
    if (ImGui::Button("Duplicate")) DuplicateSelected();
    ImGui::SameLine();
    if (ImGui::Button("Delete")) DeleteSelected();
    ImGui::SameLine();
    if (m_selected >= 0 && ImGui::Button("Reveal in file")) {
      const Event& ev = m_dataset.events[static_cast<std::size_t>(m_selected)];
      RevealInFile((m_session.Dir() / m_dataset.sources[static_cast<std::size_t>(ev.source)].file).string(), ev.pos.line);
    }
    if (!m_revealMessage.empty()) ImGui::TextDisabled("%s", m_revealMessage.c_str());
    if (m_selected < 0) {
      ImGui::End();
      return;
    }
    if (m_contextEvent == m_selected) DrawContext(m_selected);
    ImGui::Spacing();
  }
  const std::int32_t claim = HighlightedClaim();
  if (claim >= 0) DrawCompare(claim);
  ImGui::End();
}

void App::DrawCompare(std::int32_t claim) {
  const Claim& c = m_dataset.claims[static_cast<std::size_t>(claim)];
  const ClaimSummary& summary = m_analysis.claims[static_cast<std::size_t>(claim)];
  ImGui::Separator();
  ImGui::PushFont(m_fonts.bold);
  ImGui::TextWrapped("Claim: %s", c.title.c_str());
  ImGui::PopFont();
  if (c.hasRecord) ImGui::TextWrapped("Record: %s. %s", FormatWritten(c.record).c_str(), c.recordNote.c_str());
  ImGui::Text("%zu datings by %d sources; worst:", c.events.size(), summary.sourceCount);
  ImGui::SameLine();
  ImGui::TextColored(VerdictColorVec(*m_theme, summary.worst), "%s", VerdictName(summary.worst));
  if (ImGui::SmallButton("Show the whole claim")) ZoomToClaim(claim);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##compare", 3, flags)) return;
  ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.f);
  ImGui::TableSetupColumn("vs record", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableHeadersRow();
  for (std::int32_t ei : c.events) {
    const Event& e = m_dataset.events[static_cast<std::size_t>(ei)];
    const Source& s = m_dataset.sources[static_cast<std::size_t>(e.source)];
    ImGui::PushID(ei);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(FromRgb(s.color)), "\xE2\x96\xA0");
    ImGui::SameLine();
    if (ImGui::Selectable(s.id.c_str(), ei == m_selected, ImGuiSelectableFlags_SpanAllColumns)) {
      Select(ei);
      ZoomToEvent(ei);
    }
    ImGui::TableNextColumn();
    ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", e.dateText.c_str());
    if (e.dateValid)
      ImGui::TextDisabled("%s%s", FormatWithBothCalendars(e.date).c_str(), e.basis == Basis::Inferred ? ", inferred" : "");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", e.quote.c_str());
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    const Comparison vs = m_analysis.eventVsRecord[static_cast<std::size_t>(ei)];
    if (!e.dateValid) ImGui::TextColored(VerdictColorVec(*m_theme, Verdict::Contradicts), "invalid date '%s'", e.dateRaw.c_str());
    else ImGui::TextColored(VerdictColorVec(*m_theme, vs.verdict), "%s", VerdictText(vs).c_str());
    ImGui::TextDisabled("line %d", e.line);
    if (ImGui::SmallButton("in context")) {
      Select(ei);
      m_contextEvent = ei;
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// [SECTION] The quote in its paragraph

const std::string* App::SourceText(std::int32_t source) {
  const std::size_t s = static_cast<std::size_t>(source);
  if (s >= m_sourceTexts.size()) return nullptr;
  if (!m_sourceTextTried[s]) {
    m_sourceTextTried[s] = 1;
    const std::string& file = m_dataset.sources[s].textFile;
    std::string error;
    for (const std::string& dir : {m_textsDir, m_dataset.dir}) {
      if (dir.empty() || file.empty()) continue;
      if (ReadWholeFile(std::filesystem::path(dir) / file, m_sourceTexts[s], error)) break;
    }
  }
  return m_sourceTexts[s].empty() ? nullptr : &m_sourceTexts[s];
}

void App::DrawContext(std::int32_t event) {
  const Event& e = m_dataset.events[static_cast<std::size_t>(event)];
  const Source& s = m_dataset.sources[static_cast<std::size_t>(e.source)];
  const std::string* text = SourceText(e.source);
  ImGui::BeginChild("##context", ImVec2(0.f, ImGui::GetTextLineHeightWithSpacing() * 12.f), true);
  if (!text) {
    ImGui::TextWrapped("The full text (%s) was not found next to the dataset%s. Start Parallax with --texts DIR to "
                       "read quotes in context.",
                       s.textFile.c_str(), m_textsDir.empty() ? "" : " or in the --texts folder");
    ImGui::EndChild();
    return;
  }
  const ContextSpan span = FindQuoteContext(*text, e.quote, e.line);
  if (span.paragraphBegin == span.paragraphEnd) {
    ImGui::TextWrapped("The quote was not found at line %d of %s.", e.line, s.textFile.c_str());
  } else {
    ImGui::TextDisabled("%s, lines %d-%d", s.textFile.c_str(), span.firstLine, span.lastLine);
    const std::string paragraph = text->substr(span.paragraphBegin, span.paragraphEnd - span.paragraphBegin);
    TextFlowHighlighted(paragraph, span.quoteBegin - span.paragraphBegin, span.quoteEnd - span.paragraphBegin,
                        IM_COL32(255, 214, 102, 200));
  }
  ImGui::EndChild();
}

// [SECTION] Claims table

void App::DrawClaimsWindow() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.55f, viewport->WorkSize.y * 0.5f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 40.f * m_scale, viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Claims", &m_showClaims)) {
    ImGui::End();
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##claims", 5, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 3.f);
    ImGui::TableSetupColumn("Sources", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Worst verdict", ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableSetupColumn("Largest gap", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Record", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty && sort->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs spec = sort->Specs[0];
      const bool ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
      std::stable_sort(m_claimOrder.begin(), m_claimOrder.end(), [&](std::int32_t a, std::int32_t b) {
        const Claim& ca = m_dataset.claims[static_cast<std::size_t>(a)];
        const Claim& cb = m_dataset.claims[static_cast<std::size_t>(b)];
        const ClaimSummary& sa = m_analysis.claims[static_cast<std::size_t>(a)];
        const ClaimSummary& sb = m_analysis.claims[static_cast<std::size_t>(b)];
        int cmp = 0;
        switch (spec.ColumnIndex) {
          case 0: cmp = ca.title.compare(cb.title); break;
          case 1: cmp = sa.sourceCount - sb.sourceCount; break;
          case 2: cmp = static_cast<int>(sa.worst) - static_cast<int>(sb.worst); break;
          case 3: cmp = sa.largestGapDays < sb.largestGapDays ? -1 : sa.largestGapDays > sb.largestGapDays; break;
          default: cmp = ca.record.Earliest() < cb.record.Earliest() ? -1 : ca.record.Earliest() > cb.record.Earliest(); break;
        }
        return ascending ? cmp < 0 : cmp > 0;
      });
      sort->SpecsDirty = false;
    }
    for (std::int32_t ci : m_claimOrder) {
      const Claim& c = m_dataset.claims[static_cast<std::size_t>(ci)];
      const ClaimSummary& s = m_analysis.claims[static_cast<std::size_t>(ci)];
      if (m_contestedOnly && s.worst != Verdict::Contradicts) continue;
      ImGui::PushID(ci);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(c.title.c_str(), ci == HighlightedClaim(), ImGuiSelectableFlags_SpanAllColumns)) {
        SelectClaim(ci);
        ZoomToClaim(ci);
      }
      ImGui::TableNextColumn();
      ImGui::Text("%d", s.sourceCount);
      ImGui::TableNextColumn();
      ImGui::TextColored(VerdictColorVec(*m_theme, s.worst), "%s", VerdictName(s.worst));
      ImGui::TableNextColumn();
      if (s.largestGapDays > 0) ImGui::TextUnformatted(FormatGap(s.largestGapDays).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.hasRecord ? FormatWritten(c.record).c_str() : "\xE2\x80\x94");
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

// [SECTION] Problems

void App::DrawProblemsWindow() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.6f, viewport->WorkSize.y * 0.3f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.2f, viewport->WorkPos.y + viewport->WorkSize.y * 0.6f),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Problems", &m_showProblems)) {
    ImGui::End();
    return;
  }
  ImGui::TextDisabled("Click a problem to select its event; double-click to open the file at its line.");
  for (std::size_t i = 0; i < m_problems.size(); ++i) {
    const Problem& p = m_problems[i];
    const std::string line = FormatProblem(p);
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, p.severity == Severity::Error ? ImVec4(0.7f, 0.1f, 0.05f, 1.f)
                                                                       : ImVec4(0.5f, 0.4f, 0.0f, 1.f));
    const std::int32_t source = p.sourceId.empty() ? -1 : m_dataset.FindSource(p.sourceId);
    const std::int32_t event = source < 0 || p.eventId.empty() ? -1 : m_dataset.FindEvent(source, p.eventId);
    if (ImGui::Selectable(line.c_str(), event >= 0 && event == m_selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (event >= 0) {
        Select(event);
        ZoomToEvent(event);
      }
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && p.line > 0) RevealInFile(p.file, p.line);
    }
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace parallax
