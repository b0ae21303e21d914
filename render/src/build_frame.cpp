#include "render/build_frame.hpp"

#include "frame_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parallax {

// [SECTION] Shared helpers

namespace detail {

void PushRect(FrameDrawList& out, DrawKind kind, float x0, float y0, float x1, float y1, std::uint32_t color,
              float thickness) {
  DrawCmd cmd;
  cmd.kind = kind;
  cmd.x0 = x0;
  cmd.y0 = y0;
  cmd.x1 = x1;
  cmd.y1 = y1;
  cmd.color = color;
  cmd.thickness = thickness;
  out.cmds.push_back(cmd);
}

void PushText(FrameDrawList& out, bool bold, float x, float y, std::uint32_t color, const char* begin, const char* end,
              float clipX0, float clipX1, bool ellipsis) {
  DrawCmd cmd;
  cmd.kind = bold ? DrawKind::TextBold : DrawKind::Text;
  cmd.flags = ellipsis ? DrawFlagEllipsis : DrawFlagNone;
  cmd.x0 = x;
  cmd.y0 = y;
  cmd.color = color;
  cmd.text = begin;
  cmd.textEnd = end;
  cmd.clipX0 = clipX0;
  cmd.clipX1 = clipX1;
  out.cmds.push_back(cmd);
}

namespace {
const char* const Ellipsis = "\xE2\x80\xA6";
}  // namespace

const char* FitText(const FrameContext& ctx, bool bold, const char* begin, const char* end, float width, bool& ellipsis,
                    float& drawnWidth) {
  ellipsis = false;
  const float full = ctx.measureText(begin, end, bold, ctx.measureUser);
  if (full <= width) {
    drawnWidth = full;
    return end;
  }
  const float ellipsisWidth = ctx.measureText(Ellipsis, Ellipsis + 3, bold, ctx.measureUser);
  const float room = width - ellipsisWidth;
  if (room <= 0.f) return nullptr;
  // Binary search on byte length, then step back to a character boundary.
  std::size_t lo = 0;
  std::size_t hi = static_cast<std::size_t>(end - begin);
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (ctx.measureText(begin, begin + mid, bold, ctx.measureUser) <= room) lo = mid;
    else hi = mid - 1;
  }
  const char* cut = begin + lo;
  while (cut > begin && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) --cut;
  while (cut > begin && cut[-1] == ' ') --cut;  // no space before the ellipsis
  if (cut == begin) return nullptr;
  ellipsis = true;
  drawnWidth = ctx.measureText(begin, cut, bold, ctx.measureUser) + ellipsisWidth;
  return cut;
}

std::pair<const char*, const char*> ArenaText(FrameDrawList& out, const char* text, int length) {
  const std::size_t n = static_cast<std::size_t>(std::max(length, 0));
  if (out.textUsed + n > out.textArena.size()) return {nullptr, nullptr};
  char* begin = out.textArena.data() + out.textUsed;
  std::copy(text, text + n, begin);
  out.textUsed += n;
  return {begin, begin + n};
}

std::uint32_t VerdictColor(const Theme& theme, Verdict verdict) {
  return parallax::VerdictColor(theme, static_cast<int>(verdict));
}

float RowMidY(const FrameContext& ctx, const LaneBox& box, int row) {
  if (row < box.fullRows) return box.yTop + ctx.LanePadding() + (static_cast<float>(row) + 0.5f) * ctx.RowHeight();
  return box.densityY0 + (static_cast<float>(row - box.fullRows) + 0.5f) * box.densityPitch;
}

}  // namespace detail

using namespace detail;

