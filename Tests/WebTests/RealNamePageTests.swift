import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 实名认证 from 个人中心: the demo citizen is in the demo population registry.
@Suite("Real-name page")
struct RealNamePageTests {
    @Test("the demo citizen raises L1 to L2 by registry check, and the page shows level and history")
    func raiseToL2() async throws {
        try await TestServer.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let before = try await IdentityPagesTests.get(client, "/me", session: session)
            // act
            let raised = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: session)
            let after = try await IdentityPagesTests.get(client, "/me?raised=2", session: session)
            let again = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: session)
            // verify
            #expect(before.text.contains("L1 自主声明"))
            #expect(before.text.contains("通过人口库比对提升到 L2"))
            #expect(raised.status == .seeOther)
            #expect(raised.headers[.location] == "/me?raised=2")
            #expect(after.text.contains("实名等级已提升到 L2"))
            #expect(after.text.contains("L2 人口库比对"))
            #expect(after.text.contains("（人口库比对）"))
            #expect(!after.text.contains("通过人口库比对提升到 L2"))
            #expect(again.status == .seeOther)
        }
    }

    @Test("someone the registry does not know stays at L1 and is told what to do")
    func notInRegistry() async throws {
        try await TestServer.run { client, _ in
            let register = try await IdentityPagesTests.post(
                client, "/register",
                ["name": "钱七", "idNumber": "130102198511124560", "phone": "13612345678", "password": "钱七办事2026"])
            let session = try IdentityPagesTests.token(register)

            let response = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: session)

            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("人口库中未找到"))
            #expect(response.text.contains("L1 自主声明"))
        }
    }

    @Test("without a session the raise goes to the login page")
    func needsLogin() async throws {
        try await TestServer.run { client, _ in
            let response = try await IdentityPagesTests.post(client, "/me/real-name/registry")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=/me")
        }
    }
}
