#include "timeline_data/edit_session.hpp"

#include <toml++/toml.h>

#include <algorithm>

namespace parallax {
namespace {

bool ParsesAsToml(const std::string& text) {
  try {
    (void)toml::parse(text);
    return true;
  } catch (const toml::parse_error&) {
    return false;
  }
}

// The smallest span that turns `before` into `after`: common prefix and suffix cut away.
TextChange MinimalChange(std::size_t file, const std::string& before, const std::string& after) {
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(before.size(), after.size());
  while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  TextChange change;
  change.file = file;
  change.offset = prefix;
  change.removed = before.substr(prefix, before.size() - prefix - suffix);
  change.inserted = after.substr(prefix, after.size() - prefix - suffix);
  return change;
}

}  // namespace

bool EditSession::Open(const std::filesystem::path& dir) {
  m_dir = dir;
  m_files.clear();
  m_undo.clear();
  m_redo.clear();
  // Which files make up the dataset comes from timeline.toml as it is on disk.
  const LoadResult first = LoadDataset(dir);
  std::vector<std::string> names = {"timeline.toml"};
  if (!first.dataset.claimsFile.empty()) names.push_back(first.dataset.claimsFile);
  if (!first.dataset.peopleFile.empty()) names.push_back(first.dataset.peopleFile);
  for (const Source& s : first.dataset.sources) names.push_back(s.file);
  for (const std::string& name : names) {
    FileBuffer buffer;
    buffer.name = name;
    std::string error;
    buffer.onDisk = ReadWholeFile(dir / name, buffer.diskText, error);
    buffer.text = buffer.diskText;
    buffer.modelText = buffer.text;
    m_files.push_back(std::move(buffer));
  }
  Rederive();
  return m_current.loaded;
}

std::int32_t EditSession::FileIndex(std::string_view name) const {
  for (std::size_t i = 0; i < m_files.size(); ++i)
    if (m_files[i].name == name) return static_cast<std::int32_t>(i);
  return -1;
}

bool EditSession::AnyDirty() const {
  return std::any_of(m_files.begin(), m_files.end(), [](const FileBuffer& f) { return f.Dirty(); });
}

void EditSession::Rederive() {
  // Files the session holds are read from their buffers; anything else (a file that timeline.toml
  // names only after an edit) from disk.
  m_current = LoadDataset(m_dir, [this](const std::filesystem::path& path, std::string& contents, std::string& error) {
    const std::string name = path.lexically_relative(m_dir).generic_string();
    const std::int32_t i = FileIndex(name);
    if (i < 0 || !m_files[static_cast<std::size_t>(i)].onDisk) return ReadWholeFile(path, contents, error);
    contents = m_files[static_cast<std::size_t>(i)].modelText;
    return true;
  });
}

PatchResult EditSession::Apply(std::string_view sourceId, std::string label,
                               const std::function<PatchResult(std::string&)>& patch) {
  PatchResult result;
  const std::int32_t s = Data().FindSource(sourceId);
  if (s < 0) {
    result.error = "no source '" + std::string(sourceId) + "'";
    return result;
  }
  const std::int32_t f = FileIndex(Data().sources[static_cast<std::size_t>(s)].file);
  if (f < 0) {
    result.error = "the file of source '" + std::string(sourceId) + "' is not open";
    return result;
  }
  return ApplyToFile(f, std::move(label), patch);
}

PatchResult EditSession::ApplyToFile(std::int32_t f, std::string label,
                                     const std::function<PatchResult(std::string&)>& patch) {
  PatchResult result;
  FileBuffer& buffer = m_files[static_cast<std::size_t>(f)];
  std::string edited = buffer.text;
  result = patch(edited);
  if (!result.ok) return result;
  if (edited == buffer.text) return result;  // nothing to record
  if (!ParsesAsToml(edited)) {
    // Never let an edit leave a file that does not parse: refuse it and keep the text as it was.
    result.ok = false;
    result.error = "the edit would make " + buffer.name + " invalid TOML; nothing was changed";
    return result;
  }
  EditStep step;
  step.label = std::move(label);
  step.changes.push_back(MinimalChange(static_cast<std::size_t>(f), buffer.text, edited));
  buffer.text = std::move(edited);
  buffer.modelText = buffer.text;  // a patch only ever produces text that parses
  buffer.dirty = buffer.text != buffer.diskText;
  m_undo.push_back(std::move(step));
  m_redo.clear();
  Rederive();
  return result;
}

PatchResult EditSession::SetField(std::string_view sourceId, std::string_view eventId, std::string_view key,
                                  const FieldValue& value) {
  return Apply(sourceId, "Edit " + std::string(key) + " of " + std::string(eventId),
               [&](std::string& text) { return SetEventField(text, eventId, key, value); });
}

PatchResult EditSession::RemoveField(std::string_view sourceId, std::string_view eventId, std::string_view key) {
  return Apply(sourceId, "Remove " + std::string(key) + " of " + std::string(eventId),
               [&](std::string& text) { return RemoveEventField(text, eventId, key); });
}

PatchResult EditSession::AddEvent(std::string_view sourceId, const Event& event) {
  const std::int32_t s = Data().FindSource(sourceId);
  if (s >= 0 && Data().FindEvent(s, event.id) >= 0) {
    PatchResult taken;
    taken.error = "event id '" + event.id + "' is already used in source '" + std::string(sourceId) + "'";
    return taken;
  }
  return Apply(sourceId, "New event " + event.id, [&](std::string& text) { return AppendEvent(text, event); });
}

PatchResult EditSession::RemoveEvent(std::string_view sourceId, std::string_view eventId) {
  return Apply(sourceId, "Delete " + std::string(eventId),
               [&](std::string& text) { return DeleteEvent(text, eventId); });
}

PatchResult EditSession::AddClaim(const std::string& id, const std::string& title, const std::string& record,
                                  const std::string& recordNote) {
  PatchResult result;
  const std::int32_t f = Data().claimsFile.empty() ? -1 : FileIndex(Data().claimsFile);
  if (f < 0) {
    result.error = "timeline.toml names no claims file";
    return result;
  }
  if (id.empty() || title.empty()) {
    result.error = "a claim needs an id and a title";
    return result;
  }
  if (Data().FindClaim(id) >= 0) {
    result.error = "claim id '" + id + "' is already used";
    return result;
  }
  if (!record.empty() && !ParseEdtf(record).ok) {
    result.error = "invalid record date " + ParseEdtf(record).errorMessage;
    return result;
  }
  std::vector<std::pair<std::string, FieldValue>> fields = {{"id", FieldValue::String(id)},
                                                            {"title", FieldValue::String(title)}};
  if (!record.empty()) fields.emplace_back("record", FieldValue::String(record));
  if (!recordNote.empty()) fields.emplace_back("record_note", FieldValue::String(recordNote));
  return ApplyToFile(f, "New claim " + id, [&](std::string& text) { return AppendArrayTable(text, "claim", fields); });
}

void EditSession::ApplyChange(const TextChange& change, bool forward) {
  std::string& text = m_files[change.file].text;
  const std::string& out = forward ? change.removed : change.inserted;
  const std::string& in = forward ? change.inserted : change.removed;
  text.replace(change.offset, out.size(), in);
  m_files[change.file].modelText = text;
  m_files[change.file].dirty = text != m_files[change.file].diskText;
}

const std::string& EditSession::UndoLabel() const {
  static const std::string None;
  return m_undo.empty() ? None : m_undo.back().label;
}

const std::string& EditSession::RedoLabel() const {
  static const std::string None;
  return m_redo.empty() ? None : m_redo.back().label;
}

bool EditSession::Undo() {
  if (m_undo.empty()) return false;
  EditStep step = std::move(m_undo.back());
  m_undo.pop_back();
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it) ApplyChange(*it, false);
  m_redo.push_back(std::move(step));
  Rederive();
  return true;
}

