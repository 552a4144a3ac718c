import CatalogModel
public import Foundation
public import Kernel

/// Reads process definition files (`docs/process-format.md`) and checks them thoroughly, so that a
/// mistake shows when the file is loaded rather than when a case reaches the broken step.
public enum ProcessDefinitionLoader {
    /// The format tag a process file must carry.
    public static let format = "zhengtong.process/1"

    /// Reads and checks one process file; `source` (its file name) starts the error detail.
    ///
    /// Every problem is collected and thrown together, one line each: its JSON path and what is
    /// wrong, so that the author fixes the whole file in one round.
    public static func load(_ data: Data, source: String) throws(DomainError) -> ProcessDefinition {
        var reader = ProcessFileReader()
        let definition = read(data, with: &reader)
        if let definition, reader.problems.isEmpty {
            return definition
        }
        let lines = reader.problems.map { "\($0.path)：\($0.message)" }
        throw DomainError(
            .invalid, code: "cases.process-invalid", title: "流程定义有误",
            detail: "\(source)：\n" + lines.joined(separator: "\n"))
    }

    /// The definition, when the file could be read; problems go to `reader`.
    static func read(_ data: Data, with reader: inout ProcessFileReader) -> ProcessDefinition? {
        let json: ProcessJSON
        do {
            json = try JSONDecoder().decode(ProcessJSON.self, from: data)
        } catch {
            reader.report("$", "不是有效的 JSON（\(ProcessJSON.whereBroken(data))），请检查括号、引号和逗号")
            return nil
        }
        let keys = ["format", "id", "revision", "name", "items", "form", "steps"]
        guard let root = reader.object(json, at: "$", keys: keys) else { return nil }
        if let format = reader.string(root, "format"), format != Self.format {
            reader.report("$.format", "格式标记应为“\(Self.format)”，实际是“\(format)”")
        }
        let id = reader.identifier(root, "id")
        let revision = reader.integer(root, "revision", required: true)
        if let revision, revision < 1 {
            reader.report("$.revision", "修订号应为正整数，实际是\(revision)")
        }
        let name = reader.filledString(root, "name")
        let items = itemCodes(root, with: &reader)
        let form = reader.form(root["form"], at: "$.form")
        let outlines = reader.outlines(reader.array(root, "steps", required: true))
        if root["steps"] != nil {
            reader.checkKinds(outlines, at: "$.steps")
        }
        let steps = outlines.indices.compactMap { reader.step($0, of: outlines, form: form) }
        if reader.problems.isEmpty {
            reader.checkPaths(steps, at: "$.steps")
        }
        guard let id, let revision, let name, steps.count == outlines.count else { return nil }
        return ProcessDefinition(id: id, revision: revision, name: name, itemCodes: items, form: form, steps: steps)
    }

    /// The business item codes, each well formed and listed once.
    private static func itemCodes(_ root: ProcessObject, with reader: inout ProcessFileReader) -> [String] {
        var seen: Set<String> = []
        return reader.strings(root, "items").map { text, path in
            do throws(DomainError) {
                _ = try BusinessItemCode(text)
                if !seen.insert(text).inserted {
                    reader.report(path, "事项编码“\(text)”重复")
                }
            } catch {
                reader.report(path, error.detail)
            }
            return text
        }
    }
}
