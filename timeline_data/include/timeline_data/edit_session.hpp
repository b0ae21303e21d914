#pragma once
// An editing session over a dataset folder. The files' TEXT is the truth: every edit is a small text
// change (so saving rewrites only what was edited, and comments, key order and quoting survive), the
// model is re-derived from the text after each change, and undo/redo replay the text changes exactly.

#include "timeline_data/loader.hpp"
#include "timeline_data/toml_patch.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace parallax {

struct FileBuffer {
  std::string name;      // as named in timeline.toml, relative to the dataset folder
  std::string diskText;  // the bytes on disk when last read or saved
  std::string text;      // the current text, with unsaved edits
  // The text the model is derived from: `text`, or the last version that parsed when `text` does
  // not (a file broken on disk keeps its last good content on screen while its error is shown).
  std::string modelText;
  bool onDisk = false;   // false when the file could not be read
  bool dirty = false;    // text != diskText, kept up to date by the session (frames ask it often)
  bool Dirty() const { return dirty; }
};

// One span of one file replaced: enough to apply a change and to undo it.
struct TextChange {
  std::size_t file = 0;
  std::size_t offset = 0;
  std::string removed;
  std::string inserted;
};

struct EditStep {
  std::string label;  // "Edit date of ch2-plenum-3-april", for the Undo menu
  std::vector<TextChange> changes;
};

class EditSession {
 public:
  // Reads the dataset's files into buffers and derives the model. False when timeline.toml itself
  // cannot be read or parsed (the problems say why).
  bool Open(const std::filesystem::path& dir);

  const LoadResult& Current() const { return m_current; }
  const Dataset& Data() const { return m_current.dataset; }
  const std::vector<FileBuffer>& Files() const { return m_files; }
  const std::filesystem::path& Dir() const { return m_dir; }
  bool AnyDirty() const;
  // Index of the buffer of a file name, or -1.
  std::int32_t FileIndex(std::string_view name) const;

  // [SECTION] Edits: each is one undo step; on failure nothing changes and `error` says why.
  PatchResult SetField(std::string_view sourceId, std::string_view eventId, std::string_view key, const FieldValue& value);
  PatchResult RemoveField(std::string_view sourceId, std::string_view eventId, std::string_view key);
  PatchResult AddEvent(std::string_view sourceId, const Event& event);
  PatchResult RemoveEvent(std::string_view sourceId, std::string_view eventId);
  // A new claim, appended to the claims file (an empty record is left out: historians give none).
  PatchResult AddClaim(const std::string& id, const std::string& title, const std::string& record,
                       const std::string& recordNote);

  bool CanUndo() const { return !m_undo.empty(); }
  bool CanRedo() const { return !m_redo.empty(); }
  const std::string& UndoLabel() const;
  const std::string& RedoLabel() const;
  bool Undo();
  bool Redo();

  // [SECTION] Changes made on disk by someone else
  // Replaces a buffer with new disk contents (dropping its unsaved edits and their undo steps). When
  // the new text does not parse, the model keeps the file's last good content and the problem is
  // reported at the error's line and column.
  void TakeDiskVersion(std::size_t file, std::string diskText);
  // Marks the buffer as saved with `diskText` on disk (after a successful write).
  void MarkSaved(std::size_t file);

 private:
  PatchResult Apply(std::string_view sourceId, std::string label,
                    const std::function<PatchResult(std::string&)>& patch);
  PatchResult ApplyToFile(std::int32_t file, std::string label, const std::function<PatchResult(std::string&)>& patch);
  void ApplyChange(const TextChange& change, bool forward);
  void Rederive();

  std::filesystem::path m_dir;
  std::vector<FileBuffer> m_files;
  LoadResult m_current;
  std::vector<EditStep> m_undo;
  std::vector<EditStep> m_redo;
};

}  // namespace parallax
