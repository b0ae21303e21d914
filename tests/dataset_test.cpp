// The bundled dataset: structure, counts, claims, and every quote checked against the full texts in
// ../shared/seeds (the user's corpus). Where that folder is absent the text checks skip, saying why.
#include "timeline_data/loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace parallax {
namespace {

const LoadResult& Bundled() {
  static const LoadResult result = LoadDataset(PARALLAX_DATASET_DIR);
  return result;
}

const Dataset& D() { return Bundled().dataset; }

int WordCount(const std::string& text) {
  std::istringstream in(text);
  int n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// [SECTION] Structure

TEST(BundledDataset, LoadsWithoutAnyProblem) {
  ASSERT_TRUE(Bundled().loaded);
  for (const Problem& p : Bundled().problems) ADD_FAILURE() << FormatProblem(p);
  EXPECT_EQ(D().sources.size(), 5u);
}

TEST(BundledDataset, MeetsMinimumEventCountsPerSource) {
  const std::map<std::string, int> minimum = {
      {"volkogonov", 600}, {"trotsky", 120}, {"centenary", 50}, {"student", 10}, {"blog", 15}};
  for (const auto& [id, min] : minimum) {
    const std::int32_t s = D().FindSource(id);
    ASSERT_GE(s, 0) << id;
    EXPECT_GE(D().EventCount(s), min) << id;
  }
}

TEST(BundledDataset, VolkogonovHasAtLeastSeventyEventsPerChapter) {
  // First lines of chapters I..VI in 003_e992fa563a755546.txt, and the end of chapter VI.
  const int bounds[] = {102, 829, 1516, 2332, 3246, 4304, 5603};
  const std::int32_t s = D().FindSource("volkogonov");
  ASSERT_GE(s, 0);
  for (int c = 0; c < 6; ++c) {
    int n = 0;
    for (const Event& e : D().events)
      if (e.source == s && e.line >= bounds[c] && e.line < bounds[c + 1]) ++n;
    EXPECT_GE(n, 70) << "chapter " << c + 1;
  }
}

TEST(BundledDataset, EveryEventIsComplete) {
  for (const Event& e : D().events) {
    const std::string where = D().sources[static_cast<std::size_t>(e.source)].id + "/" + e.id;
    EXPECT_FALSE(e.title.empty()) << where;
    EXPECT_LE(e.title.size(), 80u * 2) << where;  // bytes; 80 characters allows some UTF-8
    EXPECT_FALSE(e.dateText.empty()) << where;
    EXPECT_GE(e.line, 1) << where;
    const int words = WordCount(e.quote);
    EXPECT_GE(words, 10) << where;
    EXPECT_LE(words, 60) << where;
    EXPECT_FALSE(e.tags.empty()) << where;
    if (e.basis == Basis::Inferred) {
      EXPECT_FALSE(e.note.empty()) << where << ": inferred without a note";
    }
    if (!e.claimId.empty()) {
      EXPECT_GE(e.claim, 0) << where << ": claim " << e.claimId;
    }
  }
}

TEST(BundledDataset, TitlesAreAtMostEightyCharacters) {
  for (const Event& e : D().events) {
    std::size_t chars = 0;
    for (unsigned char c : e.title) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    EXPECT_LE(chars, 80u) << e.id;
  }
}

// The verdicts are computed from the EDTF dates, so they say what the quotes say only if each date is
// the source's own: every stated date must agree with the source's words for it (date_text).
TEST(BundledDataset, StatedDatesAgreeWithTheSourcesWords) {
  static const std::regex Year(R"((?:^|[^\d])(1[89]\d\d)(?![\d]|'s|s\b))");
  static const std::regex DayMonth(
      R"((?:^|[^\d-])(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)\b)");
  static const char* const Months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  int checked = 0;
  for (const Event& e : D().events) {
    if (e.basis != Basis::Stated) continue;
    const std::string where = D().sources[static_cast<std::size_t>(e.source)].id + "/" + e.id;
    // A transcription slip is quoted as it stands and dated as meant; its note must say so.
    const bool slip = e.note.find("garbled") != std::string::npos || e.note.find("as published") != std::string::npos ||
                      e.note.find("misprint") != std::string::npos || e.note.find("typo") != std::string::npos ||
                      e.dateText.find("[as published]") != std::string::npos;
    const int y0 = e.date.start.kind == BoundKind::Known ? e.date.start.year : -100000;
    int y1 = e.date.end.kind == BoundKind::Known ? e.date.end.year : 100000;
    if (e.date.end.kind == BoundKind::Known && e.date.end.precision == Precision::Decade) y1 += 9;
    if (e.date.end.kind == BoundKind::Known && e.date.end.precision == Precision::Century) y1 += 99;
    bool anyYear = false;
    bool yearFits = false;
    for (auto it = std::sregex_iterator(e.dateText.begin(), e.dateText.end(), Year); it != std::sregex_iterator(); ++it) {
      const int y = std::stoi((*it)[1].str());
      anyYear = true;
      yearFits = yearFits || (y >= y0 - 1 && y <= y1 + 1);  // "on the eve of 1917", "after 1931"
    }
    if (anyYear && !slip) {
      EXPECT_TRUE(yearFits) << where << ": \"" << e.dateText << "\" against " << e.dateRaw;
    }
    // A lone day and month ("3 April") against a single day-exact date must be that very day.
    std::vector<std::pair<int, int>> days;
    for (auto it = std::sregex_iterator(e.dateText.begin(), e.dateText.end(), DayMonth); it != std::sregex_iterator(); ++it) {
      const std::string month = (*it)[2].str();
      const int m = static_cast<int>(std::find(std::begin(Months), std::end(Months), month) - std::begin(Months)) + 1;
      days.emplace_back(std::stoi((*it)[1].str()), m);
    }
    if (days.size() == 1 && !e.date.isInterval && e.date.start.precision == Precision::Day && !slip) {
      EXPECT_EQ(days[0].first, e.date.start.day) << where << ": \"" << e.dateText << "\" against " << e.dateRaw;
      EXPECT_EQ(days[0].second, e.date.start.month) << where << ": \"" << e.dateText << "\" against " << e.dateRaw;
    }
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(BundledDataset, EveryBlogDateIsInferred) {
  const std::int32_t blog = D().FindSource("blog");
  for (const Event& e : D().events)
    if (e.source == blog) {
      EXPECT_EQ(e.basis, Basis::Inferred) << e.id;
    }
}

TEST(BundledDataset, NoTwoEventsOfASourceShareDateAndQuote) {
  std::set<std::tuple<std::int32_t, std::string, std::string>> seen;
  for (const Event& e : D().events)
    EXPECT_TRUE(seen.emplace(e.source, e.dateRaw, e.quote).second) << e.id;
}

TEST(BundledDataset, PersonTagsAreCanonicalNames) {
  std::set<std::string> names;
  for (const Person& p : D().people) names.insert(p.name);
  for (const Event& e : D().events)
    for (const std::string& tag : e.tags)
      if (!tag.empty() && std::isupper(static_cast<unsigned char>(tag[0]))) {
        EXPECT_TRUE(names.count(tag)) << e.id << ": tag '" << tag << "' is not a canonical name in people.toml";
      }
}

TEST(BundledDataset, FiftyClaimsAreSpokenToByTwoOrMoreSources) {
  int shared = 0;
  for (const Claim& c : D().claims) {
    EXPECT_TRUE(c.hasRecord) << c.id;
    EXPECT_FALSE(c.recordNote.empty()) << c.id;
    EXPECT_FALSE(c.events.empty()) << c.id << " is linked by no event";
    std::set<std::int32_t> sources;
    for (std::int32_t e : c.events) sources.insert(D().events[static_cast<std::size_t>(e)].source);
    shared += sources.size() >= 2 ? 1 : 0;
  }
  EXPECT_GE(shared, 50);
}

TEST(BundledDataset, GeneralSecretaryClaimIsDatedByEverySource) {
  const std::int32_t c = D().FindClaim("gensec");
  ASSERT_GE(c, 0);
  std::set<std::string> sources;
  for (std::int32_t e : D().claims[static_cast<std::size_t>(c)].events)
    sources.insert(D().sources[static_cast<std::size_t>(D().events[static_cast<std::size_t>(e)].source)].id);
  EXPECT_EQ(sources.size(), 5u);
  EXPECT_EQ(D().claims[static_cast<std::size_t>(c)].recordRaw, "1922-04-03");
}

// [SECTION] Quotes against the full texts

// A text with its white space runs folded to one space, and the line each character came from.
struct NormalizedText {
  std::string text;
  std::vector<int> lineOf;
};

NormalizedText Normalize(const std::string& raw) {
  NormalizedText out;
  int line = 1;
  bool space = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    // A no-break space (U+00A0, as the blog's text has) is white space too.
    if (c == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0') {
      c = ' ';
      ++i;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!space) {
        out.text += ' ';
        out.lineOf.push_back(line);
      }
      space = true;
    } else {
      out.text += c;
      out.lineOf.push_back(line);
      space = false;
    }
    if (c == '\n') ++line;
  }
  return out;
}

std::string NormalizeQuote(const std::string& quote) {
  std::string out;
  std::istringstream in(quote);
  for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
  return out;
}

const std::map<std::string, NormalizedText>* Texts() {
  static std::map<std::string, NormalizedText> texts;
  static bool loaded = false;
  if (!loaded) {
    loaded = true;
    for (const Source& s : D().sources) {
      std::string raw;
      std::string error;
      if (ReadWholeFile(std::filesystem::path(PARALLAX_SEEDS_DIR) / s.textFile, raw, error))
        texts[s.id] = Normalize(raw);
    }
  }
  return texts.size() == D().sources.size() ? &texts : nullptr;
}

#define SKIP_WITHOUT_SEEDS()                                                                            \
  if (!Texts())                                                                                       \
  GTEST_SKIP() << "the source texts are not in " PARALLAX_SEEDS_DIR                                   \
               << " (the user's corpus lives beside the project); quote checks skipped"

TEST(BundledDatasetQuotes, EveryQuoteIsVerbatimAndBeginsOnItsLine) {
  SKIP_WITHOUT_SEEDS();
  int checked = 0;
  for (const Event& e : D().events) {
    const Source& s = D().sources[static_cast<std::size_t>(e.source)];
    const NormalizedText& t = Texts()->at(s.id);
    const std::string q = NormalizeQuote(e.quote);
    std::vector<int> lines;
    for (std::size_t at = t.text.find(q); at != std::string::npos; at = t.text.find(q, at + 1))
      lines.push_back(t.lineOf[at]);
    if (lines.empty()) {
      ADD_FAILURE() << s.id << "/" << e.id << ": quote not found verbatim in " << s.textFile;
      continue;
    }
    EXPECT_NE(std::find(lines.begin(), lines.end(), e.line), lines.end())
        << s.id << "/" << e.id << ": quote begins on line " << lines.front() << ", not " << e.line;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(D().events.size()));
}

TEST(BundledDatasetQuotes, EditorVoiceMatchesSquareBrackets) {
  SKIP_WITHOUT_SEEDS();
  // In the Trotsky text, [bracketed] passages are the editor's: an event quoting one is voice=editor.
  const std::int32_t s = D().FindSource("trotsky");
  ASSERT_GE(s, 0);
  const NormalizedText& t = Texts()->at("trotsky");
  int editor = 0;
  for (const Event& e : D().events) {
    if (e.source != s) continue;
    const std::size_t at = t.text.find(NormalizeQuote(e.quote));
    if (at == std::string::npos) continue;
    const std::size_t open = t.text.rfind('[', at);
    const std::size_t close = t.text.rfind(']', at);
    const bool insideBrackets = open != std::string::npos && (close == std::string::npos || close < open);
    if (e.voice == Voice::Editor) {
      ++editor;
      EXPECT_TRUE(insideBrackets || NormalizeQuote(e.quote).front() == '[') << e.id << ": editor's voice outside brackets";
    } else {
      // A quote may open with a short insertion that closes at once ("[Following developments can be
      // told briefly.] Stalin again..."): judge the words after it.
      std::size_t probe = at;
      if (t.text[at] == '[') probe = t.text.find(']', at) + 1;
      const std::size_t o = t.text.rfind('[', probe - 1);
      const std::size_t c = t.text.rfind(']', probe - 1);
      const bool authorsWordsInBrackets = o != std::string::npos && (c == std::string::npos || c < o);
      EXPECT_FALSE(authorsWordsInBrackets) << e.id << ": quotes the editor's bracketed words but is not voice = \"editor\"";
    }
  }
  EXPECT_GT(editor, 0) << "the Trotsky text has editor's insertions";
}

}  // namespace
}  // namespace parallax
