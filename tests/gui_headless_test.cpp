// The real App in a headless ImGui context (no renderer, no window): input goes in through ImGuiIO
// as a user's would, and the tests assert on hover, tooltip, selection, view range and allocations.
#include "app.hpp"
#include "fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <map>
#include <filesystem>
#include <fstream>
#include <cmath>
#include <cstdlib>
#include <new>

// [SECTION] Counting allocations (operator new and ImGui's allocator)

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// operator new and delete are replaced together (malloc/free), which GCC cannot see through inlining.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
// Sanitizers bring their own operator new; replacing it there would mix allocators.
#if defined(__SANITIZE_ADDRESS__)
#define PARALLAX_COUNT_ALLOCATIONS 0
#else
#define PARALLAX_COUNT_ALLOCATIONS 1
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace parallax {
namespace {

void* CountingAlloc(std::size_t size, void*) {
  ++g_allocations;
  return std::malloc(size);
}
void CountingFree(void* p, void*) { std::free(p); }

// GLFW key codes, which the GLFW backend puts in io.KeyMap and which letters share with ASCII.
constexpr int KeyEscape = 256;
constexpr int KeyRight = 262;
constexpr int KeyLeft = 263;
constexpr int KeyDown = 264;
constexpr int KeyUp = 265;
constexpr int KeyHome = 268;
constexpr int KeyEnter = 257;
constexpr int KeyTab = 258;

class HeadlessApp : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::SetAllocatorFunctions(CountingAlloc, CountingFree);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600.f, 900.f);
    io.DeltaTime = 1.f / 60.f;
    io.IniFilename = nullptr;
    io.KeyMap[ImGuiKey_LeftArrow] = KeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = KeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = KeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = KeyDown;
    io.KeyMap[ImGuiKey_Escape] = KeyEscape;
    io.KeyMap[ImGuiKey_Home] = KeyHome;
    io.KeyMap[ImGuiKey_Enter] = KeyEnter;
    io.KeyMap[ImGuiKey_Tab] = KeyTab;
    io.KeyMap[ImGuiKey_A] = 'A';
    std::string warning;
    app.m_fonts = LoadUiFonts(1.f, warning);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ASSERT_TRUE(app.Load(DatasetDir()));
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    Frames(3);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  void Frames(int n) {
    for (int i = 0; i < n; ++i) {
      ImGui::NewFrame();
      app.Frame(ImGui::GetIO().DeltaTime);
      ImGui::Render();
      ImGui::GetIO().MouseWheel = 0.f;
    }
  }
  // Lets the view animation finish.
  void Settle() { Frames(40); }

  void MoveTo(float x, float y) {
    ImGui::GetIO().MousePos = ImVec2(x, y);
    Frames(2);
  }
  void Click(float x, float y) {
    MoveTo(x, y);
    ImGui::GetIO().MouseDown[0] = true;
    Frames(1);
    ImGui::GetIO().MouseDown[0] = false;
    Frames(1);
  }
  void PressKey(int key) {
    ImGui::GetIO().KeysDown[key] = true;
    Frames(1);
    ImGui::GetIO().KeysDown[key] = false;
    Frames(1);
  }

  // A single event drawn with its label in a full (not compressed) row, well inside the canvas.
  const HitItem* SomeLabelledEvent() const {
    for (const HitItem& h : app.m_drawList.hits) {
      if (h.foldCount != 1 || h.event < 0 || h.x1 - h.x0 < 30.f) continue;
      const LaneBox& box = app.m_drawList.lanes[static_cast<std::size_t>(h.lane)];
      if (h.row >= box.fullRows) continue;
      if (h.x0 < app.m_lastContext.Axis().x0 + 10.f || h.x1 > app.m_lastContext.canvasX1 - 10.f) continue;
      return &h;
    }
    return nullptr;
  }

  // Tests that edit work on a copy of the bundled dataset; the others read it in place.
  virtual std::string DatasetDir() { return PARALLAX_DATASET_DIR; }

  App app;
};

