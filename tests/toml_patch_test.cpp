// Editing TOML text in place: only what was edited changes.
#include "timeline_data/loader.hpp"
#include "timeline_data/toml_patch.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace parallax {
namespace {

const std::string Original = R"(# Volkogonov, chapter II
[source]
id = "v"
title = "T"
author = "A"
color = "#4477AA"

# --- The General Secretary ---

[[event]]
id = "gensec"
title = "Plenum elects Stalin"   # the election itself
date = "1922-04-03"
date_text = 'held on 3 April'
basis = "stated"
quote = """A quote that
spans two lines"""
line = 999
tags = ["Stalin", "general-secretary"]

[[event]]
id = "pravda"
title = "Pravda reports it"
date = "1922-04-04"
tags = []
)";

TEST(TomlPatch, OneFieldEditChangesOnlyThatValue) {
  std::string text = Original;
  ASSERT_TRUE(SetEventField(text, "gensec", "date", FieldValue::String("1922-04-02")).ok);
  std::string expected = Original;
  expected.replace(expected.find("\"1922-04-03\""), 12, "\"1922-04-02\"");
  EXPECT_EQ(text, expected);
}

TEST(TomlPatch, KeepsLiteralQuotingAndTrailingComments) {
  std::string text = Original;
  ASSERT_TRUE(SetEventField(text, "gensec", "date_text", FieldValue::String("on 3 April")).ok);
  ASSERT_TRUE(SetEventField(text, "gensec", "title", FieldValue::String("Plenum elects \"Koba\"")).ok);
  std::string expected = Original;
  expected.replace(expected.find("'held on 3 April'"), 17, "'on 3 April'");
  expected.replace(expected.find("\"Plenum elects Stalin\""), 22, "\"Plenum elects \\\"Koba\\\"\"");
  EXPECT_EQ(text, expected);
  EXPECT_NE(text.find("# the election itself"), std::string::npos);
}

TEST(TomlPatch, ReplacesMultiLineStringsAndArrays) {
  std::string text = Original;
  ASSERT_TRUE(SetEventField(text, "gensec", "quote", FieldValue::String("One line now")).ok);
  ASSERT_TRUE(SetEventField(text, "gensec", "tags", FieldValue::Array({"Stalin"})).ok);
  ASSERT_TRUE(SetEventField(text, "gensec", "line", FieldValue::Integer(1000)).ok);
  std::string expected = Original;
  expected.replace(expected.find("\"\"\"A quote"), std::string("\"\"\"A quote that\nspans two lines\"\"\"").size(), "\"One line now\"");
  expected.replace(expected.find("[\"Stalin\", \"general-secretary\"]"), 31, "[\"Stalin\"]");
  expected.replace(expected.find("999"), 3, "1000");
  EXPECT_EQ(text, expected);
}

TEST(TomlPatch, InsertsAMissingKeyAfterTheEventsLastLine) {
  std::string text = Original;
  ASSERT_TRUE(SetEventField(text, "pravda", "note", FieldValue::String("The announcement")).ok);
  EXPECT_EQ(text, Original + "note = \"The announcement\"\n");
  text = Original;
  ASSERT_TRUE(SetEventField(text, "gensec", "claim", FieldValue::String("gensec")).ok);
  std::string expected = Original;
  const std::string after = "tags = [\"Stalin\", \"general-secretary\"]\n";
  expected.insert(expected.find(after) + after.size(), "claim = \"gensec\"\n");
  EXPECT_EQ(text, expected);
}

TEST(TomlPatch, RemovesAKeyLine) {
  std::string text = Original;
  ASSERT_TRUE(RemoveEventField(text, "gensec", "date_text").ok);
  std::string expected = Original;
  expected.erase(expected.find("date_text"), std::string("date_text = 'held on 3 April'\n").size());
  EXPECT_EQ(text, expected);
}

TEST(TomlPatch, AppendsAndDeletesEventsCleanly) {
  Event e;
  e.id = "new-one";
  e.title = "A new event";
  e.dateRaw = "1923-04";
  e.date = ParseEdtf("1923-04").value;
  e.dateText = "in April 1923";
  e.tags = {"Stalin"};
  e.line = 5;
  std::string text = Original;
  ASSERT_TRUE(AppendEvent(text, e).ok);
  EXPECT_EQ(text, Original +
                      "\n[[event]]\nid = \"new-one\"\ntitle = \"A new event\"\ndate = \"1923-04\"\ndate_text = \"in April "
                      "1923\"\nbasis = \"stated\"\nline = 5\ntags = [\"Stalin\"]\n");
  // Deleting it again restores the original bytes.
  ASSERT_TRUE(DeleteEvent(text, "new-one").ok);
  EXPECT_EQ(text, Original);
  // Deleting a middle event keeps the section comment with the event after it.
  text = Original;
  ASSERT_TRUE(DeleteEvent(text, "gensec").ok);
  EXPECT_EQ(text.find("id = \"gensec\""), std::string::npos);
  EXPECT_NE(text.find("# --- The General Secretary ---\n\n[[event]]\nid = \"pravda\""), std::string::npos);
}

