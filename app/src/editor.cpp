// Editing from the App: the details form, undo/redo, save, new/duplicate/delete. Every edit goes
// through the EditSession as a small text change; the model is re-derived and adopted.
#include "app.hpp"

#include "timeline_data/atomic_file.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace parallax {
namespace {

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  std::stringstream in(text);
  for (std::string tag; std::getline(in, tag, ',');) {
    const std::size_t a = tag.find_first_not_of(" \t");
    const std::size_t b = tag.find_last_not_of(" \t");
    if (a != std::string::npos) tags.push_back(tag.substr(a, b - a + 1));
  }
  return tags;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) out += (out.empty() ? "" : ", ") + t;
  return out;
}

// Marks an invalid field in place: a red frame for the next widget.
struct InvalidMark {
  bool on;
  explicit InvalidMark(bool invalid) : on(invalid) {
    if (on) {
      ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1.f, 0.85f, 0.82f, 1.f));
      ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.8f, 0.15f, 0.1f, 1.f));
      ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
  }
  ~InvalidMark() {
    if (on) {
      ImGui::PopStyleVar();
      ImGui::PopStyleColor(2);
    }
  }
};

void FieldLabel(const char* label) {
  ImGui::TextDisabled("%s", label);
}

}  // namespace

// [SECTION] Applying edits

void App::AfterEdit(const PatchResult& result) {
  if (!result.ok) {
    m_editError = result.error;
    return;
  }
  m_editError.clear();
  AdoptModel();
}

void App::UndoEdit() {
  if (m_session.Undo()) AdoptModel();
}

void App::RedoEdit() {
  if (m_session.Redo()) AdoptModel();
}

bool App::SaveAll() {
  bool ok = true;
  std::string errors;
  for (std::size_t i = 0; i < m_session.Files().size(); ++i) {
    const FileBuffer& f = m_session.Files()[i];
    if (!f.Dirty()) continue;  // only the files that changed are written
    const WriteResult written = WriteFileAtomically(m_session.Dir() / f.name, f.text);
    if (!written.ok) {
      ok = false;
      errors += (errors.empty() ? "" : "\n") + written.error;
      continue;  // the edits stay in memory
    }
    if (m_onOwnWrite) m_onOwnWrite(m_session.Dir() / f.name);
    m_session.MarkSaved(i);
  }
  m_editError = ok ? std::string() : "Not saved: " + errors;
  return ok;
}

void App::CreateEventAt(std::int32_t source, std::int32_t day) {
  if (source < 0 || source >= static_cast<std::int32_t>(m_dataset.sources.size())) return;
  Event e;
  const std::string iso = FormatIsoDay(FromDayNumber(day));
  for (int n = 1;; ++n) {
    e.id = "new-" + iso + (n > 1 ? "-" + std::to_string(n) : "");
    if (m_dataset.FindEvent(source, e.id) < 0) break;
  }
  e.title = "New event";
  e.dateRaw = iso;
  e.date = ParseEdtf(iso).value;
  const std::string sourceId = m_dataset.sources[static_cast<std::size_t>(source)].id;
  AfterEdit(m_session.AddEvent(sourceId, e));
  if (m_editError.empty()) Select(m_dataset.FindEvent(m_dataset.FindSource(sourceId), e.id));
}

void App::DuplicateSelected() {
  if (m_selected < 0) return;
  Event e = m_dataset.events[static_cast<std::size_t>(m_selected)];
  const std::string sourceId = m_dataset.sources[static_cast<std::size_t>(e.source)].id;
  const std::string base = e.id + "-copy";
  for (int n = 1;; ++n) {
    e.id = base + (n > 1 ? "-" + std::to_string(n) : "");
    if (m_dataset.FindEvent(e.source, e.id) < 0) break;
  }
  AfterEdit(m_session.AddEvent(sourceId, e));
  if (m_editError.empty()) Select(m_dataset.FindEvent(m_dataset.FindSource(sourceId), e.id));
}

void App::DeleteSelected() {
  if (m_selected < 0) return;
  const Event& e = m_dataset.events[static_cast<std::size_t>(m_selected)];
  const std::string sourceId = m_dataset.sources[static_cast<std::size_t>(e.source)].id;
  const std::string id = e.id;
  m_selected = -1;
  AfterEdit(m_session.RemoveEvent(sourceId, id));
}

