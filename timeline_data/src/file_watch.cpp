#include "timeline_data/file_watch.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

namespace parallax {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Editors save in place (IN_CLOSE_WRITE) or write elsewhere and rename over the file (IN_MOVED_TO);
// some delete and recreate it (IN_DELETE, then IN_CLOSE_WRITE once the new file is written: not
// IN_CREATE, which would report a file still being written); chmod or touch gives IN_ATTRIB.
constexpr std::uint32_t WatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_ATTRIB;

std::string ErrnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

// The same spelling for a file however the caller wrote it ("./a.toml", "dir/../a.toml").
fs::path AbsoluteKey(const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  return (ec ? file : absolute).lexically_normal();
}

}  // namespace

FileWatcher::~FileWatcher() { Stop(); }

bool FileWatcher::Watch(const std::vector<fs::path>& files, std::function<void()> onChange, std::string& error) {
  Stop();
  {
    std::lock_guard lock(m_mutex);
    m_changed.clear();
  }
  m_inotifyFd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (m_inotifyFd < 0) {
    error = errno == EMFILE ? "cannot watch files: too many inotify instances (fs.inotify.max_user_instances)"
                            : "cannot watch files: " + ErrnoText(errno);
    Stop();
    return false;
  }
  m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (m_wakeFd < 0) {
    error = "cannot watch files: " + ErrnoText(errno);
    Stop();
    return false;
  }
  for (const fs::path& file : files) {
    const fs::path absolute = AbsoluteKey(file);
    const std::string name = absolute.filename().string();
    if (name.empty()) {
      error = "cannot watch '" + file.string() + "': not a file name";
      Stop();
      return false;
    }
    const fs::path dir = absolute.parent_path();
    // Several files in one folder share one watch: inotify returns the same descriptor.
    const int wd = ::inotify_add_watch(m_inotifyFd, dir.c_str(), WatchMask | IN_ONLYDIR);
    if (wd < 0) {
      // ENOSPC here is the per-user watch limit, not a full disk.
      error = "cannot watch '" + dir.string() + "': " +
              (errno == ENOSPC ? std::string("too many watched folders (fs.inotify.max_user_watches)")
                               : ErrnoText(errno));
      Stop();
      return false;
    }
    m_files[wd][name] = WatchedFile{file, absolute};
  }
  m_onChange = std::move(onChange);
  try {
    m_thread = std::thread([this] { Run(); });
  } catch (const std::system_error& e) {
    error = std::string("cannot watch files: ") + e.what();
    Stop();
    return false;
  }
  return true;
}

std::vector<fs::path> FileWatcher::TakeChanged() {
  std::lock_guard lock(m_mutex);
  std::vector<fs::path> changed(m_changed.begin(), m_changed.end());
  m_changed.clear();
  return changed;
}

void FileWatcher::IgnoreNextChange(const fs::path& file) {
  const fs::path key = AbsoluteKey(file);
  std::lock_guard lock(m_mutex);
  m_ignoreUntil[key] = Clock::now() + IgnoreWindow;
}

void FileWatcher::Stop() {
  if (m_thread.joinable()) {
    m_stopping = true;
    const std::uint64_t one = 1;
    // Cannot fail short of a counter overflow; the thread also checks m_stopping after every wake-up.
    (void)!::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
  }
  if (m_inotifyFd >= 0) ::close(m_inotifyFd);
  if (m_wakeFd >= 0) ::close(m_wakeFd);
  m_inotifyFd = -1;
  m_wakeFd = -1;
  m_files.clear();
  m_onChange = nullptr;
  m_stopping = false;
}

// [SECTION] The watcher thread

void FileWatcher::Run() {
  // inotify's records are aligned to inotify_event; a buffer this size takes hundreds per read().
  alignas(inotify_event) char buffer[16 * 1024];
  pollfd fds[2] = {{m_inotifyFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
  while (!m_stopping) {
    // No timeout: the thread sleeps until a file event or Stop(), so an idle app uses no CPU.
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0 || m_stopping) return;
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) return;

    bool changed = false;
    for (;;) {
      const ssize_t n = ::read(m_inotifyFd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // EAGAIN: drained
      for (const char* p = buffer; p < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(p);
        if (event->mask & IN_Q_OVERFLOW) changed |= RecordAll(-1);        // events were lost: assume all
        else if (event->mask & IN_IGNORED) changed |= RecordAll(event->wd);  // the folder went away
        else if (event->len > 0) changed |= Record(event->wd, event->name);
        p += sizeof(inotify_event) + event->len;
      }
    }
    if (changed && !m_stopping && m_onChange) m_onChange();
  }
}

bool FileWatcher::Record(int wd, const char* name) {
  const auto folder = m_files.find(wd);
  if (folder == m_files.end()) return false;
  // Unwatched neighbours, such as WriteFileAtomically's temporary files, end here.
  const auto file = folder->second.find(name);
  if (file == folder->second.end()) return false;
  std::lock_guard lock(m_mutex);
  return RecordLocked(file->second, Clock::now());
}

bool FileWatcher::RecordAll(int wd) {
  std::lock_guard lock(m_mutex);
  const Clock::time_point now = Clock::now();
  bool changed = false;
  for (const auto& [folderWd, folder] : m_files) {
    if (wd != -1 && folderWd != wd) continue;
    for (const auto& [name, file] : folder) changed |= RecordLocked(file, now);
  }
  return changed;
}

bool FileWatcher::RecordLocked(const WatchedFile& file, Clock::time_point now) {
  const auto ignore = m_ignoreUntil.find(file.absolute);
  if (ignore != m_ignoreUntil.end()) {
    if (now < ignore->second) return false;
    m_ignoreUntil.erase(ignore);
  }
  m_changed.insert(file.given);
  return true;
}

}  // namespace parallax
