import AsyncHTTPClient
import Foundation
import Identity
import Kernel
import Testing

/// The HTTP face verifier against a live local server implementing the provider side of the
/// contract in docs/real-name.md.
@Suite("HTTP face verifier")
struct HTTPFaceVerifierTests {
    static func verifier(port: Int, timeout: Int64 = 5) -> HTTPFaceVerifier {
        HTTPFaceVerifier(
            baseURL: "http://127.0.0.1:\(port)/rn", signature: RealNameProvider.signature, client: .shared,
            timeoutSeconds: timeout)
    }

    static let request = FaceCheckRequest(
        name: "张三", idNumber: "130102199003071233", reference: "attempt-1",
        returnURL: "https://zw.example.test/real-name/face/attempt-1")

    @Test("start posts the person and reference, signed, and returns the provider's session")
    func start() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            // act
            let session = try await Self.verifier(port: server.port).start(Self.request)
            // verify
            #expect(session == FaceSession(sessionID: "fs-1", verifyURL: "https://face.example.test/liveness/fs-1"))
            let sent = try #require(provider.received.first)
            #expect(sent.method == "POST" && sent.path == "/rn/v1/face-sessions")
            let body = try JSONSerialization.jsonObject(with: Data(sent.body)) as? [String: String]
            #expect(
                body == [
                    "name": "张三", "idNumber": "130102199003071233", "reference": "attempt-1",
                    "returnUrl": "https://zw.example.test/real-name/face/attempt-1",
                ])
        }
    }

    @Test("result reads every status, with score and time when given")
    func results() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            // setup
            let verifier = Self.verifier(port: server.port)
            for _ in 0..<4 { _ = try await verifier.start(Self.request) }
            provider.finish("fs-2", status: "passed", score: 0.93, passedAt: "2026-09-21T08:30:00Z")
            provider.finish("fs-3", status: "failed", score: 0.2)
            provider.finish("fs-4", status: "expired")
            // act
            let results = try await ["fs-1", "fs-2", "fs-3", "fs-4"].asyncMap {
                try await verifier.result(sessionID: $0)
            }
            // verify
            #expect(
                results == [
                    FaceResult(status: .pending),
                    FaceResult(status: .passed, score: 0.93, passedAt: Date(timeIntervalSince1970: 1_789_979_400)),
                    FaceResult(status: .failed, score: 0.2), FaceResult(status: .expired),
                ])
            let get = provider.received.last
            #expect(get?.method == "GET" && get?.path == "/rn/v1/face-sessions/fs-4" && get?.body.isEmpty == true)
            #expect(verifier.method == "face:http" && !verifier.isDevelopment && verifier.notice == nil)
        }
    }

    @Test("a faulty answer to start is 'unavailable' in Chinese", arguments: ContractFault.allCases)
    func startFaults(fault: ContractFault) async throws {
        try await ContractServer.with({ request in
            fault.reply(
                to: request, good: #"{"sessionId":"s1","verifyUrl":"https://face.example.test/s1"}"#,
                bad: #"{"sessionId":"../admin","verifyUrl":"javascript:alert(1)"}"#)
        }) { server in
            let error = await domainError { try await Self.verifier(port: server.port, timeout: 1).start(Self.request) }
            #expect(error?.kind == .unavailable)
            #expect(error?.code == "identity.face-unavailable")
            #expect(error?.detail.containsChinese == true)
        }
    }

    @Test(
        "an answer to result outside the contract is 'unavailable'",
        arguments: [
            #"{"status":"maybe"}"#, #"{"status":"passed","score":93}"#, #"{"status":"passed","passedAt":"yesterday"}"#,
            #"{"score":0.5}"#,
        ])
    func resultOffContract(json: String) async throws {
        try await ContractServer.with({ RealNameProvider.signed($0, json: json) }) { server in
            let error = await domainError { try await Self.verifier(port: server.port).result(sessionID: "s1") }
            #expect(error?.kind == .unavailable)
        }
    }

    @Test("a session id that is not path-safe is never sent")
    func unsafeSessionID() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            let error = await domainError { try await Self.verifier(port: server.port).result(sessionID: "../x") }
            #expect(error?.kind == .unavailable)
            #expect(provider.received.isEmpty)
        }
    }
}

extension Array {
    /// The results of `transform` on each element, one after another.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
