public import AsyncHTTPClient
import Foundation
public import Kernel

/// An external face-verification service (实人认证) reached over HTTPS with the signed contract in
/// docs/real-name.md: `POST {base}/v1/face-sessions` opens a session, `GET {base}/v1/face-sessions/{id}`
/// reads its state.
public struct HTTPFaceVerifier: FaceVerifier {
    /// Recorded with each raise it grants.
    public let method = "face:http"
    /// A real verifier.
    public let isDevelopment = false
    /// Nothing to add.
    public let notice: String? = nil
    let http: SignedJSONClient

    /// Creates the adapter; `baseURL` is the service's base, `https://` in production.
    public init(
        baseURL: String, signature: RealNameSignature, client: HTTPClient, timeoutSeconds: Int64 = 10,
        clock: any Clock = SystemClock()
    ) {
        self.http = SignedJSONClient(
            baseURL: baseURL, signature: signature, client: client, timeoutSeconds: timeoutSeconds, clock: clock,
            failure: DomainError(
                .unavailable, code: "identity.face-unavailable", title: "人脸核验服务暂不可用",
                detail: "人脸核验服务暂时无法应答，请稍后再试；急需办理的，可携带身份证到政务服务窗口现场认证。"))
    }

    /// The service's base URL, for configuration checks.
    public var baseURL: String { http.baseURL }

    /// The signer, for configuration checks.
    public var signature: RealNameSignature { http.signature }

    /// Opens a session for the person named in `request`.
    public func start(_ request: FaceCheckRequest) async throws -> FaceSession {
        let body = Array(
            try JSONEncoder().encode(
                StartBody(
                    name: request.name, idNumber: request.idNumber, reference: request.reference,
                    returnUrl: request.returnURL)))
        let answer = try await http.exchange(.post, "/v1/face-sessions", body: body, as: Started.self)
        guard Self.isSessionID(answer.sessionId), Self.isWebAddress(answer.verifyUrl) else { throw http.failure }
        return FaceSession(sessionID: answer.sessionId, verifyURL: answer.verifyUrl)
    }

    /// Reads the session's state.
    public func result(sessionID: String) async throws -> FaceResult {
        guard Self.isSessionID(sessionID) else { throw http.failure }
        let answer = try await http.exchange(.get, "/v1/face-sessions/" + sessionID, body: nil, as: State.self)
        guard let status = FaceStatus(rawValue: answer.status) else { throw http.failure }
        if let score = answer.score, !(0...1).contains(score) { throw http.failure }
        var passedAt: Date?
        if let text = answer.passedAt {
            guard let instant = Self.instant(text) else { throw http.failure }
            passedAt = instant
        }
        return FaceResult(status: status, score: answer.score, passedAt: passedAt)
    }

    /// 1 to 128 characters of `A–Z a–z 0–9 . _ -`: safe in a path without escaping.
    static func isSessionID(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D
            }
    }

    /// An absolute http(s) URL with a host: no `javascript:` or other scheme reaches a page.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.utf8.count <= 2048, let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            return false
        }
        return ["https", "http"].contains(scheme) && !(url.host ?? "").isEmpty
    }

    /// An RFC 3339 instant, with or without fractional seconds.
    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    private struct StartBody: Encodable {
        var name: String
        var idNumber: String
        var reference: String
        var returnUrl: String?
    }

    private struct Started: Decodable {
        var sessionId: String
        var verifyUrl: String
    }

    private struct State: Decodable {
        var status: String
        var score: Double?
        var passedAt: String?
    }
}
