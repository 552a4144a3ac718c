import Foundation
import Kernel

/// A strict reader of `multipart/form-data` bodies (RFC 7578), for the material upload forms.
///
/// Only what a browser sends is accepted: a boundary of 1–70 characters, parts with a
/// `Content-Disposition: form-data; name="…"` header, at most `maximumParts` parts and 4 KB of
/// headers per part, and the closing delimiter. Anything else is refused with a Chinese
/// `DomainError`, never a crash.
struct CasePageMultipart: Sendable {
    /// One part: a field, or a file when `fileName` is present.
    struct Part: Sendable, Equatable {
        var name: String
        var fileName: String?
        var contentType: String?
        var data: Data
    }

    /// The parts, in the order sent.
    var parts: [Part]

    /// The most parts a form may have.
    static let maximumParts = 50
    /// The most bytes of headers one part may have.
    static let maximumHeaderBytes = 4096

    /// The text of the first field named `name` (not a file).
    func value(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The first file part named `name` with a file chosen (a browser sends an empty file name
    /// when none was).
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && !($0.fileName ?? "").isEmpty }
    }

    /// The boundary of a `multipart/form-data` content type, or nil.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            let allowed = value.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0 != "\"" }
            return (1...70).contains(value.count) && allowed ? value : nil
        }
        return nil
    }

    /// Reads `body` sent with `contentType`.
    static func parse(_ body: Data, contentType: String) throws -> CasePageMultipart {
        guard let boundary = boundary(contentType: contentType) else {
            throw invalid("表单不是 multipart/form-data 格式，请使用页面上的上传表单。")
        }
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        guard body.starts(with: delimiter) else { throw invalid("表单内容不完整，请重新选择文件上传。") }
        var parts: [Part] = []
        var cursor = body.startIndex + delimiter.count
        while true {
            let rest = body[cursor...]
            if rest.starts(with: Data("--".utf8)) { return CasePageMultipart(parts: parts) }
            guard rest.starts(with: crlf) else { throw invalid("表单分隔符后缺少换行。") }
            let partStart = cursor + crlf.count
            guard let end = body.range(of: crlf + delimiter, in: partStart..<body.endIndex) else {
                throw invalid("表单内容不完整，缺少结束标记，请重新上传。")
            }
            guard parts.count < maximumParts else { throw invalid("表单字段过多。") }
            parts.append(try part(body[partStart..<end.lowerBound]))
            cursor = end.upperBound
        }
    }

    private static func part(_ bytes: Data) throws -> Part {
        let separator = Data("\r\n\r\n".utf8)
        guard let split = bytes.range(of: separator), split.lowerBound - bytes.startIndex <= maximumHeaderBytes else {
            throw invalid("表单字段缺少头部或头部过长。")
        }
        let headerText = String(decoding: bytes[bytes.startIndex..<split.lowerBound], as: UTF8.self)
        var name: String?
        var fileName: String?
        var contentType: String?
        for line in headerText.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw invalid("表单字段头部格式不正确。") }
            switch pair[0].lowercased() {
            case "content-disposition":
                let parameters = try dispositionParameters(pair[1])
                name = parameters["name"]
                fileName = parameters["filename"]
            case "content-type": contentType = pair[1].lowercased()
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw invalid("表单字段缺少名称。") }
        return Part(name: name, fileName: fileName, contentType: contentType, data: Data(bytes[split.upperBound...]))
    }

    /// The quoted parameters of `form-data; name="x"; filename="y"`.
    private static func dispositionParameters(_ value: String) throws -> [String: String] {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index] == " " { index += 1 } }
        func token() -> String {
            var text = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";", scalars[index] != " " {
                text.unicodeScalars.append(scalars[index])
                index += 1
            }
            return text
        }
        skipSpaces()
        guard token().lowercased() == "form-data" else { throw invalid("表单字段不是 form-data。") }
        var parameters: [String: String] = [:]
        while index < scalars.count {
            skipSpaces()
            guard scalars[index] == ";" else { throw invalid("表单字段头部格式不正确。") }
            index += 1
            skipSpaces()
            let key = token().lowercased()
            guard index < scalars.count, scalars[index] == "=" else { throw invalid("表单字段头部格式不正确。") }
            index += 1
            var text = ""
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    // Browsers escape a quote in a file name as %22 and a backslash as is.
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else { throw invalid("表单字段头部的引号不完整。") }
                index += 1
            } else {
                text = token()
            }
            parameters[key] = text
            skipSpaces()
        }
        return parameters
    }

    private static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "web.multipart-invalid", title: "上传内容有误", detail: detail)
    }
}