bool EditSession::Redo() {
  if (m_redo.empty()) return false;
  EditStep step = std::move(m_redo.back());
  m_redo.pop_back();
  for (const TextChange& change : step.changes) ApplyChange(change, true);
  m_undo.push_back(std::move(step));
  Rederive();
  return true;
}

void EditSession::TakeDiskVersion(std::size_t file, std::string diskText) {
  if (file >= m_files.size()) return;
  FileBuffer& buffer = m_files[file];
  buffer.diskText = std::move(diskText);
  buffer.text = buffer.diskText;
  buffer.onDisk = true;
  buffer.dirty = false;
  const bool parses = ParsesAsToml(buffer.text);
  if (parses || buffer.modelText.empty()) buffer.modelText = buffer.text;
  // Steps that touch this file no longer apply to its text.
  auto touches = [file](const EditStep& s) {
    return std::any_of(s.changes.begin(), s.changes.end(), [file](const TextChange& c) { return c.file == file; });
  };
  m_undo.erase(std::remove_if(m_undo.begin(), m_undo.end(), touches), m_undo.end());
  m_redo.erase(std::remove_if(m_redo.begin(), m_redo.end(), touches), m_redo.end());
  Rederive();
  if (!parses) {
    // Say why the file on disk is not shown as it is now, where its error is.
    const std::string display = (m_dir / buffer.name).string();
    try {
      (void)toml::parse(buffer.text, display);
    } catch (const toml::parse_error& e) {
      m_current.problems.insert(m_current.problems.begin(),
                                Problem{display, static_cast<int>(e.source().begin.line),
                                        static_cast<int>(e.source().begin.column), Severity::Error,
                                        "TOML syntax: " + std::string(e.description()) +
                                            " (showing the file's last good content)",
                                        {}, {}});
    }
  }
}

void EditSession::MarkSaved(std::size_t file) {
  if (file >= m_files.size()) return;
  m_files[file].diskText = m_files[file].text;
  m_files[file].onDisk = true;
  m_files[file].dirty = false;
}

}  // namespace parallax
