// BuildFrame: what a frame draws and what the pointer can hit, with a fake text measure (7 px a byte).
// Labels never overlap, work is bounded by pixels for a million events, folds conserve counts, the
// steady state allocates nothing, and hit-testing finds what is drawn.

#include "render/build_frame.hpp"
#include "render/lane_layout.hpp"
#include "timeline_data/edtf.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace parallax {
namespace {

using namespace date::literals;

constexpr float PxPerByte = 7.f;

float Measure(const char* begin, const char* end, bool /*bold*/, void* /*user*/) {
  return PxPerByte * static_cast<float>(end - begin);
}

std::int32_t Day(date::year_month_day ymd) { return DayNumber(date::sys_days{ymd}); }
double DayD(date::year_month_day ymd) { return Day(ymd); }

const std::int32_t Day1898 = Day(1898_y / date::January / 1);
const std::int32_t Day1954 = Day(1954_y / date::January / 1);

FrameContext MakeContext(double startDay, double endDay, const TimelineLayout& layout, float width = 1600.f,
                         float height = 900.f) {
  FrameContext ctx;
  ctx.canvasX0 = 0.f;
  ctx.canvasY0 = 0.f;
  ctx.canvasX1 = width;
  ctx.canvasY1 = height;
  ctx.viewStartDay = startDay;
  ctx.viewEndDay = endDay;
  ctx.overviewStartDay = layout.domainStartDay;
  ctx.overviewEndDay = layout.domainEndDay;
  ctx.theme = &LightTheme();
  ctx.measureText = &Measure;
  return ctx;
}

bool IsText(const DrawCmd& c) { return c.kind == DrawKind::Text || c.kind == DrawKind::TextBold; }

// The width a text command takes on screen with the fake measure (an ellipsis is 3 bytes).
float TextWidth(const DrawCmd& c) {
  return PxPerByte * static_cast<float>(c.textEnd - c.text) + ((c.flags & DrawFlagEllipsis) ? 3.f * PxPerByte : 0.f);
}

// [SECTION] A mixed dataset for the label tests

Dataset MakeMixedDataset(std::uint32_t seed, int eventsPerSource) {
  Dataset d;
  d.viewRaw = "1898/1953";
  d.view = ParseEdtf(d.viewRaw).value;
  const char* const words[] = {"Congress", "of", "the", "Party", "opens", "Сталин", "Ленин", "arrested", "in",
                               "Tiflis", "letter", "to", "Zinoviev", "exile", "Kureika", "returns", "—", "speech"};
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int s = 0; s < 3; ++s) {
    Source source;
    source.id = "s" + std::to_string(s);
    source.title = s == 1 ? "A very long source title that will not fit into the header column at all" : "Source " + source.id;
    source.author = "Author " + std::to_string(s);
    source.writtenText = "1949";
    source.written = ParseEdtf("1949").value;
    source.kind = "memoir";
    source.color = 0x3366CCu + static_cast<std::uint32_t>(s) * 0x202020u;
    d.sources.push_back(source);
    for (int i = 0; i < eventsPerSource; ++i) {
      char text[64];
      const int y = pick(1898, 1953);
      const int m = pick(1, 12);
      const int dd = pick(1, 28);
      const int kind = pick(0, 19);
      if (kind < 10) std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, dd);
      else if (kind < 13) std::snprintf(text, sizeof text, "%04d-%02d", y, m);
      else if (kind < 14) std::snprintf(text, sizeof text, "%04d", y);
      else if (kind < 15) std::snprintf(text, sizeof text, "%04d-%d", y, pick(21, 24));
      else if (kind < 17) std::snprintf(text, sizeof text, "%04d-%02d-%02d/%04d-%02d", y, m, dd, std::min(y + pick(0, 2), 1953), pick(1, 12));
      else if (kind < 18) std::snprintf(text, sizeof text, "%04d-%02d%s", y, m, pick(0, 1) ? "?" : "~");
      else if (kind < 19) std::snprintf(text, sizeof text, "../%04d", y);
      else std::snprintf(text, sizeof text, "%04d/..", y);
      EdtfParseResult parsed = ParseEdtf(text);
      if (!parsed.ok) parsed = ParseEdtf("1922");  // an interval drawn backwards: keep a valid date
      Event e;
      e.id = "e" + std::to_string(i);
      e.dateRaw = text;
      e.date = parsed.value;
      e.source = s;
      e.basis = pick(0, 5) == 0 ? Basis::Inferred : Basis::Stated;
      e.voice = pick(0, 7) == 0 ? Voice::Editor : Voice::Author;
      const int n = pick(1, 9);
      for (int w = 0; w < n; ++w) e.title += std::string(w ? " " : "") + words[pick(0, 17)];
      d.events.push_back(std::move(e));
    }
  }
  return d;
}