class HeadlessEditing : public HeadlessApp {
 protected:
  std::string DatasetDir() override {
    copy = std::filesystem::temp_directory_path() /
           ("parallax_gui_edit_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(copy);
    std::filesystem::copy(PARALLAX_DATASET_DIR, copy, std::filesystem::copy_options::recursive);
    return copy.string();
  }
  void TearDown() override {
    HeadlessApp::TearDown();
    std::filesystem::remove_all(copy);
  }
  // Where an item of a window is: probe down the window until ImGui reports the item as hovered.
  bool FindItem(ImGuiWindow* window, ImGuiID id, ImVec2& at) {
    const float x = window->Pos.x + window->Size.x * 0.5f;
    for (float y = window->Pos.y + 20.f; y < window->Pos.y + window->Size.y; y += 5.f) {
      MoveTo(x, y);
      if (ImGui::GetCurrentContext()->HoveredIdPreviousFrame == id) {
        at = ImVec2(x, y);
        return true;
      }
    }
    return false;
  }
  void ClickField(ImGuiWindow* window, const char* name) {
    ImVec2 at;
    ASSERT_TRUE(FindItem(window, window->GetID(name), at)) << name;
    Click(at.x, at.y);
    ImGui::GetIO().KeyCtrl = true;  // select all, to type over it
    PressKey('A');
    ImGui::GetIO().KeyCtrl = false;
  }
  void Type(const char* text) {
    for (const char* c = text; *c; ++c) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*c));
    Frames(1);
  }
  std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  void WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
  // Edits the blog's first event title in the app (an unsaved edit).
  void EditInApp(const char* title) {
    const std::int32_t s = app.m_dataset.FindSource("blog");
    const std::string id = app.m_dataset.events[static_cast<std::size_t>(app.m_dataset.FindEvent(s, "gensec-since-beginning"))].id;
    app.AfterEdit(app.m_session.SetField("blog", id, "title", FieldValue::String(title)));
    ASSERT_TRUE(app.m_session.AnyDirty());
  }
  const Event& Blog(const char* id) {
    const std::int32_t s = app.m_dataset.FindSource("blog");
    return app.m_dataset.events[static_cast<std::size_t>(app.m_dataset.FindEvent(s, id))];
  }
  std::filesystem::path copy;
};

// [SECTION] Tests

TEST_F(HeadlessApp, HoverShowsTheEventAndATooltip) {
  const HitItem* hit = SomeLabelledEvent();
  ASSERT_NE(hit, nullptr);
  const std::int32_t event = hit->event;
  MoveTo((hit->x0 + hit->x1) * 0.5f, (hit->y0 + hit->y1) * 0.5f);
  EXPECT_EQ(app.m_hoveredEvent, event);
  ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
  ASSERT_NE(tooltip, nullptr);
  EXPECT_TRUE(tooltip->Active);
  EXPECT_GT(tooltip->DrawList->VtxBuffer.Size, 100);  // title, date, quote: real text was drawn

  MoveTo(5.f, 890.f);  // away: no hover, no tooltip
  EXPECT_EQ(app.m_hoveredEvent, -1);
  EXPECT_FALSE(tooltip->Active);
}

TEST_F(HeadlessApp, ClickSelectsAndEscapeClears) {
  const HitItem* hit = SomeLabelledEvent();
  ASSERT_NE(hit, nullptr);
  const std::int32_t event = hit->event;
  Click((hit->x0 + hit->x1) * 0.5f, (hit->y0 + hit->y1) * 0.5f);
  EXPECT_EQ(app.m_selected, event);
  ImGuiWindow* details = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (std::string(w->Name).find("##details") != std::string::npos) details = w;
  ASSERT_NE(details, nullptr);
  EXPECT_TRUE(details->Active);
  PressKey(KeyEscape);
  EXPECT_EQ(app.m_selected, -1);
}

TEST_F(HeadlessApp, WheelZoomsAroundTheCursor) {
  const TimeAxis before = app.m_lastContext.Axis();
  const float x = before.x0 + before.width * 0.3f;
  const double dayUnderCursor = before.XToDay(x);
  const double spanBefore = before.SpanDays();
  ImGui::GetIO().MousePos = ImVec2(x, 500.f);
  ImGui::GetIO().MouseWheel = 2.f;  // two notches towards the screen: zoom in
  Frames(1);
  Settle();
  const TimeAxis after = app.m_lastContext.Axis();
  EXPECT_NEAR(after.SpanDays(), spanBefore / (WheelZoomStep * WheelZoomStep), 1e-6 * spanBefore);
  EXPECT_NEAR(after.XToDay(x), dayUnderCursor, 1e-6 * spanBefore);
  EXPECT_FALSE(app.WantsAnotherFrame());  // the animation ended: the app may sleep
}

TEST_F(HeadlessApp, DragPansByThePointerDistance) {
  const TimeAxis before = app.m_lastContext.Axis();
  const float x = before.x0 + 400.f;
  const float y = 500.f;
  MoveTo(x, y);
  ImGui::GetIO().MouseDown[0] = true;
  Frames(1);
  for (int i = 1; i <= 10; ++i) {
    ImGui::GetIO().MousePos = ImVec2(x + 20.f * static_cast<float>(i), y);
    Frames(1);
  }
  ImGui::GetIO().MouseDown[0] = false;
  Frames(1);
  const TimeAxis after = app.m_lastContext.Axis();
  // The day that was under the pointer is still under it, 200 px further right.
  EXPECT_NEAR(after.DayToX(before.XToDay(x)), x + 200.f, 0.5f);
  EXPECT_EQ(app.m_selected, -1);  // a drag is not a click
}

