// EDTF parsing into day intervals, Julian <-> Gregorian conversion, and the ways a date is written back.
// Expected days come from the calendar facts (and, for Julian dates, from an independent Julian Day
// Number formula), never from the parser itself.

#include "timeline_data/edtf.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace parallax {
namespace {

using namespace date::literals;

// [SECTION] Helpers

EdtfInterval MustParse(std::string_view text, Calendar calendar = Calendar::Gregorian) {
  const EdtfParseResult r = ParseEdtf(text, calendar);
  EXPECT_TRUE(r.ok) << "'" << text << "': " << r.errorMessage;
  return r.value;
}

std::string GregorianIso(std::string_view julianText) {
  return FormatIsoDay(MustParse(julianText, Calendar::Julian).Earliest());
}

// Julian Day Number of a Julian calendar date (Wikipedia, "Julian day": converting Julian calendar
// date to JDN), integer division truncating toward zero as in the formula's source. Day 0 of
// `sys_days` (1970-01-01) is JDN 2440588.
std::int64_t JulianCalendarToUnixDay(std::int64_t y, std::int64_t m, std::int64_t d) {
  const std::int64_t jdn = 367 * y - (7 * (y + 5001 + (m - 9) / 7)) / 4 + (275 * m) / 9 + d + 1729777;
  return jdn - 2440588;
}

bool JulianLeap(int y) { return y % 4 == 0; }
int JulianDaysInMonth(int y, int m) {
  static constexpr int Days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && JulianLeap(y) ? 29 : Days[m - 1];
}

// [SECTION] Good strings

struct GoodCase {
  const char* text;
  Calendar calendar;
  const char* interpretation;  // FormatInterpretation: earliest, latest, precision, qualifiers
  bool isInterval;
};

void PrintTo(const GoodCase& c, std::ostream* os) { *os << "'" << c.text << "' " << CalendarName(c.calendar); }

class EdtfGood : public ::testing::TestWithParam<GoodCase> {};

TEST_P(EdtfGood, Interpretation) {
  const GoodCase& c = GetParam();
  const EdtfParseResult r = ParseEdtf(c.text, c.calendar);
  ASSERT_TRUE(r.ok) << r.errorMessage;
  EXPECT_EQ(FormatInterpretation(r.value), c.interpretation);
  EXPECT_EQ(r.value.isInterval, c.isInterval);
  EXPECT_EQ(r.value.calendar, c.calendar);
  EXPECT_EQ(r.errorColumn, 0);
  EXPECT_TRUE(r.errorMessage.empty());
  // Each known bound is a non-empty span, and an interval never ends before it starts.
  for (const EdtfBound* b : {&r.value.start, &r.value.end}) {
    if (b->kind == BoundKind::Known) {
      EXPECT_LE(b->earliest, b->latest);
    }
  }
  EXPECT_LE(r.value.Earliest(), r.value.Latest());
}

constexpr Calendar G = Calendar::Gregorian;
constexpr Calendar J = Calendar::Julian;

INSTANTIATE_TEST_SUITE_P(
    Table, EdtfGood,
    ::testing::Values(
        // Level 0: year, month, day
        GoodCase{"1922", G, "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=none", false},
        GoodCase{"1922-04", G, "earliest=1922-04-01 latest=1922-04-30 precision=month qualifiers=none", false},
        GoodCase{"1922-02", G, "earliest=1922-02-01 latest=1922-02-28 precision=month qualifiers=none", false},
        GoodCase{"1924-02", G, "earliest=1924-02-01 latest=1924-02-29 precision=month qualifiers=none", false},
        GoodCase{"1900-02", G, "earliest=1900-02-01 latest=1900-02-28 precision=month qualifiers=none", false},
        GoodCase{"2000-02", G, "earliest=2000-02-01 latest=2000-02-29 precision=month qualifiers=none", false},
        GoodCase{"1922-12", G, "earliest=1922-12-01 latest=1922-12-31 precision=month qualifiers=none", false},
        GoodCase{"1922-04-03", G, "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=none", false},
        GoodCase{"1924-02-29", G, "earliest=1924-02-29 latest=1924-02-29 precision=day qualifiers=none", false},
        GoodCase{"0001-01-01", G, "earliest=0001-01-01 latest=0001-01-01 precision=day qualifiers=none", false},
        // Intervals
        GoodCase{"1936/1938", G, "earliest=1936-01-01 latest=1938-12-31 precision=year qualifiers=none", true},
        GoodCase{"1922-04/1922-05-15", G,
                 "earliest=1922-04-01 latest=1922-05-15 precision=month/day qualifiers=none", true},
        GoodCase{"1922-04-03/1922-04-03", G,
                 "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=none", true},
        GoodCase{"1922/1922-03", G, "earliest=1922-01-01 latest=1922-03-31 precision=year/month qualifiers=none",
                 true},
        // Open and unknown ends
        GoodCase{"../1922", G, "earliest=open latest=1922-12-31 precision=open/year qualifiers=none", true},
        GoodCase{"1922/..", G, "earliest=1922-01-01 latest=open precision=year/open qualifiers=none", true},
        GoodCase{"1922/", G, "earliest=1922-01-01 latest=unknown precision=year/unknown qualifiers=none", true},
        GoodCase{"/1922", G, "earliest=unknown latest=1922-12-31 precision=unknown/year qualifiers=none", true},
        GoodCase{"../1922-04-03", G, "earliest=open latest=1922-04-03 precision=open/day qualifiers=none", true},
        // Qualifiers on whole values
        GoodCase{"1922?", G, "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=uncertain", false},
        GoodCase{"1922~", G, "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=approximate", false},
        GoodCase{"1922%", G,
                 "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=uncertain+approximate", false},
        GoodCase{"1922-04?", G, "earliest=1922-04-01 latest=1922-04-30 precision=month qualifiers=uncertain", false},
        GoodCase{"1922-04-03~", G,
                 "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=approximate", false},
        // Qualifiers on each end of an interval
        GoodCase{"1936?/1938", G, "earliest=1936-01-01 latest=1938-12-31 precision=year qualifiers=uncertain/none",
                 true},
        GoodCase{"1936/1938~", G,
                 "earliest=1936-01-01 latest=1938-12-31 precision=year qualifiers=none/approximate", true},
        GoodCase{"1936%/1938?", G,
                 "earliest=1936-01-01 latest=1938-12-31 precision=year qualifiers=uncertain+approximate/uncertain",
                 true},
        GoodCase{"1936~/1938~", G,
                 "earliest=1936-01-01 latest=1938-12-31 precision=year qualifiers=approximate", true},
        GoodCase{"../1922?", G, "earliest=open latest=1922-12-31 precision=open/year qualifiers=none/uncertain",
                 true},
        // Unspecified digits
        GoodCase{"192X", G, "earliest=1920-01-01 latest=1929-12-31 precision=decade qualifiers=none", false},
        GoodCase{"19XX", G, "earliest=1900-01-01 latest=1999-12-31 precision=century qualifiers=none", false},
        GoodCase{"1922-XX", G, "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=none", false},
        GoodCase{"1922-04-XX", G, "earliest=1922-04-01 latest=1922-04-30 precision=month qualifiers=none", false},
        GoodCase{"1922-02-XX", G, "earliest=1922-02-01 latest=1922-02-28 precision=month qualifiers=none", false},
        GoodCase{"1922-XX-XX", G, "earliest=1922-01-01 latest=1922-12-31 precision=year qualifiers=none", false},
        GoodCase{"192X?", G, "earliest=1920-01-01 latest=1929-12-31 precision=decade qualifiers=uncertain", false},
        GoodCase{"192X/1936", G, "earliest=1920-01-01 latest=1936-12-31 precision=decade/year qualifiers=none",
                 true},
        // Seasons: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb of the next year
        GoodCase{"1922-21", G, "earliest=1922-03-01 latest=1922-05-31 precision=season qualifiers=none", false},
        GoodCase{"1922-22", G, "earliest=1922-06-01 latest=1922-08-31 precision=season qualifiers=none", false},
        GoodCase{"1922-23", G, "earliest=1922-09-01 latest=1922-11-30 precision=season qualifiers=none", false},
        GoodCase{"1922-24", G, "earliest=1922-12-01 latest=1923-02-28 precision=season qualifiers=none", false},
        GoodCase{"1923-24", G, "earliest=1923-12-01 latest=1924-02-29 precision=season qualifiers=none", false},
        GoodCase{"1922-24~", G, "earliest=1922-12-01 latest=1923-02-28 precision=season qualifiers=approximate",
                 false},
        // Negative (astronomical) years: -0043 is 44 BC
        GoodCase{"-0043", G, "earliest=-0043-01-01 latest=-0043-12-31 precision=year qualifiers=none", false},
        GoodCase{"-0043-03-15", G, "earliest=-0043-03-15 latest=-0043-03-15 precision=day qualifiers=none", false},
        GoodCase{"-0044/-0043", G, "earliest=-0044-01-01 latest=-0043-12-31 precision=year qualifiers=none", true},
        GoodCase{"-0001-02", G, "earliest=-0001-02-01 latest=-0001-02-28 precision=month qualifiers=none", false},
        GoodCase{"0000-02", G, "earliest=0000-02-01 latest=0000-02-29 precision=month qualifiers=none", false},
        // A time of day is accepted and ignored
        GoodCase{"1922-04-03T10:15:30", G, "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=none",
                 false},
        GoodCase{"1922-04-03T23:59:59Z", G, "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=none",
                 false},
        GoodCase{"1922-04-03T00:00:00+03:00", G,
                 "earliest=1922-04-03 latest=1922-04-03 precision=day qualifiers=none", false},
        GoodCase{"1922-04-03T10:15:30/1922-04-05", G,
                 "earliest=1922-04-03 latest=1922-04-05 precision=day qualifiers=none", true},
        // Julian (Old Style) dates become Gregorian days
        GoodCase{"1917-10-25", J, "earliest=1917-11-07 latest=1917-11-07 precision=day qualifiers=none", false},
        GoodCase{"1917-10", J, "earliest=1917-10-14 latest=1917-11-13 precision=month qualifiers=none", false},
        GoodCase{"1900-02-29", J, "earliest=1900-03-13 latest=1900-03-13 precision=day qualifiers=none", false},
        GoodCase{"1900-02", J, "earliest=1900-02-13 latest=1900-03-13 precision=month qualifiers=none", false},
        GoodCase{"1917", J, "earliest=1917-01-14 latest=1918-01-13 precision=year qualifiers=none", false},
        GoodCase{"1917-02-23/1917-03-03", J,
                 "earliest=1917-03-08 latest=1917-03-16 precision=day qualifiers=none", true}));

// [SECTION] Bad strings

struct BadCase {
  const char* text;
  Calendar calendar;
  int column;            // 1-based column of the error in the text
  const char* fragment;  // must appear in the message
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << "'" << c.text << "' " << CalendarName(c.calendar); }

class EdtfBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(EdtfBad, ErrorColumnAndMessage) {
  const BadCase& c = GetParam();
  const EdtfParseResult r = ParseEdtf(c.text, c.calendar);
  ASSERT_FALSE(r.ok) << FormatInterpretation(r.value);
  EXPECT_EQ(r.errorColumn, c.column) << r.errorMessage;
  EXPECT_NE(r.errorMessage.find(c.fragment), std::string::npos) << r.errorMessage;
  // Every message quotes the text and names the column.
  EXPECT_EQ(r.errorMessage.rfind("'" + std::string(c.text) + "': ", 0), 0u) << r.errorMessage;
  const std::string suffix = " at column " + std::to_string(c.column);
  ASSERT_GE(r.errorMessage.size(), suffix.size());
  EXPECT_EQ(r.errorMessage.substr(r.errorMessage.size() - suffix.size()), suffix) << r.errorMessage;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EdtfBad,
    ::testing::Values(
        BadCase{"1922-13", G, 6, "month 13 out of range"},
        BadCase{"1922-00", G, 6, "month 0 out of range"},
        BadCase{"1922-20", G, 6, "month 20 out of range"},
        BadCase{"1922-25", G, 6, "month 25 out of range"},
        BadCase{"1900-02-29", G, 9, "day 29 out of range for 1900-02 (not a leap year in the gregorian calendar)"},
        BadCase{"1923-02-29", J, 9, "day 29 out of range for 1923-02 (not a leap year in the julian calendar)"},
        BadCase{"1922-4", G, 7, "month must have 2 digits"},
        BadCase{"1922-04-3", G, 10, "day must have 2 digits"},
        BadCase{"922", G, 4, "year must have 4 digits"},
        BadCase{"19X2", G, 4, "unspecified digit 'X' may only end the year"},
        BadCase{"1XXX", G, 3, "at most the last two digits of a year may be 'X'"},
        BadCase{"192X-04", G, 5, "a year with 'X' digits cannot have a month"},
        BadCase{"1922-0X", G, 6, "a month is either two digits or 'XX'"},
        BadCase{"1922-XX-03", G, 9, "a day needs a known month"},
        BadCase{"1922/1921", G, 5, "interval ends before it starts"},
        BadCase{"1922-04-03/1922-04-02", G, 11, "interval ends before it starts"},
        BadCase{"..", G, 1, "only allowed as an end of an interval"},
        BadCase{"../..", G, 3, "an interval needs at least one known end"},
        BadCase{"/", G, 1, "an interval needs at least one known end"},
        BadCase{"1922/1923/1924", G, 10, "more than one '/'"},
        BadCase{"", G, 1, "empty date"},
        BadCase{"1922-02-30", G, 9, "day 30 out of range for 1922-02"},
        BadCase{"1922-04-31", J, 9, "day 31 out of range for 1922-04"},
        BadCase{"1922-04-00", G, 9, "day 0 out of range"},
        BadCase{"abcd", G, 1, "unexpected 'a' in year"},
        BadCase{"1922-21-05", G, 8, "a season cannot have a day"},
        BadCase{"1922-04-03x", G, 11, "unexpected 'x' after the day"},
        BadCase{"1922x", G, 5, "expected '-' after the year, found 'x'"},
        BadCase{"1922?-04", G, 5, "expected '-' after the year, found '?'"},
        BadCase{"1922-04x", G, 8, "expected '-' after the month, found 'x'"},
        BadCase{"1921/1922-13", G, 11, "month 13 out of range"},
        BadCase{"1922-04-03T25", G, 14, "time of day must be HH:MM:SS"},
        BadCase{"1922-04-03T10:15:30+3", G, 20, "time zone must be Z or +HH:MM"},
        BadCase{"Y12345", G, 1, "years beyond four digits are not supported"},
        BadCase{"?", G, 1, "missing year"}));

TEST(Edtf, ExactMessageForMonth13) {
  const EdtfParseResult r = ParseEdtf("1922-13");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.errorMessage, "'1922-13': month 13 out of range at column 6");
}

