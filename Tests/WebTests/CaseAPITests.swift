import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The applicant's side of the cases API over HTTP against the real application: drafts,
/// materials, submission, withdrawal, and the problems for each way a request can go wrong.
///
/// The clock is pinned to Tuesday 2026-04-28 10:00 in Beijing, when the demo 食品经营许可 guide
/// (in force from 2026-01-01) can be applied for.
@Suite("Cases API: applicant")
struct CaseAPITests {
    /// Who calls.
    enum Caller {
        case nobody
        case person(String)
        case bearer(String)
        case staff(String)
        case operatorToken
    }

    static let start = Date(timeIntervalSince1970: 1_777_341_600)
    static let foodPermit = "111301000000135718300011100800001"
    static let pdf = "%PDF-1.7\n%zhengtong test\n"
    /// The SHA-256 of the PDF bytes, computed apart with sha256sum.
    static let pdfSHA256 = "f0c74e206c687c257c463af00798b22e5147fdf1fae4bdd03a0c05a9e7ff10da"
    static let foodForm =
        #"{"businessName":"石家庄市长安区张三小吃店","creditCode":"91130102MA0G8XKQ5Q","businessArea":"120","#
        + #""businessType":"热食类食品制售","contactPhone":"13800000000"}"#

    /// A test server with the demo catalog at the pinned time.
    static func run(_ body: @Sendable (any TestClientProtocol, Platform) async throws -> Void) async throws {
        try await TestServer.run(demoCatalog: true, clock: FixedClock(start), body)
    }

    /// A request as `caller`; `json` is sent as application/json, `bytes` with `type`.
    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, as caller: Caller,
        json: String? = nil, bytes: String? = nil, type: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        switch caller {
        case .nobody: break
        case .person(let session): headers[.cookie] = "zt_session=\(session)"
        case .bearer(let token): headers[.authorization] = "Bearer \(token)"
        case .staff(let cookie): headers[.cookie] = "zt_staff=\(cookie)"
        case .operatorToken: headers = TestServer.operatorHeaders
        }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let bytes {
            if let type { headers[.contentType] = type }
            body = ByteBuffer(string: bytes)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body)
    }

    /// Checks that `response` is a problem with `status` and `code`, in Chinese.
    static func expectProblem(_ response: TestResponse, _ status: Int, _ code: String, _ note: String = "") throws {
        #expect(Int(response.status.code) == status, "\(note) \(response.text.prefix(300))")
        #expect(response.contentType.hasPrefix("application/problem+json"), "\(note)")
        let problem = try response.problem()
        #expect(problem.code == code, "\(note)")
        #expect(problem.title.containsChinese && problem.detail.containsChinese, "\(note)")
    }

    /// A food-permit draft with both required uploads; returns its id.
    static func draftWithMaterials(_ client: any TestClientProtocol, as caller: Caller) async throws -> String {
        let created = try await call(
            client, .post, "/api/v1/cases", as: caller,
            json: #"{"itemCode":"\#(foodPermit)","form":\#(foodForm),"situations":["S01"]}"#)
        #expect(created.status == .created, "\(created.text.prefix(300))")
        let id = try #require(try created.object()["id"] as? String)
        for code in ["M03", "M04"] {
            let upload = try await call(
                client, .post, "/api/v1/cases/\(id)/materials?materialCode=\(code)&fileName=\(code).pdf", as: caller,
                bytes: pdf, type: "application/pdf")
            #expect(upload.status == .created, "\(upload.text.prefix(300))")
        }
        return id
    }

    /// A submitted food-permit case of the demo citizen; returns (session, id, number).
    static func submitted(_ client: any TestClientProtocol) async throws -> (String, String, String) {
        let session = try await IdentityPagesTests.signIn(client)
        let id = try await draftWithMaterials(client, as: .person(session))
        let submitted = try await call(client, .post, "/api/v1/cases/\(id)/submit", as: .person(session))
        #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
        return (session, id, try #require(try submitted.object()["number"] as? String))
    }

    @Test("a citizen drafts, uploads, edits and submits; the list and the detail show it")
    func applyOnline() async throws {
        try await Self.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let caller = Caller.person(session)
            // act
            let created = try await Self.call(
                client, .post, "/api/v1/cases", as: caller, json: #"{"itemCode":"\#(Self.foodPermit)"}"#)
            let id = try #require(try created.object()["id"] as? String)
            let edited = try await Self.call(
                client, .put, "/api/v1/cases/\(id)/form", as: caller,
                json: #"{"form":\#(Self.foodForm),"situations":["S01"]}"#)
            var uploads: [TestResponse] = []
            for code in ["M03", "M04"] {
                uploads.append(
                    try await Self.call(
                        client, .post, "/api/v1/cases/\(id)/materials?materialCode=\(code)&fileName=\(code).pdf",
                        as: caller, bytes: Self.pdf, type: "application/pdf; charset=binary"))
            }
            let submitted = try await Self.call(client, .post, "/api/v1/cases/\(id)/submit", as: caller)
            let list = try await Self.call(client, .get, "/api/v1/cases", as: caller)
            let detail = try await Self.call(client, .get, "/api/v1/cases/\(id)", as: caller)
            // verify
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/cases/\(id)")
            #expect(try created.object()["state"] as? String == "draft")
            #expect(try created.object()["originChannel"] as? String == "pc")
            #expect(try edited.object()["situations"] as? [String] == ["S01"])
            #expect(uploads.allSatisfy { $0.status == .created })
            #expect(try uploads[0].object()["sha256"] as? String == Self.pdfSHA256)
            let record = try submitted.object()
            #expect(submitted.status == .ok)
            #expect(record["state"] as? String == "submitted")
            let number = try #require(record["number"] as? String)
            #expect(number.count == 22 && number.hasPrefix("13010020260428"))
            #expect(record["applicantIdMasked"] as? String != "130102199003071233")
            let items = try #require(try list.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [id])
            let body = try detail.object()
            let kinds = (body["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.first == "drafted" && kinds.last == "submitted")
            #expect((body["materials"] as? [[String: Any]])?.count == 2)
            #expect((body["case"] as? [String: Any])?["number"] as? String == number)
        }
    }

    @Test("without a session or token every applicant route is a 401 problem with a Bearer challenge")
    func unauthenticated() async throws {
        try await Self.run { client, _ in
            let id = UUID().uuidString
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v1/cases"), (.post, "/api/v1/cases"), (.get, "/api/v1/cases/\(id)"),
                (.put, "/api/v1/cases/\(id)/form"), (.post, "/api/v1/cases/\(id)/materials"),
                (.post, "/api/v1/cases/\(id)/submit"), (.post, "/api/v1/cases/\(id)/correction"),
                (.post, "/api/v1/cases/\(id)/withdraw"),
            ] {
                for caller in [Caller.nobody, .operatorToken, .bearer("not-a-token")] {
                    let response = try await Self.call(client, method, path, as: caller, json: "{}")

                    try Self.expectProblem(response, 401, "auth.person-required", "\(method) \(path)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
    }
}
