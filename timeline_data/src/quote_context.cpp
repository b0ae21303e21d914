#include "timeline_data/quote_context.hpp"

#include <algorithm>

namespace parallax {
namespace {

// Length of the white space at `at` (ASCII white space or a UTF-8 no-break space), 0 if none.
std::size_t SpaceAt(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  const char c = s[at];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == '\xC2' && at + 1 < s.size() && s[at + 1] == '\xA0') return 2;
  return 0;
}

// Matches `quote` at `at` with white space runs equal; returns the end offset, or npos.
std::size_t MatchAt(std::string_view text, std::size_t at, std::string_view quote) {
  std::size_t t = at;
  std::size_t q = 0;
  while (q < quote.size() && SpaceAt(quote, q)) q += SpaceAt(quote, q);
  while (q < quote.size()) {
    if (SpaceAt(quote, q)) {
      while (q < quote.size() && SpaceAt(quote, q)) q += SpaceAt(quote, q);
      if (q == quote.size()) break;
      if (!SpaceAt(text, t)) return std::string_view::npos;
      while (t < text.size() && SpaceAt(text, t)) t += SpaceAt(text, t);
      continue;
    }
    if (t >= text.size() || text[t] != quote[q]) return std::string_view::npos;
    ++t;
    ++q;
  }
  return t;
}

std::size_t LineStart(std::string_view text, int line) {
  std::size_t at = 0;
  for (int i = 1; i < line; ++i) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return text.size();
    ++at;
  }
  return at;
}

bool BlankLine(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (!SpaceAt(text, i) && text[i] != '\xA0') return false;
  return true;
}

int LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

ContextSpan FindQuoteContext(std::string_view text, std::string_view quote, int line, std::size_t maxChars) {
  ContextSpan span;
  const std::size_t lineBegin = LineStart(text, line);
  const std::size_t lineEnd = std::min(text.find('\n', lineBegin), text.size());
  std::size_t found = std::string_view::npos;
  std::size_t foundEnd = 0;
  for (std::size_t at = lineBegin; at <= lineEnd && at < text.size(); ++at) {
    const std::size_t end = MatchAt(text, at, quote);
    if (end != std::string_view::npos) {
      found = at;
      foundEnd = end;
      break;
    }
  }
  if (found == std::string_view::npos) return span;
  span.quoteBegin = found;
  span.quoteEnd = foundEnd;
  // Back to the line after the previous blank line, forward to the line before the next one.
  std::size_t begin = lineBegin;
  while (begin > 0) {
    const std::size_t prevEnd = begin - 1;  // the '\n' ending the previous line
    const std::size_t prevBegin = text.rfind('\n', prevEnd == 0 ? 0 : prevEnd - 1);
    const std::size_t pb = prevBegin == std::string_view::npos || prevEnd == 0 ? 0 : prevBegin + 1;
    if (BlankLine(text, pb, prevEnd) || found - pb > maxChars / 2) break;
    begin = pb;
  }
  std::size_t end = std::min(text.find('\n', foundEnd), text.size());
  while (end < text.size()) {
    const std::size_t nextBegin = end + 1;
    const std::size_t nextEnd = std::min(text.find('\n', nextBegin), text.size());
    if (BlankLine(text, nextBegin, nextEnd) || nextEnd - foundEnd > maxChars / 2) break;
    end = nextEnd;
  }
  span.paragraphBegin = begin;
  span.paragraphEnd = end;
  span.firstLine = LineOf(text, begin);
  span.lastLine = LineOf(text, end == 0 ? 0 : end - 1);
  return span;
}

}  // namespace parallax
