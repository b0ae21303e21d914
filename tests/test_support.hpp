#pragma once
// Helpers shared by the test files.

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace parallax::testing_support {

// A fresh folder under the system's temp directory, named after the running test and removed
// afterwards (made writable first, in case a test took that away).
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "_" + info->name() : std::string("x");
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests are "Test/Param"
    m_path = std::filesystem::temp_directory_path() /
             ("parallax_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + name);
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(m_path, ec))
      if (entry.is_directory(ec))
        std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& Path() const { return m_path; }
  void Write(const std::string& name, const std::string& text) const { WriteBytes(m_path / name, text); }
  // The path as problems name it: the folder joined with the file name.
  std::string Display(const std::string& name) const { return m_path.string() + "/" + name; }

  static void WriteBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }

 private:
  std::filesystem::path m_path;
};

}  // namespace parallax::testing_support
