#pragma once
// Edits a source file's TOML *text* in place, so that saving changes only what was edited: comments,
// key order, blank lines and quoting style everywhere else keep their bytes. toml++ gives the source
// span of every value; an edit replaces exactly that span, inserts one line, or removes one table.

#include "timeline_data/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// A field value as the editor produces it.
struct FieldValue {
  enum class Kind { String, Integer, StringArray } kind = Kind::String;
  std::string text;
  long long integer = 0;
  std::vector<std::string> items;

  static FieldValue String(std::string s) { return FieldValue{Kind::String, std::move(s), 0, {}}; }
  static FieldValue Integer(long long i) { return FieldValue{Kind::Integer, {}, i, {}}; }
  static FieldValue Array(std::vector<std::string> v) { return FieldValue{Kind::StringArray, {}, 0, std::move(v)}; }
};

// A TOML string for `value`: a literal string ('...') when `preferLiteral` and the value allows it,
// else a basic string ("...") with escapes; multi-line values become """...""" strings.
std::string TomlString(std::string_view value, bool preferLiteral = false);
std::string TomlValue(const FieldValue& value, bool preferLiteral = false);

struct PatchResult {
  bool ok = false;
  std::string error;  // why not (the event is not in the text, the text does not parse, ...)
};

// Sets `key` of the [[event]] whose id is `eventId`: replaces the value's span when the key exists
// (keeping its quoting style where possible), or inserts `key = value` after the event's last key.
PatchResult SetEventField(std::string& text, std::string_view eventId, std::string_view key, const FieldValue& value);
// Removes the line of `key` from that event (no-op when absent).
PatchResult RemoveEventField(std::string& text, std::string_view eventId, std::string_view key);
// Appends a new [[event]] at the end, keys in the dataset's usual order, in the file's style.
PatchResult AppendEvent(std::string& text, const Event& event);
// Appends a [[name]] table with these keys (AppendEvent is this with "event").
PatchResult AppendArrayTable(std::string& text, std::string_view name,
                             const std::vector<std::pair<std::string, FieldValue>>& fields);
// Removes the whole [[event]] table (from its header to the next table or the end of the file).
PatchResult DeleteEvent(std::string& text, std::string_view eventId);

// The TOML key/value pairs of an event in the dataset's usual key order (for AppendEvent and tests).
std::vector<std::pair<std::string, FieldValue>> EventFields(const Event& event);

}  // namespace parallax
