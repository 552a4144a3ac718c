public import Foundation
import Kernel
import SQLKit
public import Storage

extension IdentityService {
    /// Raises the account to L2 when the population registry confirms its name and 身份证号.
    ///
    /// Only the account itself may ask; an account already at L2 or above is left as it is. The
    /// raise, with the registry's method and the time, is recorded and audited.
    @discardableResult
    public func raiseByRegistry(personID: UUID, by actor: Actor) async throws -> RealNameLevel {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "只能为自己的账号实名认证。")
        }
        guard let registry else {
            throw DomainError(
                .unavailable, code: "identity.no-registry", title: "暂不能比对", detail: "本平台尚未接入人口库，请到政务服务窗口现场认证。")
        }
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT name_sealed, id_number_sealed, real_name_level FROM idn_people WHERE id = \(bind: personID)"
                ).first()
            })
        else {
            throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
        }
        let current = RealNameLevel(rawValue: try row.decode(column: "real_name_level", as: Int.self)) ?? .selfDeclared
        if current >= .registryMatched { return current }
        let name = try sealer.open(
            Array(try row.decode(column: "name_sealed", as: Data.self)), context: "idn_people.name")
        let idNumber = try sealer.open(
            Array(try row.decode(column: "id_number_sealed", as: Data.self)), context: "idn_people.id_number")
        switch try await registry.check(name: name, idNumber: idNumber) {
        case .match:
            try await recordRaise(personID, to: .registryMatched, method: registry.method, by: actor)
            return .registryMatched
        case .nameMismatch:
            throw DomainError(
                .invalid, code: "identity.registry-mismatch", title: "人口库比对不一致",
                detail: "姓名与身份证号在人口库中不一致。请核对注册信息，或携带身份证到政务服务窗口办理。")
        case .notFound:
            throw DomainError(
                .invalid, code: "identity.registry-not-found", title: "人口库中未找到",
                detail: "人口库中没有这个身份证号的记录。请携带身份证到政务服务窗口现场认证。")
        }
    }

    private func recordRaise(_ personID: UUID, to level: RealNameLevel, method: String, by actor: Actor) async throws {
        let now = clock.now()
        let digest = try audit.digest(of: ["level": String(level.rawValue), "method": method])
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE idn_people SET real_name_level = \(bind: level.rawValue), updated_at = \(bind: now)
                WHERE id = \(bind: personID) AND real_name_level < \(bind: level.rawValue)
                """
            ).run()
            try await tx.sql.raw(
                """
                INSERT INTO idn_real_name_events (id, person_id, level, method, occurred_at)
                VALUES (\(bind: UUID()), \(bind: personID), \(bind: level.rawValue), \(bind: method), \(bind: now))
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.real-name-raised", objectType: "person", objectID: personID.uuidString,
                    changeDigest: digest), in: tx)
        }
    }

    /// The account's real-name history, oldest first: level, method and time of each raise.
    public func realNameHistory(_ personID: UUID) async throws -> [RealNameEvent] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT level, method, occurred_at FROM idn_real_name_events
                WHERE person_id = \(bind: personID) ORDER BY occurred_at, level
                """
            ).all()
        }.map { row in
            RealNameEvent(
                level: RealNameLevel(rawValue: try row.decode(column: "level", as: Int.self)) ?? .selfDeclared,
                method: try row.decode(column: "method", as: String.self),
                occurredAt: try row.decode(column: "occurred_at", as: Date.self))
        }
    }
}

/// One step of an account's real-name history.
public struct RealNameEvent: Sendable, Equatable, Codable {
    /// The level reached.
    public var level: RealNameLevel
    /// How it was proven: `self-declared`, `registry:database`, …
    public var method: String
    /// When.
    public var occurredAt: Date
}