TEST_F(HeadlessApp, KeysPanZoomAndFit) {
  const double span = app.m_view.endDay - app.m_view.startDay;
  PressKey('W');
  Settle();
  EXPECT_LT(app.m_view.endDay - app.m_view.startDay, span * 0.9);
  const double start = app.m_view.startDay;
  PressKey(KeyRight);
  Settle();
  EXPECT_GT(app.m_view.startDay, start);
  PressKey('F');
  Settle();
  // F fits the whole dataset: every known date is in view.
  EXPECT_LE(app.m_view.startDay, app.m_layout.dataStartDay);
  EXPECT_GE(app.m_view.endDay, app.m_layout.dataEndDay);
}

TEST_F(HeadlessApp, DoubleClickZoomsToTheEvent) {
  const HitItem* hit = SomeLabelledEvent();
  ASSERT_NE(hit, nullptr);
  const std::int32_t event = hit->event;
  const float x = (hit->x0 + hit->x1) * 0.5f;
  const float y = (hit->y0 + hit->y1) * 0.5f;
  Click(x, y);
  ImGui::GetIO().MouseDown[0] = true;
  Frames(1);
  ImGui::GetIO().MouseDown[0] = false;
  Settle();
  const DayExtent extent = EventExtent(app.m_dataset.events[static_cast<std::size_t>(event)].date,
                                       app.m_layout.domainStartDay, app.m_layout.domainEndDay);
  EXPECT_LE(app.m_view.startDay, extent.start);
  EXPECT_GE(app.m_view.endDay, extent.end);
  EXPECT_LT(app.m_view.endDay - app.m_view.startDay, 2.0 * (extent.end - extent.start) + 61.0);
}

TEST_F(HeadlessApp, ClickingALaneHeaderShowsAllItsRows) {
  // Volkogonov's lane: far more rows than fit.
  std::size_t lane = 0;
  while (lane < app.m_layout.lanes.size() &&
         app.m_layout.lanes[lane].source != app.m_dataset.FindSource("volkogonov"))
    ++lane;
  ASSERT_LT(lane, app.m_layout.lanes.size());
  const LaneBox box = app.m_drawList.lanes[lane];
  ASSERT_GT(box.densityPitch, 0.f);
  Click(app.m_lastContext.canvasX0 + 20.f, box.yTop + box.height * 0.5f);
  EXPECT_TRUE((app.m_expandedLanes >> lane) & 1u);
  Frames(1);
  EXPECT_EQ(app.m_drawList.lanes[lane].fullRows, static_cast<int>(app.m_layout.lanes[lane].rows.size()));
}

TEST_F(HeadlessApp, NStepsThroughContradictionsInTimeOrder) {
  const std::vector<std::int32_t>& order = app.m_analysis.contradictionOrder;
  ASSERT_GT(order.size(), 3u);
  PressKey('N');
  EXPECT_EQ(app.m_selected, order[0]);
  PressKey('N');
  EXPECT_EQ(app.m_selected, order[1]);
  Settle();
  // The view went to it.
  const DayExtent extent = EventExtent(app.m_dataset.events[static_cast<std::size_t>(order[1])].date,
                                       app.m_layout.domainStartDay, app.m_layout.domainEndDay);
  EXPECT_LE(app.m_view.startDay, extent.start);
  EXPECT_GE(app.m_view.endDay, extent.end);
  // Shift+N goes back.
  ImGui::GetIO().KeyShift = true;
  PressKey('N');
  ImGui::GetIO().KeyShift = false;
  EXPECT_EQ(app.m_selected, order[0]);
  // Its claim is highlighted: other events are dimmed, and the Compare table is open.
  EXPECT_EQ(app.HighlightedClaim(), app.m_dataset.events[static_cast<std::size_t>(order[0])].claim);
}

