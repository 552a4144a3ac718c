import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 人脸核验 (L3) through the real pages with the demo server's development verifier.
@Suite("Face verification pages")
struct FaceVerificationPageTests {
    @Test("L2 citizen raises to L3 from 个人中心; the development verifier says it checks nothing")
    func raiseToL3() async throws {
        try await TestServer.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let atL1 = try await IdentityPagesTests.get(client, "/me", session: session)
            _ = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: session)
            let atL2 = try await IdentityPagesTests.get(client, "/me", session: session)
            // act
            let started = try await IdentityPagesTests.post(client, "/me/real-name/face", session: session)
            let back = try #require(started.headers[.location])
            let completed = try await IdentityPagesTests.get(client, back, session: session)
            let atL3 = try await IdentityPagesTests.get(client, "/me?raised=3", session: session)
            // verify
            #expect(!atL1.text.contains("人脸核验，提升到 L3"), "L1 must pass the registry check first")
            #expect(atL2.text.contains("人脸核验，提升到 L3") && atL2.text.contains("演示环境，未进行真实人脸核验"))
            #expect(started.status == .seeOther && back.hasPrefix("/me/real-name/face/"))
            #expect(completed.status == .seeOther && completed.headers[.location] == "/me?raised=3")
            #expect(atL3.text.contains("实名等级已提升到 L3") && atL3.text.contains("L3 人脸核验"))
        }
    }

    @Test("an application asking for L3 offers face verification and gets the person back")
    func stepUpToL3() async throws {
        try await TestServer.run { client, _ in
            let (id, _) = try await OIDCRoutesTests.registerClient(client)
            let session = try await IdentityPagesTests.signIn(client)
            _ = try await IdentityPagesTests.post(client, "/me/real-name/registry", session: session)
            let authorize = OIDCRoutesTests.authorizePath(id, extra: "&acr_values=L3")

            let stepUp = try await IdentityPagesTests.get(client, authorize, session: session)
            let next = try #require(OIDCRoutesTests.hiddenFields(stepUp.text)["next"])
            let started = try await IdentityPagesTests.post(
                client, "/me/real-name/face", ["next": next], session: session)
            let completed = try await IdentityPagesTests.get(
                client, try #require(started.headers[.location]), session: session)

            #expect(stepUp.status == .forbidden && stepUp.text.contains("人脸核验，提升到 L3"))
            #expect(completed.headers[.location] == next)
            let consent = try await IdentityPagesTests.get(client, next, session: session)
            #expect(consent.text.contains("授权确认") && consent.text.contains("L3 人脸核验"))
        }
    }
}
