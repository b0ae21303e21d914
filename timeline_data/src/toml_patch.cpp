#include "timeline_data/toml_patch.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

namespace parallax {
namespace {

// Byte offset of (line, column), both 1-based as toml++ reports them: toml++ counts a line's columns
// in characters, so the column is walked over UTF-8 (a title with "Lenin’s" has more bytes than columns).
std::size_t Offset(std::string_view text, std::uint32_t line, std::uint32_t column) {
  std::size_t at = 0;
  for (std::uint32_t l = 1; l < line && at != std::string_view::npos; ++l) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos) return text.size();
  for (std::uint32_t c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;  // continuation bytes
  }
  return std::min(text.size(), at);
}

std::size_t LineBegin(std::string_view text, std::size_t at) {
  const std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t NextLine(std::string_view text, std::size_t at) {
  const std::size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

struct Located {
  toml::table root;
  const toml::table* event = nullptr;
  std::size_t index = 0;      // position in the [[event]] array
  std::size_t eventCount = 0;
};

std::optional<Located> Locate(const std::string& text, std::string_view eventId, PatchResult& result) {
  Located found;
  try {
    found.root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    result.error = "the file does not parse: " + std::string(e.description());
    return std::nullopt;
  }
  const toml::array* events = found.root["event"].as_array();
  if (events) found.eventCount = events->size();
  if (events && !eventId.empty()) {
    for (std::size_t i = 0; i < events->size(); ++i) {
      const toml::table* t = (*events)[i].as_table();
      const auto id = t ? t->get_as<std::string>("id") : nullptr;
      if (id && id->get() == eventId) {
        found.event = t;
        found.index = i;
        return found;
      }
    }
  }
  if (!eventId.empty()) {
    result.error = "no event '" + std::string(eventId) + "' in the file";
    return std::nullopt;
  }
  return found;
}

// The end of an event's table: the start of the next table header, or the end of the text. Trailing
// blank lines and the comments just above the next header stay with the next table.
std::size_t EventEnd(std::string_view text, const toml::table& event) {
  std::size_t last = Offset(text, event.source().begin.line, 1);
  for (auto&& [key, value] : event) {
    const std::size_t end = Offset(text, value.source().end.line, value.source().end.column);
    last = std::max(last, end);
  }
  return NextLine(text, last);
}

}  // namespace

std::string TomlString(std::string_view value, bool preferLiteral) {
  const bool multiLine = value.find('\n') != std::string_view::npos;
  const bool literalOk = value.find('\'') == std::string_view::npos && !multiLine &&
                         std::none_of(value.begin(), value.end(), [](char c) { return (c >= 0 && c < 0x20 && c != '\t') || c == 0x7F; });
  if (preferLiteral && literalOk) return "'" + std::string(value) + "'";
  std::string out = multiLine ? "\"\"\"\n" : "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += multiLine ? "\n" : "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if ((c >= 0 && c < 0x20) || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += multiLine ? "\"\"\"" : "\"";
  return out;
}

std::string TomlValue(const FieldValue& value, bool preferLiteral) {
  switch (value.kind) {
    case FieldValue::Kind::String: return TomlString(value.text, preferLiteral);
    case FieldValue::Kind::Integer: return std::to_string(value.integer);
    case FieldValue::Kind::StringArray: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.items.size(); ++i) out += (i ? ", " : "") + TomlString(value.items[i]);
      return out + "]";
    }
  }
  return {};
}

PatchResult SetEventField(std::string& text, std::string_view eventId, std::string_view key, const FieldValue& value) {
  PatchResult result;
  const auto found = Locate(text, eventId, result);
  if (!found) return result;
  const toml::table& event = *found->event;
  if (const toml::node* node = event.get(key)) {
    const std::size_t begin = Offset(text, node->source().begin.line, node->source().begin.column);
    const std::size_t end = Offset(text, node->source().end.line, node->source().end.column);
    const bool wasLiteral = begin < text.size() && text[begin] == '\'';
    text.replace(begin, end - begin, TomlValue(value, wasLiteral));
  } else {
    // After the event's last key line, in the file's own "key = value" form.
    const std::size_t at = EventEnd(text, event);
    std::string line = std::string(key) + " = " + TomlValue(value) + "\n";
    if (at > 0 && text[at - 1] != '\n') line.insert(line.begin(), '\n');
    text.insert(at, line);
  }
  result.ok = true;
  return result;
}

PatchResult RemoveEventField(std::string& text, std::string_view eventId, std::string_view key) {
  PatchResult result;
  const auto found = Locate(text, eventId, result);
  if (!found) return result;
  if (const toml::node* node = found->event->get(key)) {
    const toml::key* k = nullptr;
    for (auto&& [kk, vv] : *found->event)
      if (kk.str() == key) k = &kk;
    const std::size_t begin = LineBegin(text, Offset(text, k ? k->source().begin.line : node->source().begin.line, 1));
    const std::size_t end = NextLine(text, Offset(text, node->source().end.line, node->source().end.column));
    text.erase(begin, end - begin);
  }
  result.ok = true;
  return result;
}

std::vector<std::pair<std::string, FieldValue>> EventFields(const Event& e) {
  std::vector<std::pair<std::string, FieldValue>> f;
  f.emplace_back("id", FieldValue::String(e.id));
  f.emplace_back("title", FieldValue::String(e.title));
  f.emplace_back("date", FieldValue::String(e.dateRaw));
  if (e.date.calendar == Calendar::Julian) f.emplace_back("calendar", FieldValue::String("julian"));
  if (!e.dateText.empty()) f.emplace_back("date_text", FieldValue::String(e.dateText));
  f.emplace_back("basis", FieldValue::String(e.basis == Basis::Inferred ? "inferred" : "stated"));
  if (!e.claimId.empty()) f.emplace_back("claim", FieldValue::String(e.claimId));
  if (!e.quote.empty()) f.emplace_back("quote", FieldValue::String(e.quote));
  if (e.line > 0) f.emplace_back("line", FieldValue::Integer(e.line));
  f.emplace_back("tags", FieldValue::Array(e.tags));
  if (!e.note.empty()) f.emplace_back("note", FieldValue::String(e.note));
  if (e.voice == Voice::Editor) f.emplace_back("voice", FieldValue::String("editor"));
  return f;
}

PatchResult AppendArrayTable(std::string& text, std::string_view name,
                             const std::vector<std::pair<std::string, FieldValue>>& fields) {
  PatchResult result;
  if (!Locate(text, {}, result)) return result;
  std::string block;
  if (!text.empty() && text.back() != '\n') block += '\n';
  if (!text.empty()) block += '\n';  // a blank line between tables, as in the rest of the file
  block += "[[" + std::string(name) + "]]\n";
  for (const auto& [key, value] : fields) block += key + " = " + TomlValue(value) + "\n";
  text += block;
  result.ok = true;
  return result;
}

PatchResult AppendEvent(std::string& text, const Event& event) { return AppendArrayTable(text, "event", EventFields(event)); }

PatchResult DeleteEvent(std::string& text, std::string_view eventId) {
  PatchResult result;
  const auto found = Locate(text, eventId, result);
  if (!found) return result;
  const toml::table& event = *found->event;
  std::size_t begin = Offset(text, event.source().begin.line, 1);
  std::size_t end = EventEnd(text, event);
  // Take the blank lines after it along, so the file keeps one blank line between events.
  while (end < text.size() && (text[end] == '\n' || (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')))
    end += text[end] == '\r' ? 2 : 1;
  if (end == text.size()) {
    // The last event: remove the blank line before it instead.
    while (begin > 1 && text[begin - 1] == '\n' && text[begin - 2] == '\n') --begin;
  }
  text.erase(begin, end - begin);
  result.ok = true;
  return result;
}

}  // namespace parallax
