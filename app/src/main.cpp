// parallax: command-line entry. Dispatches to the GUI, `check` or `dates`.
#include "cli.hpp"
#include "gui_main.hpp"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#ifndef PARALLAX_DEFAULT_DATASET
#define PARALLAX_DEFAULT_DATASET "timeline_data/datasets/stalin"
#endif

namespace {

constexpr const char* Usage = R"(Parallax: historical sources side by side on one zoomable timeline.

Usage:
  parallax [--claim ID | --event SOURCE/ID] [--texts DIR] [DATASET_DIR]
      Open the timeline GUI on a dataset folder (default: the bundled dataset). --claim opens on a
      claim, highlighted; --event opens on an event, selected; --texts names the folder of the sources' full texts (to read quotes in
      context; by default they are looked for in the dataset folder).
  parallax check [DATASET_DIR]
      Load and validate; print each problem as file:line:column: error: message.
      Exit 0 when clean, 1 otherwise.
  parallax dates EDTF [--calendar gregorian|julian]
      Print how an EDTF date is read, e.g.
      earliest=1922-04-01 latest=1922-04-30 precision=month qualifiers=none
      Days are Gregorian whatever the input calendar; open ends print as 'open'. Exit 1 if invalid.
  parallax claims [DATASET_DIR] [--format text|csv|json]
      One row per (claim, event): claim id, source id, event id, date as written, earliest, latest,
      verdict against the record (same, consistent, calendar, contradicts), gap in days.
  parallax --screenshot OUT.png [--size WxH] [--view EDTF_INTERVAL] [--claim ID | --event SOURCE/ID] [DATASET_DIR]
      Render one frame without interaction, write it as a PNG, exit.
      --size defaults to 1600x900; --view (e.g. 1917/1924) defaults to the dataset's view.
  parallax --help | --version

Controls (GUI):
  wheel            zoom around the pointer        Shift+wheel   scroll lanes
  drag             pan (and scroll lanes)         Left/Right, A/D   pan
  Up/Down, W/S     zoom in/out                    F             fit the whole dataset
  Home             the dataset's default view     click         select an event (details panel)
  double-click / middle-click   zoom to an event or a fold    Esc   clear the selection
  N / Shift+N      next / previous contradiction  C             the Claims table
  click a lane header   show all its rows         drag the overview strip   move the view
  Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y   undo / redo      Ctrl+S        save the changed files
  Insert / double-click empty lane space   new event       Delete   delete the selected event
  Alt+drag an event   move it in time (snaps to the axis's tick unit)
)";

bool ParseSize(const std::string& text, int& width, int& height) {
  int w = 0;
  int h = 0;
  char x = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X')) return false;
  if (w < 64 || h < 64 || w > 16384 || h > 16384) return false;
  width = w;
  height = h;
  return true;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "parallax: %s\nTry 'parallax --help'.\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
    std::fputs(Usage, stdout);
    return 0;
  }
  if (!args.empty() && args[0] == "--version") {
    std::puts("parallax " PARALLAX_VERSION);
    return 0;
  }
  if (!args.empty() && args[0] == "check") {
    if (args.size() > 2) return Fail("check takes at most one DATASET_DIR");
    return parallax::RunCheck(args.size() == 2 ? args[1] : PARALLAX_DEFAULT_DATASET, std::cout, std::cerr);
  }
  if (!args.empty() && args[0] == "dates") {
    std::string edtf;
    std::string calendar;
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--calendar" && i + 1 < args.size()) calendar = args[++i];
      else if (args[i].rfind("--calendar=", 0) == 0) calendar = args[i].substr(11);
      else if (edtf.empty()) edtf = args[i];
      else return Fail("dates takes one EDTF value");
    }
    if (edtf.empty()) return Fail("dates needs an EDTF value, e.g. parallax dates 1922-04~");
    return parallax::RunDates(edtf, calendar, std::cout, std::cerr);
  }

  if (!args.empty() && args[0] == "claims") {
    std::string dir;
    std::string format = "text";
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--format" && i + 1 < args.size()) format = args[++i];
      else if (args[i].rfind("--format=", 0) == 0) format = args[i].substr(9);
      else if (dir.empty() && args[i][0] != '-') dir = args[i];
      else return Fail("claims takes [DATASET_DIR] [--format text|csv|json]");
    }
    return parallax::RunClaims(dir.empty() ? PARALLAX_DEFAULT_DATASET : dir, format, std::cout, std::cerr);
  }

  parallax::GuiOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)name;
      return &args[++i];
    };
    if (a == "--screenshot") {
      const std::string* v = value("--screenshot");
      if (!v) return Fail("--screenshot needs an output file");
      options.screenshotPath = *v;
    } else if (a == "--size") {
      const std::string* v = value("--size");
      if (!v || !ParseSize(*v, options.width, options.height)) return Fail("--size needs WxH, e.g. 1600x900");
    } else if (a == "--claim") {
      const std::string* v = value("--claim");
      if (!v) return Fail("--claim needs a claim id, e.g. gensec");
      options.claim = *v;
    } else if (a == "--event") {
      const std::string* v = value("--event");
      if (!v) return Fail("--event needs SOURCE/ID, e.g. volkogonov/ch2-plenum-3-april");
      options.event = *v;
    } else if (a == "--texts") {
      const std::string* v = value("--texts");
      if (!v) return Fail("--texts needs a folder");
      options.textsDir = *v;
    } else if (a == "--view") {
      const std::string* v = value("--view");
      if (!v) return Fail("--view needs an EDTF interval, e.g. 1917/1924");
      options.view = *v;
    } else if (!a.empty() && a[0] == '-') {
      return Fail("unknown option '" + a + "'");
    } else if (options.datasetDir.empty()) {
      options.datasetDir = a;
    } else {
      return Fail("more than one DATASET_DIR given");
    }
  }
  if (options.datasetDir.empty()) options.datasetDir = PARALLAX_DEFAULT_DATASET;
  return parallax::RunGui(options);
}
