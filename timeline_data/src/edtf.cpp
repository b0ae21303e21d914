#include "timeline_data/edtf.hpp"

#include <date/julian.h>

#include <array>
#include <cstdio>

namespace parallax {
namespace {

// [SECTION] Calendar spans

// First and last day of (year, month) in the given calendar, as Gregorian sys_days.
// `month` may exceed 12 (a winter season runs into the next year).
date::sys_days FirstDay(Calendar calendar, int year, int month) {
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  if (calendar == Calendar::Julian)
    return date::sys_days{julian::year{year} / julian::month{static_cast<unsigned>(month)} / julian::day{1}};
  return date::sys_days{date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{1}};
}

date::sys_days LastDay(Calendar calendar, int year, int month) {
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  if (calendar == Calendar::Julian)
    return date::sys_days{julian::year{year} / julian::month{static_cast<unsigned>(month)} / julian::last};
  return date::sys_days{date::year{year} / date::month{static_cast<unsigned>(month)} / date::last};
}

bool DayExists(Calendar calendar, int year, int month, int day) {
  if (calendar == Calendar::Julian)
    return (julian::year{year} / julian::month{static_cast<unsigned>(month)} / julian::day{static_cast<unsigned>(day)}).ok();
  return (date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)}).ok();
}

date::sys_days DayOf(Calendar calendar, int year, int month, int day) {
  if (calendar == Calendar::Julian)
    return date::sys_days{julian::year{year} / julian::month{static_cast<unsigned>(month)} / julian::day{static_cast<unsigned>(day)}};
  return date::sys_days{date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)}};
}

// Seasons 21..24 (Level 1): spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb
// (the winter of 1922 begins in December 1922).
constexpr std::array<int, 4> SeasonFirstMonth = {3, 6, 9, 12};

// [SECTION] Parser

class Parser {
 public:
  Parser(std::string_view text, Calendar calendar) : m_text(text), m_calendar(calendar) {}

  EdtfParseResult Run() {
    EdtfParseResult result;
    result.value.calendar = m_calendar;
    if (m_text.empty()) return Fail(1, "empty date");

    const std::size_t slash = m_text.find('/');
    if (slash == std::string_view::npos) {
      if (m_text == "..") return Fail(1, "'..' (open) is only allowed as an end of an interval");
      if (!ParseDate(0, m_text.size(), result.value.start)) return m_result;
      result.value.end = result.value.start;
    } else {
      if (m_text.find('/', slash + 1) != std::string_view::npos)
        return Fail(static_cast<int>(m_text.find('/', slash + 1)) + 1, "more than one '/'");
      result.value.isInterval = true;
      if (!ParseEnd(0, slash, result.value.start)) return m_result;
      if (!ParseEnd(slash + 1, m_text.size(), result.value.end)) return m_result;
      const EdtfBound& a = result.value.start;
      const EdtfBound& b = result.value.end;
      if (a.kind != BoundKind::Known && b.kind != BoundKind::Known)
        return Fail(static_cast<int>(slash) + 1, "an interval needs at least one known end");
      if (a.kind == BoundKind::Known && b.kind == BoundKind::Known && b.latest < a.earliest)
        return Fail(static_cast<int>(slash) + 1, "interval ends before it starts");
    }
    result.ok = true;
    return result;
  }

 private:
  EdtfParseResult Fail(int column, const std::string& what) {
    m_result = EdtfParseResult{};
    m_result.errorColumn = column;
    m_result.errorMessage = "'" + std::string(m_text) + "': " + what + " at column " + std::to_string(column);
    return m_result;
  }

