// Editing through the session: text edits are minimal, the model follows, and undo/redo restore both.
#include "timeline_data/edit_session.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace parallax {
namespace {

namespace fs = std::filesystem;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("parallax_session_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                       "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    Write("timeline.toml", "title = \"Test\"\nview = \"1898/1953\"\nsources = [\"a.toml\"]\nclaims = \"claims.toml\"\n");
    Write("claims.toml", "[[claim]]\nid = \"gensec\"\ntitle = \"GS\"\nrecord = \"1922-04-03\"\nrecord_note = \"plenum\"\n");
    Write("a.toml", SourceText);
    ASSERT_TRUE(session.Open(dir));
    ASSERT_TRUE(session.Current().problems.empty());
  }
  void TearDown() override { fs::remove_all(dir); }
  void Write(const char* name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; }
  const Event& E(const char* id) const {
    const std::int32_t i = session.Data().FindEvent(0, id);
    EXPECT_GE(i, 0) << id;
    return session.Data().events[static_cast<std::size_t>(i < 0 ? 0 : i)];
  }
  const std::string& Text() const { return session.Files()[static_cast<std::size_t>(session.FileIndex("a.toml"))].text; }

  static constexpr const char* SourceText = R"([source]
id = "a"
title = "A source"
author = "Someone"
color = "#4477AA"

# A comment that must survive.
[[event]]
id = "one"
title = "First"
date = "1922-04-03"
claim = "gensec"
tags = ["Stalin"]

[[event]]
id = "two"
title = "Second"
date = "1923"
tags = []
)";

  fs::path dir;
  EditSession session;
};

TEST_F(SessionTest, AnEditChangesTheTextMinimallyAndTheModelFollows) {
  ASSERT_TRUE(session.SetField("a", "one", "date", FieldValue::String("1922-04-02")).ok);
  EXPECT_EQ(E("one").dateRaw, "1922-04-02");
  std::string expected = SourceText;
  expected.replace(expected.find("1922-04-03"), 10, "1922-04-02");
  EXPECT_EQ(Text(), expected);
  EXPECT_TRUE(session.AnyDirty());
  EXPECT_EQ(session.UndoLabel(), "Edit date of one");
}

TEST_F(SessionTest, UndoAndRedoRestoreTextAndModelExactly) {
  const std::string original = Text();
  const std::size_t events = session.Data().events.size();
  ASSERT_TRUE(session.SetField("a", "one", "title", FieldValue::String("Renamed")).ok);
  const std::string afterRename = Text();
  Event added;
  added.id = "three";
  added.title = "Third";
  added.dateRaw = "1924-01-21";
  added.date = ParseEdtf("1924-01-21").value;
  added.tags = {"Lenin"};
  ASSERT_TRUE(session.AddEvent("a", added).ok);
  const std::string afterAdd = Text();
  ASSERT_TRUE(session.RemoveEvent("a", "two").ok);
  EXPECT_EQ(session.Data().events.size(), events);  // one added, one removed
  EXPECT_LT(session.Data().FindEvent(0, "two"), 0);
  const std::string afterDelete = Text();

  ASSERT_TRUE(session.Undo());  // the delete
  EXPECT_EQ(Text(), afterAdd);
  EXPECT_EQ(E("two").title, "Second");
  ASSERT_TRUE(session.Undo());  // the create
  EXPECT_EQ(Text(), afterRename);
  EXPECT_LT(session.Data().FindEvent(0, "three"), 0);
  ASSERT_TRUE(session.Undo());  // the rename
  EXPECT_EQ(Text(), original);
  EXPECT_EQ(E("one").title, "First");
  EXPECT_FALSE(session.AnyDirty());
  EXPECT_FALSE(session.CanUndo());

  ASSERT_TRUE(session.Redo());
  ASSERT_TRUE(session.Redo());
  ASSERT_TRUE(session.Redo());
  EXPECT_EQ(Text(), afterDelete);
  EXPECT_EQ(E("three").dateRaw, "1924-01-21");
  EXPECT_FALSE(session.CanRedo());
  // A new edit after undo drops the redo steps.
  ASSERT_TRUE(session.Undo());
  ASSERT_TRUE(session.SetField("a", "one", "note", FieldValue::String("n")).ok);
  EXPECT_FALSE(session.CanRedo());
  EXPECT_NE(Text().find("# A comment that must survive."), std::string::npos);
}

