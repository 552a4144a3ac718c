public import Foundation
public import Kernel
import SQLKit
public import Storage

/// Accounts of natural persons, password login, and sessions.
public struct IdentityService: Sendable {
    let database: any Database
    let audit: AuditLog
    let sealer: FieldSealer
    let clock: any Clock
    let policy: PasswordPolicy
    let hasher: PasswordHasher
    let throttle = LoginThrottle()
    let sessions: SessionPolicy
    let divisions: DivisionTable
    let registry: (any PopulationRegistry)?
    let codeSender: (any LoginCodeSender)?
    /// Compared against when no account matches, so both paths cost one bcrypt verification.
    let absentAccountHash: String

    /// Creates the service.
    public init(
        database: any Database, audit: AuditLog, sealer: FieldSealer, clock: any Clock,
        hasher: PasswordHasher = PasswordHasher(), sessions: SessionPolicy = SessionPolicy(),
        divisions: DivisionTable, registry: (any PopulationRegistry)? = nil,
        codeSender: (any LoginCodeSender)? = nil
    ) {
        self.database = database
        self.audit = audit
        self.sealer = sealer
        self.clock = clock
        self.policy = PasswordPolicy()
        self.hasher = hasher
        self.sessions = sessions
        self.divisions = divisions
        self.registry = registry
        self.codeSender = codeSender
        self.absentAccountHash = hasher.hash(UUID().uuidString)
    }

    /// Opens an account at L1 (self-declared) after checking the numbers and the password.
    public func register(_ command: RegisterPerson, context: LoginContext) async throws -> PersonProfile {
        let name = command.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...30).contains(name.count), name.allSatisfy(Self.isNameCharacter) else {
            throw DomainError(.invalid, code: "identity.bad-name", title: "姓名不正确", detail: "请填写与身份证一致的姓名（2 至 30 个字）。")
        }
        let id = try ResidentIDNumber(
            command.idNumber.uppercased(), today: CalendarDay(clock.now()), divisions: divisions)
        let phone = try Phone(command.phone)
        try policy.check(command.password, personal: [phone.digits, id.rawValue])
        let hash = hasher.hash(command.password)
        let now = clock.now()
        let person = PersonProfile(
            id: UUID(), nameMasked: Masking.name(name), idNumberMasked: id.masked,
            phoneMasked: Masking.phone(phone.digits), realNameLevel: .selfDeclared, createdAt: now)
        let sealed = try PersonSeals(name: name, idNumber: id.rawValue, phone: phone.digits, sealer: sealer)
        let actor = Actor(id: person.id.uuidString, channel: context.channel, clientAddress: context.clientAddress)
        let digest = try audit.digest(of: person)
        try await database.transaction { tx in
            if try await tx.sql.raw(
                "SELECT id FROM idn_people WHERE id_number_index = \(bind: sealed.idNumberIndex) OR phone_index = \(bind: sealed.phoneIndex)"
            ).first() != nil {
                throw DomainError(
                    .conflict, code: "identity.already-registered", title: "账号已存在",
                    detail: "该身份证号或手机号已注册。请直接登录；忘记密码请到窗口或用短信验证码找回。")
            }
            try await insert(person, sealed: sealed, passwordHash: hash, now: now, tx: tx)
            try await audit.append(
                actor.entry(
                    action: "identity.register", objectType: "person", objectID: person.id.uuidString,
                    changeDigest: digest),
                in: tx)
        }
        return person
    }

    /// Letters of any script (Chinese numerals such as 三 and rare ideographs are letters), with their
    /// combining marks, spaces and the middle dot of minority names. Digits of any width, emoji and
    /// invisible controls (a right-to-left override would show the name differently from what is
    /// stored) are refused.
    static func isNameCharacter(_ character: Character) -> Bool {
        if character == " " || character == "·" { return true }
        return character.unicodeScalars.enumerated().allSatisfy { offset, scalar in
            let properties = scalar.properties
            return properties.isAlphabetic
                || (offset > 0 && [.nonspacingMark, .spacingMark].contains(properties.generalCategory))
        }
    }

    private func insert(_ person: PersonProfile, sealed: PersonSeals, passwordHash: String, now: Date, tx: Transaction)
        async throws
    {
        try await tx.sql.raw(
            """
            INSERT INTO idn_people (id, name_sealed, name_masked, id_number_sealed, id_number_index, id_number_masked,
                phone_sealed, phone_index, phone_masked, password_hash, real_name_level, created_at, updated_at)
            VALUES (\(bind: person.id), \(bind: Data(sealed.name)), \(bind: person.nameMasked), \(bind: Data(sealed.idNumber)),
                \(bind: sealed.idNumberIndex), \(bind: person.idNumberMasked), \(bind: Data(sealed.phone)),
                \(bind: sealed.phoneIndex), \(bind: person.phoneMasked), \(bind: passwordHash),
                \(bind: person.realNameLevel.rawValue), \(bind: now), \(bind: now))
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO idn_real_name_events (id, person_id, level, method, occurred_at)
            VALUES (\(bind: UUID()), \(bind: person.id), \(bind: person.realNameLevel.rawValue), 'self-declared', \(bind: now))
            """
        ).run()
    }

    /// The account's own profile, masked.
    public func profile(_ personID: UUID) async throws -> PersonProfile {
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT id, name_masked, id_number_masked, phone_masked, real_name_level, created_at
                    FROM idn_people WHERE id = \(bind: personID)
                    """
                ).first()
            })
        else {
            throw DomainError(.notFound, code: "identity.no-account", title: "账号不存在", detail: "没有找到这个账号。")
        }
        return try Self.profile(row)
    }

    /// A profile from a row of `idn_people` holding the masked columns.
    static func profile(_ row: any SQLRow) throws -> PersonProfile {
        PersonProfile(
            id: try row.decode(column: "id", as: UUID.self),
            nameMasked: try row.decode(column: "name_masked", as: String.self),
            idNumberMasked: try row.decode(column: "id_number_masked", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String.self),
            realNameLevel: RealNameLevel(rawValue: try row.decode(column: "real_name_level", as: Int.self))
                ?? .selfDeclared,
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