  // One end of an interval: empty (unknown), ".." (open) or a date.
  bool ParseEnd(std::size_t begin, std::size_t end, EdtfBound& bound) {
    if (begin == end) {
      bound = EdtfBound{};
      bound.kind = BoundKind::Unknown;
      return true;
    }
    if (m_text.substr(begin, end - begin) == "..") {
      bound = EdtfBound{};
      bound.kind = BoundKind::Open;
      return true;
    }
    return ParseDate(begin, end, bound);
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  // Reads `count` characters of digits or 'X' at `pos`; returns the value with X as 0 and the number
  // of trailing X. Fails (column of the first bad character) on anything else or X before a digit.
  bool ReadField(std::size_t pos, std::size_t end, int count, const char* what, int& value, int& unspecified) {
    value = 0;
    unspecified = 0;
    for (int i = 0; i < count; ++i) {
      const std::size_t at = pos + static_cast<std::size_t>(i);
      if (at >= end) {
        Fail(static_cast<int>(at) + 1, std::string(what) + " must have " + std::to_string(count) + " digits");
        return false;
      }
      const char c = m_text[at];
      if (c == 'X') {
        ++unspecified;
        value *= 10;
      } else if (IsDigit(c)) {
        if (unspecified > 0) {
          Fail(static_cast<int>(at) + 1, std::string("unspecified digit 'X' may only end the ") + what);
          return false;
        }
        value = value * 10 + (c - '0');
      } else {
        Fail(static_cast<int>(at) + 1, std::string("unexpected '") + c + "' in " + what);
        return false;
      }
    }
    return true;
  }

  bool ParseDate(std::size_t begin, std::size_t end, EdtfBound& bound) {
    bound = EdtfBound{};
    std::size_t pos = begin;

    // Qualifier at the end of the date (Level 1 qualifies the whole date).
    if (end > begin) {
      const char last = m_text[end - 1];
      if (last == '?') bound.qualifiers = QualifierUncertain;
      else if (last == '~') bound.qualifiers = QualifierApproximate;
      else if (last == '%') bound.qualifiers = QualifierUncertain | QualifierApproximate;
      if (bound.qualifiers != QualifierNone) --end;
    }
    // Drop a time of day (Level 0 date and time): the day is what a timeline of decades shows.
    const std::size_t t = m_text.find('T', begin);
    if (t != std::string_view::npos && t < end) {
      if (!ValidateTime(t + 1, end)) return false;
      end = t;
    }
    if (pos >= end) {
      Fail(static_cast<int>(pos) + 1, "missing year");
      return false;
    }

    // Year: four characters, optionally negative; or 'Y' with more digits (Level 1).
    bool negative = false;
    if (m_text[pos] == 'Y') {
      Fail(static_cast<int>(pos) + 1, "years beyond four digits are not supported");
      return false;
    }
    if (m_text[pos] == '-') {
      negative = true;
      ++pos;
    }
    int year = 0;
    int yearX = 0;
    if (!ReadField(pos, end, 4, "year", year, yearX)) return false;
    if (yearX > 2) {
      Fail(static_cast<int>(pos) + 3, "at most the last two digits of a year may be 'X'");
      return false;
    }
    if (negative) year = -year;
    pos += 4;
    bound.year = year;

    if (pos == end) {
      if (yearX == 0) {
        bound.precision = Precision::Year;
        bound.earliest = FirstDay(m_calendar, year, 1);
        bound.latest = LastDay(m_calendar, year, 12);
      } else {
        const int span = yearX == 1 ? 10 : 100;
        bound.precision = yearX == 1 ? Precision::Decade : Precision::Century;
        bound.earliest = FirstDay(m_calendar, year, 1);
        bound.latest = LastDay(m_calendar, year + span - 1, 12);
      }
      return true;
    }
    if (m_text[pos] != '-') {
      Fail(static_cast<int>(pos) + 1, std::string("expected '-' after the year, found '") + m_text[pos] + "'");
      return false;
    }
    if (yearX > 0) {
      Fail(static_cast<int>(pos) + 1, "a year with 'X' digits cannot have a month");
      return false;
    }
    ++pos;
    const std::size_t monthPos = pos;
    int month = 0;
    int monthX = 0;
    if (!ReadField(pos, end, 2, "month", month, monthX)) return false;
    if (monthX == 1) {
      Fail(static_cast<int>(monthPos) + 1, "a month is either two digits or 'XX'");
      return false;
    }
    pos += 2;
    const bool season = monthX == 0 && month >= 21 && month <= 24;
    if (monthX == 0 && !season && (month < 1 || month > 12)) {
      Fail(static_cast<int>(monthPos) + 1, "month " + std::to_string(month) + " out of range");
      return false;
    }

    if (pos == end) {
      if (monthX == 2) {
        bound.precision = Precision::Year;
        bound.earliest = FirstDay(m_calendar, year, 1);
        bound.latest = LastDay(m_calendar, year, 12);
      } else if (season) {
        const int first = SeasonFirstMonth[static_cast<std::size_t>(month - 21)];
        bound.month = month;
        bound.precision = Precision::Season;
        bound.earliest = FirstDay(m_calendar, year, first);
        bound.latest = LastDay(m_calendar, year, first + 2);
      } else {
        bound.month = month;
        bound.precision = Precision::Month;
        bound.earliest = FirstDay(m_calendar, year, month);
        bound.latest = LastDay(m_calendar, year, month);
      }
      return true;
    }
    if (m_text[pos] != '-') {
      Fail(static_cast<int>(pos) + 1, std::string("expected '-' after the month, found '") + m_text[pos] + "'");
      return false;
    }
    if (season) {
      Fail(static_cast<int>(pos) + 1, "a season cannot have a day");
      return false;
    }
    ++pos;
    const std::size_t dayPos = pos;
    int day = 0;
    int dayX = 0;
    if (!ReadField(pos, end, 2, "day", day, dayX)) return false;
    if (dayX == 1) {
      Fail(static_cast<int>(dayPos) + 1, "a day is either two digits or 'XX'");
      return false;
    }
    pos += 2;
    if (pos != end) {
      Fail(static_cast<int>(pos) + 1, std::string("unexpected '") + m_text[pos] + "' after the day");
      return false;
    }
    if (monthX == 2 && dayX == 0) {
      Fail(static_cast<int>(dayPos) + 1, "a day needs a known month");
      return false;
    }
    if (monthX == 2) {
      bound.precision = Precision::Year;
      bound.earliest = FirstDay(m_calendar, year, 1);
      bound.latest = LastDay(m_calendar, year, 12);
      return true;
    }
    bound.month = month;
    if (dayX == 2) {
      bound.precision = Precision::Month;
      bound.earliest = FirstDay(m_calendar, year, month);
      bound.latest = LastDay(m_calendar, year, month);
      return true;
    }
    if (day < 1 || !DayExists(m_calendar, year, month, day)) {
      std::string why = "day " + std::to_string(day) + " out of range for " + std::to_string(year) + "-" +
                        (month < 10 ? "0" : "") + std::to_string(month);
      if (month == 2 && day == 29)
        why += std::string(" (not a leap year in the ") + CalendarName(m_calendar) + " calendar)";
      Fail(static_cast<int>(dayPos) + 1, why);
      return false;
    }
    bound.day = day;
    bound.precision = Precision::Day;
    bound.earliest = bound.latest = DayOf(m_calendar, year, month, day);
    return true;
  }

  // "HH:MM:SS" with optional "Z" or "+HH:MM"/"-HH:MM"; checked, then ignored.
  bool ValidateTime(std::size_t pos, std::size_t end) {
    static constexpr std::string_view Shape = "DD:DD:DD";
    for (std::size_t i = 0; i < Shape.size(); ++i) {
      const std::size_t at = pos + i;
      const bool wantDigit = Shape[i] == 'D';
      if (at >= end || (wantDigit ? !IsDigit(m_text[at]) : m_text[at] != ':')) {
        Fail(static_cast<int>(at) + 1, "time of day must be HH:MM:SS");
        return false;
      }
    }
    const std::size_t rest = pos + Shape.size();
    if (rest == end || (rest + 1 == end && m_text[rest] == 'Z')) return true;
    if (rest + 6 == end && (m_text[rest] == '+' || m_text[rest] == '-') && IsDigit(m_text[rest + 1]) &&
        IsDigit(m_text[rest + 2]) && m_text[rest + 3] == ':' && IsDigit(m_text[rest + 4]) &&
        IsDigit(m_text[rest + 5]))
      return true;
    Fail(static_cast<int>(rest) + 1, "time zone must be Z or +HH:MM");
    return false;
  }

  std::string_view m_text;
  Calendar m_calendar;
  EdtfParseResult m_result;
};

// [SECTION] Formatting helpers

constexpr std::array<const char*, 12> MonthAbbrev = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 4> SeasonName = {"spring", "summer", "autumn", "winter"};

std::string FormatBoundWritten(const EdtfBound& b) {
  if (b.kind == BoundKind::Open) return "";
  if (b.kind == BoundKind::Unknown) return "?";
  std::string out;
  char buf[32];
  // Only what the bound holds (month 0 = none, day 0 = none: a default-constructed bound has neither).
  Precision precision = b.precision;
  const bool hasMonth = b.month >= 1 && b.month <= 12;
  if (precision == Precision::Day && (!hasMonth || b.day < 1)) precision = hasMonth ? Precision::Month : Precision::Year;
  if (precision == Precision::Month && !hasMonth) precision = Precision::Year;
  if (precision == Precision::Season && !(b.month >= 21 && b.month <= 24)) precision = Precision::Year;
  switch (precision) {
    case Precision::Day:
      std::snprintf(buf, sizeof buf, "%d %s %d", b.day, MonthAbbrev[static_cast<std::size_t>(b.month - 1)], b.year);
      out = buf;
      break;
    case Precision::Month:
      std::snprintf(buf, sizeof buf, "%s %d", MonthAbbrev[static_cast<std::size_t>(b.month - 1)], b.year);
      out = buf;
      break;
    case Precision::Season:
      std::snprintf(buf, sizeof buf, "%s %d", SeasonName[static_cast<std::size_t>(b.month - 21)], b.year);
      out = buf;
      break;
    case Precision::Year: out = std::to_string(b.year); break;
    case Precision::Decade: out = std::to_string(b.year) + "s"; break;
    case Precision::Century: out = std::to_string(b.year) + "s"; break;
  }
  if (b.qualifiers & QualifierApproximate) out = "c. " + out;
  if (b.qualifiers & QualifierUncertain) out += "?";
  return out;
}

}  // namespace

