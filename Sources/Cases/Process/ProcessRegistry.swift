public import CasesModel
public import Foundation
public import Kernel

/// The process definitions the platform knows: the bundled ones, and those in an operator's folder.
///
/// Server fills it at start-up (ARCHITECTURE rule 6). Every revision of a definition is kept, so a
/// case started under revision 1 keeps walking revision 1 after revision 2 is installed.
public struct ProcessRegistry: Sendable {
    private var byKey: [String: ProcessDefinition] = [:]
    private var latestByID: [String: ProcessDefinition] = [:]
    private var latestByItem: [String: String] = [:]

    /// The id of the process used for items without their own.
    public static let defaultID = "default"

    /// An empty registry.
    public init() {}

    /// A registry with `definitions`; a repeated id and revision, or two processes claiming one item,
    /// is refused.
    public init(_ definitions: [ProcessDefinition]) throws(DomainError) {
        for definition in definitions { try register(definition) }
    }

    /// Adds a definition.
    public mutating func register(_ definition: ProcessDefinition) throws(DomainError) {
        let key = Self.key(definition.id, definition.revision)
        guard byKey[key] == nil else {
            throw DomainError(
                .conflict, code: "cases.process-duplicate", title: "流程定义重复",
                detail: "流程 \(definition.id) 的第 \(definition.revision) 版已经加载过。")
        }
        byKey[key] = definition
        if let latest = latestByID[definition.id], latest.revision > definition.revision { return }
        latestByID[definition.id] = definition
        for code in definition.itemCodes {
            if let other = latestByItem[code], other != definition.id {
                throw DomainError(
                    .conflict, code: "cases.process-item-claimed", title: "流程定义冲突",
                    detail: "事项 \(code) 同时属于流程 \(other) 和 \(definition.id)。")
            }
            latestByItem[code] = definition.id
        }
    }

    /// The newest process for the item with business code `itemCode`, else the default one.
    public func definition(forItem itemCode: String) -> ProcessDefinition? {
        latestByID[latestByItem[itemCode] ?? Self.defaultID]
    }

    /// Exactly `revision` of `id`, as a running case needs it.
    public func definition(id: String, revision: Int) -> ProcessDefinition? {
        byKey[Self.key(id, revision)]
    }

    /// The newest revision of every process, by id.
    public var latest: [ProcessDefinition] {
        latestByID.values.sorted { $0.id < $1.id }
    }

    /// The bundled definitions plus the `.json` files of `directory`, if given.
    public static func standard(directory: URL? = nil) throws(DomainError) -> ProcessRegistry {
        var files: [URL] = []
        if let bundled = Bundle.module.url(forResource: "processes", withExtension: nil) {
            files += jsonFiles(in: bundled)
        }
        if let directory { files += jsonFiles(in: directory) }
        var registry = ProcessRegistry()
        for file in files {
            guard let data = try? Data(contentsOf: file) else {
                throw DomainError(
                    .invalid, code: "cases.process-unreadable", title: "流程定义无法读取", detail: "无法读取 \(file.path)。")
            }
            try registry.register(try ProcessDefinitionLoader.load(data, source: file.lastPathComponent))
        }
        guard registry.latestByID[defaultID] != nil else {
            throw DomainError(
                .invalid, code: "cases.process-default-missing", title: "缺少默认流程", detail: "没有找到 id 为 default 的流程定义。")
        }
        return registry
    }

    private static func jsonFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    private static func key(_ id: String, _ revision: Int) -> String { "\(id)#\(revision)" }
}
