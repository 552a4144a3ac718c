import ArgumentParser
import Foundation
import Server

/// `zhengtong registry import FILE`: load a population-registry export (CSV `name,id_number`).
struct Registry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "人口库（用于 L2 实名比对）。", subcommands: [Import.self])

    /// Loads an export; rows already present are replaced.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入公安部门提供的人口库导出文件（CSV：姓名,身份证号）。")

        @Argument(help: "CSV 文件路径，每行“姓名,身份证号”，可有表头 name,id_number。")
        var file: String

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("无法以 UTF-8 读取文件 \(file)")
            }
            let configuration = try await AppConfiguration.load()
            let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
            let result = try await platform.withDatabase { platform in
                _ = try await platform.migrate()
                return try await platform.populationRegistry.load(csv: text)
            }
            try await platform.shutdown()
            print("已导入 \(result.loaded) 条；被拒 \(result.rejected.count) 行。")
            for (line, reason) in result.rejected.prefix(50) { print("  第 \(line) 行：\(reason)") }
            if !result.rejected.isEmpty { throw ExitCode(2) }
        }
    }
}
