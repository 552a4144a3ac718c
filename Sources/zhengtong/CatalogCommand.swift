import ArgumentParser
import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Kernel
import Server
import Storage

/// `zhengtong catalog …`: export, import and generate whole catalogs (docs/catalog-format.md).
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "事项目录的导出、导入和压测数据生成（格式见 docs/catalog-format.md）。",
        subcommands: [Export.self, Import.self, Generate.self, Reindex.self])

    /// The operator at the command line, as the audit log names them.
    static let operatorActor = Actor(id: "operator", channel: "cli", clientAddress: "-", roles: ["operator"])

    /// The two file formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv

        /// The format a file name's extension names.
        init?(path: String) {
            self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }

        func encode(_ document: CatalogDocument) throws -> Data {
            switch self {
            case .json: try CatalogJSON.encode(document)
            case .csv: try CatalogCSV.encode(document)
            }
        }
    }

    /// Writes the whole catalog, drafts included, to a file or standard output.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导出整个事项目录（含草稿），记入审计日志。")

        @Option(help: "文件格式：json 或 csv；缺省时按 --output 的扩展名，否则为 json。")
        var format: Format?

        @Option(help: "输出文件；缺省时写到标准输出。")
        var output: String?

        @Flag(help: "只导出已发布和已废止的版本（公开目录）。")
        var publishedOnly = false

        func run() async throws {
            let format = format ?? output.flatMap(Format.init(path:)) ?? .json
            let configuration = try await AppConfiguration.load()
            let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
            let publishedOnly = publishedOnly
            let document = try await platform.withDatabase { platform in
                _ = try await platform.migrate()
                return publishedOnly
                    ? try await platform.catalog.exportPublished()
                    : try await platform.catalog.exportCatalog(actor: CatalogCommand.operatorActor)
            }
            try await platform.shutdown()
            let data = try format.encode(document)
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                FileHandle.standardError.write(
                    Data(
                        "已导出 \(document.items.count) 个事项、\(document.versionCount) 个版本、\(document.locations.count) 个服务场所、\(document.bundles.count) 个一件事到 \(output)。\n"
                            .utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    /// Loads a catalog file; all or nothing.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入事项目录文件（.json 或 .csv）；全部校验通过才写入，否则不作任何改动。")

        @Argument(help: "目录文件，格式按扩展名 .json 或 .csv 判断。")
        var file: String

        @Flag(help: "替换编码相同的已有事项（删除其全部版本后按文件重写）。")
        var replace = false

        func run() async throws {
            guard let format = Format(path: file) else { throw ValidationError("无法判断文件格式：扩展名应为 .json 或 .csv（\(file)）") }
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("无法读取文件 \(file)") }
            let document: CatalogDocument
            do throws(DomainError) {
                document = format == .json ? try CatalogJSON.decode(data) : try CatalogCSV.decode(data)
            } catch {
                print("\(error.title)：\n\(error.detail)")
                throw ExitCode(2)
            }
            let configuration = try await AppConfiguration.load()
            let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
            let replace = replace
            do {
                let report = try await platform.withDatabase { platform in
                    _ = try await platform.migrate()
                    return try await platform.catalog.importCatalog(
                        document, replace: replace, actor: CatalogCommand.operatorActor)
                }
                try await platform.shutdown()
                print("已导入：\(report.summary)。")
            } catch let error as DomainError {
                try? await platform.shutdown()
                print("\(error.title)：\n\(error.detail)")
                throw ExitCode(2)
            }
        }
    }

    /// Writes a synthetic catalog built from the demo, for benchmarks.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "以演示目录为底生成指定数量的合成事项（用于压测），写入文件。")

        @Option(help: "事项数量。")
        var count: Int

        @Option(help: "输出文件（.json 或 .csv）。")
        var output: String

        @Option(help: "文件格式；缺省时按扩展名，否则为 json。")
        var format: Format?

        func validate() throws {
            guard (1...98_901).contains(count) else { throw ValidationError("--count 应在 1 到 98901 之间。") }
        }

        func run() async throws {
            let document = SyntheticCatalog.document(count: count, from: try DemoCatalog.document())
            let format = format ?? Format(path: output) ?? .json
            try format.encode(document).write(to: URL(fileURLWithPath: output), options: .atomic)
            print("已生成 \(document.items.count) 个合成事项到 \(output)。")
        }
    }

    /// Indexes every published version for search again.
    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重建事项搜索索引（升级到带搜索的版本后、或分词规则变化后运行一次）。")

        func run() async throws {
            let configuration = try await AppConfiguration.load()
            let platform = try await Platform(configuration: configuration, logger: LogSetup.bootstrap(configuration))
            let count = try await platform.withDatabase { platform in
                _ = try await platform.migrate()
                return try await platform.catalog.rebuildSearchIndex(actor: CatalogCommand.operatorActor)
            }
            try await platform.shutdown()
            print("已重建搜索索引：\(count) 个版本。")
        }
    }
}