TEST(Edtf, LeapDay1900IsJulianOnly) {
  EXPECT_FALSE(ParseEdtf("1900-02-29", Calendar::Gregorian).ok);
  const EdtfParseResult julian = ParseEdtf("1900-02-29", Calendar::Julian);
  ASSERT_TRUE(julian.ok) << julian.errorMessage;
  EXPECT_EQ(julian.value.Earliest(), date::sys_days{1900_y / date::March / 13});
  EXPECT_EQ(julian.value.Latest(), julian.value.Earliest());
  EXPECT_EQ(julian.value.start.precision, Precision::Day);
  // The value as written is kept in its own calendar.
  EXPECT_EQ(julian.value.start.year, 1900);
  EXPECT_EQ(julian.value.start.month, 2);
  EXPECT_EQ(julian.value.start.day, 29);
}

TEST(Edtf, BoundsKeepTheWrittenValue) {
  const EdtfInterval v = MustParse("1936-05?/1938-21~");
  EXPECT_TRUE(v.isInterval);
  EXPECT_EQ(v.start.year, 1936);
  EXPECT_EQ(v.start.month, 5);
  EXPECT_EQ(v.start.day, 0);
  EXPECT_EQ(v.start.precision, Precision::Month);
  EXPECT_EQ(v.start.qualifiers, QualifierUncertain);
  EXPECT_EQ(v.end.year, 1938);
  EXPECT_EQ(v.end.month, 21);
  EXPECT_EQ(v.end.precision, Precision::Season);
  EXPECT_EQ(v.end.qualifiers, QualifierApproximate);
  EXPECT_EQ(v.Qualifiers(), QualifierUncertain | QualifierApproximate);
  EXPECT_EQ(v.start.latest, date::sys_days{1936_y / date::May / 31});
  EXPECT_EQ(v.end.earliest, date::sys_days{1938_y / date::March / 1});
  EXPECT_FALSE(v.HasOpenOrUnknownEnd());

  const EdtfInterval single = MustParse("1922-04-03");
  EXPECT_FALSE(single.isInterval);
  EXPECT_EQ(single.end.earliest, single.start.earliest);
  EXPECT_EQ(single.end.latest, single.start.latest);
}