TEST_F(HeadlessApp, ClickingAClaimRowAnimatesToTheClaim) {
  PressKey('C');
  ASSERT_TRUE(app.m_showClaims);
  Frames(2);
  ImGuiWindow* claims = ImGui::FindWindowByName("Claims");
  ASSERT_NE(claims, nullptr);
  ASSERT_TRUE(claims->Active);
  // The first body row sits one row below the table's header row.
  const float rowH = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.f;
  const float x = claims->DC.CursorStartPos.x + 40.f;
  const float y = claims->DC.CursorStartPos.y + rowH * 1.5f;
  const std::int32_t first = app.m_claimOrder.front();
  Click(x, y);
  EXPECT_EQ(app.HighlightedClaim(), first);
  Settle();
  // The claim's whole extent is in view, left of the Compare panel that now covers the canvas's right,
  // and it fills a good part of what is visible.
  const ClaimSummary& s = app.m_analysis.claims[static_cast<std::size_t>(first)];
  const TimeAxis axis = app.m_lastContext.Axis();
  const float visibleRight = app.m_lastContext.canvasX1 - app.m_panelWidth;
  EXPECT_GE(axis.DayToX(s.startDay), axis.x0 - 0.5f);
  EXPECT_LE(axis.DayToX(s.endDay), visibleRight + 0.5f);
  EXPECT_GT(axis.DayToX(s.endDay) - axis.DayToX(s.startDay), (visibleRight - axis.x0) * 0.5f);
}

TEST_F(HeadlessApp, ContestedOnlyHidesClaimsWithoutContradiction) {
  std::size_t before = 0;
  for (const HitItem& h : app.m_drawList.hits) before += static_cast<std::size_t>(h.foldCount);
  app.m_contestedOnly = true;
  Frames(2);
  std::size_t after = 0;
  for (const HitItem& h : app.m_drawList.hits) {
    after += static_cast<std::size_t>(h.foldCount);
    if (h.foldCount == 1 && h.event >= 0) {
      const std::int32_t claim = app.m_dataset.events[static_cast<std::size_t>(h.event)].claim;
      ASSERT_GE(claim, 0);
      EXPECT_EQ(app.m_analysis.claims[static_cast<std::size_t>(claim)].worst, Verdict::Contradicts);
    }
  }
  EXPECT_LT(after, before / 2);
  EXPECT_GT(after, 0u);
}

TEST_F(HeadlessEditing, EditingTheDateUpdatesTheInterpretationAndThePosition) {
  const std::int32_t s = app.m_dataset.FindSource("volkogonov");
  const std::int32_t e = app.m_dataset.FindEvent(s, "ch2-plenum-3-april");
  ASSERT_GE(e, 0);
  app.Select(e);
  Frames(2);
  ASSERT_NE(app.m_form.interpretation.find("earliest 1922-04-03"), std::string::npos) << app.m_form.interpretation;
  const double xBefore = DayNumber(app.m_dataset.events[static_cast<std::size_t>(e)].date.Earliest());

  // Click into the date field (activate it), select all, type a new date.
  ImGuiWindow* details = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    const std::string name = w->Name;
    if (name.size() >= 10 && name.compare(name.size() - 10, 10, "###details") == 0) details = w;  // not its children
  }
  ASSERT_NE(details, nullptr);
  ClickField(details, "##date");
  Type("1923-04");
  // While typing, the line under the field already reads the new value; nothing is written yet.
  EXPECT_NE(app.m_form.interpretation.find("earliest 1923-04-01"), std::string::npos) << app.m_form.interpretation;
  EXPECT_NE(app.m_form.interpretation.find("latest 1923-04-30"), std::string::npos);
  EXPECT_NE(app.m_form.interpretation.find("month precision"), std::string::npos);
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(e)].dateRaw, "1922-04-03");

  // An invalid value is marked and never written.
  PressKey(KeyEnter);  // (leave the field, valid value uncommitted? no: Enter commits; undo it below)
  ImGui::GetIO().KeyCtrl = true;
  PressKey('Z');
  ImGui::GetIO().KeyCtrl = false;
  ASSERT_EQ(app.m_dataset.events[static_cast<std::size_t>(app.m_selected)].dateRaw, "1922-04-03");
  ClickField(details, "##date");
  Type("1923-13");
  EXPECT_NE(app.m_form.interpretation.find("month 13 out of range"), std::string::npos) << app.m_form.interpretation;
  PressKey(KeyEnter);
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(app.m_selected)].dateRaw, "1922-04-03");
  EXPECT_FALSE(app.m_session.AnyDirty());

  // A valid value, committed with Enter: written to the text, the model, and the canvas.
  ClickField(details, "##date");
  Type("1923-04");
  PressKey(KeyEnter);
  Frames(2);
  ASSERT_GE(app.m_selected, 0);
  const Event& edited = app.m_dataset.events[static_cast<std::size_t>(app.m_selected)];
  EXPECT_EQ(edited.id, "ch2-plenum-3-april");
  EXPECT_EQ(edited.dateRaw, "1923-04");
  EXPECT_GT(DayNumber(edited.date.Earliest()), xBefore + 300);
  EXPECT_TRUE(app.m_session.AnyDirty());
  const std::string& text = app.m_session.Files()[static_cast<std::size_t>(app.m_session.FileIndex("volkogonov.toml"))].text;
  EXPECT_NE(text.find("id = \"ch2-plenum-3-april\"\ntitle = \"CC plenum of 3 April introduces the office of general secretary\"\ndate = \"1923-04\""),
            std::string::npos);
  // Ctrl+Z restores it.
  ImGui::GetIO().KeyCtrl = true;
  PressKey('Z');
  ImGui::GetIO().KeyCtrl = false;
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(app.m_selected)].dateRaw, "1922-04-03");
  EXPECT_FALSE(app.m_session.AnyDirty());
}

