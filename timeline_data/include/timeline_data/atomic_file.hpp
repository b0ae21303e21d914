#pragma once
// Saves a file so that a crash, a full disk or a read-only folder never leaves it half-written: the
// new contents go to a temporary file in the same folder, are flushed to disk, then renamed over the
// original in one step. On any failure the original keeps its bytes and the temporary file is removed.

#include <filesystem>
#include <string>
#include <string_view>

namespace parallax {

struct WriteResult {
  bool ok = false;
  // Why not, for a human: "cannot save 'x.toml': no space left on device (while writing)".
  std::string error;
};

// TEST-ONLY failure injection: each non-zero field is the errno that step fails with instead of
// running. Production code passes nothing; the real system calls run whenever a field is 0.
struct WriteFaults {
  int create = 0;  // creating the temporary file
  int write = 0;   // writing the contents into it
  int fsync = 0;   // flushing it to disk
  int rename = 0;  // renaming it over the original
};

// Replaces `path` with `contents` atomically (see above). Keeps the original's permission bits (and,
// best effort, its owner); a new file gets 0666 minus the umask. A symlink is followed, so the link
// stays a link and its target gets the new contents. Never throws.
WriteResult WriteFileAtomically(const std::filesystem::path& path, std::string_view contents,
                                const WriteFaults* faults = nullptr);

}  // namespace parallax