TEST(Edtf, OpenAndUnknownEndsUseFarDays) {
  const EdtfInterval open = MustParse("../1922");
  EXPECT_EQ(open.start.kind, BoundKind::Open);
  EXPECT_EQ(open.end.kind, BoundKind::Known);
  EXPECT_EQ(open.Earliest(), FarPast);
  EXPECT_EQ(open.Latest(), date::sys_days{1922_y / date::December / 31});
  EXPECT_TRUE(open.HasOpenOrUnknownEnd());

  const EdtfInterval unknown = MustParse("1922/");
  EXPECT_EQ(unknown.end.kind, BoundKind::Unknown);
  EXPECT_EQ(unknown.Latest(), FarFuture);
  EXPECT_EQ(unknown.Earliest(), date::sys_days{1922_y / date::January / 1});

  const EdtfInterval unknownStart = MustParse("/1922");
  EXPECT_EQ(unknownStart.start.kind, BoundKind::Unknown);
  EXPECT_EQ(unknownStart.Earliest(), FarPast);

  const EdtfInterval openEnd = MustParse("1922/..");
  EXPECT_EQ(openEnd.end.kind, BoundKind::Open);
  EXPECT_EQ(openEnd.Latest(), FarFuture);
}

// [SECTION] Julian <-> Gregorian