TEST_F(HeadlessEditing, SavingWithoutEditsWritesNothingAndWithAnEditOnlyThatFile) {
  std::map<std::string, std::string> before;
  for (const auto& f : std::filesystem::directory_iterator(copy)) before[f.path().filename().string()] = ReadFile(f.path());
  ASSERT_TRUE(app.SaveAll());
  for (const auto& [name, text] : before) EXPECT_EQ(ReadFile(copy / name), text) << name;  // byte-identical

  EditInApp("Edited title");
  ASSERT_TRUE(app.SaveAll());
  EXPECT_FALSE(app.m_session.AnyDirty());
  for (const auto& [name, text] : before) {
    if (name == "blog.toml") continue;
    EXPECT_EQ(ReadFile(copy / name), text) << name;
  }
  // In blog.toml exactly the title's value changed.
  std::string expected = before["blog.toml"];
  const std::size_t at = expected.find("id = \"gensec-since-beginning\"\ntitle = \"");
  ASSERT_NE(at, std::string::npos);
  const std::size_t open = expected.find('"', expected.find("title = ", at));
  const std::size_t close = expected.find('"', open + 1);
  expected.replace(open, close - open + 1, "\"Edited title\"");
  EXPECT_EQ(ReadFile(copy / "blog.toml"), expected);
}

TEST_F(HeadlessEditing, AFailedSaveSaysWhyAndKeepsTheEdits) {
  EditInApp("Not saved");
  const std::filesystem::path moved = copy.string() + "-gone";
  std::filesystem::rename(copy, moved);  // the folder is gone: nowhere to write
  EXPECT_FALSE(app.SaveAll());
  EXPECT_NE(app.m_editError.find("blog.toml"), std::string::npos) << app.m_editError;
  EXPECT_TRUE(app.m_session.AnyDirty());
  EXPECT_EQ(Blog("gensec-since-beginning").title, "Not saved");
  std::filesystem::rename(moved, copy);
  EXPECT_TRUE(app.SaveAll());  // and it saves once the folder is back
  EXPECT_NE(ReadFile(copy / "blog.toml").find("\"Not saved\""), std::string::npos);
}

TEST_F(HeadlessEditing, AnOutsideChangeWithoutUnsavedEditsReloadsKeepingViewAndSelection) {
  const std::int32_t s = app.m_dataset.FindSource("blog");
  app.Select(app.m_dataset.FindEvent(s, "holodomor"));
  app.SetViewDays(-15000.0, -12000.0);
  Frames(2);
  std::string text = ReadFile(copy / "blog.toml");
  text.insert(0, "# edited elsewhere\n");
  const std::size_t title = text.find("title = ", text.find("id = \"holodomor\""));
  text.insert(text.find('"', title) + 1, "Outside: ");
  WriteFile(copy / "blog.toml", text);
  app.OnFilesChanged({copy / "blog.toml"});
  Frames(1);
  EXPECT_TRUE(app.m_conflicts.empty());
  ASSERT_GE(app.m_selected, 0);
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(app.m_selected)].id, "holodomor");
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(app.m_selected)].title.rfind("Outside: ", 0), 0u);
  EXPECT_DOUBLE_EQ(app.m_view.startDay, -15000.0);
  EXPECT_FALSE(app.m_session.AnyDirty());
}

TEST_F(HeadlessEditing, ABrokenFileOnDiskKeepsItsLastGoodContentAndSaysWhere) {
  const std::size_t events = app.m_dataset.events.size();
  WriteFile(copy / "blog.toml", ReadFile(copy / "blog.toml") + "\n[[event]\nid = \"x\"\n");
  app.OnFilesChanged({copy / "blog.toml"});
  EXPECT_EQ(app.m_dataset.events.size(), events);  // still on screen
  ASSERT_FALSE(app.m_problems.empty());
  const Problem& p = app.m_problems.front();
  EXPECT_NE(p.file.find("blog.toml"), std::string::npos);
  EXPECT_GT(p.line, 500);
  EXPECT_NE(p.message.find("last good content"), std::string::npos);
}

