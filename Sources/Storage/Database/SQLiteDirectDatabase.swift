import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit's interface over `SQLiteHandle`s: statements run on the calling thread.
///
/// With several handles (the readers) a statement runs on the first idle one from `start`, and
/// waits for `start` only when all are busy: waiting blocks a cooperative thread.
struct SQLiteDirectDatabase: SQLDatabase {
    let handles: [SQLiteHandle]
    var start = 0
    let logger: Logger

    /// SQLKit asks for an event loop for its future-based calls; nothing here runs on it.
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .debug }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, rawBinds) = serialize(query)
        logger.debug("Executing query", metadata: ["sql": .string(sql)])
        let encoder = SQLiteDataEncoder()
        let binds = try rawBinds.map { try encoder.encode($0) }
        let result = try execute(sql, binds)
        guard !result.rows.isEmpty else { return }
        let columns = SQLiteResultRow.Columns(result.columns)
        for values in result.rows { onRow(SQLiteResultRow(columns: columns, values: values)) }
    }

    private func execute(_ sql: String, _ binds: [SQLiteData]) throws -> SQLiteHandle.Result {
        if handles.count > 1 {
            for offset in 0..<handles.count {
                if let result = try handles[(start + offset) % handles.count].executeIfIdle(sql, binds) {
                    return result
                }
            }
        }
        return try handles[start % handles.count].execute(sql, binds)
    }
}
