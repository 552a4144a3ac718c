import Foundation
public import Kernel
import SQLKit
public import Storage

/// Legal-person accounts (法人): registration by the legal representative, agents (经办人), and
/// the question other services ask before a person acts for an enterprise.
///
/// People act through `Actor` (their account id); staff through `StaffActor`, checked against
/// `enterprise.manage` inside the command's transaction, so no door into the service skips it.
public struct EnterpriseService: Sendable {
    let database: any Database
    let audit: AuditLog
    let sealer: FieldSealer
    let clock: any Clock
    let registry: (any EnterpriseRegistry)?
    let organisation: OrganisationService

    /// Creates the service; without a registry, registration is refused as unavailable.
    public init(
        database: any Database, audit: AuditLog, sealer: FieldSealer, clock: any Clock,
        registry: (any EnterpriseRegistry)?, organisation: OrganisationService
    ) {
        self.database = database
        self.audit = audit
        self.sealer = sealer
        self.clock = clock
        self.registry = registry
        self.organisation = organisation
    }

    /// Registers an enterprise with the acting person as its legal representative (法人注册).
    ///
    /// The person must be at L2 or above, and the enterprise registry must confirm the code, the
    /// name and that the person's 身份证号 is the representative's. Registration and its audit
    /// entry commit together.
    public func registerEnterprise(_ command: RegisterEnterprise, by actor: Actor) async throws -> Enterprise {
        let personID = try Self.person(actor)
        let code = try UnifiedSocialCreditCode(command.creditCode.trimmingCharacters(in: .whitespaces))
        let name = command.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...100).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw DomainError(
                .invalid, code: "identity.enterprise-name", title: "企业名称不正确", detail: "请按营业执照填写企业名称（2 至 100 个字）。")
        }
        guard let registry else {
            throw DomainError(
                .unavailable, code: "identity.no-enterprise-registry", title: "暂不能核验",
                detail: "本平台尚未接入企业登记库，暂不能在线注册法人账号，请到政务服务窗口办理。")
        }
        let person = try await representative(personID)
        guard person.level >= .registryMatched else {
            throw DomainError(
                .forbidden, code: "identity.enterprise-level", title: "实名等级不足",
                detail: "注册法人账号须由法定代表人本人办理，且账号须达到 L2（人口库比对）。请先在个人中心完成实名认证。")
        }
        if try await enterpriseID(creditCode: code.rawValue) != nil { throw Self.alreadyRegistered }
        switch try await registry.check(creditCode: code.rawValue, name: name, representativeIDNumber: person.idNumber)
        {
        case .match: break
        case .notFound:
            throw DomainError(
                .invalid, code: "identity.enterprise-not-found", title: "企业登记库中未找到",
                detail: "企业登记库中没有这个统一社会信用代码。请核对营业执照；新设立的企业可能尚未同步，请稍后再试或到窗口办理。")
        case .nameMismatch:
            throw DomainError(
                .invalid, code: "identity.enterprise-name-mismatch", title: "企业名称不一致",
                detail: "企业名称与企业登记库不一致。请按营业执照上的名称完整填写，包括括号。")
        case .representativeMismatch:
            throw DomainError(
                .forbidden, code: "identity.not-representative", title: "不是法定代表人",
                detail: "企业登记库显示您不是该企业的法定代表人。法人账号须由法定代表人本人注册；如已变更法定代表人，请先办理变更登记。")
        }
        let now = clock.now()
        let enterprise = Enterprise(
            id: UUID(), creditCode: code.rawValue, name: name, representativeID: personID,
            representativeNameMasked: Masking.name(person.name), status: .active, statusReason: nil,
            confirmedBy: registry.method, createdAt: now, updatedAt: now)
        let sealedName = try sealer.seal(person.name, context: Self.representativeNameContext)
        let digest = try audit.digest(of: enterprise)
        try await database.transaction { tx in
            try await insert(enterprise, sealedName: sealedName, tx: tx)
            try await audit.append(
                actor.entry(
                    action: "identity.enterprise-register", objectType: "enterprise",
                    objectID: enterprise.id.uuidString, changeDigest: digest), in: tx)
        }
        return enterprise
    }

    /// The person behind `actor`: only person accounts act here, staff use the `StaffActor` doors.
    static func person(_ actor: Actor) throws -> UUID {
        guard let id = UUID(uuidString: actor.id) else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "请使用个人账号登录后办理。")
        }
        return id
    }

    static let representativeNameContext = "idn_enterprises.representative_name"

    static let alreadyRegistered = DomainError(
        .conflict, code: "identity.enterprise-exists", title: "企业已注册",
        detail: "该统一社会信用代码已注册法人账号。如您是新任法定代表人，请到政务服务窗口办理变更。")

    /// Inserts the row; the unique code settles a race between two registrations of one enterprise.
    func insert(_ enterprise: Enterprise, sealedName: [UInt8], tx: Transaction) async throws {
        if try await tx.sql.raw(
            "SELECT id FROM idn_enterprises WHERE credit_code = \(bind: enterprise.creditCode)"
        ).first() != nil {
            throw Self.alreadyRegistered
        }
        try await tx.sql.raw(
            """
            INSERT INTO idn_enterprises (id, credit_code, name, representative_id, representative_name_sealed,
                representative_name_masked, status, status_reason, confirmed_by, created_at, updated_at)
            VALUES (\(bind: enterprise.id), \(bind: enterprise.creditCode), \(bind: enterprise.name),
                \(bind: enterprise.representativeID), \(bind: Data(sealedName)),
                \(bind: enterprise.representativeNameMasked), \(bind: enterprise.status.rawValue),
                \(bind: enterprise.statusReason), \(bind: enterprise.confirmedBy), \(bind: enterprise.createdAt),
                \(bind: enterprise.updatedAt))
            """
        ).run()
    }

    private func enterpriseID(creditCode: String) async throws -> UUID? {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM idn_enterprises WHERE credit_code = \(bind: creditCode)").first()
        }.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The would-be representative's name, number and level, opened for the registry check only.
    private func representative(_ personID: UUID) async throws -> (name: String, idNumber: String, level: RealNameLevel)
    {
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT name_sealed, id_number_sealed, real_name_level FROM idn_people WHERE id = \(bind: personID)"
                ).first()
            })
        else {
            throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
        }
        return (
            try sealer.open(Array(try row.decode(column: "name_sealed", as: Data.self)), context: "idn_people.name"),
            try sealer.open(
                Array(try row.decode(column: "id_number_sealed", as: Data.self)), context: "idn_people.id_number"),
            RealNameLevel(rawValue: try row.decode(column: "real_name_level", as: Int.self)) ?? .selfDeclared
        )
    }
}
