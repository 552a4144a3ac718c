import Foundation
import Hummingbird
import Kernel
import NIOCore

/// Reading the bodies and query parameters of the cases API.
enum CaseAPIRequest {
    /// The JSON body as `T`, or `fallback` when the body is empty (commands whose fields are all optional).
    static func optionalJSON<T: Decodable>(
        _ request: Request, as type: T.Type, fallback: T, context: AppRequestContext
    ) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return fallback }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer.readableBytesView))
    }

    /// The media type of the body without parameters, lowercased: `application/pdf`.
    static func mediaType(_ request: Request) -> String {
        let header = request.headers[.contentType] ?? ""
        return String(header.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The raw body, up to `limit` bytes and one more, so the service can refuse an oversized file
    /// with its own Chinese message rather than a bare 413.
    static func bytes(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit + 1)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw DomainError(
                .invalid, code: "cases.material-size", title: "文件大小不符合要求",
                detail: "单个文件不能超过 \(limit / 1024 / 1024) MB。")
        }
    }

    /// A required query parameter's text, trimmed; empty when absent.
    static func query(_ request: Request, _ name: String) -> String {
        (request.uri.queryParameters[name[...]].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// A boolean query parameter: `true`/`1` or `false`/`0`; absent is `false`; anything else 422.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        switch query(request, name).lowercased() {
        case "", "false", "0": return false
        case "true", "1": return true
        default:
            throw DomainError(
                .invalid, code: "request.bad-flag", title: "\(name) 参数不正确", detail: "\(name) 应为 true 或 false。")
        }
    }

    /// An optional day parameter, `yyyy-MM-dd`; a malformed one is 422.
    static func day(_ request: Request, _ name: String) throws -> CalendarDay? {
        let text = query(request, name)
        return text.isEmpty ? nil : try CalendarDay(parsing: text)
    }
}
