public import Foundation

/// A face-verification service (实人认证): the person proves, by liveness and comparison with the
/// photo on record for their 身份证号, that they are the holder of the account's identity.
///
/// Adapters: `HTTPFaceVerifier` for an external service speaking docs/real-name.md, and
/// `DevelopmentFaceVerifier`, which passes everyone and is refused in production.
public protocol FaceVerifier: Sendable {
    /// A short name recorded with every raise it grants: `face:http`, `face:development`.
    var method: String { get }

    /// Whether this verifier checks nothing; `FaceVerifierPolicy` refuses it in production.
    var isDevelopment: Bool { get }

    /// A Chinese notice to show next to every verification it runs, or nil.
    var notice: String? { get }

    /// Opens a session on the provider where the person completes liveness.
    func start(_ request: FaceCheckRequest) async throws -> FaceSession

    /// The session's state now.
    func result(sessionID: String) async throws -> FaceResult
}

/// Whom a face-verification session is for.
public struct FaceCheckRequest: Sendable, Equatable {
    /// The name on record.
    public var name: String
    /// The 身份证号 on record.
    public var idNumber: String
    /// The platform's attempt id, echoed by the provider.
    public var reference: String
    /// Where the provider's page sends the person back, if anywhere.
    public var returnURL: String?

    /// Creates the request.
    public init(name: String, idNumber: String, reference: String, returnURL: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.reference = reference
        self.returnURL = returnURL
    }
}

/// A session opened on the provider.
public struct FaceSession: Sendable, Equatable {
    /// The provider's id of the session.
    public var sessionID: String
    /// The page (or SDK entry) where the person completes liveness; empty when there is none.
    public var verifyURL: String

    /// Creates a session.
    public init(sessionID: String, verifyURL: String) {
        self.sessionID = sessionID
        self.verifyURL = verifyURL
    }
}

/// Where a face-verification session stands.
public enum FaceStatus: String, Sendable, Equatable, Codable {
    /// The person has not finished yet.
    case pending
    /// Liveness and comparison passed.
    case passed
    /// They failed; the session is over.
    case failed
    /// The provider gave up waiting.
    case expired
}

/// The provider's account of a session.
public struct FaceResult: Sendable, Equatable {
    /// The state.
    public var status: FaceStatus
    /// The comparison score between 0 and 1, when the provider gives one (for the record only).
    public var score: Double?
    /// When the person passed, by the provider's clock.
    public var passedAt: Date?

    /// Creates a result.
    public init(status: FaceStatus, score: Double? = nil, passedAt: Date? = nil) {
        self.status = status
        self.score = score
        self.passedAt = passedAt
    }
}
