// Finding a quote in its paragraph for the "show in context" view.
#include "timeline_data/quote_context.hpp"

#include <gtest/gtest.h>

namespace parallax {
namespace {

const std::string Text =
    "Title line\n"
    "\n"
    "First paragraph, line one.\n"
    "It continues here and mentions 3 April 1922 when the plenum\n"
    "met.\n"
    "\n"
    "Second\xC2\xA0paragraph with a no-break space.\n";

TEST(QuoteContext, FindsAQuoteAcrossLinesAndItsParagraph) {
  const ContextSpan span = FindQuoteContext(Text, "mentions 3 April 1922 when the plenum met.", 4);
  ASSERT_NE(span.paragraphBegin, span.paragraphEnd);
  EXPECT_EQ(Text.substr(span.quoteBegin, span.quoteEnd - span.quoteBegin), "mentions 3 April 1922 when the plenum\nmet.");
  EXPECT_EQ(span.firstLine, 3);
  EXPECT_EQ(span.lastLine, 5);
  EXPECT_EQ(Text.substr(span.paragraphBegin, 5), "First");
}

TEST(QuoteContext, NoBreakSpacesMatchPlainSpaces) {
  const ContextSpan span = FindQuoteContext(Text, "Second paragraph with", 7);
  ASSERT_NE(span.paragraphBegin, span.paragraphEnd);
  EXPECT_EQ(span.firstLine, 7);
}

TEST(QuoteContext, TheQuoteMustBeginOnTheGivenLine) {
  EXPECT_EQ(FindQuoteContext(Text, "mentions 3 April", 3).paragraphEnd, 0u);
  EXPECT_EQ(FindQuoteContext(Text, "not in the text at all", 4).paragraphEnd, 0u);
}

}  // namespace
}  // namespace parallax
