public import CasesModel
import CatalogModel
public import Foundation
import Identity
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Saves a new draft application for a published item (草稿); nothing is checked but sizes, so
    /// an applicant can stop half-way.
    ///
    /// An applicant files for themselves; a window clerk (`cases.intake`) files for `applicant`, who
    /// need not have an account (一窗受理), and the case's channel is then the window.
    public func saveDraft(_ application: CaseApplication, applicant: CaseApplicant? = nil, by actor: CaseActor)
        async throws -> CaseRecord
    {
        try checkSizes(application)
        let published = try await catalog.publishedItem(code: application.itemCode)
        let (person, channel) = try await applicantAndChannel(applicant, actor: actor)
        guard let process = processes.definition(forItem: application.itemCode) else {
            throw Self.invalid("no-process", "事项暂不能网上申请", "事项 \(application.itemCode) 没有配置办理流程，请到窗口办理。")
        }
        let known = Set(published.guide.situations.map(\.code))
        guard application.situations.allSatisfy(known.contains) else {
            throw Self.invalid("unknown-situation", "情形有误", "所选情形不属于该事项，请重新选择。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            if case .staff(let staff) = actor {
                try await organisation.authorize(staff, .casesIntake, department: nil, sql: tx.sql)
            }
            let draft = NewDraft(
                published: published, process: process, applicant: person, channel: channel, application: application)
            let id = try await insertDraft(draft, parent: nil, by: actor, at: now, tx: tx)
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.draft", objectType: "case", objectID: id.uuidString,
                    changeDigest: try audit.digest(of: application)), in: tx)
            return try await reload(id, tx: tx)
        }
    }

    /// Writes a draft row and its `drafted` event; returns its id.
    func insertDraft(
        _ draft: NewDraft, parent: (id: UUID, code: String)?, by actor: CaseActor, at now: Date, tx: Transaction
    )
        async throws -> UUID
    {
        let id = UUID()
        let (published, person, application) = (draft.published, draft.applicant, draft.application)
        let guide = published.guide
        let sealedApplicant = try sealer.seal(try json(person), context: "case_cases.applicant")
        let sealedForm = try sealForm(application.form)
        let masked = Masking.self
        try await tx.sql.raw(
            """
            INSERT INTO case_cases (id, number, parent_id, bundle_code, item_id, item_code, item_version, item_name,
                department_id, division_code, process_id, process_revision, applicant_account, applicant_kind,
                applicant_name_masked, applicant_id_masked, applicant_sealed, applicant_id_index, form_sealed,
                situations, state, outcome, origin_channel, last_channel, legal_days, legal_unit, promised_days,
                promised_unit, deadline_day, created_by, created_at, submitted_at, accepted_at, concluded_at,
                updated_at, revision)
            VALUES (\(bind: id), NULL, \(bind: parent?.id), \(bind: parent?.code), \(bind: published.item.id),
                \(bind: application.itemCode), \(bind: published.version.number), \(bind: guide.name),
                \(bind: published.item.departmentID), \(bind: published.item.divisionCode.rawValue),
                \(bind: draft.process.id), \(bind: draft.process.revision), \(bind: person.accountID),
                \(bind: person.kind.rawValue), \(bind: masked.name(person.name)), \(bind: masked.idNumber(person.idNumber)),
                \(bind: Data(sealedApplicant)), \(bind: idIndex(person.idNumber)), \(bind: Data(sealedForm)),
                \(bind: try json(application.situations)), 'draft', NULL, \(bind: draft.channel.rawValue),
                \(bind: draft.channel.rawValue), \(bind: guide.legalTimeLimit?.days), \(bind: guide.legalTimeLimit?.unit.rawValue),
                \(bind: guide.promisedTimeLimit.days), \(bind: guide.promisedTimeLimit.unit.rawValue), NULL,
                \(bind: actor.auditActor.id), \(bind: now), NULL, NULL, NULL, \(bind: now), 1)
            """
        ).run()
        try await EventRow.append(
            .drafted, caseID: id, detail: CaseEventDetail(channel: draft.channel), actor: actor.auditActor.id,
            channel: actor.channelName, at: now, tx: tx)
        return id
    }

    /// Replaces a draft's form and situations; only the draft's applicant (or the window that
    /// started it) may.
    public func updateDraft(_ caseID: UUID, form: FormData, situations: [String], by actor: CaseActor) async throws
        -> CaseRecord
    {
        try checkSizes(CaseApplication(itemCode: "", form: form, situations: situations))
        let sealedForm = try sealForm(form)
        let now = clock.now()
        return try await database.transaction { tx in
            let record = try await loadForCommand(caseID, by: actor, tx: tx)
            guard record.state == .draft || record.state == .correction else {
                throw Self.conflict("not-editable", "办件已提交，不能再修改申请表；如需补正，请等待一次性告知。")
            }
            try await tx.sql.raw(
                """
                UPDATE case_cases SET form_sealed = \(bind: Data(sealedForm)), situations = \(bind: try json(situations)),
                    updated_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: caseID)
                """
            ).run()
            try await noteChannel(record, actor: actor, at: now, tx: tx)
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.draft-update", objectType: "case", objectID: caseID.uuidString,
                    changeDigest: try audit.digest(of: form)), in: tx)
            guard let updated = try await CaseRow.load(caseID, tx: tx) else { throw Self.notFound() }
            return updated
        }
    }

    func applicantAndChannel(_ given: CaseApplicant?, actor: CaseActor) async throws -> (CaseApplicant, CaseChannel) {
        switch actor {
        case .applicant(let accountID, let channel, _):
            let person = try await identity.applicantInClear(accountID)
            return (
                CaseApplicant(
                    accountID: accountID, kind: .person, name: person.name, idNumber: person.idNumber,
                    phone: person.phone),
                channel
            )
        case .staff:
            guard let given else {
                throw Self.invalid("applicant-required", "请填写申请人", "窗口代为申请时须填写申请人的姓名、身份证号和联系电话。")
            }
            try checkApplicant(given)
            return (given, .window)
        case .system:
            throw DomainError(.forbidden, code: "cases.forbidden", title: "无权操作", detail: "系统不能代替申请人提交申请。")
        }
    }

    func checkApplicant(_ applicant: CaseApplicant) throws {
        let name = applicant.name.trimmingCharacters(in: .whitespaces)
        guard (1...50).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw Self.invalid("applicant-name", "申请人姓名有误", "请填写申请人姓名（50字以内）。") }
        if applicant.kind == .person {
            guard (try? ResidentIDNumber(applicant.idNumber, clock: clock)) != nil else {
                throw Self.invalid("applicant-id", "身份证号不正确", "请核对申请人的18位居民身份证号码。")
            }
        }
        guard MobileNumber.isValid(applicant.phone) else {
            throw Self.invalid("applicant-phone", "联系电话有误", "请填写申请人的11位手机号码。")
        }
    }

    func checkSizes(_ application: CaseApplication) throws {
        let total = application.form.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        guard total <= 64 * 1024, application.form.count <= 200, application.situations.count <= 50 else {
            throw Self.invalid("too-large", "申请内容过多", "申请表内容超过 64 KB，请精简后再提交。")
        }
    }

    func sealForm(_ form: FormData) throws -> [UInt8] {
        try sealer.seal(try json(form), context: "case_cases.form")
    }

    func openForm(_ caseID: UUID, sql: any SQLDatabase) async throws -> FormData {
        guard let row = try await sql.raw("SELECT form_sealed FROM case_cases WHERE id = \(bind: caseID)").first()
        else {
            throw Self.notFound()
        }
        let text = try sealer.open(
            Array(try row.decode(column: "form_sealed", as: Data.self)), context: "case_cases.form")
        return try JSONDecoder().decode(FormData.self, from: Data(text.utf8))
    }

    func openApplicant(_ caseID: UUID, sql: any SQLDatabase) async throws -> CaseApplicant {
        guard let row = try await sql.raw("SELECT applicant_sealed FROM case_cases WHERE id = \(bind: caseID)").first()
        else { throw Self.notFound() }
        let text = try sealer.open(
            Array(try row.decode(column: "applicant_sealed", as: Data.self)), context: "case_cases.applicant")
        return try JSONDecoder().decode(CaseApplicant.self, from: Data(text.utf8))
    }

    func idIndex(_ idNumber: String) -> String {
        sealer.blindIndex(idNumber.uppercased(), context: "idn_people.id_number")
    }

    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// What a new draft is made of.
struct NewDraft {
    var published: PublishedItem
    var process: ProcessDefinition
    var applicant: CaseApplicant
    var channel: CaseChannel
    var application: CaseApplication
}