namespace {

// [SECTION] One item

struct RowGeometry {
  float yTop = 0.f;
  float yBottom = 0.f;
  float yMid = 0.f;
  float x0 = 0.f;  // time area
  float x1 = 0.f;
  bool compact = false;  // a compressed row of the density band: thin marks, no labels
};

// What one row item is: an event of a source lane, or a claim's record in the Record lane.
struct ItemView {
  const EdtfInterval* date = nullptr;
  const std::string* title = nullptr;
  std::uint32_t color = 0;   // full-strength colour
  bool inferred = false;
  bool editor = false;
  bool flagged = false;      // contradicts something
  bool dimmed = false;       // outside the highlighted claim
  bool selected = false;
  std::int32_t event = -1;
  std::int32_t claim = -1;   // for Record lane items
};

ItemView ViewOf(const FrameContext& ctx, const Dataset& dataset, const Lane& lane, std::int32_t index) {
  const Theme& theme = *ctx.theme;
  ItemView v;
  if (lane.source < 0) {
    const Claim& claim = dataset.claims[static_cast<std::size_t>(index)];
    v.date = &claim.record;
    v.title = &claim.title;
    v.color = FromRgb(theme.recordLane);
    v.claim = index;
    v.flagged = ctx.analysis && ctx.analysis->claims[static_cast<std::size_t>(index)].worst == Verdict::Contradicts;
    v.dimmed = ctx.highlightClaim >= 0 && index != ctx.highlightClaim;
    v.selected = index == ctx.highlightClaim && ctx.selectedEvent < 0;
    return v;
  }
  const Event& event = dataset.events[static_cast<std::size_t>(index)];
  v.date = &event.date;
  v.title = &event.title;
  v.color = FromRgb(dataset.sources[static_cast<std::size_t>(lane.source)].color);
  if (event.voice == Voice::Editor) v.color = MixColor(v.color, PackColor(128, 128, 128), theme.editorMix / 255.f);
  v.inferred = event.basis == Basis::Inferred;
  v.editor = event.voice == Voice::Editor;
  v.flagged = ctx.analysis && ctx.analysis->eventContradicts[static_cast<std::size_t>(index)] != 0;
  v.dimmed = ctx.highlightClaim >= 0 && event.claim != ctx.highlightClaim;
  v.selected = index == ctx.selectedEvent;
  v.event = index;
  return v;
}

// Draws an item's marks; returns the x where its label may start.
float DrawItem(const FrameContext& ctx, const TimeAxis& axis, const ItemView& item, const RowGeometry& row,
               FrameDrawList& out) {
  const Theme& theme = *ctx.theme;
  const EdtfInterval& date = *item.date;
  const float fade = item.dimmed ? theme.dimAlpha / 255.f : 1.f;
  auto alpha = [&](std::uint32_t a) { return static_cast<std::uint32_t>(static_cast<float>(a) * fade); };
  const std::uint32_t base = WithAlpha(item.color, alpha(255));
  const bool uncertain = (date.Qualifiers() & QualifierUncertain) != 0;
  const bool approximate = (date.Qualifiers() & QualifierApproximate) != 0;
  const float inset = 3.f * ctx.scale;
  const float y0 = row.yTop + inset;
  const float y1 = row.yBottom - inset;
  const float half = theme.markerSize * ctx.scale * 0.5f;

  auto clampX = [&](float x) { return std::clamp(x, row.x0 - 2.f, row.x1 + 2.f); };
  const DayExtent extent = EventExtent(date, DayNumber(FarPast) + 1, DayNumber(FarFuture) - 1);
  const bool openStart = date.start.kind != BoundKind::Known;
  const bool openEnd = date.end.kind != BoundKind::Known;
  const float ex0 = openStart ? row.x0 - 2.f : clampX(axis.DayToX(extent.start));
  const float ex1 = openEnd ? row.x1 + 2.f : clampX(axis.DayToX(extent.end));

  // The uncertain extent: every day the written value can mean, faded. An approximate date fades
  // further out on both sides (a soft edge), so "~" reads differently from an exact span.
  if (ex1 - ex0 >= 1.f) {
    PushRect(out, DrawKind::RectFilled, ex0, y0, ex1, y1, WithAlpha(base, alpha(theme.extentAlpha)));
    if (approximate) {
      const float soft = std::max(4.f * ctx.scale, (ex1 - ex0) * 0.25f);
      const std::uint32_t c = WithAlpha(base, alpha(theme.extentAlpha / 2));
      PushRect(out, DrawKind::RectFilled, clampX(ex0 - soft), y0 + 2.f, ex0, y1 - 2.f, c);
      PushRect(out, DrawKind::RectFilled, ex1, y0 + 2.f, clampX(ex1 + soft), y1 - 2.f, c);
    }
    if (uncertain) PushRect(out, DrawKind::RectDashed, ex0, y0, ex1, y1, WithAlpha(base, alpha(220)), ctx.scale);
  }

  float labelX = ex0;
  float markX = ex1;  // where the contradiction mark goes
  if (date.isInterval) {
    // The certain core of a range: from the latest possible start to the earliest possible end.
    // An open or unknown end has no certain part: only the known end's own span is solid.
    const double coreStart = openStart ? DayNumber(date.end.earliest) : DayNumber(date.start.latest);
    const double coreEnd = openEnd ? DayNumber(date.start.latest) + 1.0 : DayNumber(date.end.earliest) + 1.0;
    if (coreEnd > coreStart) {
      const float cx0 = clampX(axis.DayToX(coreStart));
      const float cx1 = std::max(clampX(axis.DayToX(coreEnd)), cx0 + 1.f);
      if (item.inferred) {
        PushRect(out, DrawKind::RectFilled, cx0, y0, cx1, y1, WithAlpha(base, alpha(theme.extentAlpha)));
        PushRect(out, uncertain ? DrawKind::RectDashed : DrawKind::RectOutline, cx0, y0, cx1, y1, base, 1.5f * ctx.scale);
      } else {
        PushRect(out, DrawKind::RectFilled, cx0, y0, cx1, y1, WithAlpha(base, alpha(theme.coreAlpha)));
      }
      markX = openEnd ? cx1 : ex1;
    }
    labelX = (openStart ? std::max(ex0, std::min(axis.DayToX(coreStart), row.x1)) : ex0) + 3.f * ctx.scale;
  } else if (date.start.precision == Precision::Day || ex1 - ex0 < 2.f * half) {
    // A day-exact date (or one too narrow to show its extent) is a point: a diamond at its middle.
    const float cx = (ex0 + ex1) * 0.5f;
    DrawCmd cmd;
    cmd.kind = item.inferred ? DrawKind::DiamondOutline : DrawKind::Diamond;
    cmd.x0 = cx - half;
    cmd.x1 = cx + half;
    cmd.y0 = row.yMid - half;
    cmd.y1 = row.yMid + half;
    cmd.color = base;
    cmd.thickness = 1.5f * ctx.scale;
    out.cmds.push_back(cmd);
    labelX = std::max(ex1, cx + half) + theme.labelGap * ctx.scale;
    markX = cx + half;
  } else {
    // An imprecise single date: brackets at the ends of its faded extent.
    const float w = std::min(3.f * ctx.scale, (ex1 - ex0) * 0.25f);
    if (item.inferred) {
      PushRect(out, DrawKind::RectOutline, ex0, y0, ex1, y1, base, 1.5f * ctx.scale);
    } else {
      PushRect(out, DrawKind::RectFilled, ex0, y0, ex0 + w, y1, base);
      PushRect(out, DrawKind::RectFilled, ex1 - w, y0, ex1, y1, base);
    }
    labelX = ex0 + w + 3.f * ctx.scale;
  }
  // A contradiction is marked on the item itself: a small vermillion tab at its top right.
  if (item.flagged) {
    const float t = 4.f * ctx.scale;
    const float mx = std::min(markX, row.x1 - t);
    PushRect(out, DrawKind::RectFilled, mx - t, row.yTop + 1.f, mx + t * 0.5f, row.yTop + 1.f + t,
             WithAlpha(theme.verdictContradicts, alpha(255)));
  }
  return std::max(labelX, row.x0 + 2.f);
}

// Draws row item `index` with its label, which runs up to the start of item `next` in the same row
// (items of a row never overlap, so labels never do either), and records its hit rectangle.
void EmitItem(const FrameContext& ctx, const TimeAxis& axis, const Dataset& dataset, const Lane& lane, const LaneRow& row,
              std::size_t index, std::size_t next, const RowGeometry& geo, std::int32_t laneIndex, std::int32_t rowIndex,
              FrameDrawList& out) {
  const Theme& theme = *ctx.theme;
  const ItemView item = ViewOf(ctx, dataset, lane, row.event[index]);
  const float x0 = axis.DayToX(row.startDay[index]);
  const float x1 = axis.DayToX(row.endDay[index]);
  const float half = theme.markerSize * ctx.scale * 0.5f;
  HitItem hit;
  hit.event = item.event;
  hit.claim = item.claim;
  hit.foldCount = 1;
  hit.flagged = item.flagged ? 1 : 0;
  hit.lane = laneIndex;
  hit.row = rowIndex;
  hit.rowFirst = static_cast<std::int32_t>(index);
  if (geo.compact) {
    // The density band: a thin mark over the item's extent (at least a pixel), no label.
    hit.x0 = std::max(x0, geo.x0);
    hit.x1 = std::min(std::max(x1, x0 + 1.f), geo.x1);
    hit.y0 = geo.yTop;
    hit.y1 = geo.yBottom;
    std::uint32_t color = WithAlpha(item.color, item.inferred ? 130 : 230);
    if (item.flagged) color = theme.verdictContradicts;
    if (item.dimmed) color = WithAlpha(color, theme.dimAlpha);
    if (item.selected) color = theme.selection;
    PushRect(out, DrawKind::RectFilled, hit.x0, hit.y0, hit.x1, hit.y1, color);
    out.hits.push_back(hit);
    ++out.itemsDrawn;
    return;
  }
  const float labelX = DrawItem(ctx, axis, item, geo, out);
  hit.x0 = std::max(std::min(x0, (x0 + x1) * 0.5f - half), geo.x0);
  hit.x1 = std::min(std::max({x1, (x0 + x1) * 0.5f + half, labelX}), geo.x1);
  const float nextX = next < row.startDay.size() ? axis.DayToX(row.startDay[next]) : geo.x1;
  const float labelRight = std::min(nextX - theme.labelGap * ctx.scale, geo.x1);
  if (labelRight - labelX >= theme.minLabelWidth * ctx.scale) {
    bool cut = false;
    float drawn = 0.f;
    const char* begin = item.title->data();
    if (const char* end = FitText(ctx, false, begin, begin + item.title->size(), labelRight - labelX, cut, drawn)) {
      std::uint32_t color = item.editor ? theme.textEditor : theme.text;
      if (item.dimmed) color = WithAlpha(color, theme.dimAlpha * 2);
      PushText(out, false, labelX, geo.yMid - ctx.fontHeight * 0.5f, color, begin, end, geo.x0, geo.x1, cut);
      hit.x1 = std::min(std::max(hit.x1, labelX + drawn), geo.x1);
    }
  }
  hit.y0 = geo.yTop;
  hit.y1 = geo.yBottom;
  if (item.selected) {
    const float pad = 2.f * ctx.scale;
    PushRect(out, DrawKind::RectOutline, hit.x0 - pad, hit.y0 + 1.f, std::min(std::max(x1, x0 + 2.f * half), geo.x1) + pad,
             hit.y1 - 1.f, theme.selection, 2.f * ctx.scale);
  }
  out.hits.push_back(hit);
  ++out.itemsDrawn;
}

// Whether an item is shown under the "contested only" filter.
bool Shown(const FrameContext& ctx, const LaneRow& row, std::size_t index) {
  return !ctx.contestedOnly || row.contestedBefore[index + 1] > row.contestedBefore[index];
}

// [SECTION] One row: the visible slice, items and folds

void BuildRow(const FrameContext& ctx, const TimeAxis& axis, const Dataset& dataset, const Lane& lane, const LaneRow& row,
              const RowGeometry& geo, std::int32_t laneIndex, std::int32_t rowIndex, FrameDrawList& out) {
  const Theme& theme = *ctx.theme;
  // The visible slice: ends after the left edge, starts before the right edge. A point's diamond
  // reaches half a marker beyond its day, so widen the range by that much.
  // (Only what sticks out of the day: nothing once a day is wider than a marker, so that the days
  // just outside the view are not drawn, clamped, at its edges.)
  const double marginDays = std::max(0.0, theme.markerSize * ctx.scale * 0.5 / axis.PxPerDay() - 0.5);
  const auto viewFirst = static_cast<std::int32_t>(std::floor(axis.startDay - marginDays));
  const auto viewLast = static_cast<std::int32_t>(std::ceil(axis.endDay + marginDays));
  std::size_t i = static_cast<std::size_t>(std::upper_bound(row.endDay.begin(), row.endDay.end(), viewFirst) -
                                           row.endDay.begin());
  const std::size_t last = static_cast<std::size_t>(
      std::lower_bound(row.startDay.begin(), row.startDay.end(), viewLast) - row.startDay.begin());
  const auto& counted = ctx.contestedOnly ? row.contestedBefore : row.flaggedBefore;

  while (i < last) {
    const float x0 = axis.DayToX(row.startDay[i]);
    const float x1 = axis.DayToX(row.endDay[i]);
    if (x1 - x0 >= MinVisPx) {
      if (Shown(ctx, row, i)) EmitItem(ctx, axis, dataset, lane, row, i, i + 1, geo, laneIndex, rowIndex, out);
      ++i;
      continue;
    }
    // A fold: narrow items and everything starting within MinVisPx of them, found by binary search.
    const std::size_t first = i;
    float foldX1 = std::max(x1, x0 + 1.f);
    ++i;
    while (i < last) {
      const double reach = axis.XToDay(foldX1 + MinVisPx);
      const std::size_t next = static_cast<std::size_t>(
          std::upper_bound(row.startDay.begin() + static_cast<std::ptrdiff_t>(i),
                           row.startDay.begin() + static_cast<std::ptrdiff_t>(last), reach) -
          row.startDay.begin());
      if (next == i) break;
      i = next;
      foldX1 = std::max(foldX1, axis.DayToX(row.endDay[i - 1]));  // ends are sorted within a row
    }
    const std::size_t count = i - first;
    if (count == 1) {
      // A lone narrow item is drawn as itself (a point keeps its marker at any zoom).
      if (Shown(ctx, row, first)) EmitItem(ctx, axis, dataset, lane, row, first, i, geo, laneIndex, rowIndex, out);
      continue;
    }
    const std::int32_t shownCount =
        ctx.contestedOnly ? counted[i] - counted[first] : static_cast<std::int32_t>(count);
    if (shownCount == 0) continue;
    if (shownCount == 1) {
      // Only one item of the run is shown: draw it as itself (found by binary search on the counts).
      const auto k = static_cast<std::size_t>(
          std::upper_bound(counted.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                           counted.begin() + static_cast<std::ptrdiff_t>(i) + 1, counted[first]) -
          counted.begin()) - 1;
      EmitItem(ctx, axis, dataset, lane, row, k, i, geo, laneIndex, rowIndex, out);
      continue;
    }
    const std::int32_t flagged = row.flaggedBefore[i] - row.flaggedBefore[first];
    const std::uint32_t laneColor = lane.source < 0 ? FromRgb(theme.recordLane)
                                                    : FromRgb(dataset.sources[static_cast<std::size_t>(lane.source)].color);
    const float fx0 = std::max(x0, geo.x0);
    const float fx1 = std::min(std::max(foldX1, fx0 + MinVisPx), geo.x1);
    const bool dimmed = ctx.highlightClaim >= 0;
    if (geo.compact) {
      PushRect(out, DrawKind::RectFilled, fx0, geo.yTop, fx1, geo.yBottom,
               flagged > 0 ? theme.verdictContradicts : WithAlpha(laneColor, dimmed ? theme.dimAlpha : 200));
    } else {
      const float inset = 3.f * ctx.scale;
      PushRect(out, DrawKind::RectFilled, fx0, geo.yTop + inset, fx1, geo.yBottom - inset,
               WithAlpha(laneColor, dimmed ? theme.dimAlpha : 110));
      PushRect(out, DrawKind::RectOutline, fx0, geo.yTop + inset, fx1, geo.yBottom - inset,
               WithAlpha(laneColor, dimmed ? theme.dimAlpha : 230), ctx.scale);
      // A fold never hides a contradiction: it carries the mark, and the count where it fits.
      if (flagged > 0) {
        PushRect(out, DrawKind::RectFilled, fx0, geo.yTop + 1.f, fx1, geo.yTop + 1.f + 3.f * ctx.scale,
                 theme.verdictContradicts);
        char buf[16];
        const int n = std::snprintf(buf, sizeof buf, "%d", flagged);
        const auto [tb, te] = ArenaText(out, buf, n);
        const float w = tb ? ctx.measureText(tb, te, true, ctx.measureUser) : 1e9f;
        const float nextX = i < row.startDay.size() ? axis.DayToX(row.startDay[i]) : geo.x1;
        if (tb && fx1 + 2.f + w < std::min(nextX, geo.x1))
          PushText(out, true, fx1 + 2.f, geo.yMid - ctx.fontHeight * 0.5f, theme.verdictContradicts, tb, te, geo.x0, geo.x1);
      }
    }
    HitItem hit;
    hit.x0 = fx0;
    hit.x1 = fx1;
    hit.y0 = geo.yTop;
    hit.y1 = geo.yBottom;
    hit.event = lane.source < 0 ? -1 : row.event[first];
    hit.claim = lane.source < 0 ? row.event[first] : -1;
    hit.foldCount = shownCount;
    hit.flagged = flagged;
    hit.lane = laneIndex;
    hit.row = rowIndex;
    hit.rowFirst = static_cast<std::int32_t>(first);
    hit.foldStartDay = row.startDay[first];
    hit.foldEndDay = row.endDay[i - 1];
    out.hits.push_back(hit);
    ++out.foldsDrawn;
    out.eventsFolded += static_cast<int>(count);
  }
}

}  // namespace

