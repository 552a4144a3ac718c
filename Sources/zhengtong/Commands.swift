import ArgumentParser
import Foundation
import Logging
import Server
import Storage

/// `zhengtong migrate`: apply pending migrations and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "执行数据库迁移。")

    func run() async throws {
        let configuration = try await AppConfiguration.load()
        let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
        let applied = try await platform.withDatabase { try await $0.migrate() }
        print(
            applied.isEmpty
                ? "数据库已是最新。"
                : "已执行 \(applied.count) 个迁移："
                    + applied.map { "\($0.domain)#\($0.version) \($0.name)" }.joined(separator: "，"))
        try await platform.shutdown()
    }
}

/// `zhengtong seed`: load the demo data once.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "载入演示数据（每个数据库只载入一次）。")

    func run() async throws {
        let configuration = try await AppConfiguration.load()
        let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
        let seeded = try await platform.withDatabase { platform in
            _ = try await platform.migrate()
            return try await platform.seed()
        }
        print(seeded.isEmpty ? "演示数据此前已载入。" : "已载入：" + seeded.joined(separator: "，"))
        try await platform.shutdown()
    }
}

/// `zhengtong audit …`: audit log tasks.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "审计日志。", subcommands: [Verify.self])

    /// `zhengtong audit verify`: walk the hash chain; exit 1 at the first broken entry.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "校验审计日志哈希链，指出第一条被篡改的记录。")

        func run() async throws {
            let configuration = try await AppConfiguration.load()
            let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
            let result = try await platform.withDatabase { platform in
                _ = try await platform.migrate()
                return try await AuditVerifier(database: platform.database).verify()
            }
            try await platform.shutdown()
            switch result {
            case .intact(let entries, let head):
                print("审计日志完整：共 \(entries) 条，链头哈希 \(head)")
            case .broken(let seq, let reason):
                print("审计日志在第 \(seq) 条处断裂：\(reason)")
                throw ExitCode(1)
            }
        }
    }
}
