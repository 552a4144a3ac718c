import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 一件事 over the cases API against the real application: one form fans out to one part per
/// item, a shared material reaches exactly the parts that ask for it, and submission numbers
/// every part. The clock is pinned to Tuesday 2026-04-28 10:00 in Beijing.
@Suite("一件事 bundles API")
struct CaseBundleAPITests {
    typealias Caller = CaseAPITests.Caller

    static let form = #"{"form":{"applicantName":"张三","contactPhone":"13800000000","remarks":"新设有限公司"}}"#
    /// 营业执照, percent-encoded for the query.
    static let licence = "%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7"
    /// 公司章程, percent-encoded.
    static let articles = "%E5%85%AC%E5%8F%B8%E7%AB%A0%E7%A8%8B"

    /// Starts a business-start bundle for `caller`; returns its JSON.
    static func start(_ client: any TestClientProtocol, as caller: Caller) async throws -> [String: Any] {
        let created = try await CaseAPITests.call(
            client, .post, "/api/v1/bundles/business-start/cases", as: caller, json: form)
        #expect(created.status == .created, "\(created.text.prefix(300))")
        return try created.object()
    }

    /// The material names each part of `bundle` has received, by the part's item name.
    static func received(_ client: any TestClientProtocol, _ bundle: [String: Any], as caller: Caller) async throws
        -> [String: [String]]
    {
        var names: [String: [String]] = [:]
        for part in bundle["parts"] as? [[String: Any]] ?? [] {
            let id = try #require(part["id"] as? String)
            let detail = try await CaseAPITests.call(client, .get, "/api/v1/cases/\(id)", as: caller).object()
            let materials = detail["materials"] as? [[String: Any]] ?? []
            names[part["itemName"] as? String ?? id] = materials.compactMap { $0["name"] as? String }
        }
        return names
    }

    /// The items the bundle guide says use the material `name`.
    static func usedBy(_ client: any TestClientProtocol, _ name: String) async throws -> Set<String> {
        let guide = try await client.execute(uri: "/api/v1/catalog/bundles/business-start", method: .get).object()
        let materials = guide["materials"] as? [[String: Any]] ?? []
        return Set(materials.first { $0["name"] as? String == name }?["usedBy"] as? [String] ?? [])
    }

    @Test("start, upload a shared material once, submit: every part that asks for it has it, all get numbers")
    func startUploadSubmit() async throws {
        try await CaseAPITests.run { client, _ in
            // setup
            let caller = Caller.person(try await IdentityPagesTests.signIn(client))
            let users = try await Self.usedBy(client, "营业执照")
            // act
            let bundle = try await Self.start(client, as: caller)
            let id = try #require(bundle["id"] as? String)
            let shared = try await CaseAPITests.call(
                client, .post, "/api/v1/case-bundles/\(id)/materials?materialName=\(Self.licence)&fileName=licence.pdf",
                as: caller, bytes: CaseAPITests.pdf, type: "application/pdf")
            let received = try await Self.received(client, bundle, as: caller)
            let early = try await CaseAPITests.call(client, .post, "/api/v1/case-bundles/\(id)/submit", as: caller)
            _ = try await CaseAPITests.call(
                client, .post, "/api/v1/case-bundles/\(id)/materials?materialName=\(Self.articles)", as: caller,
                bytes: CaseAPITests.pdf, type: "application/pdf")
            let submitted = try await CaseAPITests.call(client, .post, "/api/v1/case-bundles/\(id)/submit", as: caller)
            let read = try await CaseAPITests.call(client, .get, "/api/v1/case-bundles/\(id)", as: caller)
            // verify: five draft parts, the licence reaches exactly its users
            let parts = try #require(bundle["parts"] as? [[String: Any]])
            #expect(bundle["name"] as? String == "企业开办一件事" && bundle["state"] as? String == "draft")
            #expect(parts.count == 5)
            #expect(parts.allSatisfy { $0["state"] as? String == "draft" && $0["parentId"] as? String == id })
            #expect(shared.status == .ok, "\(shared.text.prefix(300))")
            #expect(users.count == 4)
            #expect(Set(received.filter { $0.value.contains("营业执照") }.keys) == users)
            #expect(received.values.allSatisfy { $0.filter { $0 == "营业执照" }.count <= 1 })
            try CaseAPITests.expectProblem(early, 422, "cases.materials-missing", "the articles are still missing")
            #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
            let final = try read.object()
            #expect(final["state"] as? String == "submitted")
            let numbers = (final["parts"] as? [[String: Any]] ?? []).compactMap { part -> String? in
                part["state"] as? String == "submitted" ? part["number"] as? String : nil
            }
            #expect(numbers.count == 5 && Set(numbers).count == 5)
            #expect(numbers.allSatisfy { $0.count == 22 })
        }
    }

    @Test("no login is 401; another person, an unknown bundle and a foreign material are refused")
    func refusals() async throws {
        try await CaseAPITests.run { client, _ in
            // setup
            let caller = Caller.person(try await IdentityPagesTests.signIn(client))
            let bundle = try await Self.start(client, as: caller)
            let id = try #require(bundle["id"] as? String)
            _ = try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li)
            let other = Caller.person(
                try await IdentityPagesTests.signIn(
                    client, as: IdentityPagesTests.li["phone"] ?? "", password: IdentityPagesTests.li["password"] ?? "")
            )
            // act + verify
            for (method, path) in [
                (HTTPRequest.Method.post, "/api/v1/bundles/business-start/cases"), (.get, "/api/v1/case-bundles/\(id)"),
                (.post, "/api/v1/case-bundles/\(id)/materials?materialName=\(Self.licence)"),
                (.post, "/api/v1/case-bundles/\(id)/submit"),
            ] {
                let response = try await CaseAPITests.call(client, method, path, as: .nobody, json: Self.form)
                try CaseAPITests.expectProblem(response, 401, "auth.person-required", "\(method) \(path)")
            }
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v1/case-bundles/\(id)"), (.post, "/api/v1/case-bundles/\(id)/submit"),
            ] {
                let response = try await CaseAPITests.call(client, method, path, as: other)
                try CaseAPITests.expectProblem(response, 404, "cases.not-found", "another person: \(path)")
            }
            let unknown = try await CaseAPITests.call(
                client, .post, "/api/v1/bundles/no-such-bundle/cases", as: caller, json: Self.form)
            try CaseAPITests.expectProblem(unknown, 404, "catalog.bundle-not-found")
            let foreign = try await CaseAPITests.call(
                client, .post, "/api/v1/case-bundles/\(id)/materials?materialName=%E7%BB%93%E5%A9%9A%E8%AF%81",
                as: caller, bytes: CaseAPITests.pdf, type: "application/pdf")
            try CaseAPITests.expectProblem(foreign, 422, "cases.unknown-material")
            let stray = try await CaseAPITests.call(
                client, .post, "/api/v1/bundles/business-start/cases", as: caller,
                json: #"{"form":{"applicantName":"张三","registeredCapital":"100"}}"#)
            try CaseAPITests.expectProblem(stray, 422, "cases.form-invalid")
        }
    }
}
