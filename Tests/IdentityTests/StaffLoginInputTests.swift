import Foundation
import Identity
import Kernel
import StorageTesting
import Testing

@Suite("Staff login input")
struct StaffLoginInputTests {
    @Test(
        "a username no account can have is refused like a wrong password, never a server error",
        arguments: TestDatabase.available)
    func impossibleUsername(kind: TestDatabase) async throws {
        try await OrganisationFixture.with(kind) { fixture in
            for username in ["ad\u{0}min", String(repeating: "a", count: 40), "管理员", "a b"] {
                let error = await domainError {
                    try await fixture.service.beginStaffLogin(
                        username: username, password: "whatever-2026", context: IdentityFixture.web)
                }
                #expect(error?.kind == .unauthenticated, "\(username.debugDescription)")
            }
        }
    }
}
