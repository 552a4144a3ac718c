/// The SQL dialect a database speaks; migrations and a few queries differ by it.
public enum Dialect: String, Sendable {
    /// The embedded default: one file, WAL.
    case sqlite
    /// The production database.
    case postgres

    /// Replaces the portable type tokens of a migration statement with this dialect's types.
    ///
    /// Tokens: `{uuid}`, `{timestamp}`, `{blob}`, `{bigint}`. Everything else is plain SQL that
    /// both dialects accept, which keeps one schema for both.
    public func render(_ sql: String) -> String {
        var text = sql
        for (token, sqliteType, postgresType) in Self.types {
            text = text.replacingOccurrences(of: token, with: self == .sqlite ? sqliteType : postgresType)
        }
        return text
    }

    private static let types: [(String, String, String)] = [
        ("{uuid}", "TEXT", "UUID"),
        ("{timestamp}", "REAL", "TIMESTAMPTZ"),
        ("{blob}", "BLOB", "BYTEA"),
        ("{bigint}", "INTEGER", "BIGINT"),
    ]
}
