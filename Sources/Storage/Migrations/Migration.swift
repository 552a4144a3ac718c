/// One ordered step of a domain's schema.
///
/// Each domain owns its tables and lists its migrations; the migrator records every applied
/// step in `zt_migrations`, so a step runs once per database.
public struct Migration: Sendable {
    /// The owning domain, such as `storage` or `messaging`; also the table prefix's owner.
    public let domain: String
    /// The step's position within its domain, from 1.
    public let version: Int
    /// A short description, kept in the migrations table.
    public let name: String
    /// SQL statements with the portable type tokens of `Dialect.render`.
    public let statements: [String]
    /// Statements PostgreSQL runs instead, for the few features the dialects spell differently
    /// (full-text search); nil when `statements` serve both.
    public let postgresStatements: [String]?

    /// Creates a migration step.
    public init(domain: String, version: Int, name: String, statements: [String], postgresStatements: [String]? = nil) {
        self.domain = domain
        self.version = version
        self.name = name
        self.statements = statements
        self.postgresStatements = postgresStatements
    }

    /// The statements `dialect` runs.
    public func statements(for dialect: Dialect) -> [String] {
        dialect == .postgres ? postgresStatements ?? statements : statements
    }
}
