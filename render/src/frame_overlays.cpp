// Claim overlays (connectors between the datings of a claim, record guide lines) and the overview
// strip. Both are bounded per frame: claims are culled by their extent, the heat strip by pixels.
#include "frame_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parallax::detail {
namespace {

// How many claims may show record guides and gap labels at once before the view gets noisy, and
// how many may show all their connectors; beyond that only disagreements are drawn.
constexpr int MaxGuidedClaims = 6;
constexpr int MaxConnectedClaims = 12;

bool ClaimInView(const ClaimSummary& s, const TimeAxis& axis) {
  return s.endDay > s.startDay && s.endDay >= axis.startDay && s.startDay <= axis.endDay;
}

float AnchorX(const TimeAxis& axis, const EdtfInterval& date, std::int32_t domainStart, std::int32_t domainEnd) {
  const DayExtent e = EventExtent(date, domainStart, domainEnd);
  return axis.DayToX((static_cast<double>(e.start) + static_cast<double>(e.end)) * 0.5);
}

}  // namespace

void BuildClaimOverlays(const FrameContext& ctx, const Dataset& dataset, const TimelineLayout& layout, FrameDrawList& out) {
  if (!ctx.analysis || layout.eventLane.size() != dataset.events.size()) return;
  const Theme& theme = *ctx.theme;
  const TimeAxis axis = ctx.Axis();
  const float x0 = axis.x0;
  const float x1 = ctx.canvasX1;
  const float y0 = ctx.LanesTop();
  const float y1 = ctx.LanesBottom();
  const bool hasRecordLane = !layout.lanes.empty() && layout.lanes.front().source < 0;

  int inView = 0;
  for (const ClaimSummary& s : ctx.analysis->claims) inView += ClaimInView(s, axis) ? 1 : 0;
  const bool guideAll = inView <= MaxGuidedClaims;
  const bool connectAll = inView <= MaxConnectedClaims;

  for (std::size_t ci = 0; ci < dataset.claims.size(); ++ci) {
    const Claim& claim = dataset.claims[ci];
    const ClaimSummary& summary = ctx.analysis->claims[ci];
    const bool highlighted = static_cast<std::int32_t>(ci) == ctx.highlightClaim;
    if (ctx.highlightClaim >= 0 && !highlighted) continue;  // a selection shows its claim alone
    if (!ClaimInView(summary, axis)) continue;
    if (ctx.contestedOnly && summary.worst != Verdict::Contradicts) continue;

    // [SECTION] Anchors: the claim's record in the Record lane, and each dating on screen.
    out.anchors.clear();
    if (claim.hasRecord && hasRecordLane) {
      // Find the record's row in the Record lane (few rows; a linear search is fine).
      const Lane& recordLane = layout.lanes.front();
      for (std::size_t r = 0; r < recordLane.rows.size(); ++r) {
        const auto& ev = recordLane.rows[r].event;
        if (std::find(ev.begin(), ev.end(), static_cast<std::int32_t>(ci)) == ev.end()) continue;
        const float ax = AnchorX(axis, claim.record, layout.domainStartDay, layout.domainEndDay);
        const float ay = RowMidY(ctx, out.lanes.front(), static_cast<int>(r));
        if (ax >= x0 && ax <= x1 && ay >= y0 && ay <= y1) out.anchors.push_back({ax, ay, 0, -1});
        break;
      }
    }
    for (std::int32_t e : claim.events) {
      const std::int32_t lane = layout.eventLane[static_cast<std::size_t>(e)];
      const std::int32_t row = layout.eventRow[static_cast<std::size_t>(e)];
      if (lane < 0 || row < 0) continue;
      const float ax = AnchorX(axis, dataset.events[static_cast<std::size_t>(e)].date, layout.domainStartDay,
                               layout.domainEndDay);
      const float ay = RowMidY(ctx, out.lanes[static_cast<std::size_t>(lane)], row);
      if (ax < x0 || ax > x1 || ay < y0 || ay > y1) continue;
      out.anchors.push_back({ax, ay, lane, e});
    }
    std::sort(out.anchors.begin(), out.anchors.end(), [](const auto& a, const auto& b) {
      return a.lane != b.lane ? a.lane < b.lane : a.x < b.x;
    });

    // [SECTION] Connectors: each dating links up to the nearest dating in the nearest lane above it,
    // coloured by their verdict. Agreement draws upright; a contradiction leans by its gap.
    const bool labelled = highlighted || guideAll;
    std::size_t laneStart = 0;
    std::size_t previousLaneStart = 0;
    std::size_t previousLaneEnd = 0;
    while (laneStart < out.anchors.size()) {
      std::size_t laneEnd = laneStart;
      while (laneEnd < out.anchors.size() && out.anchors[laneEnd].lane == out.anchors[laneStart].lane) ++laneEnd;
      if (previousLaneEnd > previousLaneStart) {
        for (std::size_t k = laneStart; k < laneEnd; ++k) {
          const auto& b = out.anchors[k];
          std::size_t best = previousLaneStart;
          for (std::size_t p = previousLaneStart; p < previousLaneEnd; ++p)
            if (std::abs(out.anchors[p].x - b.x) < std::abs(out.anchors[best].x - b.x)) best = p;
          const auto& a = out.anchors[best];
          const EdtfInterval& da = a.event < 0 ? claim.record : dataset.events[static_cast<std::size_t>(a.event)].date;
          const EdtfInterval& db = b.event < 0 ? claim.record : dataset.events[static_cast<std::size_t>(b.event)].date;
          const Comparison c = CompareDates(da, db);
          if (!highlighted && !connectAll && c.verdict < Verdict::Calendar) continue;  // agreement: only up close
          const bool strong = highlighted || (connectAll && c.verdict == Verdict::Contradicts);
          const std::uint32_t color = WithAlpha(VerdictColor(theme, c.verdict), strong ? 230 : connectAll ? 130 : 90);
          const float thickness =
              (c.verdict == Verdict::Contradicts && connectAll ? 2.f : 1.f) * ctx.scale * (highlighted ? 1.5f : 1.f);
          PushRect(out, DrawKind::Line, a.x, a.y, b.x, b.y, color, thickness);
          if (labelled && c.verdict >= Verdict::Calendar) {
            // The gap in words at the connector's middle: "5 years", "13 days".
            char buf[48];
            int n = FormatGap(c.gapDays, buf, sizeof buf);
            if (c.verdict == Verdict::Calendar) n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), " (O.S./N.S.)");
            const auto [tb, te] = ArenaText(out, buf, n);
            if (tb) {
              const float w = ctx.measureText(tb, te, true, ctx.measureUser);
              const float mx = (a.x + b.x) * 0.5f + 4.f * ctx.scale;
              const float my = (a.y + b.y) * 0.5f - ctx.fontHeight * 0.5f;
              PushRect(out, DrawKind::RectFilled, mx - 2.f, my, mx + w + 2.f, my + ctx.fontHeight, PackColor(255, 255, 255, 220));
              PushText(out, true, mx, my, VerdictColor(theme, c.verdict), tb, te, x0, x1);
            }
          }
        }
      }
      previousLaneStart = laneStart;
      previousLaneEnd = laneEnd;
      laneStart = laneEnd;
    }

    // [SECTION] The record guide: a thin line through all lanes at the record date, with its label.
    if (claim.hasRecord && labelled) {
      const DayExtent r = EventExtent(claim.record, layout.domainStartDay, layout.domainEndDay);
      const float gx0 = axis.DayToX(r.start);
      const float gx1 = axis.DayToX(r.end);
      if (gx1 >= x0 && gx0 <= x1) {
        if (gx1 - gx0 >= 3.f)
          PushRect(out, DrawKind::RectFilled, std::max(gx0, x0), y0, std::min(gx1, x1), y1, WithAlpha(theme.recordGuide, 22));
        const float gx = std::clamp((gx0 + gx1) * 0.5f, x0, x1);
        PushRect(out, DrawKind::Line, gx, y0, gx, y1, theme.recordGuide, ctx.scale);
        char buf[160];
        const int n = std::snprintf(buf, sizeof buf, "%s: %s", claim.title.c_str(), claim.recordRaw.c_str());
        const auto [tb, te] = ArenaText(out, buf, std::min(n, static_cast<int>(sizeof buf) - 1));
        if (tb) {
          bool cut = false;
          float drawn = 0.f;
          const float lx = std::min(gx + 4.f * ctx.scale, x1 - 40.f * ctx.scale);
          if (const char* end = FitText(ctx, false, tb, te, x1 - lx - 4.f, cut, drawn)) {
            const float ly = y1 - ctx.fontHeight - 4.f * ctx.scale;
            PushRect(out, DrawKind::RectFilled, lx - 2.f, ly, lx + drawn + 2.f, ly + ctx.fontHeight, PackColor(255, 255, 255, 230));
            PushText(out, false, lx, ly, theme.text, tb, end, x0, x1, cut);
          }
        }
      }
    }
  }
}