TEST(TomlPatch, AnAppendedEventParsesBackToTheSameModel) {
  const auto dir = std::filesystem::temp_directory_path() / "parallax_patch_roundtrip";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "timeline.toml") << "title = \"t\"\nsources = [\"v.toml\"]\n";
  Event e;
  e.id = "x1";
  e.title = "Quotes \"and\" back\\slashes, tabs\tand 'apostrophes'";
  e.dateRaw = "1917-10-25";
  e.date = ParseEdtf("1917-10-25", Calendar::Julian).value;
  e.dateText = "25 October";
  e.basis = Basis::Inferred;
  e.note = "Old Style";
  e.quote = "Line one\nline two";
  e.line = 42;
  e.tags = {"Lenin", "revolution-1917"};
  e.voice = Voice::Editor;
  std::string text = Original;
  ASSERT_TRUE(AppendEvent(text, e).ok);
  std::ofstream(dir / "v.toml") << text;
  const LoadResult loaded = LoadDataset(dir);
  for (const Problem& p : loaded.problems) ADD_FAILURE() << FormatProblem(p);
  const std::int32_t i = loaded.dataset.FindEvent(0, "x1");
  ASSERT_GE(i, 0);
  const Event& back = loaded.dataset.events[static_cast<std::size_t>(i)];
  EXPECT_EQ(back.title, e.title);
  EXPECT_EQ(back.dateRaw, e.dateRaw);
  EXPECT_EQ(back.date.calendar, Calendar::Julian);
  EXPECT_EQ(back.date.Earliest(), e.date.Earliest());
  EXPECT_EQ(back.dateText, e.dateText);
  EXPECT_EQ(back.basis, e.basis);
  EXPECT_EQ(back.note, e.note);
  EXPECT_EQ(back.quote, e.quote);
  EXPECT_EQ(back.line, e.line);
  EXPECT_EQ(back.tags, e.tags);
  EXPECT_EQ(back.voice, e.voice);
  std::filesystem::remove_all(dir);
}

TEST(TomlPatch, NonAsciiValuesAreReplacedWhole) {
  // toml++ counts columns in characters: a value after (or containing) multi-byte UTF-8 must still
  // be replaced byte-exactly.
  const std::string text = "[[event]]\nid = \"x\"\ntitle = \"Lenin’s «testament» — Ленин\"\nnote = \"après\"  # é\n";
  std::string edited = text;
  ASSERT_TRUE(SetEventField(edited, "x", "title", FieldValue::String("New")).ok);
  EXPECT_EQ(edited, "[[event]]\nid = \"x\"\ntitle = \"New\"\nnote = \"après\"  # é\n");
  ASSERT_TRUE(SetEventField(edited, "x", "note", FieldValue::String("Сталин’s")).ok);
  EXPECT_EQ(edited, "[[event]]\nid = \"x\"\ntitle = \"New\"\nnote = \"Сталин’s\"  # é\n");
  ASSERT_TRUE(RemoveEventField(edited, "x", "note").ok);
  EXPECT_EQ(edited, "[[event]]\nid = \"x\"\ntitle = \"New\"\n");
}

TEST(TomlPatch, ControlCharactersAreEscaped) {
  EXPECT_EQ(TomlString(std::string("a\x7F" "b")), "\"a\\u007Fb\"");
  EXPECT_EQ(TomlString(std::string("a\x01" "b"), true), "\"a\\u0001b\"");
}

TEST(TomlPatch, ReportsWhyItCannot) {
  std::string text = Original;
  EXPECT_FALSE(SetEventField(text, "nope", "date", FieldValue::String("1922")).ok);
  std::string broken = "[[event]\nid = 1";
  const PatchResult r = SetEventField(broken, "x", "date", FieldValue::String("1922"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("does not parse"), std::string::npos);
  EXPECT_EQ(text, Original);
}

}  // namespace
}  // namespace parallax