// [SECTION] Geometry

float NaturalLaneHeight(const FrameContext& ctx, const Lane& lane) {
  const float rows = static_cast<float>(std::max<std::size_t>(lane.rows.size(), 1));
  const float header = ctx.fontHeight * 2.f + ctx.LanePadding() * 2.f;
  return std::max(rows * ctx.RowHeight() + ctx.LanePadding() * 2.f, header);
}

float ComputeLaneBoxes(const FrameContext& ctx, const TimelineLayout& layout, std::vector<LaneBox>& boxes) {
  const std::size_t n = layout.lanes.size();
  boxes.resize(n);  // no allocation once the lane count is known
  const float available = ctx.LanesBottom() - ctx.LanesTop();
  // A lane never gets less than its header needs (title, detail, hint) and one row; below that the
  // canvas scrolls.
  const float minHeight = ctx.fontHeight * 3.f + ctx.LanePadding() * 2.f + 4.f * ctx.scale;
  auto expanded = [&](std::size_t i) { return i < 64 && ((ctx.expandedLanes >> i) & 1u) != 0; };

  // Water-filling: lanes that need less than an equal share keep their natural height; the others
  // split what is left. Expanded lanes always take their natural height (the canvas then scrolls).
  float remaining = available;
  std::size_t open = 0;
  for (std::size_t i = 0; i < n; ++i) {
    boxes[i].height = NaturalLaneHeight(ctx, layout.lanes[i]);
    if (expanded(i)) remaining -= boxes[i].height;
    else ++open;
  }
  std::uint64_t settled = 0;
  for (bool changed = true; changed && open > 0;) {
    changed = false;
    const float share = std::max(remaining / static_cast<float>(open), minHeight);
    for (std::size_t i = 0; i < n && i < 64; ++i) {
      if (expanded(i) || ((settled >> i) & 1u)) continue;
      if (boxes[i].height <= share) {
        settled |= std::uint64_t{1} << i;
        remaining -= boxes[i].height;
        --open;
        changed = true;
      }
    }
  }
  const float share = open > 0 ? std::max(remaining / static_cast<float>(open), minHeight) : 0.f;
  float y = ctx.LanesTop() - ctx.scrollY;
  float total = 0.f;
  for (std::size_t i = 0; i < n; ++i) {
    LaneBox& box = boxes[i];
    const Lane& lane = layout.lanes[i];
    const int rows = static_cast<int>(std::max<std::size_t>(lane.rows.size(), 1));
    if (!expanded(i) && !(i < 64 && ((settled >> i) & 1u))) box.height = std::min(box.height, share);
    box.yTop = y;
    const float inner = box.height - ctx.LanePadding() * 2.f;
    const int fitting = static_cast<int>(std::floor(inner / ctx.RowHeight() + 1e-3f));
    if (fitting >= rows) {
      box.fullRows = rows;
      box.densityY0 = box.yTop + box.height;
      box.densityPitch = 0.f;
    } else {
      // Keep a band for the compressed rows: about 2 px each, up to a third of the lane.
      const float band = std::min(inner * 0.34f, std::max(static_cast<float>(rows - fitting + 1) * 2.f * ctx.scale,
                                                          ctx.RowHeight()));
      box.fullRows = std::max(0, std::min(fitting, static_cast<int>(std::floor((inner - band) / ctx.RowHeight()))));
      box.densityY0 = box.yTop + ctx.LanePadding() + static_cast<float>(box.fullRows) * ctx.RowHeight();
      box.densityPitch = (box.yTop + box.height - ctx.LanePadding() - box.densityY0) / static_cast<float>(rows - box.fullRows);
    }
    y += box.height;
    total += box.height;
  }
  return total;
}