void BuildOverview(const FrameContext& ctx, const TimelineLayout& layout, FrameDrawList& out) {
  if (!ctx.showOverview) return;
  const Theme& theme = *ctx.theme;
  const TimeAxis overview = ctx.OverviewAxis();
  const float y0 = ctx.LanesBottom();
  const float y1 = ctx.canvasY1;
  const float x0 = overview.x0;
  const float x1 = ctx.canvasX1;
  PushRect(out, DrawKind::RectFilled, ctx.canvasX0, y0, x1, y1, theme.overviewBg);
  PushRect(out, DrawKind::Line, ctx.canvasX0, y0, x1, y0, theme.laneSeparator);

  // The header cell says what the strip is.
  static const char* const Title = "Overview: contradictions";
  static const char* const Hint = "drag to move the view";
  const float tx = ctx.canvasX0 + 12.f * ctx.scale;
  PushText(out, true, tx, y0 + 4.f * ctx.scale, theme.text, Title, Title + std::char_traits<char>::length(Title),
           ctx.canvasX0, x0);
  PushText(out, false, tx, y0 + 4.f * ctx.scale + ctx.fontHeight, theme.textDim, Hint,
           Hint + std::char_traits<char>::length(Hint), ctx.canvasX0, x0);

  // Heat: contradicting datings per month, one rect per month that has any.
  const float hy0 = y0 + 3.f * ctx.scale;
  const float hy1 = y1 - 3.f * ctx.scale;
  if (layout.heatMax > 0) {
    for (std::size_t m = 0; m < layout.heatByMonth.size(); ++m) {
      const std::uint16_t count = layout.heatByMonth[m];
      if (count == 0) continue;
      const int month = layout.heatFirstMonth + static_cast<int>(m);
      const date::year_month first = date::year{1970 + (month >= 0 ? month / 12 : (month - 11) / 12)} /
                                     date::month{static_cast<unsigned>((month % 12 + 12) % 12) + 1};
      const double d0 = DayNumber(date::sys_days{first / 1});
      const double d1 = DayNumber(date::sys_days{(first + date::months{1}) / 1});
      const float mx0 = overview.DayToX(d0);
      const float mx1 = std::max(overview.DayToX(d1), mx0 + 1.f);
      if (mx1 < x0 || mx0 > x1) continue;
      const float strength = std::sqrt(static_cast<float>(count) / static_cast<float>(layout.heatMax));
      PushRect(out, DrawKind::RectFilled, std::max(mx0, x0), hy0, std::min(mx1, x1), hy1,
               WithAlpha(theme.verdictContradicts, static_cast<std::uint32_t>(40.f + 215.f * strength)));
    }
  }
  // The current view as a rectangle (dragged by the App to pan).
  const float vx0 = std::clamp(overview.DayToX(ctx.viewStartDay), x0, x1);
  const float vx1 = std::clamp(overview.DayToX(ctx.viewEndDay), x0, x1);
  PushRect(out, DrawKind::RectFilled, vx0, y0 + 1.f, std::max(vx1, vx0 + 2.f), y1, PackColor(255, 255, 255, 70));
  PushRect(out, DrawKind::RectOutline, vx0, y0 + 1.f, std::max(vx1, vx0 + 2.f), y1 - 1.f, theme.overviewView, 2.f * ctx.scale);
}

}  // namespace parallax::detail
