public import Foundation

/// A material received for a case: an uploaded file, or paper handed in at the window.
public struct CaseMaterial: Sendable, Equatable {
    /// The id.
    public var id: UUID
    /// The material's code in the guide.
    public var materialCode: String
    /// The material's name.
    public var name: String
    /// The uploaded file's name.
    public var fileName: String?
    /// The file's SHA-256 in the blob store.
    public var sha256: String?
    /// The file's media type.
    public var mediaType: String?
    /// The file's size in bytes.
    public var size: Int?
    /// Whether it was received on paper at the window.
    public var onPaper: Bool
    /// When it was received.
    public var receivedAt: Date
    /// Who received or uploaded it.
    public var receivedBy: String

    /// Creates a material record.
    public init(
        id: UUID, materialCode: String, name: String, fileName: String?, sha256: String?, mediaType: String?,
        size: Int?, onPaper: Bool, receivedAt: Date, receivedBy: String
    ) {
        self.id = id
        self.materialCode = materialCode
        self.name = name
        self.fileName = fileName
        self.sha256 = sha256
        self.mediaType = mediaType
        self.size = size
        self.onPaper = onPaper
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
    }
}
