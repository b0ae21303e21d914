#include "timeline_data/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <exception>
#include <system_error>

namespace parallax {
namespace {

namespace fs = std::filesystem;

// [SECTION] Messages

// strerror's text, starting lower case so that it reads inside a sentence ("no space left on device").
std::string ErrnoText(int err) {
  std::string text = std::error_code(err, std::generic_category()).message();
  if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

WriteResult Failure(const fs::path& path, int err, const std::string& step) {
  return WriteResult{false, "cannot save '" + path.string() + "': " + ErrnoText(err) + " (" + step + ")"};
}

// [SECTION] The temporary file

// A unique-enough suffix; O_EXCL makes a collision a retry, never a clobber.
std::string RandomSuffix() {
  static std::atomic<std::uint64_t> counter{0};
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  std::uint64_t x = static_cast<std::uint64_t>(now.tv_nsec) ^ (static_cast<std::uint64_t>(now.tv_sec) << 30) ^
                    (static_cast<std::uint64_t>(::getpid()) << 16) ^ (counter.fetch_add(1) * 0x9E3779B97F4A7C15ull);
  // splitmix64 finaliser: spreads the few changing bits over all six characters.
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  static constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string suffix(6, 'A');
  for (char& c : suffix) {
    c = Alphabet[x % 62];
    x /= 62;
  }
  return suffix;
}

// Owns the temporary file until it has been renamed: closes it, and removes it unless committed.
struct TempFile {
  int m_fd = -1;
  fs::path m_path;
  bool m_committed = false;

  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_committed && !m_path.empty()) ::unlink(m_path.c_str());
  }
};

// Not mkstemp: it always creates 0600, and a new file should get 0666 minus the umask like any
// other, which only open()'s mode argument applies without changing the process-wide umask.
int CreateTemp(const fs::path& dir, const std::string& name, mode_t mode, TempFile& temp) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = dir / ("." + name + ".parallax-" + RandomSuffix());
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
      temp.m_fd = fd;
      temp.m_path = std::move(candidate);
      return 0;
    }
    if (errno == EINTR || errno == EEXIST) continue;
    return errno;
  }
  return EEXIST;
}

int WriteAll(int fd, std::string_view contents) {
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    // Capped per call: Linux writes at most ~2 GiB at once anyway.
    const ssize_t n = ::write(fd, data, std::min<std::size_t>(left, std::size_t{1} << 30));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return ENOSPC;  // no progress and no error: the only sane reading is "full"
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return 0;
}

int SyncFd(int fd) {
  while (::fsync(fd) != 0) {
    if (errno != EINTR) return errno;
  }
  return 0;
}

// Makes the rename itself durable. Errors are ignored: the new contents are already in place and
// visible, and some file systems cannot fsync a folder (EINVAL), which must not fail a good save.
void SyncFolder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  SyncFd(fd);
  ::close(fd);
}

// [SECTION] Saving

WriteResult WriteImpl(const fs::path& path, std::string_view contents, const WriteFaults& faults) {
  // Follow a symlink so that the link survives and its target is what gets replaced.
  fs::path target = path;
  struct stat linkInfo {};
  if (::lstat(path.c_str(), &linkInfo) == 0 && S_ISLNK(linkInfo.st_mode)) {
    std::error_code ec;
    fs::path resolved = fs::canonical(path, ec);
    if (!ec) target = std::move(resolved);
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") return Failure(path, EISDIR, "the path names a folder");

  struct stat original {};
  const bool exists = ::stat(target.c_str(), &original) == 0;
  // Created with the original's bits from the start, so the new contents are never more readable.
  const mode_t createMode = exists ? (original.st_mode & 0777) : 0666;

  TempFile temp;
  int err = faults.create ? faults.create : CreateTemp(dir, name, createMode, temp);
  if (err) return Failure(path, err, "creating a temporary file in '" + dir.string() + "'");

  if (exists) {
    // Best effort: the umask may have narrowed the bits, and setgid/sticky bits are not in `createMode`.
    // Only root can give the file away to another owner; for everyone else this is a no-op or EPERM.
    (void)::fchown(temp.m_fd, original.st_uid, original.st_gid);
    (void)::fchmod(temp.m_fd, original.st_mode & 07777);
  }

  err = faults.write ? faults.write : WriteAll(temp.m_fd, contents);
  if (err) return Failure(path, err, "while writing");

  err = faults.fsync ? faults.fsync : SyncFd(temp.m_fd);
  if (err) return Failure(path, err, "while flushing to disk");

  // close() can report a deferred write error (NFS); EINTR still closes the descriptor on Linux.
  const int closed = ::close(temp.m_fd);
  temp.m_fd = -1;
  if (closed != 0 && errno != EINTR) return Failure(path, errno, "while writing");

  err = faults.rename ? faults.rename : (::rename(temp.m_path.c_str(), target.c_str()) == 0 ? 0 : errno);
  if (err) return Failure(path, err, "while replacing the original");
  temp.m_committed = true;

  SyncFolder(dir);
  return WriteResult{true, {}};
}

}  // namespace

WriteResult WriteFileAtomically(const std::filesystem::path& path, std::string_view contents,
                                const WriteFaults* faults) {
  try {
    return WriteImpl(path, contents, faults ? *faults : WriteFaults{});
  } catch (const std::exception& e) {
    // Only allocation can throw here; the temporary file has already been removed by then.
    return WriteResult{false, "cannot save '" + path.string() + "': " + e.what()};
  } catch (...) {
    return WriteResult{false, "cannot save: unexpected error"};
  }
}

}  // namespace parallax
