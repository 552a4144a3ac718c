import Catalog
import CatalogModel
public import Foundation
public import Kernel

/// The catalog file as JSON: pretty-printed with sorted keys, so two exports of the same catalog
/// are byte-identical and diff well.
public enum CatalogJSON {
    /// Writes the document.
    public static func encode(_ document: CatalogDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(document)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads a document; throws `invalid` (`catalog.invalid-import`) naming what is wrong and where.
    public static func decode(_ data: Data) throws(DomainError) -> CatalogDocument {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw ImportProblems.unreadable("文件不是有效的 JSON 对象（\(describe(error))），请确认导出的是政通事项目录 JSON 文件。")
        }
        try checkHeader(format: header.format, version: header.version)
        do {
            return try JSONDecoder().decode(CatalogDocument.self, from: data)
        } catch {
            throw ImportProblems.unreadable(describe(error))
        }
    }

    /// Refuses a file of another format or version.
    static func checkHeader(format: String?, version: Int?) throws(DomainError) {
        guard format == CatalogDocument.formatName else {
            throw ImportProblems.unreadable(
                "format 应为“\(CatalogDocument.formatName)”，文件中为“\(format ?? "（缺失）")”：这不是政通事项目录文件。")
        }
        guard version == CatalogDocument.currentVersion else {
            throw ImportProblems.unreadable(
                "不支持第 \(version.map(String.init) ?? "（缺失）") 版格式，本系统读取第 \(CatalogDocument.currentVersion) 版。")
        }
    }

    /// A decoding error as a path and a reason: `items[3].versions[0].status：取值无效`.
    static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        func at(_ keys: [any CodingKey], _ reason: String) -> String {
            keys.isEmpty ? reason : "\(path(keys))：\(reason)"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return at(context.codingPath + [key], "缺少必填字段")
        case DecodingError.valueNotFound(_, let context):
            return at(context.codingPath, "不能为空（null）")
        case DecodingError.typeMismatch(let type, let context):
            return at(context.codingPath, "类型不符，应为\(typeName(type))")
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "JSON 语法错误" }
            return at(context.codingPath, "取值无效（\(context.debugDescription)）")
        case let domain as DomainError:
            return domain.detail
        default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name == "String" { return "文本" }
        if name == "Bool" { return "true 或 false" }
        if ["Int", "Double"].contains(name) { return "数字" }
        if name.hasPrefix("Array") { return "数组" }
        return "对象"
    }

    /// The two fields read before the rest, so another kind of file is refused with a clear word.
    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }
}