struct View {
  const char* name;
  double start;
  double end;
};

std::vector<View> LabelViews() {
  return {{"1898-1953", static_cast<double>(Day1898), static_cast<double>(Day1954)},
          {"1917", DayD(1917_y / date::January / 1), DayD(1918_y / date::January / 1)},
          {"1922-1925", DayD(1922_y / date::January / 1), DayD(1926_y / date::January / 1)},
          {"April 1922", DayD(1922_y / date::April / 1), DayD(1922_y / date::May / 1)},
          {"10 days", DayD(1922_y / date::April / 10) + 0.3, DayD(1922_y / date::April / 20) + 0.3},
          {"1936 fractional", DayD(1936_y / date::March / 1) + 0.7, DayD(1936_y / date::September / 17) + 0.2}};
}

TEST(BuildFrame, LabelsNeverOverlapAndStayInTheCanvas) {
  const Dataset dataset = MakeMixedDataset(7, 400);
  const TimelineLayout layout = BuildLayout(dataset);
  AxisTicks ticks;
  FrameDrawList list;
  int texts = 0;
  int ellipses = 0;
  for (const View& v : LabelViews()) {
    for (const auto& [width, scale] : {std::pair{1600.f, 1.f}, std::pair{900.f, 1.f}, std::pair{1600.f, 2.f}}) {
      FrameContext ctx = MakeContext(v.start, v.end, layout, width * scale, 900.f * scale);
      ctx.canvasX0 = 20.f;  // the canvas need not start at the window's edge
      ctx.canvasY0 = 30.f;
      ctx.scale = scale;    // HiDPI: everything larger, the same rules
      ctx.fontHeight = 16.f * scale;
      BuildFrame(ctx, dataset, layout, ticks, list);
      SCOPED_TRACE(testing::Message() << v.name << " in " << width * scale << " px at scale " << scale);
      std::vector<const DrawCmd*> text;
      for (const DrawCmd& c : list.cmds)
        if (IsText(c)) text.push_back(&c);
      ASSERT_GT(text.size(), 10u);
      texts += static_cast<int>(text.size());
      for (const DrawCmd* c : text) {
        const float w = TextWidth(*c);
        ASSERT_NE(c->text, nullptr);
        ASSERT_LE(c->text, c->textEnd);
        if (c->flags & DrawFlagEllipsis) {
          ++ellipses;
          // Cut on a character boundary, and never right after a space.
          EXPECT_NE(static_cast<unsigned char>(*c->textEnd) & 0xC0, 0x80) << std::string(c->text, c->textEnd);
          EXPECT_NE(c->textEnd[-1], ' ');
        }
        // Inside the canvas, and its clip range too.
        EXPECT_GE(c->x0, ctx.canvasX0) << std::string(c->text, c->textEnd);
        EXPECT_LE(c->x0 + w, ctx.canvasX1 + 1e-3f) << std::string(c->text, c->textEnd);
        EXPECT_GE(c->y0, ctx.canvasY0);
        EXPECT_LE(c->y0 + ctx.fontHeight, ctx.canvasY1 + 1e-3f) << std::string(c->text, c->textEnd);
        EXPECT_GE(c->clipX0, ctx.canvasX0);
        EXPECT_LE(c->clipX1, ctx.canvasX1);
      }
      // No two texts share a pixel: where their lines overlap vertically, their visible spans
      // (clipped like the adapter clips them) are disjoint.
      for (std::size_t a = 0; a < text.size(); ++a) {
        const DrawCmd& A = *text[a];
        const float ax0 = std::max(A.x0, A.clipX0);
        const float ax1 = std::min(A.x0 + TextWidth(A), A.clipX1);
        if (ax1 <= ax0) continue;
        for (std::size_t b = a + 1; b < text.size(); ++b) {
          const DrawCmd& B = *text[b];
          if (A.y0 + ctx.fontHeight <= B.y0 || B.y0 + ctx.fontHeight <= A.y0) continue;
          const float bx0 = std::max(B.x0, B.clipX0);
          const float bx1 = std::min(B.x0 + TextWidth(B), B.clipX1);
          if (bx1 <= bx0) continue;
          EXPECT_TRUE(ax1 <= bx0 || bx1 <= ax0)
              << "'" << std::string(A.text, A.textEnd) << "' [" << ax0 << ", " << ax1 << "] at y " << A.y0 << " and '"
              << std::string(B.text, B.textEnd) << "' [" << bx0 << ", " << bx1 << "] at y " << B.y0;
        }
      }
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(texts, 500);
  EXPECT_GT(ellipses, 5);  // long titles were cut, not dropped
}

// [SECTION] A million events

struct Million {
  Dataset dataset;
  TimelineLayout layout;
  std::vector<std::int32_t> dayOf;  // per event

  static const Million& Get() {
    static const Million m = Make();
    return m;
  }

  static Million Make() {
    Million m;
    Dataset& d = m.dataset;
    d.viewRaw = "1898/1953";
    d.view = ParseEdtf(d.viewRaw).value;
    Source s;
    s.id = "million";
    s.title = "A million days";
    s.author = "Generator";
    s.color = 0x884422;
    d.sources.push_back(s);
    constexpr int N = 1'000'000;
    d.events.resize(N);
    m.dayOf.resize(N);
    std::mt19937 rng(1898);
    std::uniform_int_distribution<std::int32_t> dayDist(Day1898, Day1954 - 1);
    char title[16];
    for (int i = 0; i < N; ++i) {
      Event& e = d.events[static_cast<std::size_t>(i)];
      const std::int32_t day = dayDist(rng);
      m.dayOf[static_cast<std::size_t>(i)] = day;
      e.date.start.earliest = e.date.start.latest = FromDayNumber(day);
      e.date.start.precision = Precision::Day;
      const date::year_month_day ymd{FromDayNumber(day)};
      e.date.start.year = static_cast<int>(ymd.year());
      e.date.start.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
      e.date.start.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
      e.date.end = e.date.start;
      e.source = 0;
      std::snprintf(title, sizeof title, "Event %d", i);
      e.title = title;
    }
    m.layout = BuildLayout(d);
    return m;
  }

  // Events whose day lies in [first, last) (by brute force).
  int CountDays(double first, double last) const {
    int n = 0;
    for (const std::int32_t day : dayOf) n += (day + 1 > first && day < last) ? 1 : 0;
    return n;
  }
};

TEST(BuildFrameMillion, LayoutHoldsEveryEvent) {
  const auto t0 = std::chrono::steady_clock::now();
  const Million& m = Million::Get();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  RecordProperty("setup_seconds", std::to_string(seconds));
  ASSERT_EQ(m.layout.lanes.size(), 1u);
  std::size_t total = 0;
  for (const LaneRow& row : m.layout.lanes[0].rows) total += row.event.size();
  EXPECT_EQ(total, m.dataset.events.size());
  EXPECT_GT(m.layout.lanes[0].rows.size(), 40u);  // ~49 events a day on average
}

// Checks a frame's hits against the layout: per row at most width / MinVisPx + 1 items, each
// covered event counted once, and every event whose day meets the view covered.
void CheckFoldsConserve(const Million& m, const FrameContext& ctx, const FrameDrawList& list) {
  const TimeAxis axis = ctx.Axis();
  const Lane& lane = m.layout.lanes[0];
  std::vector<int> perRow(lane.rows.size(), 0);
  std::vector<std::uint8_t> covered(m.dataset.events.size(), 0);
  std::int64_t fromHits = 0;
  int singles = 0;
  int folds = 0;
  for (const HitItem& h : list.hits) {
    ASSERT_EQ(h.lane, 0);
    ASSERT_GE(h.row, 0);
    ASSERT_LT(static_cast<std::size_t>(h.row), lane.rows.size());
    ++perRow[static_cast<std::size_t>(h.row)];
    ASSERT_GE(h.foldCount, 1);
    (h.foldCount == 1 ? singles : folds) += 1;
    fromHits += h.foldCount;
    const LaneRow& row = lane.rows[static_cast<std::size_t>(h.row)];
    EXPECT_EQ(h.event, row.event[static_cast<std::size_t>(h.rowFirst)]);
    for (std::int32_t k = h.rowFirst; k < h.rowFirst + h.foldCount; ++k) {
      const std::int32_t e = row.event[static_cast<std::size_t>(k)];
      ASSERT_EQ(covered[static_cast<std::size_t>(e)], 0) << "event " << e << " drawn twice";
      covered[static_cast<std::size_t>(e)] = 1;
    }
    // Hits stay in the time area.
    EXPECT_GE(h.x0, axis.x0 - 1e-3f);
    EXPECT_LE(h.x1, ctx.canvasX1 + 1e-3f);
  }
  EXPECT_EQ(singles, list.itemsDrawn);
  EXPECT_EQ(folds, list.foldsDrawn);
  EXPECT_EQ(fromHits, static_cast<std::int64_t>(list.itemsDrawn) + list.eventsFolded);

  const float maxPerRow = axis.width / MinVisPx + 1.f;
  for (std::size_t r = 0; r < perRow.size(); ++r)
    EXPECT_LE(static_cast<float>(perRow[r]), maxPerRow) << "row " << r;

  // Every event whose day meets the view is covered; what else is covered lies within a marker's
  // width of the edges (a diamond reaches beyond its day).
  const double margin = ctx.theme->markerSize * ctx.scale / axis.PxPerDay();
  std::int64_t inView = 0;
  for (std::size_t e = 0; e < m.dayOf.size(); ++e) {
    const std::int32_t day = m.dayOf[e];
    const bool meets = day + 1 > axis.startDay && day < axis.endDay;
    inView += meets ? 1 : 0;
    if (meets) {
      ASSERT_EQ(covered[e], 1) << "event " << e << " on " << FormatIsoDay(FromDayNumber(day)) << " not drawn";
    } else if (covered[e]) {
      EXPECT_GT(day + 1, axis.startDay - margin - 1.0) << e;
      EXPECT_LT(day, axis.endDay + margin + 1.0) << e;
    }
  }
  EXPECT_GE(fromHits, inView);
  EXPECT_EQ(inView, m.CountDays(axis.startDay, axis.endDay));
}

TEST(BuildFrameMillion, FullZoomOutIsBoundedAndConservesCounts) {
  const Million& m = Million::Get();
  const FrameContext ctx = MakeContext(Day1898, Day1954, m.layout);
  AxisTicks ticks;
  FrameDrawList list;
  const auto t0 = std::chrono::steady_clock::now();
  BuildFrame(ctx, m.dataset, m.layout, ticks, list);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  RecordProperty("frame_ms", std::to_string(ms));
  // Every event is in this view: all of them are accounted for, almost all folded.
  EXPECT_EQ(list.itemsDrawn + list.eventsFolded, static_cast<int>(m.dataset.events.size()));
  EXPECT_GT(list.foldsDrawn, 0);
  EXPECT_GT(list.eventsFolded, 900'000);
  CheckFoldsConserve(m, ctx, list);
  // Output is bounded by pixels: a few per pixel column and row, not per event.
  EXPECT_LT(list.cmds.size(), 200'000u);
  EXPECT_LT(list.hits.size(), 100'000u);
}

TEST(BuildFrameMillion, PartialViewsConserveCounts) {
  const Million& m = Million::Get();
  AxisTicks ticks;
  FrameDrawList list;
  const View views[] = {{"1920-1925", DayD(1920_y / date::January / 1), DayD(1926_y / date::January / 1)},
                        {"1917", DayD(1917_y / date::January / 1) + 0.5, DayD(1918_y / date::January / 1) + 0.5},
                        {"two months", DayD(1941_y / date::June / 1), DayD(1941_y / date::August / 1)},
                        {"edge", Day1898 - 400.0, Day1898 + 800.0}};
  for (const View& v : views) {
    SCOPED_TRACE(v.name);
    const FrameContext ctx = MakeContext(v.start, v.end, m.layout);
    BuildFrame(ctx, m.dataset, m.layout, ticks, list);
    CheckFoldsConserve(m, ctx, list);
    if (HasFatalFailure()) return;
  }
}

TEST(BuildFrameMillion, SteadyStateAllocatesNothing) {
  const Million& m = Million::Get();
  AxisTicks ticks;
  FrameDrawList list;
  for (const double span : {Day1954 - Day1898 + 0.0, 400.0, 7.0}) {
    const FrameContext ctx = MakeContext(Day(1922_y / date::April / 3) - span / 2, Day(1922_y / date::April / 3) + span / 2,
                                         m.layout);
    BuildFrame(ctx, m.dataset, m.layout, ticks, list);
    const std::size_t cmdsCap = list.cmds.capacity();
    const std::size_t hitsCap = list.hits.capacity();
    const std::size_t lanesCap = list.lanes.capacity();
    const DrawCmd* cmdsData = list.cmds.data();
    const HitItem* hitsData = list.hits.data();
    const LaneBox* lanesData = list.lanes.data();
    const std::size_t cmds = list.cmds.size();
    const std::size_t hits = list.hits.size();
    BuildFrame(ctx, m.dataset, m.layout, ticks, list);
    EXPECT_EQ(list.cmds.capacity(), cmdsCap) << span;
    EXPECT_EQ(list.hits.capacity(), hitsCap) << span;
    EXPECT_EQ(list.lanes.capacity(), lanesCap) << span;
    EXPECT_EQ(list.cmds.data(), cmdsData) << span;
    EXPECT_EQ(list.hits.data(), hitsData) << span;
    EXPECT_EQ(list.lanes.data(), lanesData) << span;
    // And the same frame again is the same output.
    EXPECT_EQ(list.cmds.size(), cmds);
    EXPECT_EQ(list.hits.size(), hits);
  }
}

TEST(BuildFrameMillion, ZoomedInItemsAreDrawnOneByOneAndHitWhereDrawn) {
  const Million& m = Million::Get();
  const std::int32_t first = Day(1922_y / date::April / 3);
  const FrameContext ctx = MakeContext(first, first + 7.0, m.layout);
  AxisTicks ticks;
  FrameDrawList list;
  BuildFrame(ctx, m.dataset, m.layout, ticks, list);
  EXPECT_EQ(list.foldsDrawn, 0);
  EXPECT_EQ(list.eventsFolded, 0);
  EXPECT_GT(list.itemsDrawn, 7 * 30);
  // Exactly the events of these seven days: at 186 px a day a marker (11 px) stays within its day,
  // so the days either side have nothing on screen.
  EXPECT_EQ(list.itemsDrawn, m.CountDays(first, first + 7.0));
  CheckFoldsConserve(m, ctx, list);

  // For each day and each full row, the event of that row on that day is what the pointer hits at
  // the middle of the day and of the row.
  const TimeAxis axis = ctx.Axis();
  const Lane& lane = m.layout.lanes[0];
  ASSERT_EQ(list.lanes.size(), 1u);
  const LaneBox& box = list.lanes[0];
  ASSERT_GT(box.fullRows, 5);
  int checked = 0;
  for (int r = 0; r < box.fullRows; ++r) {
    const LaneRow& row = lane.rows[static_cast<std::size_t>(r)];
    const float y = box.yTop + ctx.LanePadding() + (static_cast<float>(r) + 0.5f) * ctx.RowHeight();
    for (std::int32_t day = first; day < first + 7; ++day) {
      const auto it = std::lower_bound(row.startDay.begin(), row.startDay.end(), day);
      const float x = axis.DayToX(day + 0.5);
      const HitItem* hit = HitTest(list, x, y);
      if (it != row.startDay.end() && *it == day) {
        const std::int32_t event = row.event[static_cast<std::size_t>(it - row.startDay.begin())];
        ASSERT_NE(hit, nullptr) << "row " << r << " day " << FormatIsoDay(FromDayNumber(day));
        EXPECT_EQ(hit->event, event);
        EXPECT_EQ(hit->row, r);
        EXPECT_EQ(hit->foldCount, 1);
        ++checked;
      } else if (hit) {
        // Nothing on that day in this row: at most the label of an earlier item reaches here.
        EXPECT_EQ(hit->row, r);
        EXPECT_LT(m.dayOf[static_cast<std::size_t>(hit->event)], day);
      }
    }
  }
  EXPECT_GT(checked, 5 * box.fullRows);
  // The centre of every hit finds that hit, unless a later (topmost) one covers the same point.
  int own = 0;
  for (std::size_t k = 0; k < list.hits.size(); ++k) {
    const HitItem& h = list.hits[k];
    const float cx = (h.x0 + h.x1) * 0.5f;
    const float cy = (h.y0 + h.y1) * 0.5f;
    const HitItem* got = HitTest(list, cx, cy);
    ASSERT_NE(got, nullptr);
    EXPECT_GE(got, &h);
    own += got == &h ? 1 : 0;
  }
  EXPECT_GT(own, static_cast<int>(list.hits.size() * 9 / 10));
  // Nothing to hit in the axis band or the header column.
  EXPECT_EQ(HitTest(list, axis.x0 + 100.f, ctx.canvasY0 + 5.f), nullptr);
  EXPECT_EQ(HitTest(list, ctx.canvasX0 + 10.f, box.yTop + 20.f), nullptr);
}

TEST(BuildFrameMillion, SelectedEventIsOutlinedInTheSelectionColour) {
  const Million& m = Million::Get();
  const std::int32_t first = Day(1922_y / date::April / 3);
  FrameContext ctx = MakeContext(first, first + 7.0, m.layout);
  const Theme& theme = LightTheme();
  AxisTicks ticks;
  FrameDrawList list;
  auto selectionCmds = [&]() {
    std::vector<const DrawCmd*> found;
    for (const DrawCmd& c : list.cmds)
      if (c.color == theme.selection) found.push_back(&c);
    return found;
  };
  BuildFrame(ctx, m.dataset, m.layout, ticks, list);
  EXPECT_TRUE(selectionCmds().empty());

  // An event of the top row on 5 April 1922.
  const LaneRow& row = m.layout.lanes[0].rows[0];
  const auto it = std::lower_bound(row.startDay.begin(), row.startDay.end(), first + 2);
  ASSERT_NE(it, row.startDay.end());
  ASSERT_LT(*it, first + 7);
  const std::int32_t selected = row.event[static_cast<std::size_t>(it - row.startDay.begin())];
  ctx.selectedEvent = selected;
  BuildFrame(ctx, m.dataset, m.layout, ticks, list);
  const auto found = selectionCmds();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->kind, DrawKind::RectOutline);
  const HitItem* hit = nullptr;
  for (const HitItem& h : list.hits)
    if (h.event == selected) hit = &h;
  ASSERT_NE(hit, nullptr);
  // The outline surrounds the item's day, within its row.
  const float dayX = ctx.Axis().DayToX(m.dayOf[static_cast<std::size_t>(selected)] + 0.5);
  EXPECT_LT(found[0]->x0, dayX);
  EXPECT_GT(found[0]->x1, dayX);
  EXPECT_GE(found[0]->y0, hit->y0);
  EXPECT_LE(found[0]->y1, hit->y1);

  // Selecting an event outside the view draws no outline.
  ctx.selectedEvent = m.layout.lanes[0].rows[0].event.front();
  BuildFrame(ctx, m.dataset, m.layout, ticks, list);
  EXPECT_TRUE(selectionCmds().empty());
}

}  // namespace
}  // namespace parallax