TEST_F(HeadlessEditing, AnOutsideChangeOverUnsavedEditsAsksAndEachAnswerKeepsBoth) {
  const std::string original = ReadFile(copy / "blog.toml");
  std::string theirs = original;
  theirs.insert(0, "# theirs\n");
  // Keep mine: the file on disk becomes mine.
  EditInApp("Mine");
  WriteFile(copy / "blog.toml", theirs);
  app.OnFilesChanged({copy / "blog.toml"});
  ASSERT_EQ(app.m_conflicts.size(), 1u);
  Frames(1);
  // The choice is on screen: a modal popup of that name is open.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ASSERT_EQ(g.OpenPopupStack.Size, 1);
  ASSERT_NE(g.OpenPopupStack[0].Window, nullptr);
  EXPECT_EQ(std::string(g.OpenPopupStack[0].Window->Name).find("Changed on disk"), 0u);
  ASSERT_TRUE(app.KeepMine());
  EXPECT_NE(ReadFile(copy / "blog.toml").find("\"Mine\""), std::string::npos);
  EXPECT_EQ(ReadFile(copy / "blog.toml").find("# theirs"), std::string::npos);
  EXPECT_FALSE(app.m_session.AnyDirty());

  // Take theirs: my edit is dropped on request, theirs is shown.
  EditInApp("Mine again");
  WriteFile(copy / "blog.toml", theirs);
  app.OnFilesChanged({copy / "blog.toml"});
  ASSERT_TRUE(app.TakeTheirs());
  EXPECT_EQ(Blog("gensec-since-beginning").title, "Stalin General Secretary since the beginning of communist rule");
  EXPECT_FALSE(app.m_session.AnyDirty());

  // Save mine as a copy: mine goes beside it, theirs is shown; nothing is lost.
  EditInApp("Mine as copy");
  std::string theirs2 = theirs + "\n# more of theirs\n";
  WriteFile(copy / "blog.toml", theirs2);
  app.OnFilesChanged({copy / "blog.toml"});
  ASSERT_TRUE(app.SaveMineAsCopy());
  ASSERT_FALSE(app.m_lastCopyPath.empty());
  EXPECT_NE(ReadFile(app.m_lastCopyPath).find("\"Mine as copy\""), std::string::npos);
  EXPECT_EQ(ReadFile(copy / "blog.toml"), theirs2);
  EXPECT_EQ(app.m_session.Files()[static_cast<std::size_t>(app.m_session.FileIndex("blog.toml"))].text, theirs2);
  EXPECT_TRUE(app.m_conflicts.empty());
}

