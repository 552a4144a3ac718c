/// A face verifier for demo and development installations: every session passes at once.
///
/// It verifies nothing. Its method, `face:development`, is recorded with every raise it grants, its
/// notice tells the person so, and `FaceVerifierPolicy` refuses it in production.
public struct DevelopmentFaceVerifier: FaceVerifier {
    /// The notice shown next to every verification.
    public static let label = "演示环境，未进行真实人脸核验"

    /// Recorded with each raise.
    public let method = "face:development"
    /// Always true.
    public let isDevelopment = true
    /// `演示环境，未进行真实人脸核验`.
    public let notice: String? = DevelopmentFaceVerifier.label

    /// Creates the verifier.
    public init() {}

    /// A session with nothing to visit: its verify URL is the return URL, or empty.
    public func start(_ request: FaceCheckRequest) async throws -> FaceSession {
        FaceSession(sessionID: "dev-" + request.reference, verifyURL: request.returnURL ?? "")
    }

    /// Passed, with a perfect score.
    public func result(sessionID: String) async throws -> FaceResult {
        FaceResult(status: .passed, score: 1)
    }
}