void App::HandleEditKeys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // the text field has the keys (and its own undo)
  if (io.KeyCtrl && ImGui::IsKeyPressed('Z', false)) {
    if (io.KeyShift) RedoEdit();
    else UndoEdit();
  }
  if (io.KeyCtrl && ImGui::IsKeyPressed('Y', false)) RedoEdit();
  if (io.KeyCtrl && ImGui::IsKeyPressed('S', false)) SaveAll();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) && m_selected >= 0) DeleteSelected();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Insert), false)) {
    // A new event in the selected event's source (or the first), in the middle of the view.
    const std::int32_t source = m_selected >= 0 ? m_dataset.events[static_cast<std::size_t>(m_selected)].source : 0;
    CreateEventAt(source, static_cast<std::int32_t>((m_view.startDay + m_view.endDay) * 0.5));
  }
}

// [SECTION] The form

void App::DrawEventForm(std::int32_t event) {
  const Event& e = m_dataset.events[static_cast<std::size_t>(event)];
  const Source& source = m_dataset.sources[static_cast<std::size_t>(e.source)];
  FormState& f = m_form;
  if (f.event != event || f.generation != m_modelGeneration) {
    // Refill from the model (a new selection, an edit, an undo, a reload).
    f.event = event;
    f.generation = m_modelGeneration;
    f.title = e.title;
    f.date = e.dateRaw;
    f.dateText = e.dateText;
    f.claim = e.claimId;
    f.quote = e.quote;
    f.tags = JoinTags(e.tags);
    f.note = e.note;
    f.line = e.line;
    f.calendar = e.date.calendar == Calendar::Julian ? 1 : 0;
    f.basis = e.basis == Basis::Inferred ? 1 : 0;
    f.voice = e.voice == Voice::Editor ? 1 : 0;
    f.parsedCalendar = -1;  // re-read the date
  }
  const std::string& sid = source.id;
  const std::string id = e.id;  // `e` may move when the model changes below
  auto set = [&](const char* key, const FieldValue& value) { AfterEdit(m_session.SetField(sid, id, key, value)); };
  auto unset = [&](const char* key) { AfterEdit(m_session.RemoveField(sid, id, key)); };
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushItemWidth(width);

  FieldLabel("Title");
  {
    InvalidMark bad(f.title.empty());
    ImGui::InputText("##title", &f.title);
  }
  if (ImGui::IsItemDeactivatedAfterEdit() && !f.title.empty()) set("title", FieldValue::String(f.title));

  FieldLabel("Date (EDTF)");
  {
    InvalidMark bad(!f.dateValid && f.parsedCalendar >= 0);
    ImGui::InputText("##date", &f.date);
  }
  const bool dateCommitted = ImGui::IsItemDeactivatedAfterEdit();
  if (f.date != f.parsedDate || f.calendar != f.parsedCalendar) {
    // Read the date as it is typed: the interpretation under the field follows every keystroke.
    f.parsedDate = f.date;
    f.parsedCalendar = f.calendar;
    const EdtfParseResult parsed = ParseEdtf(f.date, f.calendar == 1 ? Calendar::Julian : Calendar::Gregorian);
    f.dateValid = parsed.ok;
    if (parsed.ok) {
      const EdtfInterval& v = parsed.value;
      std::string precision = PrecisionName(v.start.precision);
      if (v.isInterval && v.end.precision != v.start.precision) precision += std::string("/") + PrecisionName(v.end.precision);
      f.interpretation = "earliest " + (v.start.kind == BoundKind::Known ? FormatIsoDay(v.Earliest()) : std::string("open")) +
                         " \xC2\xB7 latest " + (v.end.kind == BoundKind::Known ? FormatIsoDay(v.Latest()) : std::string("open")) +
                         " \xC2\xB7 " + precision + " precision";
      if (v.calendar == Calendar::Julian) f.interpretation += "\n" + FormatWithBothCalendars(v);
    } else {
      f.interpretation = parsed.errorMessage + " (not saved)";
    }
  }
  if (dateCommitted && f.dateValid) set("date", FieldValue::String(f.date));
  if (f.dateValid) {
    ImGui::TextDisabled("%s", f.interpretation.c_str());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.12f, 0.05f, 1.f));
    ImGui::TextWrapped("%s", f.interpretation.c_str());
    ImGui::PopStyleColor();
  }

  ImGui::PushItemWidth(width * 0.32f);
  static const char* const Calendars[] = {"gregorian", "julian (Old Style)"};
  if (ImGui::Combo("##calendar", &f.calendar, Calendars, 2)) {
    if (ParseEdtf(f.date, f.calendar == 1 ? Calendar::Julian : Calendar::Gregorian).ok) {
      if (f.calendar == 1) set("calendar", FieldValue::String("julian"));
      else unset("calendar");
    }
  }
  ImGui::SameLine();
  static const char* const Bases[] = {"stated", "inferred"};
  if (ImGui::Combo("##basis", &f.basis, Bases, 2)) set("basis", FieldValue::String(Bases[f.basis]));
  ImGui::SameLine();
  static const char* const Voices[] = {"author", "editor"};
  if (ImGui::Combo("##voice", &f.voice, Voices, 2)) {
    if (f.voice == 1) set("voice", FieldValue::String("editor"));
    else unset("voice");
  }
  ImGui::PopItemWidth();

  FieldLabel("As written (date_text)");
  ImGui::InputText("##date_text", &f.dateText);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    if (f.dateText.empty()) unset("date_text");
    else set("date_text", FieldValue::String(f.dateText));
  }

  FieldLabel("Claim");
  const std::int32_t claimIndex = f.claim.empty() ? -1 : m_dataset.FindClaim(f.claim);
  const std::string preview = claimIndex >= 0 ? m_dataset.claims[static_cast<std::size_t>(claimIndex)].title
                                               : (f.claim.empty() ? "(none)" : f.claim + " (unknown)");
  if (ImGui::BeginCombo("##claim", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    // Searchable: type to filter by title or id.
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##filter", "search claims", &f.claimFilter);
    if (ImGui::Selectable("(none)", f.claim.empty())) {
      f.claim.clear();
      unset("claim");
    }
    std::string filter = f.claimFilter;
    std::transform(filter.begin(), filter.end(), filter.begin(), [](unsigned char c) { return std::tolower(c); });
    for (std::size_t c = 0; c < m_dataset.claims.size(); ++c) {
      const Claim& claim = m_dataset.claims[c];
      std::string hay = claim.title + " " + claim.id;
      std::transform(hay.begin(), hay.end(), hay.begin(), [](unsigned char ch) { return std::tolower(ch); });
      if (!filter.empty() && hay.find(filter) == std::string::npos) continue;
      if (ImGui::Selectable(claim.title.c_str(), claim.id == f.claim)) {
        f.claim = claim.id;
        set("claim", FieldValue::String(claim.id));
      }
    }
    ImGui::EndCombo();
  }

  FieldLabel("Quote (verbatim)");
  ImGui::InputTextMultiline("##quote", &f.quote, ImVec2(width, ImGui::GetTextLineHeight() * 4.f),
                            ImGuiInputTextFlags_NoHorizontalScroll);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    if (f.quote.empty()) unset("quote");
    else set("quote", FieldValue::String(f.quote));
  }
  FieldLabel("Line of the quote in the text");
  {
    InvalidMark bad(f.line < 1);
    ImGui::InputInt("##line", &f.line);
  }
  if (ImGui::IsItemDeactivatedAfterEdit() && f.line >= 1) set("line", FieldValue::Integer(f.line));
  FieldLabel("Tags (comma-separated)");
  ImGui::InputText("##tags", &f.tags);
  if (ImGui::IsItemDeactivatedAfterEdit()) set("tags", FieldValue::Array(SplitTags(f.tags)));
  FieldLabel("Note");
  ImGui::InputTextMultiline("##note", &f.note, ImVec2(width, ImGui::GetTextLineHeight() * 3.f));
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    if (f.note.empty()) unset("note");
    else set("note", FieldValue::String(f.note));
  }
  ImGui::PopItemWidth();
  if (!m_editError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.12f, 0.05f, 1.f));
    ImGui::TextWrapped("%s", m_editError.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace parallax