TEST_F(HeadlessEditing, RevealInFileCopiesTheLocationAndOpensTheEditor) {
  const std::filesystem::path script = copy / "fake-editor.sh";
  const std::filesystem::path record = copy / "editor-args.txt";
  WriteFile(script, "#!/bin/sh\necho \"$@\" > '" + record.string() + ".tmp' && mv '" + record.string() + ".tmp' '" +
                        record.string() + "'\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  unsetenv("VISUAL");
  setenv("EDITOR", script.c_str(), 1);
  const std::string file = (copy / "blog.toml").string();
  EXPECT_GT(app.RevealInFile(file, 42), 0);
  EXPECT_EQ(std::string(ImGui::GetClipboardText()), file + ":42");
  for (int i = 0; i < 300 && !std::filesystem::exists(record); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(ReadFile(record), "+42 " + file + "\n");
  unsetenv("EDITOR");
  app.RevealInFile(file, 7);
  EXPECT_NE(app.m_revealMessage.find("set $VISUAL or $EDITOR"), std::string::npos);
}

TEST_F(HeadlessEditing, AProblemSelectsItsEventWhichTheFormCanFix) {
  std::string text = ReadFile(copy / "blog.toml");
  const std::size_t at = text.find("date = ", text.find("id = \"holodomor\""));
  const std::size_t open = text.find('"', at);
  text.replace(open, text.find('"', open + 1) - open + 1, "\"1932-13\"");
  WriteFile(copy / "blog.toml", text);
  app.OnFilesChanged({copy / "blog.toml"});
  const std::int32_t event = app.m_dataset.FindEvent(app.m_dataset.FindSource("blog"), "holodomor");
  ASSERT_GE(event, 0);  // kept, though it has no place on the timeline
  EXPECT_FALSE(app.m_dataset.events[static_cast<std::size_t>(event)].dateValid);
  EXPECT_EQ(app.m_layout.eventLane[static_cast<std::size_t>(event)], -1);
  // Click down the Problems window until a row selects it.
  app.m_showProblems = true;
  Frames(2);
  ImGuiWindow* problems = ImGui::FindWindowByName("Problems");
  ASSERT_NE(problems, nullptr);
  bool selected = false;
  for (float y = problems->Pos.y + 30.f; y < problems->Pos.y + problems->Size.y && !selected; y += 6.f) {
    Click(problems->Pos.x + 60.f, y);
    selected = app.m_selected == event;
  }
  ASSERT_TRUE(selected);
  // Fixing the date in the form puts it back on the timeline.
  app.AfterEdit(app.m_session.SetField("blog", "holodomor", "date", FieldValue::String("1932/1933")));
  const std::int32_t fixed = app.m_dataset.FindEvent(app.m_dataset.FindSource("blog"), "holodomor");
  EXPECT_TRUE(app.m_dataset.events[static_cast<std::size_t>(fixed)].dateValid);
  EXPECT_GE(app.m_layout.eventLane[static_cast<std::size_t>(fixed)], 0);
  for (const Problem& p : app.m_problems) EXPECT_NE(p.eventId, "holodomor") << FormatProblem(p);
}

TEST_F(HeadlessEditing, AltDragMovesAnEventSnappedToTheTickUnit) {
  // Zoom to 1922 so the axis counts months, and take a day-exact event drawn on its own in a
  // labelled row, in the first half of the view.
  app.SetViewDays(DayNumber(date::sys_days{date::year{1921} / 10 / 1}), DayNumber(date::sys_days{date::year{1923} / 1 / 1}));
  Frames(3);
  ASSERT_EQ(app.m_ticks->step.unit, TickUnit::Month);
  const TimeAxis axis = app.m_lastContext.Axis();
  const HitItem* hit = nullptr;
  for (const HitItem& h : app.m_drawList.hits) {
    if (h.foldCount != 1 || h.event < 0 || h.lane < 0) continue;
    const Event& ev = app.m_dataset.events[static_cast<std::size_t>(h.event)];
    if (ev.date.isInterval || ev.date.start.precision != Precision::Day) continue;
    if (h.row >= app.m_drawList.lanes[static_cast<std::size_t>(h.lane)].fullRows) continue;
    const float ex = axis.DayToX(DayNumber(ev.date.Earliest()) + 0.5);
    if (ex < axis.x0 + 20.f || ex > axis.x0 + axis.width * 0.45f) continue;
    hit = &h;
    break;
  }
  ASSERT_NE(hit, nullptr);
  const std::int32_t e = hit->event;
  const std::string sourceId = app.m_dataset.sources[static_cast<std::size_t>(app.m_dataset.events[static_cast<std::size_t>(e)].source)].id;
  const std::string eventId = app.m_dataset.events[static_cast<std::size_t>(e)].id;
  const std::string before = app.m_dataset.events[static_cast<std::size_t>(e)].dateRaw;
  const float x = axis.DayToX(DayNumber(app.m_dataset.events[static_cast<std::size_t>(e)].date.Earliest()) + 0.5);
  const float y = (hit->y0 + hit->y1) * 0.5f;
  const float dropX = axis.DayToX(DayNumber(date::sys_days{date::year{1922} / 11 / 15}));
  // A plain drag pans and changes nothing.
  MoveTo(x, y);
  ImGui::GetIO().MouseDown[0] = true;
  Frames(1);
  MoveTo(dropX, y);
  ImGui::GetIO().MouseDown[0] = false;
  Frames(1);
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(e)].dateRaw, before);
  EXPECT_FALSE(app.m_session.AnyDirty());
  // Alt+drag moves it; the drop snaps to the month under the pointer.
  app.SetViewDays(DayNumber(date::sys_days{date::year{1921} / 10 / 1}), DayNumber(date::sys_days{date::year{1923} / 1 / 1}));
  Frames(30);  // a moment later than a double-click
  ImGui::GetIO().KeyAlt = true;
  MoveTo(x, y);
  ImGui::GetIO().MouseDown[0] = true;
  Frames(1);
  EXPECT_EQ(app.m_dragEvent, e) << "Alt+press on the event starts moving it";
  for (int i = 1; i <= 5; ++i) MoveTo(x + (dropX - x) * static_cast<float>(i) / 5.f, y);
  EXPECT_EQ(app.m_dragEvent, e) << "still moving";
  ImGui::GetIO().MouseDown[0] = false;
  Frames(1);
  ImGui::GetIO().KeyAlt = false;
  EXPECT_EQ(app.m_dragEvent, -1);
  EXPECT_EQ(app.m_editError, "");
  const std::int32_t moved = app.m_dataset.FindEvent(app.m_dataset.FindSource(sourceId), eventId);
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(moved)].dateRaw, "1922-11");
  EXPECT_TRUE(app.m_session.AnyDirty());
  ImGui::GetIO().KeyCtrl = true;
  PressKey('Z');
  ImGui::GetIO().KeyCtrl = false;
  EXPECT_EQ(app.m_dataset.events[static_cast<std::size_t>(moved)].dateRaw, before);

  // A Julian event dropped on a Gregorian April 1917 month column gets the Old Style month under
  // the pointer (mid-April N.S. is early April O.S.), not the month before.
  const std::int32_t julianEvent = [&] {
    for (std::size_t i = 0; i < app.m_dataset.events.size(); ++i)
      if (app.m_dataset.events[i].date.calendar == Calendar::Julian && !app.m_dataset.events[i].date.isInterval)
        return static_cast<std::int32_t>(i);
    return -1;
  }();
  ASSERT_GE(julianEvent, 0);
  EXPECT_EQ(app.SnappedDate(julianEvent, DayNumber(date::sys_days{date::year{1917} / 4 / 20})), "1917-04");
  EXPECT_EQ(app.SnappedDate(julianEvent, DayNumber(date::sys_days{date::year{1917} / 4 / 5})), "1917-03");  // 23 Mar O.S.
}

