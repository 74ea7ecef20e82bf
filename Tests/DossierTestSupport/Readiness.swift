import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Observable states of a child process, for tests that must act while it is in one.
public enum Readiness {
    /// True when process `pid` holds a `flock` on `path`: read from `/proc/locks` (Linux). Where
    /// there is no `/proc/locks`, `fallback` answers instead.
    public static func holdsFlock(pid: Int32, path: String, fallback: () -> Bool) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: "/proc/locks") else { return fallback() }
        defer { try? handle.close() }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        // "1: FLOCK  ADVISORY  WRITE 12345 fd:01:1234567 0 EOF": kind, pid, device:inode.
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 6, fields[1] == "FLOCK", fields[4] == String(pid) else { continue }
            if fields[5].split(separator: ":").last == Substring(String(info.st_ino)) { return true }
        }
        return false
    }

    /// The size of the file at `path`, or nil when there is none.
    public static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }
}