TEST(Edtf, RussianCalendarChange) {
  // Soviet Russia dropped 1-13 February 1918: Julian 31 January was followed by Gregorian 14 February.
  EXPECT_EQ(GregorianIso("1918-01-31"), "1918-02-13");
  EXPECT_EQ(GregorianIso("1918-02-01"), "1918-02-14");
  const auto a = MustParse("1918-01-31", Calendar::Julian).Earliest();
  const auto b = MustParse("1918-02-01", Calendar::Julian).Earliest();
  EXPECT_EQ((b - a).count(), 1);
  // The October Revolution.
  EXPECT_EQ(GregorianIso("1917-10-25"), "1917-11-07");
  // The offset grows from 12 to 13 days at the Julian-only leap day of 1900.
  EXPECT_EQ(GregorianIso("1900-02-28"), "1900-03-12");
  EXPECT_EQ(GregorianIso("1900-02-29"), "1900-03-13");
  EXPECT_EQ(GregorianIso("1900-03-01"), "1900-03-14");
  EXPECT_EQ(GregorianIso("1582-10-04"), "1582-10-14");  // the day before the Gregorian reform
  const EdtfInterval october = MustParse("1917-10", Calendar::Julian);
  EXPECT_EQ(FormatIsoDay(october.Earliest()), "1917-10-14");
  EXPECT_EQ(FormatIsoDay(october.Latest()), "1917-11-13");
}

