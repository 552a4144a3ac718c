/// Failures of the storage layer that callers can act on.
public enum StorageError: Error, Sendable, Equatable {
    /// `DATABASE_URL` is neither a SQLite path nor a usable PostgreSQL URL.
    case invalidDatabaseURL(String)
    /// A migration failed; the database is left at the previous version.
    case migrationFailed(domain: String, version: Int, reason: String)
    /// Two migrations of one domain share a version number.
    case duplicateMigration(domain: String, version: Int)
    /// A row was not found where one must exist.
    case missingRow(String)
}
