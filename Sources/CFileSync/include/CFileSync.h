#ifndef DOSSIER_CFILESYNC_H
#define DOSSIER_CFILESYNC_H

/// Starts writing back the dirty pages of `length` bytes of `fd` from `offset` without waiting for
/// them (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so that a later `fsync` has little
/// left to wait for. Returns 0, or -1 with errno set; on systems without it, does nothing and returns 0.
int dossier_start_writeback(int fd, long long offset, long long length);

#endif
