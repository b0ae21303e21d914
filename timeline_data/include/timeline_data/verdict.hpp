#pragma once
// Verdicts: how two datings of the same happening relate. Pure functions over EdtfIntervals.
//   same        identical intervals
//   consistent  the intervals overlap (one may only be less precise: "1922" and "3 April 1922")
//   calendar    disjoint, but by exactly the Julian-Gregorian offset at that date (12 days before
//               1 March 1900, 13 after): an Old Style date read as New Style, or the reverse
//   contradicts disjoint; the gap is measured in days

#include "timeline_data/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace parallax {

// Ordered from best to worst, so that max() gives a claim's worst verdict.
enum class Verdict : std::uint8_t { Same, Consistent, Calendar, Contradicts };

struct Comparison {
  Verdict verdict = Verdict::Same;
  std::int32_t gapDays = 0;  // days between the intervals when disjoint (0 otherwise)
};

const char* VerdictName(Verdict verdict);

// The Julian calendar's lag behind the Gregorian around `day` (12 in the 19th century, 13 from
// 1 March 1900 to 2100).
std::int32_t JulianOffsetDays(date::sys_days day);

Comparison CompareDates(const EdtfInterval& a, const EdtfInterval& b);

// "3 days", "5 months", "5 years".
std::string FormatGap(std::int32_t days);
// The same into a caller's buffer (per-frame use); returns the length written.
int FormatGap(std::int32_t days, char* out, std::size_t size);

// [SECTION] Claims

struct ClaimSummary {
  Verdict worst = Verdict::Same;     // over all pairs of events and each event against the record
  std::int32_t largestGapDays = 0;
  int sourceCount = 0;
  int contradictionCount = 0;        // events that contradict the record or another event
  std::int32_t startDay = 0;         // the extent of the record and all events (days since 1970)
  std::int32_t endDay = 0;           // exclusive
};

struct ClaimAnalysis {
  std::vector<ClaimSummary> claims;       // one per Dataset::claims
  std::vector<Comparison> eventVsRecord;  // one per Dataset::events (Same for events without a claim)
  std::vector<std::uint8_t> eventContradicts;  // 1 when the event contradicts its record or a sibling
  // Events that contradict something, in time order: what N / Shift+N step through.
  std::vector<std::int32_t> contradictionOrder;
};

ClaimAnalysis AnalyzeClaims(const Dataset& dataset);

}  // namespace parallax
