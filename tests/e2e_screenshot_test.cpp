// End to end: the real parallax executable under Xvfb (Mesa llvmpipe) renders the bundled dataset to a
// PNG; the test reads the pixels back and checks what a user would see: every lane's colour, the axis.
#include "timeline_data/loader.hpp"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace parallax {
namespace {

struct Image {
  int width = 0;
  int height = 0;
  unsigned char* pixels = nullptr;
  ~Image() { stbi_image_free(pixels); }
  const unsigned char* At(int x, int y) const { return pixels + (static_cast<std::size_t>(y) * width + x) * 4; }
};

int RunParallax(const std::string& args) {
  const std::string command = std::string(PARALLAX_XVFB_RUN) + " -a -s '-screen 0 1920x1080x24' " + PARALLAX_EXE +
                              " " + args + " > /dev/null 2>&1";
  return std::system(command.c_str());
}

std::string OutPath(const char* name) { return std::string(PARALLAX_OUT_DIR) + "/" + name; }

bool Load(const std::string& path, Image& image) {
  int channels = 0;
  image.pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  return image.pixels != nullptr;
}

// Pixels within `tolerance` of an RGB colour, in the rectangle [x0, x1) x [y0, y1).
int CountColor(const Image& img, std::uint32_t rgb, int tolerance, int x0, int y0, int x1, int y1) {
  const int r = static_cast<int>((rgb >> 16) & 0xFF);
  const int g = static_cast<int>((rgb >> 8) & 0xFF);
  const int b = static_cast<int>(rgb & 0xFF);
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = img.At(x, y);
      if (std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance && std::abs(p[2] - b) <= tolerance) ++n;
    }
  return n;
}

TEST(EndToEnd, ScreenshotOfTheBundledDatasetShowsEveryLaneAndTheAxis) {
  const std::string png = OutPath("e2e_default.png");
  std::filesystem::remove(png);
  ASSERT_EQ(RunParallax("--screenshot " + png + " --size 1280x720 " PARALLAX_DATASET_DIR), 0);
  Image img;
  ASSERT_TRUE(Load(png, img)) << png;
  EXPECT_EQ(img.width, 1280);
  EXPECT_EQ(img.height, 720);

  // Every source's colour appears (its header swatch and its events), in its own horizontal band.
  const LoadResult data = LoadDataset(PARALLAX_DATASET_DIR);
  ASSERT_EQ(data.dataset.sources.size(), 5u);
  int previousBandTop = -1;
  for (const Source& s : data.dataset.sources) {
    EXPECT_GT(CountColor(img, s.color, 2, 0, 0, img.width, img.height), 500) << s.id << " colour missing";
    // The swatch at the left edge: find where this lane's band starts.
    int top = -1;
    for (int y = 0; y < img.height && top < 0; ++y)
      if (CountColor(img, s.color, 2, 0, y, 4, y + 1) == 4) top = y;
    ASSERT_GE(top, 0) << s.id << " has no header swatch";
    EXPECT_GT(top, previousBandTop) << "lanes are stacked in timeline.toml order";
    previousBandTop = top;
  }

  // The axis: its band (the theme's axis background) holds dark label pixels across the width.
  const int axisY0 = 40;
  const int axisY1 = 80;
  int darkColumns = 0;
  for (int x = 320; x < img.width; x += 4) {
    bool dark = false;
    for (int y = axisY0; y < axisY1 && !dark; ++y) {
      const unsigned char* p = img.At(x, y);
      dark = p[0] < 90 && p[1] < 90 && p[2] < 90;
    }
    darkColumns += dark ? 1 : 0;
  }
  EXPECT_GT(darkColumns, 20) << "no axis labels found";
}

TEST(EndToEnd, ViewOptionChangesWhatIsShown) {
  const std::string wide = OutPath("e2e_wide.png");
  const std::string narrow = OutPath("e2e_1922.png");
  ASSERT_EQ(RunParallax("--screenshot " + wide + " --size 800x500 " PARALLAX_DATASET_DIR), 0);
  ASSERT_EQ(RunParallax("--screenshot " + narrow + " --size 800x500 --view 1922-03/1922-05 " PARALLAX_DATASET_DIR), 0);
  Image a;
  Image b;
  ASSERT_TRUE(Load(wide, a));
  ASSERT_TRUE(Load(narrow, b));
  ASSERT_EQ(a.width, b.width);
  int different = 0;
  for (int y = 60; y < a.height; ++y)
    for (int x = 300; x < a.width; ++x) different += a.At(x, y)[0] != b.At(x, y)[0] ? 1 : 0;
  EXPECT_GT(different, 5000);
}

TEST(EndToEnd, BadArgumentsFailWithoutWritingAnything) {
  const std::string png = OutPath("e2e_bad.png");
  std::filesystem::remove(png);
  EXPECT_NE(RunParallax("--screenshot " + png + " --size 10x10 " PARALLAX_DATASET_DIR), 0);
  EXPECT_NE(RunParallax("--screenshot " + png + " --view 1922-13/1923 " PARALLAX_DATASET_DIR), 0);
  EXPECT_FALSE(std::filesystem::exists(png));
}

TEST(EndToEnd, AMissingDatasetStillRendersAndSaysWhy) {
  const std::string png = OutPath("e2e_missing.png");
  ASSERT_EQ(RunParallax("--screenshot " + png + " --size 640x400 /nonexistent/dataset"), 0);
  EXPECT_TRUE(std::filesystem::exists(png));
}

}  // namespace
}  // namespace parallax
