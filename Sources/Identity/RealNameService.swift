public import Foundation
public import Kernel
import SQLKit
public import Storage

/// Real-name raises beyond the population registry: L3 by face verification (实人认证) and L4 in
/// person at a counter. The L2 registry check stays on `IdentityService`.
public struct RealNameService: Sendable {
    let database: any Database
    let audit: AuditLog
    let sealer: FieldSealer
    let clock: any Clock
    let faceVerifier: (any FaceVerifier)?
    let organisation: OrganisationService

    /// How long a face-verification attempt stays open.
    public static let attemptLifetime: TimeInterval = 10 * 60
    /// How many attempts a person may start in 24 hours (each costs a provider call).
    public static let attemptsPerDay = 5

    /// Creates the service; without a face verifier, L3 is not offered.
    public init(
        database: any Database, audit: AuditLog, sealer: FieldSealer, clock: any Clock,
        faceVerifier: (any FaceVerifier)?, organisation: OrganisationService
    ) {
        self.database = database
        self.audit = audit
        self.sealer = sealer
        self.clock = clock
        self.faceVerifier = faceVerifier
        self.organisation = organisation
    }

    /// Whether face verification is offered.
    public var offersFaceVerification: Bool { faceVerifier != nil }

    /// The notice to show on face-verification pages, such as the development verifier's
    /// `演示环境，未进行真实人脸核验`.
    public var faceNotice: String? { faceVerifier?.notice }

    /// The account's level and sealed identity, or `notFound`.
    func person(_ personID: UUID, sql: any SQLDatabase) async throws -> (
        level: RealNameLevel, name: String, idNumber: String
    ) {
        guard
            let row = try await sql.raw(
                "SELECT name_sealed, id_number_sealed, real_name_level FROM idn_people WHERE id = \(bind: personID)"
            ).first()
        else {
            throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
        }
        let level = RealNameLevel(rawValue: try row.decode(column: "real_name_level", as: Int.self)) ?? .selfDeclared
        let name = try sealer.open(
            Array(try row.decode(column: "name_sealed", as: Data.self)), context: "idn_people.name")
        let idNumber = try sealer.open(
            Array(try row.decode(column: "id_number_sealed", as: Data.self)), context: "idn_people.id_number")
        return (level, name, idNumber)
    }

    /// Raises the account to `level` within `tx` when it is below, recording the method and time.
    /// Returns the level the account holds afterwards.
    ///
    /// The same writes as `IdentityService.recordRaise`, which is private to that service.
    func raise(
        _ personID: UUID, to level: RealNameLevel, method: String, at now: Date, tx: Transaction
    ) async throws -> RealNameLevel {
        let raised = try await tx.sql.raw(
            """
            UPDATE idn_people SET real_name_level = \(bind: level.rawValue), updated_at = \(bind: now)
            WHERE id = \(bind: personID) AND real_name_level < \(bind: level.rawValue) RETURNING id
            """
        ).first()
        guard raised != nil else {
            let row = try await tx.sql.raw("SELECT real_name_level FROM idn_people WHERE id = \(bind: personID)")
                .first()
            return RealNameLevel(rawValue: try row?.decode(column: "real_name_level", as: Int.self) ?? 0) ?? level
        }
        try await tx.sql.raw(
            """
            INSERT INTO idn_real_name_events (id, person_id, level, method, occurred_at)
            VALUES (\(bind: UUID()), \(bind: personID), \(bind: level.rawValue), \(bind: method), \(bind: now))
            """
        ).run()
        return level
    }
}
