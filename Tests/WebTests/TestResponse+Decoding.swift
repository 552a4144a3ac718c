import Foundation
import HummingbirdTesting
import Web

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }

    /// The body decoded as JSON, with ISO 8601 dates as the API writes them.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer: body))
    }

    /// The body as an RFC 9457 problem document.
    func problem() throws -> Problem { try json(Problem.self) }

    /// The `Content-Type` header, or "".
    var contentType: String { headers[.contentType] ?? "" }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(buffer: body))
        guard let object = value as? [String: Any] else { throw DecodingFailure.notAnObject }
        return object
    }
}

/// A body that was not the JSON shape a test expected.
enum DecodingFailure: Error {
    /// The top level was not an object.
    case notAnObject
}

extension String {
    /// Whether the text contains at least one CJK ideograph: the product's messages speak Chinese.
    var containsChinese: Bool {
        unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
