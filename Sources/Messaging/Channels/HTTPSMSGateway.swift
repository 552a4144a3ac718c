public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// Sends SMS through an HTTP gateway that speaks the contract in docs/messaging.md:
/// `POST {base}/v1/sms` with a JSON body and the `X-ZT-*` signature headers.
public struct HTTPSMSGateway: SMSGateway {
    private let baseURL: String
    private let signature: GatewaySignature
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// Creates the adapter.
    public init(baseURL: String, signature: GatewaySignature, client: HTTPClient, timeoutSeconds: Int64 = 10) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.signature = signature
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
    }

    /// Posts the message and returns the gateway's id for it.
    public func send(_ sms: OutgoingSMS) async throws -> String {
        let body = Array(try JSONEncoder().encode(sms))
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let nonce = UUID().uuidString.lowercased()
        let path = (URL(string: baseURL)?.path ?? "") + "/v1/sms"
        var request = HTTPClientRequest(url: baseURL + "/v1/sms")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-ZT-Key-Id", value: signature.keyID)
        request.headers.add(name: "X-ZT-Timestamp", value: timestamp)
        request.headers.add(name: "X-ZT-Nonce", value: nonce)
        request.headers.add(
            name: "X-ZT-Signature",
            value: signature.sign(method: "POST", path: path, timestamp: timestamp, nonce: nonce, body: body))
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw SMSGatewayError.unavailable(String(describing: error))
        }
        let data = try await response.body.collect(upTo: 64 * 1024)
        let status = Int(response.status.code)
        switch status {
        case 200..<300:
            guard let accepted = try? JSONDecoder().decode(Accepted.self, from: data) else {
                throw SMSGatewayError.unavailable("网关应答无法解析")
            }
            return accepted.providerMessageId
        case 400..<500 where status != 408 && status != 429:
            throw SMSGatewayError.rejected(status: status, reason: String(buffer: data))
        default:
            throw SMSGatewayError.unavailable("HTTP \(status)")
        }
    }

    private struct Accepted: Decodable {
        var providerMessageId: String
    }
}
