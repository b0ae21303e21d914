#pragma once
// Tells the app when a dataset file changes on disk (another editor, git checkout, a sync tool).
// Linux inotify watches the files' *folders*, because editors and WriteFileAtomically save by writing
// a temporary file and renaming it over the original, which a watch on the file itself would lose.
// A background thread sleeps in poll() until something happens, so an idle app uses no CPU.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace parallax {

class FileWatcher {
 public:
  FileWatcher() = default;
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Starts watching `files` (which need not exist yet), replacing any earlier watch. `onChange` runs
  // on the watcher thread after watched files changed: keep it short and thread-safe (the app calls
  // glfwPostEmptyEvent), then collect the files with TakeChanged(). Never call Stop() from it.
  // False, with `error` saying why, when a folder cannot be watched; nothing is watched then.
  bool Watch(const std::vector<std::filesystem::path>& files, std::function<void()> onChange, std::string& error);

  // The watched files that changed since the last call, each once, as they were passed to Watch().
  // Thread-safe.
  std::vector<std::filesystem::path> TakeChanged();

  // Our own save is not news: changes to `file` in the next IgnoreWindow are not reported. Call it
  // just before writing. Thread-safe.
  void IgnoreNextChange(const std::filesystem::path& file);
  static constexpr std::chrono::milliseconds IgnoreWindow{1000};

  // Stops the thread and closes the watch; after it returns `onChange` is never called again.
  void Stop();

 private:
  struct WatchedFile {
    std::filesystem::path given;     // as passed to Watch(), which is what TakeChanged() returns
    std::filesystem::path absolute;  // the key IgnoreNextChange() matches
  };

  void Run();
  // Records one event; true when it names a watched file that was not being ignored.
  bool Record(int wd, const char* name);
  // Marks every file of folder `wd` (all folders when -1) changed, when events were lost.
  bool RecordAll(int wd);
  bool RecordLocked(const WatchedFile& file, std::chrono::steady_clock::time_point now);

  int m_inotifyFd = -1;
  int m_wakeFd = -1;  // an eventfd in the poll set: Stop() writes to it so poll() returns at once
  std::thread m_thread;
  std::function<void()> m_onChange;
  std::atomic<bool> m_stopping{false};  // set before the wake-up, so no callback starts after Stop()

  // Written by Watch() before the thread starts and read only by the thread after: no lock needed.
  // Watch descriptor (one per folder) -> file name in that folder -> the file.
  std::map<int, std::map<std::string, WatchedFile>> m_files;

  std::mutex m_mutex;  // guards the two below
  std::set<std::filesystem::path> m_changed;
  std::map<std::filesystem::path, std::chrono::steady_clock::time_point> m_ignoreUntil;  // absolute paths
};

}  // namespace parallax