TEST(Edtf, JulianDaysMatchJulianDayNumberFormula) {
  // Every Julian day from 1800 to 1999 against the JDN formula, and consecutive days stay consecutive.
  std::int64_t previous = 0;
  bool first = true;
  int checked = 0;
  char text[48];
  for (int y = 1800; y <= 1999; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= JulianDaysInMonth(y, m); ++d) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
        const EdtfParseResult r = ParseEdtf(text, Calendar::Julian);
        ASSERT_TRUE(r.ok) << r.errorMessage;
        const std::int64_t got = DayNumber(r.value.Earliest());
        ASSERT_EQ(got, JulianCalendarToUnixDay(y, m, d)) << text;
        if (!first) {
          ASSERT_EQ(got, previous + 1) << text;
        }
        previous = got;
        first = false;
        ++checked;
      }
      // The day after the month's last is refused.
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, JulianDaysInMonth(y, m) + 1);
      if (JulianDaysInMonth(y, m) < 31) {
        ASSERT_FALSE(ParseEdtf(text, Calendar::Julian).ok) << text;
      }
    }
  }
  EXPECT_EQ(checked, 200 * 365 + 50);  // every fourth year is leap in the Julian calendar
}

// [SECTION] Formatting

TEST(Edtf, FormatWithBothCalendars) {
  EXPECT_EQ(FormatWithBothCalendars(MustParse("1917-10-25", Calendar::Julian)), "25 Oct 1917 O.S. = 7 Nov 1917");
  EXPECT_EQ(FormatWithBothCalendars(MustParse("1918-01-31", Calendar::Julian)), "31 Jan 1918 O.S. = 13 Feb 1918");
  EXPECT_EQ(FormatWithBothCalendars(MustParse("1917-10", Calendar::Julian)),
            "Oct 1917 O.S. = 14 Oct 1917 \xE2\x80\x93 13 Nov 1917");
  EXPECT_EQ(FormatWithBothCalendars(MustParse("1917-02-23/1917-03-03", Calendar::Julian)),
            "23 Feb 1917 \xE2\x80\x93 3 Mar 1917 O.S. = 8 Mar 1917 \xE2\x80\x93 16 Mar 1917");
  EXPECT_EQ(FormatWithBothCalendars(MustParse("../1917-10-25", Calendar::Julian)),
            "until 25 Oct 1917 O.S. = until 7 Nov 1917");
  // Gregorian dates are shown once.
  EXPECT_EQ(FormatWithBothCalendars(MustParse("1922-04-03")), "3 Apr 1922");
}

