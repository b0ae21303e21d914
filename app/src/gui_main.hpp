#pragma once

#include <string>

namespace parallax {

struct GuiOptions {
  std::string datasetDir;
  std::string screenshotPath;  // non-empty: render one frame offscreen, write a PNG, exit
  int width = 1600;
  int height = 900;
  std::string view;            // EDTF interval to show at start ("" = the dataset's default)
  std::string claim;           // a claim id to highlight at start (and show, unless --view is given)
  std::string event;           // "source/id": an event to select at start (its panel opens)
  std::string textsDir;        // where the sources' full texts are
};

// Opens the window (or renders offscreen for --screenshot). Returns the process exit code.
int RunGui(const GuiOptions& options);

}  // namespace parallax
