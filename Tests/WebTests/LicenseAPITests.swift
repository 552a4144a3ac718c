import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// The license API over HTTP against the real application: staff issue, status changes and renewal,
/// the public verifier, the published keys and status list, and the problems for each misuse.
///
/// The clock is pinned to Tuesday 2026-04-28 10:00 in Beijing (the cases tests' moment), so a food
/// permit issued now is valid for five years, to 2031-04-27.
@Suite("Licenses API")
struct LicenseAPITests {
    typealias API = CaseAPITests

    /// A food permit's field values, as a staff member types them.
    static let foodFields = [
        "operatorName": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "businessType": "热食类食品制售",
        "premisesArea": "120", "handledBy": "张三",
    ]

    /// Signs a demo staff member in through the real login pages; returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        try await CaseAPIStaffTests.signIn(client, platform, as: username)
    }

    /// A food permit issued through the API by `staff`; returns the license object.
    static func issueFoodPermit(
        _ client: any TestClientProtocol, staff: String, fields: [String: String] = foodFields
    ) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: ["type": "food-business-permit", "fields": fields])
        let response = try await API.call(
            client, .post, "/api/v1/staff/licenses", as: .staff(staff), json: String(decoding: body, as: UTF8.self))
        #expect(response.status == .created, "\(response.text.prefix(400))")
        return try response.object()
    }

    /// The answer of the public verifier API for `code`.
    static func verify(_ client: any TestClientProtocol, _ code: String) async throws -> TestResponse {
        let body = try JSONSerialization.data(withJSONObject: ["code": code])
        return try await API.call(
            client, .post, "/api/v1/licenses/verify", as: .nobody, json: String(decoding: body, as: UTF8.self))
    }

    /// `code` with one Base45 character in its middle replaced by another Base45 character.
    static func tampered(_ code: String) -> String {
        var characters = Array(code)
        let middle = characters.count / 2
        characters[middle] = characters[middle] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test("staff issue by hand; the code verifies with masked claims and its key is in the published key set")
    func issueVerifyPublish() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Self.signIn(client, platform, as: "scj-sp01")

            // Act
            let license = try await Self.issueFoodPermit(client, staff: staff)
            let code = try #require(license["code"] as? String)
            let verified = try await Self.verify(client, code)
            let keys = try await client.execute(uri: "/.well-known/zhengtong/license-keys.json", method: .get)

            // Verify: the license as issued.
            #expect(license["status"] as? String == "valid")
            #expect(license["validUntil"] as? String == "2031-04-27")
            #expect(license["issuerName"] as? String == "市市场监督管理局")
            #expect((license["fields"] as? [String: String])?["handledBy"] == "张三", "staff see values in clear")
            let identifier = try #require(license["identifier"] as? String)
            #expect(identifier.hasPrefix("1.2.156.3005.2."))
            // Verify: the verdict, and the claims carry the name masked.
            #expect(verified.status == .ok)
            let verdict = try verified.object()
            #expect(verdict["valid"] as? Bool == true && verdict["verdict"] as? String == "valid")
            #expect(verdict["statusChecked"] as? Bool == true)
            #expect(verdict["algorithm"] as? String == "SM2")
            let claims = try #require(verdict["claims"] as? [String: Any])
            #expect(claims["identifier"] as? String == identifier)
            #expect(claims["type"] as? String == "food-business-permit")
            let fields = try #require(claims["fields"] as? [[String: String]])
            #expect(fields.contains(["label": "经办人", "value": "张*"]))
            #expect(!verified.text.contains("张三\""), "the code never carries the clear name")
            // Verify: the key that signed it is published for offline verifiers, cacheable.
            #expect(keys.status == .ok)
            #expect(keys.headers[.cacheControl] == "public, max-age=300")
            let published = try #require(try keys.object()["keys"] as? [[String: Any]])
            let kid = try #require(verdict["kid"] as? String)
            let key = try #require(published.first { $0["kid"] as? String == kid })
            #expect(key["issuer"] as? String == claims["issuer"] as? String)
            #expect(key["issuerName"] as? String == "市市场监督管理局")
            #expect(key["alg"] as? String == "SM2" && key["crv"] as? String == "SM2")
            #expect(key["createdAt"] is String && key["x"] is String && key["y"] is String)
        }
    }

    @Test("another department's staff get 404 for the license and 403 issuing its type; lists stay apart")
    func otherDepartment() async throws {
        try await API.run { client, platform in
            // Setup
            let owner = try await Self.signIn(client, platform, as: "scj-sp01")
            let other = try await Self.signIn(client, platform, as: "rsj-jy01")
            let license = try await Self.issueFoodPermit(client, staff: owner)
            let id = try #require(license["id"] as? String)

            // Act
            let read = try await API.call(client, .get, "/api/v1/staff/licenses/\(id)", as: .staff(other))
            let revoke = try await API.call(
                client, .post, "/api/v1/staff/licenses/\(id)/revoke", as: .staff(other), json: #"{"reason":"越权注销"}"#)
            let body = try JSONSerialization.data(
                withJSONObject: ["type": "food-business-permit", "fields": Self.foodFields])
            let issue = try await API.call(
                client, .post, "/api/v1/staff/licenses", as: .staff(other), json: String(decoding: body, as: UTF8.self))
            let othersList = try await API.call(client, .get, "/api/v1/staff/licenses", as: .staff(other))
            let ownList = try await API.call(client, .get, "/api/v1/staff/licenses", as: .staff(owner))
            let filtered = try await API.call(
                client, .get, "/api/v1/staff/licenses?type=business-license", as: .staff(owner))
            let ownRead = try await API.call(client, .get, "/api/v1/staff/licenses/\(id)", as: .staff(owner))

            // Verify
            try API.expectProblem(read, 404, "licenses.not-found")
            try API.expectProblem(revoke, 404, "licenses.not-found")
            #expect(issue.status == .forbidden, "\(issue.text.prefix(300))")
            #expect(issue.contentType.hasPrefix("application/problem+json"))
            #expect((try othersList.object()["items"] as? [Any])?.isEmpty == true)
            let ids = try #require(try ownList.object()["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(ids.contains(id))
            let types = try #require(try filtered.object()["items"] as? [[String: Any]]).map { $0["type"] as? String }
            #expect(!types.contains("food-business-permit"))
            let detail = try ownRead.object()
            #expect((detail["license"] as? [String: Any])?["id"] as? String == id)
            let history = try #require(detail["history"] as? [[String: Any]])
            #expect(history.map { $0["action"] as? String } == ["issued"])
        }
    }

    @Test("suspend, reinstate, revoke and renew through the API; verification and the status list follow")
    func statusAndRenewal() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Self.signIn(client, platform, as: "scj-sp01")
            let first = try await Self.issueFoodPermit(client, staff: staff)
            let second = try await Self.issueFoodPermit(client, staff: staff)
            let firstID = try #require(first["id"] as? String)
            let secondID = try #require(second["id"] as? String)
            let firstCode = try #require(first["code"] as? String)
            @Sendable func command(_ id: String, _ action: String, _ json: String) async throws -> TestResponse {
                try await API.call(
                    client, .post, "/api/v1/staff/licenses/\(id)/\(action)", as: .staff(staff), json: json)
            }

            // Act
            let suspended = try await command(firstID, "suspend", #"{"reason":"经营场所核查中"}"#)
            let whileSuspended = try await Self.verify(client, firstCode).object()
            let reinstated = try await command(firstID, "reinstate", #"{"reason":"核查通过"}"#)
            let revoked = try await command(firstID, "revoke", #"{"reason":"申请注销"}"#)
            let revokedAgain = try await command(firstID, "revoke", #"{"reason":"再次注销"}"#)
            let tooShort = try await command(secondID, "suspend", #"{"reason":"x"}"#)
            let renewed = try await command(secondID, "renew", #"{"fields":{"premisesArea":"150"}}"#)
            let list = try await client.execute(uri: "/api/v1/licenses/status-list", method: .get)

            // Verify
            #expect(try suspended.object()["status"] as? String == "suspended")
            #expect(whileSuspended["verdict"] as? String == "suspended")
            #expect((whileSuspended["reason"] as? String)?.contains("经营场所核查中") == true)
            #expect(try reinstated.object()["status"] as? String == "valid")
            #expect(try revoked.object()["status"] as? String == "revoked")
            try API.expectProblem(revokedAgain, 409, "licenses.status")
            try API.expectProblem(tooShort, 422, "licenses.reason")
            #expect(renewed.status == .created)
            let renewal = try renewed.object()
            #expect((renewal["fields"] as? [String: String])?["premisesArea"] == "150")
            #expect(renewal["identifier"] as? String != second["identifier"] as? String)
            #expect(list.headers[.cacheControl] == "public, max-age=300")
            let entries = try #require(try list.object()["items"] as? [[String: Any]])
            let statuses = Dictionary(
                uniqueKeysWithValues: entries.compactMap { entry in
                    (entry["identifier"] as? String).map { ($0, entry["status"] as? String ?? "") }
                })
            #expect(statuses[first["identifier"] as? String ?? "-"] == "revoked")
            #expect(statuses[second["identifier"] as? String ?? "-"] == "superseded")
            #expect(renewal["identifier"] is String)
            #expect(statuses[renewal["identifier"] as? String ?? "-"] == nil, "the new version is valid")
        }
    }

    @Test("tampered and junk codes get a verdict with a Chinese reason; bad JSON is a 400 problem")
    func junk() async throws {
        try await API.run { client, platform in
            // Setup
            let staff = try await Self.signIn(client, platform, as: "scj-sp01")
            let code = try #require(try await Self.issueFoodPermit(client, staff: staff)["code"] as? String)
            let junk = ["", "hello", "ZT1:", "HC1:NCFOXN", "ZT1:" + String(repeating: "A", count: 5000), "ZT1:%%%%"]

            // Act
            let tampered = try await Self.verify(client, Self.tampered(code)).object()
            var verdicts: [[String: Any]] = []
            for text in junk { verdicts.append(try await Self.verify(client, text).object()) }
            let notJSON = try await API.call(client, .post, "/api/v1/licenses/verify", as: .nobody, json: "ZT1:ABC")
            let wrongType = try await API.call(
                client, .post, "/api/v1/licenses/verify", as: .nobody, json: #"{"code":5}"#)
            let badIssue = try await API.call(
                client, .post, "/api/v1/staff/licenses", as: .staff(staff), json: #"{"type":"food-business-permit"}"#)
            let badFields = try await API.call(
                client, .post, "/api/v1/staff/licenses", as: .staff(staff),
                json:
                    #"{"type":"food-business-permit","fields":{"creditCode":"91130102MA0G8XKQ5X","premisesArea":"大"}}"#)
            let unknownType = try await API.call(
                client, .post, "/api/v1/staff/licenses", as: .staff(staff), json: #"{"type":"no-such","fields":{}}"#)
            let badLimit = try await API.call(client, .get, "/api/v1/staff/licenses?limit=0", as: .staff(staff))
            let malformedID = try await API.call(client, .get, "/api/v1/staff/licenses/not-a-uuid", as: .staff(staff))
            let nobody = try await API.call(client, .get, "/api/v1/staff/licenses", as: .nobody)
            let operatorToken = try await API.call(client, .get, "/api/v1/staff/licenses", as: .operatorToken)

            // Verify
            #expect(tampered["valid"] as? Bool == false)
            #expect(["bad-signature", "malformed"].contains(tampered["verdict"] as? String))
            #expect((tampered["reason"] as? String)?.containsChinese == true)
            #expect(tampered["claims"] == nil, "nothing of an unverified code is shown")
            for (text, verdict) in zip(junk, verdicts) {
                #expect(verdict["verdict"] as? String == "malformed", "\(text.prefix(20))")
                #expect((verdict["reason"] as? String)?.containsChinese == true)
            }
            #expect((verdicts[3]["reason"] as? String)?.contains("ZT1:") == true, "a foreign prefix is named")
            try API.expectProblem(notJSON, 400, "request.invalid-json")
            try API.expectProblem(wrongType, 400, "request.invalid-json")
            try API.expectProblem(badIssue, 400, "request.invalid-json")
            try API.expectProblem(badFields, 422, "licenses.fields-invalid")
            let detail = try badFields.problem().detail
            #expect(detail.contains("经营者名称不能为空") && detail.contains("社会信用代码") && detail.contains("应为数字"))
            try API.expectProblem(unknownType, 422, "licenses.unknown-type")
            try API.expectProblem(badLimit, 422, "request.bad-limit")
            try API.expectProblem(malformedID, 404, "licenses.not-found")
            try API.expectProblem(nobody, 401, "auth.staff-required")
            try API.expectProblem(operatorToken, 403, "auth.staff-required")
        }
    }
}