TEST_F(SessionTest, RefusesEditsThatCannotApply) {
  const std::string original = Text();
  EXPECT_FALSE(session.SetField("a", "nope", "title", FieldValue::String("x")).ok);
  EXPECT_FALSE(session.SetField("zzz", "one", "title", FieldValue::String("x")).ok);
  Event dup;
  dup.id = "one";
  dup.title = "dup";
  dup.dateRaw = "1922";
  dup.date = ParseEdtf("1922").value;
  const PatchResult r = session.AddEvent("a", dup);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("already used"), std::string::npos);
  EXPECT_EQ(Text(), original);
  EXPECT_FALSE(session.CanUndo());
}

TEST_F(SessionTest, AnInvalidViewFallsBackToTheDefaultAndIsReported) {
  Write("timeline.toml", "title = \"Test\"\nview = \"1898/195\"\nsources = [\"a.toml\"]\nclaims = \"claims.toml\"\n");
  ASSERT_TRUE(session.Open(dir));
  EXPECT_EQ(session.Data().viewRaw, "1898/1953");
  EXPECT_EQ(FormatIsoDay(session.Data().view.Earliest()), "1898-01-01");
  EXPECT_EQ(FormatIsoDay(session.Data().view.Latest()), "1953-12-31");
  ASSERT_FALSE(session.Current().problems.empty());
  EXPECT_NE(session.Current().problems[0].message.find("1898/195"), std::string::npos);
}

TEST_F(SessionTest, ANewClaimIsAppendedAndCanBeLinked) {
  const std::string claims = session.Files()[static_cast<std::size_t>(session.FileIndex("claims.toml"))].text;
  ASSERT_TRUE(session.AddClaim("lenin-death", "Lenin's death", "1924-01-21", "Died at Gorki").ok);
  ASSERT_TRUE(session.SetField("a", "two", "claim", FieldValue::String("lenin-death")).ok);
  EXPECT_EQ(session.Files()[static_cast<std::size_t>(session.FileIndex("claims.toml"))].text,
            claims + "\n[[claim]]\nid = \"lenin-death\"\ntitle = \"Lenin's death\"\nrecord = \"1924-01-21\"\nrecord_note = "
                     "\"Died at Gorki\"\n");
  EXPECT_EQ(E("two").claim, session.Data().FindClaim("lenin-death"));
  EXPECT_TRUE(session.Current().problems.empty());
  EXPECT_FALSE(session.AddClaim("lenin-death", "again", "", "").ok);
  EXPECT_FALSE(session.AddClaim("bad", "Bad", "1924-13", "").ok);
  ASSERT_TRUE(session.Undo());
  ASSERT_TRUE(session.Undo());
  EXPECT_EQ(session.Files()[static_cast<std::size_t>(session.FileIndex("claims.toml"))].text, claims);
}

TEST_F(SessionTest, TakingTheDiskVersionDropsTheEditsOfThatFile) {
  ASSERT_TRUE(session.SetField("a", "one", "title", FieldValue::String("Mine")).ok);
  std::string theirs = SourceText;
  theirs.replace(theirs.find("\"First\""), 7, "\"Theirs\"");
  session.TakeDiskVersion(static_cast<std::size_t>(session.FileIndex("a.toml")), theirs);
  EXPECT_EQ(E("one").title, "Theirs");
  EXPECT_FALSE(session.AnyDirty());
  EXPECT_FALSE(session.CanUndo());
}

}  // namespace
}  // namespace parallax
