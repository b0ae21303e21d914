// Saving atomically: the new bytes arrive exactly, or the old file keeps every byte and no temporary
// file is left behind. Failures come from injected errnos, from a real file-size limit (a full disk as
// far as write() can tell) and from a real read-only folder, also when the tests run as root.

#include "timeline_data/atomic_file.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

#include <linux/capability.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

namespace parallax {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

// [SECTION] Helpers

using testing_support::TempDir;

void WriteRaw(const fs::path& path, const std::string& bytes) { TempDir::WriteBytes(path, bytes); }

std::string ReadRaw(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Everything in the folder, so a leftover temporary file shows up by name in a failure.
std::vector<std::string> Entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// strerror's text as the messages spell it, starting lower case.
std::string ErrnoText(int err) {
  std::string text = std::error_code(err, std::generic_category()).message();
  text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

// Runs `body` in a forked child (for process-wide changes: rlimits, dropped privileges) and brings its
// WriteResult back through a pipe. A child that cannot report comes back as ok=false with a note.
WriteResult RunInChild(const std::function<WriteResult()>& body) {
  int fds[2];
  if (::pipe(fds) != 0) return WriteResult{false, "test harness: pipe failed"};
  const pid_t pid = ::fork();
  if (pid < 0) return WriteResult{false, "test harness: fork failed"};
  if (pid == 0) {
    ::close(fds[0]);
    const WriteResult result = body();
    const std::string message = (result.ok ? "1" : "0") + result.error;
    std::size_t done = 0;
    while (done < message.size()) {
      const ssize_t n = ::write(fds[1], message.data() + done, message.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);  // no gtest teardown, no static destructors in the child
  }
  ::close(fds[1]);
  std::string message;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    message.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || message.empty())
    return WriteResult{false, "test harness: the child died (status " + std::to_string(status) + ")"};
  return WriteResult{message[0] == '1', message.substr(1)};
}

// Makes this (child) process subject to file permissions even when it runs as root, where chmod
// alone stops nothing: become 'nobody', or failing that (a user namespace without uid 65534) drop
// every effective capability, which takes away CAP_DAC_OVERRIDE from uid 0 as well.
bool DropPrivileges(std::string& how) {
  if (::geteuid() != 0) {
    how = "not root";
    return true;
  }
  if (::setresgid(65534, 65534, 65534) == 0 && ::setresuid(65534, 65534, 65534) == 0) {
    how = "setresuid(nobody)";
    return true;
  }
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
  if (::syscall(SYS_capget, &header, data) != 0) return false;
  for (auto& d : data) d.effective = 0;
  if (::syscall(SYS_capset, &header, data) != 0) return false;
  how = "capset(no effective capabilities)";
  return true;
}

constexpr char Original[] = "[[event]]\nid = \"original\"\n";

// [SECTION] Success

TEST(AtomicFile, WritesNewFileByteExactly) {
  TempDir dir;
  const fs::path path = dir.Path() / "new.toml";
  const std::string bytes = "title = \"\xC3\xA9t\xC3\xA9\"\r\nnul = '\0'\n\xFF\xFE end"s;
  const WriteResult result = WriteFileAtomically(path, bytes);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_TRUE(result.error.empty());
  EXPECT_EQ(ReadRaw(path), bytes);
  EXPECT_EQ(Entries(dir.Path()), std::vector<std::string>{"new.toml"});
}

TEST(AtomicFile, ReplacesLongerContentAndWritesEmpty) {
  TempDir dir;
  const fs::path path = dir.Path() / "a.toml";
  WriteRaw(path, std::string(100000, 'x'));
  ASSERT_TRUE(WriteFileAtomically(path, "short\n").ok);
  EXPECT_EQ(ReadRaw(path), "short\n");  // no tail of the old content survives
  ASSERT_TRUE(WriteFileAtomically(path, "").ok);
  EXPECT_EQ(fs::file_size(path), 0u);
  const std::string big(3 * 1024 * 1024 + 7, 'q');
  ASSERT_TRUE(WriteFileAtomically(path, big).ok);
  EXPECT_EQ(ReadRaw(path), big);
  EXPECT_EQ(Entries(dir.Path()), std::vector<std::string>{"a.toml"});
}

TEST(AtomicFile, KeepsPermissionBits) {
  TempDir dir;
  for (const mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0755}, mode_t{0444}}) {
    const fs::path path = dir.Path() / ("perm" + std::to_string(mode) + ".toml");
    WriteRaw(path, Original);
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    const WriteResult result = WriteFileAtomically(path, "new\n");
    ASSERT_TRUE(result.ok) << result.error;
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, mode) << std::oct << mode;
    EXPECT_EQ(ReadRaw(path), "new\n");
  }
}

TEST(AtomicFile, NewFileGetsTheUmaskDefault) {
  TempDir dir;
  const mode_t mask = ::umask(027);
  const WriteResult result = WriteFileAtomically(dir.Path() / "fresh.toml", "x");
  ::umask(mask);
  ASSERT_TRUE(result.ok) << result.error;
  struct stat info {};
  ASSERT_EQ(::stat((dir.Path() / "fresh.toml").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);  // 0666 minus umask 027, not mkstemp's 0600
}

TEST(AtomicFile, FollowsSymlinkAndKeepsTheLink) {
  TempDir dir;
  WriteRaw(dir.Path() / "target.toml", Original);
  fs::create_symlink("target.toml", dir.Path() / "link.toml");
  ASSERT_TRUE(WriteFileAtomically(dir.Path() / "link.toml", "via link\n").ok);
  EXPECT_TRUE(fs::is_symlink(dir.Path() / "link.toml"));
  EXPECT_EQ(ReadRaw(dir.Path() / "target.toml"), "via link\n");
}

// [SECTION] Injected failures: each step

struct FaultCase {
  const char* name;
  int WriteFaults::*field;
  int err;
  const char* step;
};

// Readable test names in CTest instead of the struct's bytes.
void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.name; }

class AtomicFileFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(AtomicFileFault, FailsCleanlyAndLeavesOriginal) {
  const FaultCase& c = GetParam();
  TempDir dir;
  const fs::path path = dir.Path() / "x.toml";
  WriteRaw(path, Original);
  struct stat before {};
  ASSERT_EQ(::stat(path.c_str(), &before), 0);

  WriteFaults faults;
  faults.*c.field = c.err;
  const WriteResult result = WriteFileAtomically(path, "replacement that must not land\n", &faults);

  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("cannot save '" + path.string() + "'"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find(c.step), std::string::npos) << result.error;
  EXPECT_NE(result.error.find(ErrnoText(c.err)), std::string::npos) << result.error;
  EXPECT_EQ(ReadRaw(path), Original);
  struct stat after {};
  ASSERT_EQ(::stat(path.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);  // the very same file, not a copy
  EXPECT_EQ(Entries(dir.Path()), std::vector<std::string>{"x.toml"});  // no temporary file left
}

INSTANTIATE_TEST_SUITE_P(
    Steps, AtomicFileFault,
    ::testing::Values(FaultCase{"CreateReadOnly", &WriteFaults::create, EROFS, "creating a temporary file in '"},
                      FaultCase{"CreateDenied", &WriteFaults::create, EACCES, "creating a temporary file in '"},
                      FaultCase{"WriteFull", &WriteFaults::write, ENOSPC, "(while writing)"},
                      FaultCase{"WriteQuota", &WriteFaults::write, EDQUOT, "(while writing)"},
                      FaultCase{"FsyncIo", &WriteFaults::fsync, EIO, "(while flushing to disk)"},
                      FaultCase{"FsyncFull", &WriteFaults::fsync, ENOSPC, "(while flushing to disk)"},
                      FaultCase{"RenameReadOnly", &WriteFaults::rename, EROFS, "(while replacing the original)"},
                      FaultCase{"RenameBusy", &WriteFaults::rename, EBUSY, "(while replacing the original)"}),
    [](const ::testing::TestParamInfo<FaultCase>& param) { return std::string(param.param.name); });

TEST(AtomicFile, MessageReadsLikeASentence) {
  TempDir dir;
  const fs::path path = dir.Path() / "x.toml";
  WriteFaults faults;
  faults.write = ENOSPC;
  EXPECT_EQ(WriteFileAtomically(path, "x", &faults).error,
            "cannot save '" + path.string() + "': no space left on device (while writing)");
  faults = WriteFaults{};
  faults.create = EACCES;
  EXPECT_EQ(WriteFileAtomically(path, "x", &faults).error,
            "cannot save '" + path.string() + "': permission denied (creating a temporary file in '" +
                dir.Path().string() + "')");
  EXPECT_FALSE(fs::exists(path));
}

// [SECTION] Real failures

// RLIMIT_FSIZE makes write() fail with EFBIG past the limit, exactly like a disk filling up midway:
// the first write is short, the next one fails.
TEST(AtomicFile, RealFileSizeLimitFailsAndKeepsOriginal) {
  TempDir dir;
  const fs::path path = dir.Path() / "big.toml";
  WriteRaw(path, Original);
  const WriteResult result = RunInChild([&] {
    ::signal(SIGXFSZ, SIG_IGN);  // else the kernel kills the child instead of returning EFBIG
    const rlimit limit{64 * 1024, 64 * 1024};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return WriteResult{false, "test harness: setrlimit failed"};
    return WriteFileAtomically(path, std::string(1024 * 1024, 'z'));
  });
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("file too large (while writing)"), std::string::npos) << result.error;
  EXPECT_EQ(ReadRaw(path), Original);
  EXPECT_EQ(Entries(dir.Path()), std::vector<std::string>{"big.toml"});
}

TEST(AtomicFile, MissingFolderIsAClearError) {
  TempDir dir;
  const fs::path path = dir.Path() / "no-such-folder" / "x.toml";
  const WriteResult result = WriteFileAtomically(path, "x");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "cannot save '" + path.string() + "': no such file or directory (creating a temporary file in '" +
                              (dir.Path() / "no-such-folder").string() + "')");
  EXPECT_EQ(Entries(dir.Path()), std::vector<std::string>{});
}

TEST(AtomicFile, ReadOnlyFolderIsDeniedEvenForRoot) {
  TempDir dir;
  const fs::path folder = dir.Path() / "readonly";
  fs::create_directory(folder);
  const fs::path path = folder / "x.toml";
  WriteRaw(path, Original);
  ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);

  const WriteResult result = RunInChild([&] {
    std::string how;
    if (!DropPrivileges(how)) return WriteResult{true, "test harness: could not drop root's privileges"};
    return WriteFileAtomically(path, "must not land\n");
  });
  EXPECT_FALSE(result.ok) << result.error;
  EXPECT_EQ(result.error, "cannot save '" + path.string() +
                              "': permission denied (creating a temporary file in '" + folder.string() + "')");
  EXPECT_EQ(ReadRaw(path), Original);
  EXPECT_EQ(Entries(folder), std::vector<std::string>{"x.toml"});
}

}  // namespace
}  // namespace parallax
