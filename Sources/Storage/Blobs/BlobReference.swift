/// A stored file: its content hash, media type and size.
public struct BlobReference: Codable, Sendable, Hashable {
    /// The lowercase hex SHA-256 of the content.
    public var sha256: String
    /// The media type, such as `application/pdf`.
    public var mediaType: String
    /// The size in bytes.
    public var size: Int

    /// Creates a reference.
    public init(sha256: String, mediaType: String, size: Int) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.size = size
    }
}
