#pragma once
// The command-line commands that need no window: check, dates.

#include <ostream>
#include <string>

namespace parallax {

// `parallax check DIR`: prints every problem as file:line:column: error: message. 0 when clean.
int RunCheck(const std::string& datasetDir, std::ostream& out, std::ostream& err);

// `parallax dates EDTF [--calendar julian]`: prints the interpretation on one line. 0 when valid.
int RunDates(const std::string& edtf, const std::string& calendar, std::ostream& out, std::ostream& err);

// `parallax claims DIR --format text|csv|json`: one row per (claim, event): claim, source, event,
// date as written, earliest, latest, verdict against the record, gap in days. 0 on success.
int RunClaims(const std::string& datasetDir, const std::string& format, std::ostream& out, std::ostream& err);

}  // namespace parallax
