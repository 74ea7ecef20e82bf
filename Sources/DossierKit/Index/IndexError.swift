import DossierSQLite

/// Errors of the index stage, each with a message that says what to do.
public enum IndexError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No index file exists where one was expected.
    case missing(path: String)
    /// The file exists but is not a Dossier index.
    case notAnIndex(path: String)
    /// The index was made by another version of Dossier.
    case incompatibleVersion(path: String, found: Int)
    /// Another process is writing the index.
    case busy(path: String)
    /// SQLite failed (disk full, I/O error, corruption ...).
    case storage(path: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no index at \(path); run `dossier index FOLDER` first, or pass --db PATH"
        case .notAnIndex(let path):
            return "\(path) is not a Dossier index; pass --db with another path"
        case .incompatibleVersion(let path, let found):
            if found < IndexSchema.version {
                return
                    "\(path) was made by an older Dossier (schema \(found), expected \(IndexSchema.version)); index its folder again to bring it up to date"
            }
            return
                "\(path) was made by another version of Dossier (schema \(found), expected \(IndexSchema.version)); delete it and index again"
        case .busy(let path):
            return "\(path) is being written by another `dossier index`; wait for it to finish"
        case .storage(let path, let message):
            return "cannot use the index at \(path): \(message)"
        }
    }

    /// Maps a raw SQLite failure to a user-facing error.
    package static func wrap(_ error: any Error, path: String) -> any Error {
        if let error = error as? SQLiteError {
            if error.isBusy { return IndexError.busy(path: path) }
            if error.primaryCode == 26 { return IndexError.notAnIndex(path: path) }  // SQLITE_NOTADB
            return IndexError.storage(path: path, message: error.message)
        }
        return error
    }
}