TEST_F(HeadlessEditing, ClosingWithUnsavedEditsAsksAndCanSaveFirst) {
  app.m_quitAsked = true;  // what the window's close button does
  Frames(1);
  EXPECT_TRUE(app.m_quitNow);  // nothing unsaved: it just quits
  app.m_quitNow = false;

  EditInApp("Saved on the way out");
  app.m_quitAsked = true;
  Frames(2);
  EXPECT_FALSE(app.m_quitNow);
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ASSERT_EQ(g.OpenPopupStack.Size, 1);
  ImGuiWindow* prompt = g.OpenPopupStack[0].Window;
  ASSERT_NE(prompt, nullptr);
  EXPECT_EQ(std::string(prompt->Name).find("Unsaved changes"), 0u);
  // Press "Save and quit": found the way a pointer would, by hovering along its row.
  bool pressed = false;
  for (float y = prompt->Pos.y + 20.f; y < prompt->Pos.y + prompt->Size.y && !pressed; y += 4.f)
    for (float x = prompt->Pos.x + 10.f; x < prompt->Pos.x + prompt->Size.x && !pressed; x += 20.f) {
      MoveTo(x, y);
      if (g.HoveredIdPreviousFrame == prompt->GetID("Save and quit")) {
        Click(x, y);
        pressed = true;
      }
    }
  ASSERT_TRUE(pressed);
  EXPECT_TRUE(app.m_quitNow);
  EXPECT_FALSE(app.m_session.AnyDirty());
  EXPECT_NE(ReadFile(copy / "blog.toml").find("\"Saved on the way out\""), std::string::npos);
}

TEST_F(HeadlessEditing, SavingOverAnUnseenOutsideChangeAsksInsteadOfWriting) {
  EditInApp("Mine");
  std::string theirs = ReadFile(copy / "blog.toml");
  theirs.insert(0, "# written by someone else, not yet noticed\n");
  WriteFile(copy / "blog.toml", theirs);  // no OnFilesChanged: the watcher has not reported it yet
  EXPECT_FALSE(app.SaveAll());
  EXPECT_EQ(ReadFile(copy / "blog.toml"), theirs);  // theirs is not overwritten
  ASSERT_EQ(app.m_conflicts.size(), 1u);
  EXPECT_TRUE(app.m_session.AnyDirty());              // mine is still in memory
  // Ctrl+S (and undo) behind the conflict dialog do nothing.
  Frames(1);
  ImGui::GetIO().KeyCtrl = true;
  PressKey('S');
  PressKey('Z');
  ImGui::GetIO().KeyCtrl = false;
  EXPECT_EQ(ReadFile(copy / "blog.toml"), theirs);
  EXPECT_EQ(Blog("gensec-since-beginning").title, "Mine");
  ASSERT_TRUE(app.SaveMineAsCopy());
  EXPECT_NE(ReadFile(app.m_lastCopyPath).find("\"Mine\""), std::string::npos);
  EXPECT_EQ(ReadFile(copy / "blog.toml"), theirs);
}

TEST_F(HeadlessApp, AnIdleFrameAllocatesNothing) {
  if (!PARALLAX_COUNT_ALLOCATIONS) GTEST_SKIP() << "allocations are counted in builds without AddressSanitizer";
  MoveTo(-FLT_MAX, -FLT_MAX);
  Frames(3);
  const long before = g_allocations.load();
  Frames(1);
  EXPECT_EQ(g_allocations.load() - before, 0);
  // And it builds a bounded draw list: drawn by pixels, not by events.
  ImDrawData* data = ImGui::GetDrawData();
  ASSERT_NE(data, nullptr);
  EXPECT_GT(data->TotalVtxCount, 1000);
  EXPECT_LT(data->CmdListsCount, 10);
}

}  // namespace
}  // namespace parallax
