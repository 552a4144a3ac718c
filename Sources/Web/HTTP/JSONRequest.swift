import Foundation
import Hummingbird

extension Request {
    /// Decodes the JSON body, read up to the context's upload limit (beyond it: 413).
    ///
    /// Hummingbird's `decode(as:context:)` turns a `DecodingError` into a bare `HTTPError(.badRequest)`
    /// with an English message, which `APIError` can only answer with the generic "请求有误"; keeping the
    /// `DecodingError` lets it answer `request.invalid-json` with advice in Chinese.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer.readableBytesView))
    }
}
