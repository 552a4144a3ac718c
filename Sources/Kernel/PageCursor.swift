import Foundation

/// An opaque position in a keyset-paged list: clients pass it back unchanged.
///
/// The store decides what the key means (usually the sort value and id of the last row);
/// it is carried base64url-encoded so that clients are not tempted to build one.
public struct PageCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The text handed to clients.
    public let token: String

    /// Longest token accepted, to keep hostile query strings cheap to refuse.
    static let maximumTokenLength = 512

    /// Wraps a store's key into a cursor.
    public init(key: String) {
        token = Base64URL.encode(Array(key.utf8))
    }

    /// Accepts a token from a client; throws `paging.invalid-cursor` if it was not made by `init(key:)`.
    public init(token: String) throws(DomainError) {
        guard token.utf8.count <= Self.maximumTokenLength, Self.decode(token) != nil else {
            throw DomainError(
                .invalid, code: "paging.invalid-cursor", title: "分页位置无效",
                detail: "分页参数 cursor 无效，请从第一页重新开始翻页。")
        }
        self.token = token
    }

    /// The store's key carried by the cursor.
    public var key: String {
        // A token only exists if it decoded when it was made.
        Self.decode(token) ?? ""
    }

    /// The token.
    public var description: String { token }

    /// Decodes a cursor from its token.
    public init(from decoder: any Decoder) throws {
        try self.init(token: decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the token.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }

    private static func decode(_ token: String) -> String? {
        guard !token.isEmpty, let data = Base64URL.decode(token) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