std::int32_t LaneAt(const std::vector<LaneBox>& boxes, float y) {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (y >= boxes[i].yTop && y < boxes[i].yTop + boxes[i].height) return static_cast<std::int32_t>(i);
  return -1;
}

const HitItem* HitTest(const FrameDrawList& list, float x, float y) {
  for (auto it = list.hits.rbegin(); it != list.hits.rend(); ++it)
    if (x >= it->x0 && x < it->x1 && y >= it->y0 && y < it->y1) return &*it;
  return nullptr;
}

// [SECTION] The frame

void BuildFrame(const FrameContext& ctx, const Dataset& dataset, const TimelineLayout& layout, AxisTicks& ticks,
                FrameDrawList& out) {
  out.Clear();
  const Theme& theme = *ctx.theme;
  const TimeAxis axis = ctx.Axis();
  const float timeX0 = axis.x0;
  const float timeX1 = ctx.canvasX1;
  const float lanesY0 = ctx.LanesTop();
  const float lanesY1 = ctx.LanesBottom();
  const float rowH = ctx.RowHeight();
  ComputeTicks(axis, theme.tickMinSpacing * ctx.scale, ticks);

  PushRect(out, DrawKind::RectFilled, timeX0, lanesY0, timeX1, lanesY1, theme.canvasBg);

  // Lane bands, with the density band of compressed rows shaded.
  out.contentHeight = ComputeLaneBoxes(ctx, layout, out.lanes);
  for (std::size_t li = 0; li < layout.lanes.size(); ++li) {
    const LaneBox& box = out.lanes[li];
    const float top = std::max(box.yTop, lanesY0);
    const float bottom = std::min(box.yTop + box.height, lanesY1);
    if (bottom <= top) continue;
    PushRect(out, DrawKind::RectFilled, timeX0, top, timeX1, bottom, li % 2 ? theme.laneBgOdd : theme.laneBgEven);
    if (box.densityPitch > 0.f && box.densityY0 < bottom)
      PushRect(out, DrawKind::RectFilled, timeX0, std::max(box.densityY0 - 1.f, top), timeX1, bottom, theme.densityBg);
    if (box.yTop + box.height <= lanesY1)
      PushRect(out, DrawKind::Line, timeX0, box.yTop + box.height, timeX1, box.yTop + box.height, theme.laneSeparator);
  }
  {
    const float before = axis.DayToX(DayNumber(dataset.view.Earliest()));
    const float after = axis.DayToX(DayNumber(dataset.view.Latest()) + 1.0);
    if (before > timeX0) PushRect(out, DrawKind::RectFilled, timeX0, lanesY0, std::min(before, timeX1), lanesY1, theme.outOfRangeShade);
    if (after < timeX1) PushRect(out, DrawKind::RectFilled, std::max(after, timeX0), lanesY0, timeX1, lanesY1, theme.outOfRangeShade);
  }
  // Grid: a faint line per tick, a stronger one per context boundary.
  for (int i = 0; i < ticks.count; ++i) {
    const float x = ticks.ticks[static_cast<std::size_t>(i)].x;
    if (x >= timeX0 && x <= timeX1) PushRect(out, DrawKind::Line, x, lanesY0, x, lanesY1, theme.gridMinor);
  }
  for (int i = 0; i < ticks.contextCount; ++i) {
    const float x = axis.DayToX(ticks.context[static_cast<std::size_t>(i)].day);
    if (x > timeX0 && x <= timeX1) PushRect(out, DrawKind::Line, x, lanesY0, x, lanesY1, theme.gridMajor);
  }

  // [SECTION] Items, row by row
  for (std::size_t li = 0; li < layout.lanes.size(); ++li) {
    const Lane& lane = layout.lanes[li];
    const LaneBox& box = out.lanes[li];
    for (std::size_t ri = 0; ri < lane.rows.size(); ++ri) {
      RowGeometry geo;
      geo.compact = static_cast<int>(ri) >= box.fullRows;
      if (geo.compact) {
        geo.yTop = box.densityY0 + static_cast<float>(static_cast<int>(ri) - box.fullRows) * box.densityPitch;
        geo.yBottom = geo.yTop + std::max(box.densityPitch, 1.f);
      } else {
        geo.yTop = box.yTop + ctx.LanePadding() + static_cast<float>(ri) * rowH;
        geo.yBottom = geo.yTop + rowH;
      }
      geo.yMid = (geo.yTop + geo.yBottom) * 0.5f;
      geo.x0 = timeX0;
      geo.x1 = timeX1;
      if (geo.yBottom < lanesY0 || geo.yTop > lanesY1) continue;  // vertically culled
      BuildRow(ctx, axis, dataset, lane, lane.rows[ri], geo, static_cast<std::int32_t>(li), static_cast<std::int32_t>(ri), out);
    }
  }

  BuildClaimOverlays(ctx, dataset, layout, out);

  // [SECTION] Axis band (drawn over the lanes so that scrolled lanes pass under it)
  const float axisY0 = ctx.canvasY0;
  const float axisY1 = lanesY0;
  PushRect(out, DrawKind::RectFilled, timeX0, axisY0, timeX1, axisY1, theme.axisBg);
  PushRect(out, DrawKind::Line, timeX0, axisY1, timeX1, axisY1, theme.laneSeparator);
  const float row1Y = axisY0 + 4.f * ctx.scale;
  const float row2Y = row1Y + ctx.fontHeight + 2.f * ctx.scale;
  float lastLabelRight = -1e9f;
  for (int i = 0; i < ticks.count; ++i) {
    const AxisTick& t = ticks.ticks[static_cast<std::size_t>(i)];
    if (t.x < timeX0 || t.x > timeX1) continue;
    PushRect(out, DrawKind::Line, t.x, axisY1 - 5.f * ctx.scale, t.x, axisY1, theme.textDim);
    const char* end = t.label + std::char_traits<char>::length(t.label);
    const float w = ctx.measureText(t.label, end, false, ctx.measureUser);
    const float lx = t.x + 3.f * ctx.scale;
    if (lx < lastLabelRight + 4.f * ctx.scale || lx + w > timeX1) continue;  // dropped, never overlapped
    PushText(out, false, lx, row1Y, theme.text, t.label, end, timeX0, timeX1);
    lastLabelRight = lx + w;
  }
  // The context row: each label stays left of the next one (the first is pinned to the edge).
  for (int i = 0; i < ticks.contextCount; ++i) {
    const AxisTick& t = ticks.context[static_cast<std::size_t>(i)];
    const char* end = t.label + std::char_traits<char>::length(t.label);
    const float w = ctx.measureText(t.label, end, true, ctx.measureUser);
    float lx = std::max(t.x, timeX0) + 3.f * ctx.scale;
    if (i + 1 < ticks.contextCount) {
      const float nextX = ticks.context[static_cast<std::size_t>(i + 1)].x;
      if (lx + w > nextX - 4.f * ctx.scale) lx = nextX - 4.f * ctx.scale - w;  // pushed left by the next
      if (lx < std::max(t.x, timeX0) && t.x >= timeX0) continue;               // too little room: dropped
    }
    if (lx + w > timeX1) continue;
    PushText(out, true, lx, row2Y, theme.text, t.label, end, timeX0, timeX1);
    if (t.x > timeX0) PushRect(out, DrawKind::Line, t.x, row2Y, t.x, axisY1, theme.gridMajor);
  }

  // [SECTION] Header column: one block per lane with title and detail
  const float headerX0 = ctx.canvasX0;
  const float headerX1 = timeX0;
  PushRect(out, DrawKind::RectFilled, headerX0, ctx.canvasY0, headerX1, lanesY1, theme.headerBg);
  static const std::string RecordTitle = "Record";
  for (std::size_t li = 0; li < layout.lanes.size(); ++li) {
    const Lane& lane = layout.lanes[li];
    const LaneBox& box = out.lanes[li];
    const bool isRecord = lane.source < 0;
    const std::string& title = isRecord ? RecordTitle : dataset.sources[static_cast<std::size_t>(lane.source)].title;
    const std::uint32_t color = isRecord ? theme.recordLane : dataset.sources[static_cast<std::size_t>(lane.source)].color;
    const float laneTop = box.yTop;
    const float h = box.height;
    if (laneTop + h <= lanesY0 || laneTop >= lanesY1) continue;
    const float swatch = 6.f * ctx.scale;
    PushRect(out, DrawKind::RectFilled, headerX0, std::max(laneTop, lanesY0), headerX0 + swatch,
             std::min(laneTop + h, lanesY1), FromRgb(color));
    const float tx = headerX0 + swatch + 8.f * ctx.scale;
    const float tw = headerX1 - tx - 6.f * ctx.scale;
    // Keep the title visible while a tall lane scrolls under the axis.
    const float ty = std::max(std::min(laneTop + ctx.LanePadding(), laneTop + h - ctx.fontHeight * 3.f), lanesY0 + 2.f);
    bool cut = false;
    float drawn = 0.f;
    const bool dirty = li < 64 && ((ctx.dirtyLanes >> li) & 1u);
    static const char* const Dot = "\xE2\x97\x8F";  // an unsaved file
    const float dotW = dirty ? ctx.measureText(Dot, Dot + 3, true, ctx.measureUser) + 4.f * ctx.scale : 0.f;
    if (const char* end = FitText(ctx, true, title.data(), title.data() + title.size(), tw - dotW, cut, drawn)) {
      PushText(out, true, tx, ty, theme.text, title.data(), end, headerX0, headerX1, cut);
      if (dirty) PushText(out, true, tx + drawn + 4.f * ctx.scale, ty, theme.selection, Dot, Dot + 3, headerX0, headerX1);
    }
    if (const char* end = FitText(ctx, false, lane.headerDetail.data(), lane.headerDetail.data() + lane.headerDetail.size(),
                                  tw, cut, drawn))
      PushText(out, false, tx, ty + ctx.fontHeight, theme.textDim, lane.headerDetail.data(), end, headerX0, headerX1, cut);
    if (box.densityPitch > 0.f || (li < 64 && ((ctx.expandedLanes >> li) & 1u))) {
      const std::string& hint = box.densityPitch > 0.f ? lane.collapsedHint : lane.expandedHint;
      if (const char* end = FitText(ctx, false, hint.data(), hint.data() + hint.size(), tw, cut, drawn))
        PushText(out, false, tx, ty + ctx.fontHeight * 2.f, theme.textDim, hint.data(), end, headerX0, headerX1, cut);
    }
    if (laneTop + h <= lanesY1)
      PushRect(out, DrawKind::Line, headerX0, laneTop + h, headerX1, laneTop + h, theme.laneSeparator);
  }
  PushRect(out, DrawKind::Line, headerX1, ctx.canvasY0, headerX1, lanesY1, theme.laneSeparator);

  BuildOverview(ctx, layout, out);
}

}  // namespace parallax