EdtfParseResult ParseEdtf(std::string_view text, Calendar calendar) { return Parser(text, calendar).Run(); }

const char* PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::Day: return "day";
    case Precision::Month: return "month";
    case Precision::Season: return "season";
    case Precision::Year: return "year";
    case Precision::Decade: return "decade";
    case Precision::Century: return "century";
  }
  return "?";
}

const char* CalendarName(Calendar calendar) { return calendar == Calendar::Julian ? "julian" : "gregorian"; }

const char* QualifierName(std::uint8_t qualifiers) {
  switch (qualifiers & (QualifierUncertain | QualifierApproximate)) {
    case QualifierUncertain: return "uncertain";
    case QualifierApproximate: return "approximate";
    case QualifierUncertain | QualifierApproximate: return "uncertain+approximate";
    default: return "none";
  }
}

std::string FormatIsoDay(date::sys_days day) {
  // Not date::format("%F"): it zero-pads the sign into negative years ("0-43-03-15").
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%04d-%02u-%02u", year < 0 ? "-" : "", year < 0 ? -year : year,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

void FormatHumanDay(date::sys_days day, char* out, std::size_t size) {
  const date::year_month_day ymd{day};
  std::snprintf(out, size, "%u %s %d", static_cast<unsigned>(ymd.day()),
                MonthAbbrev[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string FormatHumanDay(date::sys_days day) {
  char buf[32];
  FormatHumanDay(day, buf, sizeof buf);
  return buf;
}

std::string FormatInterpretation(const EdtfInterval& v) {
  auto boundDay = [](const EdtfBound& b, date::sys_days day) -> std::string {
    if (b.kind == BoundKind::Open) return "open";
    if (b.kind == BoundKind::Unknown) return "unknown";
    return FormatIsoDay(day);
  };
  std::string precision = PrecisionName(v.start.precision);
  std::string qualifiers = QualifierName(v.start.qualifiers);
  if (v.isInterval) {
    // An interval names the precision and qualifiers of each known end: "year/day".
    auto endPrecision = [](const EdtfBound& b) -> std::string {
      return b.kind == BoundKind::Known ? PrecisionName(b.precision) : (b.kind == BoundKind::Open ? "open" : "unknown");
    };
    const std::string a = endPrecision(v.start);
    const std::string b = endPrecision(v.end);
    precision = a == b ? a : a + "/" + b;
    const std::string qa = QualifierName(v.start.qualifiers);
    const std::string qb = QualifierName(v.end.qualifiers);
    qualifiers = qa == qb ? qa : qa + "/" + qb;
  }
  return "earliest=" + boundDay(v.start, v.start.earliest) + " latest=" + boundDay(v.end, v.end.latest) +
         " precision=" + precision + " qualifiers=" + qualifiers;
}

std::string FormatWritten(const EdtfInterval& v) {
  if (!v.isInterval) return FormatBoundWritten(v.start);
  if (v.start.kind == BoundKind::Open) return "until " + FormatBoundWritten(v.end);
  if (v.end.kind == BoundKind::Open) return "from " + FormatBoundWritten(v.start);
  return FormatBoundWritten(v.start) + " \xE2\x80\x93 " + FormatBoundWritten(v.end);  // en dash
}

std::string FormatWithBothCalendars(const EdtfInterval& v) {
  const std::string written = FormatWritten(v);
  if (v.calendar != Calendar::Julian) return written;
  // Show the Gregorian days the Old Style value covers.
  auto gregorian = [](const EdtfBound& b) -> std::string {
    if (b.kind != BoundKind::Known) return b.kind == BoundKind::Open ? "" : "?";
    if (b.earliest == b.latest) return FormatHumanDay(b.earliest);
    return FormatHumanDay(b.earliest) + " \xE2\x80\x93 " + FormatHumanDay(b.latest);
  };
  std::string ns;
  if (!v.isInterval) ns = gregorian(v.start);
  else if (v.start.kind == BoundKind::Open) ns = "until " + gregorian(v.end);
  else if (v.end.kind == BoundKind::Open) ns = "from " + gregorian(v.start);
  else ns = FormatHumanDay(v.start.earliest) + " \xE2\x80\x93 " + FormatHumanDay(v.end.latest);
  return written + " O.S. = " + ns;
}

}  // namespace parallax
