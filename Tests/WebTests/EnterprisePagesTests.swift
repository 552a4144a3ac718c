import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 我的企业 and 经办人 management through the real pages, on the demo enterprise.
@Suite("Enterprise pages")
struct EnterprisePagesTests {
    @Test("the representative sees the company, authorises an L2 agent and revokes them; the agent sees it too")
    func representativeManagesAgents() async throws {
        try await TestServer.run { client, _ in
            // setup: 李四 registers and passes the registry check, so he is L2
            let li = try IdentityPagesTests.token(
                try await IdentityPagesTests.post(
                    client, "/register",
                    ["name": "李四", "idNumber": "13010219900307125X", "phone": "13912345678", "password": "桥西区办事2026"]))
            _ = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: li)
            let zhang = try await IdentityPagesTests.signIn(client)
            // act
            let mine = try await IdentityPagesTests.get(client, "/me/enterprises", session: zhang)
            let link = try #require(
                mine.text.range(of: #"/me/enterprises/[0-9A-F-]{36}"#, options: .regularExpression).map {
                    String(mine.text[$0])
                })
            let granted = try await IdentityPagesTests.post(
                client, link + "/agents", ["agent": "13912345678", "scope": "*", "validUntil": "2025-12-31"],
                session: zhang)
            let detail = try await IdentityPagesTests.get(client, link, session: zhang)
            let liSees = try await IdentityPagesTests.get(client, "/me/enterprises", session: li)
            let grantID = try #require(
                detail.text.range(of: #"agents/[0-9A-F-]{36}/revoke"#, options: .regularExpression).map {
                    String(detail.text[$0].dropFirst(7).prefix(36))
                })
            let refused = try await IdentityPagesTests.post(
                client, link + "/agents", ["agent": "13912345678", "scope": "*", "validUntil": "2020-01-01"],
                session: zhang)
            let liTries = try await IdentityPagesTests.get(client, link, session: li)
            let revoked = try await IdentityPagesTests.post(
                client, link + "/agents/\(grantID)/revoke", ["reason": "离职"], session: zhang)
            let after = try await IdentityPagesTests.get(client, link, session: zhang)
            // verify
            #expect(mine.text.contains("演示市政通科技有限公司") && mine.text.contains("法定代表人"))
            #expect(granted.status == .seeOther)
            #expect(
                detail.text.contains("李*") && detail.text.contains("139****5678")
                    && !detail.text.contains("13912345678"))
            #expect(liSees.text.contains("演示市政通科技有限公司") && liSees.text.contains("经办人"))
            #expect(refused.status.code >= 400 && refused.text.contains("form-error"))
            #expect(liTries.status == .forbidden, "an agent does not manage the company's agents")
            #expect(revoked.status == .seeOther && after.text.contains("已撤销"))
        }
    }

    @Test("registering an enterprise needs L2 and the registry's confirmation")
    func registration() async throws {
        try await TestServer.run { client, _ in
            let zhang = try await IdentityPagesTests.signIn(client)
            let atL1 = try await IdentityPagesTests.post(
                client, "/me/enterprises", ["creditCode": "91130100MA0DEMX21E", "name": "演示市政通科技有限公司"],
                session: zhang)
            #expect(atL1.status.code >= 400 && atL1.text.contains("L2"))
        }
    }
}
