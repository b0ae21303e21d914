#pragma once
// The data model: a dataset of sources, their dated events, and the claims that link events about
// the same happening across sources. Plain structs; functions elsewhere transform them.

#include "timeline_data/edtf.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace parallax {

// Where something stands in its TOML file (1-based; 0 = unknown).
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class Basis : std::uint8_t { Stated, Inferred };   // the source gives the date / it is derived
enum class Voice : std::uint8_t { Author, Editor };     // whose words: the author's or an editor's insertion

struct Source {
  std::string id;
  std::string title;
  std::string author;
  std::string kind;        // e.g. "memoir", "history", "essay", "blog"
  std::string writtenText; // EDTF as written in the file
  EdtfInterval written;
  std::string textFile;    // file name of the full text
  std::uint32_t color = 0x888888;  // 0xRRGGBB
  std::string file;        // the source's TOML file, as named in timeline.toml
  SourcePos pos;           // the [source] table
};

struct Event {
  std::string id;          // unique within its source
  std::string title;
  std::string dateRaw;     // EDTF as written in the file
  EdtfInterval date;
  // False when `dateRaw` is missing or invalid: the event is kept (so the editor can fix it and the
  // Problems panel can select it) but it has no place on the timeline and takes no part in verdicts.
  bool dateValid = true;
  std::string dateText;    // the source's own words for the date
  Basis basis = Basis::Stated;
  Voice voice = Voice::Author;
  std::string claimId;     // empty when the event speaks to no claim
  std::int32_t claim = -1; // index into Dataset::claims, -1 for none
  std::string quote;
  int line = 0;            // 1-based line of the quote in the source's text
  std::vector<std::string> tags;
  std::string note;
  std::int32_t source = -1; // index into Dataset::sources
  SourcePos pos;           // the [[event]] table in the source's TOML file
};

struct Claim {
  std::string id;
  std::string title;
  std::string recordRaw;   // EDTF as written; empty when historians give no date
  EdtfInterval record;
  bool hasRecord = false;
  std::string recordNote;
  std::vector<std::int32_t> events;  // indices into Dataset::events, in dataset order
  SourcePos pos;
};

struct Person {
  std::string name;        // canonical, used in tags
  std::string fullName;
  std::vector<std::string> aliases;
};

struct Dataset {
  std::string dir;         // the dataset folder
  std::string title;
  std::string viewRaw;
  EdtfInterval view;       // the default view
  std::vector<Source> sources;
  std::vector<Event> events;   // grouped by source, in file order within a source
  std::vector<Claim> claims;
  std::vector<Person> people;
  std::string claimsFile;  // as named in timeline.toml ("" when none)
  std::string peopleFile;

  // Index of the source/claim with this id, or -1.
  std::int32_t FindSource(std::string_view id) const;
  std::int32_t FindClaim(std::string_view id) const;
  // Index of the event with this (source, id), or -1.
  std::int32_t FindEvent(std::int32_t source, std::string_view id) const;
  int EventCount(std::int32_t source) const;
};

}  // namespace parallax
