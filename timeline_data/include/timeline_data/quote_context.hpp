#pragma once
// Finds a quote in a source's full text (white space runs, including no-break spaces, match any
// white space) starting on a given line, and the paragraph around it, for reading it in context.

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

struct ContextSpan {
  std::size_t paragraphBegin = 0;  // byte offsets into the text; begin == end when not found
  std::size_t paragraphEnd = 0;
  std::size_t quoteBegin = 0;
  std::size_t quoteEnd = 0;
  int firstLine = 0;  // 1-based lines of the paragraph
  int lastLine = 0;
};

// Looks for `quote` beginning on line `line` (1-based); the paragraph runs between blank lines,
// capped to about `maxChars` around the quote.
ContextSpan FindQuoteContext(std::string_view text, std::string_view quote, int line, std::size_t maxChars = 4000);

}  // namespace parallax
