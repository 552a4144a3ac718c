import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension EvaluationService {
    /// A citizen writes a consultation, complaint or suggestion online; it goes to the item's
    /// department, or to the department named, and is due in the kind's working-day limit. The
    /// contact is the account's own name, sealed with the phone for the department's call-back.
    public func submit(_ message: NewInteraction, by citizen: Citizen) async throws -> Interaction {
        let person = try await cases.identity.applicantInClear(citizen.accountID)
        return try await create(
            message, source: .online, accountID: citizen.accountID, contactName: person.name,
            actor: citizen.auditActor)
    }

    /// Staff record a message taken on the phone (热线); supervisors may record for any department.
    public func record(_ message: NewInteraction, by staff: StaffActor) async throws -> Interaction {
        try await organisation.authorize(staff, .evaluationSupervise)
        let name = try Self.text(message.contactName, "来电人姓名", 1...30, code: "contact-name")
        return try await create(message, source: .phone, accountID: nil, contactName: name, actor: staff.auditActor)
    }

    func create(
        _ message: NewInteraction, source: InteractionSource, accountID: UUID?, contactName: String, actor: Actor
    ) async throws -> Interaction {
        let title = try Self.text(message.title, "标题", 2...50, code: "title")
        let content = try Self.text(message.content, "内容", 5...2000, code: "content")
        let phone = message.contactPhone.trimmingCharacters(in: .whitespaces)
        guard MobileNumber.isValid(phone) else {
            throw Self.invalid("contact-phone", "联系电话有误", "请填写11位手机号码，以便部门答复时联系您。")
        }
        guard let subject = try await subject(itemCode: message.itemCode, departmentID: message.departmentID) else {
            throw Self.invalid("subject", "请选择事项或部门", "请选择要咨询、投诉或建议的事项，或选择一个部门。")
        }
        let now = clock.now()
        let id = UUID()
        let number = Self.number(message.kind, day: today)
        let due = try workdaysFromToday(settings.answerLimit(message.kind))
        let sealed = Data(
            try sealer.seal(try ContactCard(name: contactName, phone: phone).json(), context: Self.messageContext(id)))
        return try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO eva_interactions (id, number, kind, source, item_code, item_name, department_id,
                    department_name, title, content, account_id, recorded_by, contact_sealed, contact_name_masked,
                    contact_phone_masked, state, answer_due, created_at, revision)
                VALUES (\(bind: id), \(bind: number), \(bind: message.kind.rawValue), \(bind: source.rawValue),
                    \(bind: subject.itemCode), \(bind: subject.itemName), \(bind: subject.departmentID),
                    \(bind: subject.departmentName), \(bind: title), \(bind: content), \(bind: accountID), \(bind: actor.id),
                    \(bind: sealed), \(bind: Masking.name(contactName)), \(bind: Masking.phone(phone)), 'open',
                    \(bind: due.dayNumber), \(bind: now), 1)
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "evaluation.message-received", objectType: "interaction", objectID: id.uuidString,
                    changeDigest: "\(message.kind.rawValue)/\(source.rawValue)"), in: tx)
            try await deadlineStarted(.answer, of: id, due: due, tx: tx)
            guard let row = try await InteractionRow.load(id, sql: tx.sql) else { throw Self.notFound("留言") }
            return try InteractionRow.interaction(row)
        }
    }

    /// The item (and its department) or the department a message or demand is about; nil when
    /// neither is named or the department is unknown.
    func subject(itemCode: String?, departmentID: UUID?) async throws -> Subject? {
        if let code = itemCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            let item = try await catalog.publishedItem(code: code)
            return Subject(
                itemCode: code, itemName: item.guide.name, departmentID: item.item.departmentID,
                departmentName: item.departmentName)
        }
        guard let departmentID,
            let department = try await organisation.publicDepartments().first(where: { $0.id == departmentID })
        else { return nil }
        return Subject(itemCode: nil, itemName: nil, departmentID: department.id, departmentName: department.name)
    }

    static func messageContext(_ id: UUID) -> String { "eva.message/" + id.uuidString }

    /// `ZX`, `TS` or `JY`, the day, and eight random digits.
    static func number(_ kind: InteractionKind, day: CalendarDay) -> String {
        let prefix =
            switch kind {
            case .consultation: "ZX"
            case .complaint: "TS"
            case .suggestion: "JY"
            }
        let date = String(format: "%04d%02d%02d", day.year, day.month, day.day)
        return prefix + date + String(format: "%08d", Int.random(in: 0..<100_000_000))
    }
}