struct WrittenCase {
  const char* text;
  Calendar calendar;
  const char* written;
};

void PrintTo(const WrittenCase& c, std::ostream* os) { *os << "'" << c.text << "' " << CalendarName(c.calendar); }

class EdtfWritten : public ::testing::TestWithParam<WrittenCase> {};

TEST_P(EdtfWritten, AsAReaderSaysIt) {
  EXPECT_EQ(FormatWritten(MustParse(GetParam().text, GetParam().calendar)), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(Table, EdtfWritten,
                         ::testing::Values(WrittenCase{"1922-04-03", G, "3 Apr 1922"},
                                           WrittenCase{"1922-04", G, "Apr 1922"},
                                           WrittenCase{"1922-04-XX", G, "Apr 1922"},
                                           WrittenCase{"1922-21", G, "spring 1922"},
                                           WrittenCase{"1922-24", G, "winter 1922"},
                                           WrittenCase{"1922", G, "1922"},
                                           WrittenCase{"1922-XX", G, "1922"},
                                           WrittenCase{"192X", G, "1920s"},
                                           WrittenCase{"19XX", G, "1900s"},
                                           WrittenCase{"1922~", G, "c. 1922"},
                                           WrittenCase{"1922?", G, "1922?"},
                                           WrittenCase{"1922%", G, "c. 1922?"},
                                           WrittenCase{"1922-04-03?", G, "3 Apr 1922?"},
                                           WrittenCase{"1936/1938", G, "1936 \xE2\x80\x93 1938"},
                                           WrittenCase{"1936~/1938-05", G, "c. 1936 \xE2\x80\x93 May 1938"},
                                           WrittenCase{"../1917", G, "until 1917"},
                                           WrittenCase{"1917/..", G, "from 1917"},
                                           WrittenCase{"1922/", G, "1922 \xE2\x80\x93 ?"},
                                           WrittenCase{"/1922", G, "? \xE2\x80\x93 1922"},
                                           WrittenCase{"-0043-03-15", G, "15 Mar -43"},
                                           // Old Style dates are written as the source wrote them.
                                           WrittenCase{"1917-10-25", J, "25 Oct 1917"}));

TEST(Edtf, FormatWrittenShowsOnlyWhatABoundHolds) {
  // A default interval (a source with no readable 'written' date) has no month and no day: it must
  // not index the month names with month 0.
  EXPECT_EQ(FormatWritten(EdtfInterval{}), "0");
  EdtfInterval v = MustParse("1922-04-03");
  v.start.day = 0;
  EXPECT_EQ(FormatWritten(v), "Apr 1922");
  v.start.month = 0;
  EXPECT_EQ(FormatWritten(v), "1922");
  v = MustParse("1922-21");
  v.start.month = 4;
  EXPECT_EQ(FormatWritten(v), "1922");
}

TEST(Edtf, HumanAndIsoDays) {
  const date::sys_days day{1922_y / date::April / 3};
  EXPECT_EQ(FormatIsoDay(day), "1922-04-03");
  EXPECT_EQ(FormatHumanDay(day), "3 Apr 1922");
  char buf[32];
  FormatHumanDay(date::sys_days{1953_y / date::March / 5}, buf, sizeof buf);
  EXPECT_STREQ(buf, "5 Mar 1953");
  // A too-small buffer is cut, never overrun.
  char small[6];
  FormatHumanDay(day, small, sizeof small);
  EXPECT_STREQ(small, "3 Apr");
  EXPECT_EQ(DayNumber(date::sys_days{1970_y / date::January / 2}), 1);
  EXPECT_EQ(FromDayNumber(DayNumber(day)), day);
}

TEST(Edtf, Names) {
  EXPECT_STREQ(PrecisionName(Precision::Season), "season");
  EXPECT_STREQ(CalendarName(Calendar::Julian), "julian");
  EXPECT_STREQ(CalendarName(Calendar::Gregorian), "gregorian");
  EXPECT_STREQ(QualifierName(QualifierNone), "none");
  EXPECT_STREQ(QualifierName(QualifierUncertain | QualifierApproximate), "uncertain+approximate");
}

}  // namespace
}  // namespace parallax
