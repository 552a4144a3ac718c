import AsyncHTTPClient
import Foundation
import Kernel
import NIOCore

/// One signed JSON exchange with an external real-name service: the request carries the `X-ZT-*`
/// headers, the answer must be a signed 2xx with a JSON body.
///
/// Every failure (unreachable, timeout, non-2xx, a bad answer signature, a body that is too large
/// or does not decode) becomes one `unavailable` domain error in Chinese, never a crash.
struct SignedJSONClient: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    /// Base URL without a trailing slash.
    let baseURL: String
    /// The base URL's path, the prefix of every signed path.
    let basePath: String
    let signature: RealNameSignature
    let client: HTTPClient
    let timeout: TimeAmount
    let clock: any Clock
    /// What the person is told is unavailable when the exchange fails.
    let failure: DomainError

    /// The largest answer read.
    static let answerLimit = 64 * 1024

    init(
        baseURL: String, signature: RealNameSignature, client: HTTPClient, timeoutSeconds: Int64,
        clock: any Clock, failure: DomainError
    ) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.baseURL = trimmed
        self.basePath = URL(string: trimmed)?.path ?? ""
        self.signature = signature
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
        self.clock = clock
        self.failure = failure
    }

    /// Sends `body` (JSON bytes, or none for GET) to `path` under the base and decodes the answer.
    func exchange<Answer: Decodable>(_ method: Method, _ path: String, body: [UInt8]?, as type: Answer.Type)
        async throws -> Answer
    {
        let signedPath = basePath + path
        let timestamp = String(Int(clock.now().timeIntervalSince1970))
        let nonce = UUID().uuidString.lowercased()
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method == .post ? .POST : .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "X-ZT-Key-Id", value: signature.keyID)
        request.headers.add(name: "X-ZT-Timestamp", value: timestamp)
        request.headers.add(name: "X-ZT-Nonce", value: nonce)
        request.headers.add(
            name: "X-ZT-Signature",
            value: signature.sign(
                method: method.rawValue, path: signedPath, timestamp: timestamp, nonce: nonce, body: body ?? []))
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: UInt
        let answerTimestamp: String
        let answerSignature: String
        let bytes: [UInt8]
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = response.status.code
            answerTimestamp = response.headers.first(name: "X-ZT-Timestamp") ?? ""
            answerSignature = response.headers.first(name: "X-ZT-Signature") ?? ""
            bytes = Array(buffer: try await response.body.collect(upTo: Self.answerLimit))
        } catch {
            throw failure
        }
        guard (200..<300).contains(status),
            signature.verify(
                method: RealNameSignature.answerMethod, path: signedPath, timestamp: answerTimestamp, nonce: nonce,
                body: bytes, signature: answerSignature, now: clock.now()),
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(bytes))
        else { throw failure }
        return answer
    }
}
