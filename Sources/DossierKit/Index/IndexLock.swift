#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two `dossier index` runs off the same index: an exclusive `flock` on `INDEX.lock`.
///
/// The lock is released when the process ends, however it ends, so a killed run never leaves a
/// stale lock behind. Readers (`search`, `stats`, ...) never take it.
final class IndexLock {
    private var fd: Int32

    /// Takes the lock, or throws ``IndexError/busy(path:)`` at once when another run holds it.
    init(databasePath: String) throws {
        let path = databasePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw IndexError.storage(path: databasePath, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            fd = -1
            throw IndexError.busy(path: databasePath)
        }
    }

    func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
