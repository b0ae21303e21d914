// Watching dataset files: a change by another program is reported (in place or by rename), neighbours
// and our own saves are not, and Stop() is prompt and final. Waits are bounded by the callback and a
// condition variable, never by sleeping; "not reported" is proven by a later watched change acting as a
// barrier, since inotify delivers one folder's events in order.

#include "timeline_data/atomic_file.hpp"
#include "timeline_data/file_watch.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace parallax {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// [SECTION] Helpers

using testing_support::TempDir;

void WriteInPlace(const fs::path& path, const std::string& text) { TempDir::WriteBytes(path, text); }

// Counts callbacks; the test thread waits on it with a deadline.
struct Callbacks {
  std::mutex mutex;
  std::condition_variable cv;
  int count = 0;

  std::function<void()> Callback() {
    return [this] {
      std::lock_guard lock(mutex);
      ++count;
      cv.notify_all();
    };
  }
  int Count() {
    std::lock_guard lock(mutex);
    return count;
  }
};

constexpr auto Timeout = 3s;

// Collects TakeChanged() after each callback until `expected` is among them (or the deadline passes),
// and returns everything collected, sorted, exactly as the watcher spelled it.
std::vector<fs::path> WaitUntilReported(FileWatcher& watcher, Callbacks& callbacks, const fs::path& expected) {
  std::set<fs::path> seen;
  const auto deadline = std::chrono::steady_clock::now() + Timeout;
  int handled = 0;
  for (;;) {
    for (const fs::path& p : watcher.TakeChanged()) seen.insert(p);
    if (seen.count(expected)) break;
    std::unique_lock lock(callbacks.mutex);
    if (!callbacks.cv.wait_until(lock, deadline, [&] { return callbacks.count > handled; })) break;
    handled = callbacks.count;
  }
  return std::vector<fs::path>(seen.begin(), seen.end());
}

using Names = std::vector<std::string>;

Names FileNames(const std::vector<fs::path>& paths) {
  Names names;
  for (const fs::path& p : paths) names.push_back(p.filename().string());
  return names;
}

// [SECTION] Reported changes

TEST(FileWatch, InPlaceWriteIsReported) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  WriteInPlace(a, "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;

  WriteInPlace(a, "two\n");
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, a)), Names{"a.toml"});
  EXPECT_GE(callbacks.Count(), 1);
  EXPECT_TRUE(watcher.TakeChanged().empty());  // taking clears
}

TEST(FileWatch, ReplaceByRenameIsReported) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  WriteInPlace(a, "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;

  // What vim, VS Code and git do: write a sibling, rename it over the file.
  WriteInPlace(dir.Path() / ".a.toml.swp", "two\n");
  fs::rename(dir.Path() / ".a.toml.swp", a);
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, a)), Names{"a.toml"});

  // And WriteFileAtomically's temporary file is never reported, only the file it replaces.
  ASSERT_TRUE(WriteFileAtomically(a, "three\n").ok);
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, a)), Names{"a.toml"});
}

TEST(FileWatch, DeleteAndCreateAreReportedAndDuplicatesMerge) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  const fs::path later = dir.Path() / "later.toml";  // does not exist yet
  WriteInPlace(a, "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a, later}, callbacks.Callback(), error)) << error;

  fs::remove(a);
  WriteInPlace(a, "again\n");
  WriteInPlace(a, "and again\n");
  WriteInPlace(later, "new\n");
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, later)), (Names{"a.toml", "later.toml"}));
}

TEST(FileWatch, ReturnsPathsAsGiven) {
  TempDir dir;
  fs::create_directory(dir.Path() / "sub");
  const fs::path a = dir.Path() / "sub" / ".." / "a.toml";  // the app compares with what it passed in
  WriteInPlace(dir.Path() / "a.toml", "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;
  WriteInPlace(dir.Path() / "a.toml", "two\n");
  EXPECT_EQ(WaitUntilReported(watcher, callbacks, a), std::vector<fs::path>{a});
}

// [SECTION] Not reported

TEST(FileWatch, OtherFileInTheFolderIsNotReported) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  WriteInPlace(a, "one\n");
  WriteInPlace(dir.Path() / "notes.txt", "x\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;

  WriteInPlace(dir.Path() / "notes.txt", "changed\n");
  WriteInPlace(dir.Path() / "other.toml", "new\n");
  fs::remove(dir.Path() / "other.toml");
  ASSERT_TRUE(WriteFileAtomically(dir.Path() / "b.toml", "unwatched\n").ok);
  WriteInPlace(a, "barrier\n");  // reported after everything above has been read
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, a)), Names{"a.toml"});
}

