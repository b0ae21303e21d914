// Editing from the App: the details form, undo/redo, save, new/duplicate/delete. Every edit goes
// through the EditSession as a small text change; the model is re-derived and adopted.
#include "app.hpp"

#include "timeline_data/atomic_file.hpp"

#include <date/julian.h>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>  // environ

#include <cmath>
#include <cstdlib>
#include <ctime>
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
    if (std::any_of(m_conflicts.begin(), m_conflicts.end(), [i](const Conflict& c) { return c.file == i; })) {
      ok = false;
      errors += (errors.empty() ? "" : "\n") + f.name + ": changed on disk too; choose a version first";
      continue;
    }
    // Never write over a change made outside the app that has not been seen yet: make it a conflict.
    std::string disk;
    std::string readError;
    if (ReadWholeFile(m_session.Dir() / f.name, disk, readError) && disk != f.diskText) {
      m_conflicts.push_back(Conflict{i, std::move(disk)});
      ok = false;
      errors += (errors.empty() ? "" : "\n") + f.name + ": changed on disk since it was read; choose a version";
      continue;
    }
    const WriteResult written = WriteFileAtomically(m_session.Dir() / f.name, f.text);
    if (!written.ok) {
      ok = false;
      errors += (errors.empty() ? "" : "\n") + written.error;
      continue;  // the edits stay in memory
    }
    m_session.MarkSaved(i);  // our own write then reads back equal to diskText: not a change
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
  // Behind a dialog (a conflict, the quit prompt, a new claim) or during a drag, nothing edits.
  if (!m_conflicts.empty() || m_dragEvent >= 0 || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
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

// [SECTION] Files changed outside the app

void App::OnFilesChanged(const std::vector<std::filesystem::path>& changed) {
  bool adopt = false;
  for (const std::filesystem::path& path : changed) {
    const std::int32_t i = m_session.FileIndex(path.lexically_relative(m_session.Dir()).generic_string());
    if (i < 0) continue;
    const FileBuffer& buffer = m_session.Files()[static_cast<std::size_t>(i)];
    std::string disk;
    std::string error;
    if (!ReadWholeFile(path, disk, error)) continue;  // deleted or unreadable: keep what we have
    if (disk == buffer.diskText) continue;            // our own save, or a touch without change
    if (!buffer.Dirty()) {
      m_session.TakeDiskVersion(static_cast<std::size_t>(i), std::move(disk));
      adopt = true;
    } else {
      auto same = [i](const Conflict& c) { return c.file == static_cast<std::size_t>(i); };
      const auto it = std::find_if(m_conflicts.begin(), m_conflicts.end(), same);
      if (it != m_conflicts.end()) it->theirs = std::move(disk);
      else m_conflicts.push_back(Conflict{static_cast<std::size_t>(i), std::move(disk)});
    }
  }
  if (adopt) AdoptModel();
}

bool App::KeepMine() {
  if (m_conflicts.empty()) return false;
  const Conflict c = m_conflicts.front();
  const FileBuffer& buffer = m_session.Files()[c.file];
  const std::filesystem::path path = m_session.Dir() / buffer.name;
  const WriteResult written = WriteFileAtomically(path, buffer.text);
  if (!written.ok) {
    m_editError = written.error;
    return false;  // both versions are still there: theirs on disk, mine in memory
  }
  m_session.MarkSaved(c.file);
  m_conflicts.erase(m_conflicts.begin());
  m_editError.clear();
  return true;
}

bool App::TakeTheirs() {
  if (m_conflicts.empty()) return false;
  Conflict c = m_conflicts.front();
  m_conflicts.erase(m_conflicts.begin());
  m_session.TakeDiskVersion(c.file, std::move(c.theirs));
  AdoptModel();
  return true;
}

bool App::SaveMineAsCopy() {
  if (m_conflicts.empty()) return false;
  const FileBuffer& buffer = m_session.Files()[m_conflicts.front().file];
  // "<stem>.mine-YYYYMMDD-HHMMSS<ext>", beside the original; never overwrites an existing file.
  const std::filesystem::path original = m_session.Dir() / buffer.name;
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  std::filesystem::path copy;
  for (int n = 1;; ++n) {
    copy = original.parent_path() / (original.stem().string() + ".mine-" + stamp + (n > 1 ? "-" + std::to_string(n) : "") +
                                      original.extension().string());
    std::error_code ec;
    if (!std::filesystem::exists(copy, ec)) break;
  }
  const WriteResult written = WriteFileAtomically(copy, buffer.text);
  if (!written.ok) {
    m_editError = written.error;
    return false;
  }
  m_lastCopyPath = copy.string();
  return TakeTheirs();
}

void App::DrawConflictPrompt() {
  if (m_conflicts.empty()) return;
  if (!ImGui::IsPopupOpen("Changed on disk")) ImGui::OpenPopup("Changed on disk");
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const FileBuffer& buffer = m_session.Files()[m_conflicts.front().file];
  ImGui::Text("%s was changed outside Parallax while it has unsaved edits here.", buffer.name.c_str());
  ImGui::TextUnformatted("Which version do you want? Nothing is lost unless you choose so.");
  if (!m_editError.empty()) ImGui::TextColored(ImVec4(0.75f, 0.12f, 0.05f, 1.f), "%s", m_editError.c_str());
  bool done = false;
  if (ImGui::Button("Keep mine (overwrite the file)")) done = KeepMine();
  ImGui::SameLine();
  if (ImGui::Button("Take theirs (drop my edits)")) done = TakeTheirs();
  ImGui::SameLine();
  if (ImGui::Button("Save mine as a copy, take theirs")) done = SaveMineAsCopy();
  if (done) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// [SECTION] Moving an event in time

std::string App::SnappedDate(std::int32_t event, double day) const {
  // The day under the pointer, read in the event's own calendar, cut to the tick unit on screen
  // (a Julian event dropped in April 1917 becomes "1917-04" Old Style).
  const Event& e = m_dataset.events[static_cast<std::size_t>(event)];
  const date::sys_days at = FromDayNumber(static_cast<std::int32_t>(std::floor(day)));
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (e.date.calendar == Calendar::Julian) {
    const julian::year_month_day j{at};
    y = static_cast<int>(j.year());
    m = static_cast<unsigned>(j.month());
    d = static_cast<unsigned>(j.day());
  } else {
    const date::year_month_day g{at};
    y = static_cast<int>(g.year());
    m = static_cast<unsigned>(g.month());
    d = static_cast<unsigned>(g.day());
  }
  char buf[32];
  switch (m_ticks->step.unit) {
    case TickUnit::Day: std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d); break;
    case TickUnit::Month: std::snprintf(buf, sizeof buf, "%04d-%02u", y, m); break;
    case TickUnit::Year: std::snprintf(buf, sizeof buf, "%04d", y); break;
  }
  return buf;
}

// [SECTION] Reveal in file

int App::RevealInFile(const std::string& file, int line) {
  const std::string where = file + ":" + std::to_string(line);
  ImGui::SetClipboardText(where.c_str());
  m_revealMessage = "Copied " + where;
  const char* visual = std::getenv("VISUAL");
  const char* editor = visual && *visual ? visual : std::getenv("EDITOR");
  if (!editor || !*editor) {
    m_revealMessage += " (set $VISUAL or $EDITOR to open it)";
    return 0;
  }
  // The shell splits the variable ("code -w" works) and runs the editor in the background, so that
  // Parallax neither waits for it nor leaves a zombie: the shell itself exits at once.
  const std::string lineArg = std::to_string(line);
  const char* argv[] = {"/bin/sh", "-c", "${VISUAL:-$EDITOR} +\"$1\" \"$2\" >/dev/null 2>&1 &", "sh",
                        lineArg.c_str(), file.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    m_revealMessage += " (could not start the editor)";
    return 0;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  m_revealMessage += " and opened it in " + std::string(editor);
  return static_cast<int>(pid);
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
      auto end = [](const EdtfBound& b, date::sys_days day) {
        return b.kind == BoundKind::Known ? FormatIsoDay(day) : std::string(b.kind == BoundKind::Open ? "open" : "unknown");
      };
      f.interpretation = "earliest " + end(v.start, v.Earliest()) + " \xC2\xB7 latest " + end(v.end, v.Latest()) +
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
    if (ImGui::Selectable("+ New claim...")) {
      f.newClaimTitle = f.claimFilter;
      f.newClaimId.clear();
      f.newClaimRecord.clear();
      f.newClaimNote.clear();
      m_openNewClaim = true;
    }
    ImGui::EndCombo();
  }
  if (m_openNewClaim) {
    ImGui::OpenPopup("New claim");
    m_openNewClaim = false;
  }
  if (ImGui::BeginPopupModal("New claim", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextDisabled("A happening several sources date. It is added to %s.", m_dataset.claimsFile.c_str());
    ImGui::InputText("id", &f.newClaimId);
    ImGui::InputText("title", &f.newClaimTitle);
    const bool recordOk = f.newClaimRecord.empty() || ParseEdtf(f.newClaimRecord).ok;
    {
      InvalidMark bad(!recordOk);
      ImGui::InputTextWithHint("record", "EDTF, as historians establish it", &f.newClaimRecord);
    }
    ImGui::InputText("record note", &f.newClaimNote);
    const bool idTaken = m_dataset.FindClaim(f.newClaimId) >= 0;
    if (idTaken) ImGui::TextColored(ImVec4(0.75f, 0.12f, 0.05f, 1.f), "That id is already used.");
    ImGui::BeginDisabled(f.newClaimId.empty() || f.newClaimTitle.empty() || !recordOk || idTaken);
    if (ImGui::Button("Add and link")) {
      const std::string claimId = f.newClaimId;
      AfterEdit(m_session.AddClaim(claimId, f.newClaimTitle, f.newClaimRecord, f.newClaimNote));
      if (m_editError.empty()) {
        f.claim = claimId;
        set("claim", FieldValue::String(claimId));
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  FieldLabel("Quote (verbatim)");
  ImGui::InputTextMultiline("##quote", &f.quote, ImVec2(width, ImGui::GetTextLineHeight() * 4.f),
                            ImGuiInputTextFlags_NoHorizontalScroll);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    if (f.quote.empty()) unset("quote");
    else set("quote", FieldValue::String(f.quote));
  }
  // ImGui 1.86's multi-line field does not wrap words: show the quote wrapped as well, to read it.
  if (!f.quote.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", f.quote.c_str());
    ImGui::PopStyleColor();
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
