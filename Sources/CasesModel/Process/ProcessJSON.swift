import Foundation

/// A parsed JSON value, read by hand so that every problem in a process file can be reported with
/// its path instead of stopping at the first one, as a `Decodable` model would.
enum ProcessJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ProcessJSON])
    case object([String: ProcessJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ProcessJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ProcessJSON].self))
        }
    }

    /// What kind of value this is, in the words of an error message.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "布尔值"
        case .number: "数字"
        case .string: "字符串"
        case .array: "数组"
        case .object: "对象"
        }
    }
}

extension ProcessJSON {
    /// Where a text that is not JSON breaks, as 第3行第7列附近, when the parser says.
    ///
    /// `JSONDecoder` only says that the data is not JSON; `JSONSerialization` names the byte
    /// offset, which an author needs as a line and column.
    static func whereBroken(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "内容不完整"
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            guard let range = reason.range(of: "character "),
                let offset = Int(reason[range.upperBound...].prefix { $0.isNumber })
            else {
                return reason.contains("end of file") ? "文件在结尾处不完整" : "无法解析"
            }
            let before = data.prefix(offset)
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lastLine = before.reversed().prefix { $0 != UInt8(ascii: "\n") }.reversed()
            let column = String(decoding: lastLine, as: UTF8.self).count + 1
            return "第\(line)行第\(column)列附近有误"
        }
    }
}