TEST(FileWatch, IgnoreNextChangeSuppressesOurOwnSave) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  const fs::path b = dir.Path() / "b.toml";
  WriteInPlace(a, "one\n");
  WriteInPlace(b, "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a, b}, callbacks.Callback(), error)) << error;

  watcher.IgnoreNextChange(dir.Path() / "." / "a.toml");  // any spelling of the same path
  ASSERT_TRUE(WriteFileAtomically(a, "our own save\n").ok);
  WriteInPlace(b, "someone else's\n");  // barrier
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, b)), Names{"b.toml"});
}

// [SECTION] Errors and stopping

TEST(FileWatch, MissingFolderIsAnError) {
  TempDir dir;
  FileWatcher watcher;
  std::string error;
  EXPECT_FALSE(watcher.Watch({dir.Path() / "gone" / "a.toml"}, [] {}, error));
  EXPECT_NE(error.find("cannot watch '" + (dir.Path() / "gone").string() + "'"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST(FileWatch, StopIsPromptAndFinal) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  WriteInPlace(a, "one\n");
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;
  WriteInPlace(a, "two\n");
  ASSERT_EQ(FileNames(WaitUntilReported(watcher, callbacks, a)), Names{"a.toml"});

  const auto start = std::chrono::steady_clock::now();
  watcher.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  const int after = callbacks.Count();
  WriteInPlace(a, "three\n");
  fs::rename(a, dir.Path() / "moved.toml");
  WriteInPlace(a, "four\n");
  // The thread has been joined, so this is a formality; a short grace period covers a broken Stop().
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(callbacks.Count(), after);
  EXPECT_TRUE(watcher.TakeChanged().empty());
  watcher.Stop();  // twice is harmless
}

TEST(FileWatch, StopWaitsForARunningCallback) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  WriteInPlace(a, "one\n");
  std::atomic<bool> inCallback{false};
  std::atomic<bool> stopReturned{false};
  std::atomic<int> callsAfterStop{0};
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch(
      {a},
      [&] {
        inCallback = true;
        std::this_thread::sleep_for(100ms);
        if (stopReturned) ++callsAfterStop;
      },
      error))
      << error;
  WriteInPlace(a, "two\n");
  const auto deadline = std::chrono::steady_clock::now() + Timeout;
  while (!inCallback && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(inCallback);
  WriteInPlace(a, "three\n");  // queued while the callback runs
  watcher.Stop();
  stopReturned = true;
  EXPECT_EQ(callsAfterStop, 0);
}

TEST(FileWatch, DestructorStopsPromptly) {
  TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  {
    FileWatcher watcher;
    std::string error;
    ASSERT_TRUE(watcher.Watch({dir.Path() / "a.toml"}, [] {}, error)) << error;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
}

TEST(FileWatch, WatchAgainReplacesTheSet) {
  TempDir dir;
  const fs::path a = dir.Path() / "a.toml";
  const fs::path b = dir.Path() / "b.toml";
  Callbacks callbacks;  // outlives the watcher, whose thread calls into it
  FileWatcher watcher;
  std::string error;
  ASSERT_TRUE(watcher.Watch({a}, callbacks.Callback(), error)) << error;
  ASSERT_TRUE(watcher.Watch({b}, callbacks.Callback(), error)) << error;
  WriteInPlace(a, "no longer watched\n");
  WriteInPlace(b, "barrier\n");
  EXPECT_EQ(FileNames(WaitUntilReported(watcher, callbacks, b)), Names{"b.toml"});
}

}  // namespace
}  // namespace parallax
