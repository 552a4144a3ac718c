import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Messaging
import Synchronization
import Testing

/// The HTTP adapter against a live local server that implements the gateway side of the contract
/// in docs/messaging.md: it checks the signature headers and answers as a real gateway would.
@Suite("HTTP SMS gateway")
struct HTTPSMSGatewayTests {
    static let secret = "shared-secret-for-tests"

    /// A gateway: 200 with an id for good requests, 401 for bad signatures, 400 for a number it
    /// refuses, 503 for a number that simulates an outage.
    static func gatewayApp(received: Received) -> some ApplicationProtocol {
        let router = Router()
        let verifier = GatewaySignature(keyID: "zt", secret: secret)
        router.post("/gw/v1/sms") { request, context -> Response in
            let body = Array(buffer: try await request.body.collect(upTo: 65536))
            let header = { (name: String) in request.headers[HTTPField.Name(name)!] ?? "" }
            guard header("X-ZT-Key-Id") == "zt",
                verifier.verify(
                    method: "POST", path: request.uri.path, timestamp: header("X-ZT-Timestamp"),
                    nonce: header("X-ZT-Nonce"), body: body, signature: header("X-ZT-Signature"), now: Date())
            else { return Response(status: .unauthorized) }
            let sms = try JSONDecoder().decode(OutgoingSMS.self, from: Data(body))
            received.append(sms.messageID)
            switch sms.phone {
            case "13900000000": return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "空号")))
            case "13700000000": return Response(status: .serviceUnavailable)
            default:
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"providerMessageId":"gw-\#(sms.messageID)"}"#)))
            }
        }
        return Application(router: router)
    }

    func withGateway(secret: String = Self.secret, _ body: @Sendable (HTTPSMSGateway, Received) async throws -> Void)
        async throws
    {
        let received = Received()
        try await Self.gatewayApp(received: received).test(.live) { client in
            let gateway = HTTPSMSGateway(
                baseURL: "http://127.0.0.1:\(client.port!)/gw",
                signature: GatewaySignature(keyID: "zt", secret: secret),
                client: HTTPClient.shared)
            try await body(gateway, received)
        }
    }

    @Test("a signed request is accepted and the gateway's id returned")
    func accepted() async throws {
        try await withGateway { gateway, received in
            let id = try await gateway.send(OutgoingSMS(messageID: "m1", phone: "13800000000", text: "你好"))
            #expect(id == "gw-m1")
            #expect(received.ids == ["m1"])
        }
    }

    @Test("a wrong secret is refused by the gateway and reported as a rejection")
    func wrongSecret() async throws {
        try await withGateway(secret: "not-the-shared-secret") { gateway, received in
            await #expect(throws: SMSGatewayError.rejected(status: 401, reason: "")) {
                try await gateway.send(OutgoingSMS(messageID: "m2", phone: "13800000000", text: "你好"))
            }
            #expect(received.ids.isEmpty)
        }
    }

    @Test("4xx is a rejection, 5xx an outage to retry")
    func failures() async throws {
        try await withGateway { gateway, _ in
            await #expect(throws: SMSGatewayError.rejected(status: 400, reason: "空号")) {
                try await gateway.send(OutgoingSMS(messageID: "m3", phone: "13900000000", text: "x"))
            }
            await #expect(throws: SMSGatewayError.unavailable("HTTP 503")) {
                try await gateway.send(OutgoingSMS(messageID: "m4", phone: "13700000000", text: "x"))
            }
        }
    }

    @Test("an unreachable gateway is an outage, not a crash")
    func unreachable() async throws {
        let gateway = HTTPSMSGateway(
            baseURL: "http://127.0.0.1:9", signature: GatewaySignature(keyID: "zt", secret: Self.secret),
            client: HTTPClient.shared, timeoutSeconds: 2)
        await #expect(throws: SMSGatewayError.self) {
            try await gateway.send(OutgoingSMS(messageID: "m5", phone: "13800000000", text: "x"))
        }
    }
}

/// The message ids the local gateway accepted.
final class Received: Sendable {
    private let store = Mutex<[String]>([])
    var ids: [String] { store.withLock { $0 } }
    func append(_ id: String) { store.withLock { $0.append(id) } }
}
