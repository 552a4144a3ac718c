import Foundation
import Identity
import Synchronization

/// The provider side of both contracts in docs/real-name.md, as an external 人口库 and 实人认证
/// service would implement them: it verifies every request's signature and signs every answer.
///
/// Mounted under `/rn`, so the signed paths carry the base URL's path as the contract says.
final class RealNameProvider: Sendable {
    static let secret = "shared-secret-for-real-name-tests"
    static let indexKey = "index-key-shared-with-the-registry"
    static let signature = RealNameSignature(keyID: "zt", secret: secret)

    /// One face session as the provider keeps it.
    struct Session: Sendable {
        var name: String
        var idNumber: String
        var reference: String
        var returnURL: String?
        var status = "pending"
        var score: Double?
        var passedAt: String?
    }

    private struct State {
        var population: [(name: String, idNumber: String)] = [
            ("张三", "130102199003071233"), ("王五", "13010219900307125X"),
        ]
        var sessions: [String: Session] = [:]
        var received: [ContractRequest] = []
        var refused = 0
    }

    private let state = Mutex(State())

    /// Every request that passed the signature check, in order.
    var received: [ContractRequest] { state.withLock { $0.received } }
    /// How many requests were refused for their signature.
    var refused: Int { state.withLock { $0.refused } }
    /// The face sessions by id.
    var sessions: [String: Session] { state.withLock { $0.sessions } }

    /// Sets what the person did on the provider's page.
    func finish(_ sessionID: String, status: String, score: Double? = nil, passedAt: String? = nil) {
        state.withLock {
            $0.sessions[sessionID]?.status = status
            $0.sessions[sessionID]?.score = score
            $0.sessions[sessionID]?.passedAt = passedAt
        }
    }

    /// The provider's answer to `request`.
    func respond(_ request: ContractRequest) -> ContractReply? {
        guard request.header("X-ZT-Key-Id") == "zt",
            Self.signature.verify(
                method: request.method, path: request.path, timestamp: request.header("X-ZT-Timestamp"),
                nonce: request.header("X-ZT-Nonce"), body: request.body, signature: request.header("X-ZT-Signature"),
                now: Date())
        else {
            state.withLock { $0.refused += 1 }
            return .json(#"{"error":"bad signature"}"#, status: 401)
        }
        state.withLock { $0.received.append(request) }
        let fields =
            (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]).flatMap { $0 } ?? [:]
        switch (request.method, request.path) {
        case ("POST", "/rn/v1/person-checks"):
            return Self.signed(request, json: #"{"result":"\#(check(fields))"}"#)
        case ("POST", "/rn/v1/face-sessions"):
            guard let name = fields["name"] as? String, let number = fields["idNumber"] as? String,
                let reference = fields["reference"] as? String
            else { return .json("{}", status: 400) }
            let id = state.withLock { state in
                let id = "fs-\(state.sessions.count + 1)"
                state.sessions[id] = Session(
                    name: name, idNumber: number, reference: reference, returnURL: fields["returnUrl"] as? String)
                return id
            }
            return Self.signed(
                request, json: #"{"sessionId":"\#(id)","verifyUrl":"https://face.example.test/liveness/\#(id)"}"#)
        case ("GET", let path) where path.hasPrefix("/rn/v1/face-sessions/"):
            let id = String(path.dropFirst("/rn/v1/face-sessions/".count))
            guard let session = sessions[id] else { return .json("{}", status: 404) }
            var json = #"{"status":"\#(session.status)""#
            if let score = session.score { json += #","score":\#(score)"# }
            if let passedAt = session.passedAt { json += #","passedAt":"\#(passedAt)""# }
            return Self.signed(request, json: json + "}")
        default:
            return .json("{}", status: 404)
        }
    }

    private func check(_ fields: [String: Any]) -> String {
        let population = state.withLock { $0.population }
        let entry: (name: String, idNumber: String)?
        let nameMatches: ((name: String, idNumber: String)) -> Bool
        if let idHash = fields["idNumberHash"] as? String, let nameHash = fields["nameHash"] as? String {
            entry = population.first { HTTPPopulationRegistry.idNumberHash($0.idNumber, key: Self.indexKey) == idHash }
            nameMatches = {
                HTTPPopulationRegistry.nameHash($0.name, idNumber: $0.idNumber, key: Self.indexKey) == nameHash
            }
        } else {
            let number = fields["idNumber"] as? String ?? ""
            let name = fields["name"] as? String ?? ""
            entry = population.first { $0.idNumber == number }
            nameMatches = { $0.name == name }
        }
        guard let entry else { return "not-found" }
        return nameMatches(entry) ? "match" : "name-mismatch"
    }

    /// A 200 answer with `json`, signed for `request` as the contract requires.
    static func signed(_ request: ContractRequest, json: String, status: Int = 200, secret: String = secret)
        -> ContractReply
    {
        let body = Array(json.utf8)
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let signature = RealNameSignature(keyID: "zt", secret: secret).sign(
            method: RealNameSignature.answerMethod, path: request.path, timestamp: timestamp,
            nonce: request.header("X-ZT-Nonce"), body: body)
        return ContractReply(
            status: status,
            headers: [
                ("Content-Type", "application/json"), ("X-ZT-Timestamp", timestamp), ("X-ZT-Signature", signature),
            ], body: body)
    }
}
