#pragma once
// EDTF (ISO 8601-2 Extended Date/Time Format), Level 0 and Level 1, read into day intervals.
//
// A date such as "1922-04" names a span of days (all of April 1922) in which the happening lies; an
// interval such as "1936/1938" names a happening that lasts from some day of 1936 to some day of 1938.
// Both become an EdtfInterval: two bounds, each itself a span [earliest, latest] of whole days, so the
// uncertainty of every end stays visible. Days are always Gregorian (proleptic) `date::sys_days`,
// whatever calendar the text was written in.

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {

enum class Calendar : std::uint8_t { Gregorian, Julian };

// What the smallest written unit of a date is ("1922-04" is Month, "192X" is Decade).
enum class Precision : std::uint8_t { Day, Month, Season, Year, Decade, Century };

// EDTF qualifiers: '?' uncertain, '~' approximate, '%' both.
enum Qualifier : std::uint8_t { QualifierNone = 0, QualifierUncertain = 1, QualifierApproximate = 2 };

// Known: a written date. Open: ".." (the happening runs on without limit). Unknown: an empty end
// ("1922/"): the source does not say.
enum class BoundKind : std::uint8_t { Known, Open, Unknown };

// Days far outside any history we show, standing for open or unknown ends. Finite, so that overlap
// tests and sorting work without special cases.
inline constexpr date::sys_days FarPast{date::days{-1'000'000}};
inline constexpr date::sys_days FarFuture{date::days{1'000'000}};

struct EdtfBound {
  date::sys_days earliest = FarPast;   // first day the written value can mean
  date::sys_days latest = FarFuture;   // last day it can mean
  BoundKind kind = BoundKind::Known;
  Precision precision = Precision::Day;
  std::uint8_t qualifiers = QualifierNone;
  // The value as written, in the calendar it was written in: month 0 = none, 21..24 = a season,
  // day 0 = none. Kept so that a date can be shown the way its source put it.
  int year = 0;
  int month = 0;
  int day = 0;
};

struct EdtfInterval {
  EdtfBound start;
  EdtfBound end;          // equal to start for a single date
  bool isInterval = false;
  Calendar calendar = Calendar::Gregorian;

  date::sys_days Earliest() const { return start.earliest; }
  date::sys_days Latest() const { return end.latest; }
  std::uint8_t Qualifiers() const { return static_cast<std::uint8_t>(start.qualifiers | end.qualifiers); }
  bool HasOpenOrUnknownEnd() const {
    return start.kind != BoundKind::Known || end.kind != BoundKind::Known;
  }
};

struct EdtfParseResult {
  bool ok = false;
  EdtfInterval value;
  int errorColumn = 0;       // 1-based column in the parsed text
  std::string errorMessage;  // e.g. "'1922-13': month 13 out of range at column 6"
};

// Parses `text` written in `calendar`. On error, `errorMessage` names the offending column.
EdtfParseResult ParseEdtf(std::string_view text, Calendar calendar = Calendar::Gregorian);

// [SECTION] Formatting

const char* PrecisionName(Precision precision);
const char* CalendarName(Calendar calendar);
// "none", "uncertain", "approximate", "uncertain+approximate".
const char* QualifierName(std::uint8_t qualifiers);
// ISO "1922-04-03".
std::string FormatIsoDay(date::sys_days day);
// "3 Apr 1922" (Gregorian).
std::string FormatHumanDay(date::sys_days day);
// The same into a caller's buffer (for per-frame use without allocation).
void FormatHumanDay(date::sys_days day, char* out, std::size_t size);

// One line, the `parallax dates` output:
// "earliest=1922-04-01 latest=1922-04-30 precision=month qualifiers=none".
std::string FormatInterpretation(const EdtfInterval& interval);

// The date the way a reader says it, in the calendar it was written in: "3 Apr 1922", "Apr 1922",
// "spring 1922", "1920s", "c. 1922", "1922?", "1936 – 1938", "until 1917".
std::string FormatWritten(const EdtfInterval& interval);

// FormatWritten plus, for Old Style dates, the Gregorian equivalent:
// "25 Oct 1917 O.S. = 7 Nov 1917".
std::string FormatWithBothCalendars(const EdtfInterval& interval);

// Days since 1970-01-01, the unit the render layer works in.
inline std::int32_t DayNumber(date::sys_days day) {
  return static_cast<std::int32_t>(day.time_since_epoch().count());
}
inline date::sys_days FromDayNumber(std::int32_t dayNumber) { return date::sys_days{date::days{dayNumber}}; }

}  // namespace parallax
