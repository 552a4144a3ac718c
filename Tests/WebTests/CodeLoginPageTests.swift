import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing

/// 短信验证码登录 through the pages, with the code taken from the development SMS channel.
@Suite("SMS code login page")
struct CodeLoginPageTests {
    @Test("asking for a code sends an urgent SMS; the code logs in and works once")
    func codeLogin() async throws {
        try await TestServer.run { client, platform in
            // act
            let asked = try await IdentityPagesTests.post(client, "/login/code", ["phone": "13800000000"])
            let message = try #require(try await platform.messaging.recent(limit: 1).first)
            let code = String(message.body.filter(\.isNumber).prefix(6))
            let verified = try await IdentityPagesTests.post(
                client, "/login/code/verify", ["phone": "13800000000", "code": code])
            let reused = try await IdentityPagesTests.post(
                client, "/login/code/verify", ["phone": "13800000000", "code": code])
            // verify
            #expect(asked.status == .ok)
            #expect(asked.text.contains("验证码已发送"))
            #expect(message.urgent)
            #expect(message.recipientMasked == "138****0000")
            #expect(verified.status == .seeOther)
            #expect(verified.headers[.location] == "/me")
            #expect(IdentityPagesTests.sessionCookie(verified) != nil)
            #expect(reused.status == .unauthorized)
            #expect(reused.text.contains("验证码错误或已过期"))
        }
    }

    @Test("a malformed phone is refused in Chinese and nothing is sent")
    func badPhone() async throws {
        try await TestServer.run { client, platform in
            let before = try await platform.messaging.recent(limit: 200).count
            let response = try await IdentityPagesTests.post(client, "/login/code", ["phone": "12345"])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("手机号码格式不正确"))
            #expect(try await platform.messaging.recent(limit: 200).count == before)
        }
    }
}
