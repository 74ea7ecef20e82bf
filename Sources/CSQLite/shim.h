#include <sqlite3.h>

/// Turns off SQLite's memory statistics (sqlite3_memory_used and friends, which Dossier does not
/// read): with them on, every allocation takes one process-wide mutex, and two connections ranking
/// on two threads contend for it. Must run before SQLite initializes; returns SQLITE_MISUSE after.
static inline int dossier_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
