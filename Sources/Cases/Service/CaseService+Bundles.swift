public import CasesModel
import CatalogModel
public import Foundation
import Kernel
import SQLKit
import Storage

extension CaseService {
    /// Starts a 一件事 application: one form for the whole bundle, one draft part per item, each
    /// handled by its own department. Every field the parts' forms know is filled once here.
    public func startBundle(code: String, form: FormData, applicant: CaseApplicant? = nil, by actor: CaseActor)
        async throws -> CaseBundle
    {
        try checkSizes(CaseApplication(itemCode: "", form: form))
        let guide = try await catalog.bundleGuide(code: code)
        let (person, channel) = try await applicantAndChannel(applicant, actor: actor)
        var drafts: [NewDraft] = []
        var known: Set<String> = []
        for published in guide.items {
            let itemCode = published.item.businessCode.rawValue
            guard let process = processes.definition(forItem: itemCode) else {
                throw Self.invalid("no-process", "事项暂不能网上申请", "事项 \(itemCode) 没有配置办理流程，请到窗口办理。")
            }
            let fields = Set(process.form.fields.map(\.key))
            known.formUnion(fields)
            let partForm = form.filter { fields.contains($0.key) }
            drafts.append(
                NewDraft(
                    published: published, process: process, applicant: person, channel: channel,
                    application: CaseApplication(itemCode: itemCode, form: partForm)))
        }
        if let unknown = form.keys.sorted().first(where: { !known.contains($0) }) {
            throw Self.invalid("form-invalid", "申请表填写有误", "未知字段：表单中没有“\(unknown.prefix(40))”这一项。")
        }
        let now = clock.now()
        let bundleID = UUID()
        let parts = drafts
        return try await database.transaction { tx in
            if case .staff(let staff) = actor {
                try await organisation.authorize(staff, .casesIntake, department: nil, sql: tx.sql)
            }
            try await tx.sql.raw(
                """
                INSERT INTO case_bundles (id, bundle_code, name, applicant_account, created_by, state, created_at,
                    submitted_at, concluded_at)
                VALUES (\(bind: bundleID), \(bind: guide.bundle.code), \(bind: guide.bundle.name), \(bind: person.accountID),
                    \(bind: actor.auditActor.id), 'draft', \(bind: now), NULL, NULL)
                """
            ).run()
            for draft in parts {
                _ = try await insertDraft(draft, parent: (bundleID, guide.bundle.code), by: actor, at: now, tx: tx)
            }
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.bundle-start", objectType: "case-bundle", objectID: bundleID.uuidString,
                    changeDigest: guide.bundle.code), in: tx)
            return try await loadBundle(bundleID, by: actor, sql: tx.sql)
        }
    }

    /// Uploads one file for every part that asks for a material of this name under its chosen
    /// situations: the bundle guide lists shared materials once, so the applicant hands each in once.
    public func attachBundleMaterial(
        _ bundleID: UUID, materialName: String, fileName: String, mediaType: String, content: Data, by actor: CaseActor
    ) async throws -> CaseBundle {
        try checkFile(mediaType: mediaType, content: content)
        let name = try Self.cleanFileName(fileName)
        let now = clock.now()
        return try await database.transaction { tx in
            let bundle = try await loadBundle(bundleID, by: actor, sql: tx.sql)
            let wanted = BundleGuide.normalised(materialName)
            var targets: [(UUID, String)] = []
            for part in bundle.parts {
                let guide = try await catalog.guide(itemID: part.itemID, version: part.itemVersion)
                // Only where the part's situations ask for it, as the bundle page lists it: a
                // 户口簿 some item needs only for another 情形 is not that part's material.
                let asked = guide.materials(for: Set(part.situations)).filter { $0.source != .department }
                if let material = asked.first(where: { BundleGuide.normalised($0.name) == wanted }) {
                    targets.append((part.id, material.code))
                }
            }
            guard !targets.isEmpty else {
                throw Self.invalid("unknown-material", "材料不属于该一件事", "“\(materialName.prefix(40))”不是该一件事所需的材料。")
            }
            let blob = try await BlobStore.put(content, mediaType: mediaType, at: now, in: tx)
            for (caseID, code) in targets {
                _ = try await receive(
                    caseID, materialCode: code, fileName: name, blob: blob, by: actor, at: now, tx: tx)
            }
            return try await loadBundle(bundleID, by: actor, sql: tx.sql)
        }
    }

    /// Submits every part of the bundle at once; if one part is incomplete, none is submitted.
    public func submitBundle(_ bundleID: UUID, by actor: CaseActor) async throws -> CaseBundle {
        let now = clock.now()
        let autoAcceptDay = try calendar.addingWorkdays(limits.autoAcceptWorkdays, to: CalendarDay(now))
        return try await database.transaction { tx in
            let bundle = try await loadBundle(bundleID, by: actor, sql: tx.sql)
            guard bundle.state == .draft else { throw Self.conflict("not-draft", "该一件事申请已提交，不能重复提交。") }
            for part in bundle.parts where part.state == .draft {
                _ = try await submitDraft(part.id, by: actor, now: now, autoAcceptDay: autoAcceptDay, tx: tx)
            }
            try await tx.sql.raw(
                "UPDATE case_bundles SET state = 'submitted', submitted_at = \(bind: now) WHERE id = \(bind: bundleID)"
            ).run()
            try await audit.append(
                actor.auditActor.entry(
                    action: "cases.bundle-submit", objectType: "case-bundle", objectID: bundleID.uuidString,
                    changeDigest: ""), in: tx)
            return try await loadBundle(bundleID, by: actor, sql: tx.sql)
        }
    }

    /// The bundle with its parts, for its applicant (or the window that started it).
    public func bundle(_ bundleID: UUID, by actor: CaseActor) async throws -> CaseBundle {
        try await database.read { sql in try await loadBundle(bundleID, by: actor, sql: sql) }
    }

    func loadBundle(_ bundleID: UUID, by actor: CaseActor, sql: any SQLDatabase) async throws -> CaseBundle {
        guard
            let row = try await sql.raw(
                """
                SELECT id, bundle_code, name, applicant_account, created_by, state, created_at, submitted_at, concluded_at
                FROM case_bundles WHERE id = \(bind: bundleID)
                """
            ).first()
        else { throw Self.notFound() }
        let account = try row.decode(column: "applicant_account", as: UUID?.self)
        let creator = try row.decode(column: "created_by", as: String.self)
        let allowed =
            switch actor {
            case .system: true
            case .applicant(let id, _, _): account == id
            case .staff: creator == actor.auditActor.id
            }
        guard allowed else { throw Self.notFound() }
        let parts = try await sql.raw(
            "SELECT \(unsafeRaw: CaseRow.columns) FROM case_cases WHERE parent_id = \(bind: bundleID) ORDER BY item_code"
        ).all().map(CaseRow.decode)
        return CaseBundle(
            id: bundleID, code: try row.decode(column: "bundle_code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            state: CaseBundle.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            submittedAt: try row.decode(column: "submitted_at", as: Date?.self),
            concludedAt: try row.decode(column: "concluded_at", as: Date?.self), parts: parts)
    }

    /// Concludes the 一件事 once every part has ended (concluded, rejected or withdrawn).
    func concludeParentIfDone(of part: CaseRecord, at now: Date, tx: Transaction) async throws {
        guard let parentID = part.parentID else { return }
        let open =
            try await tx.sql.raw(
                """
                SELECT COUNT(*) AS n FROM case_cases
                WHERE parent_id = \(bind: parentID) AND state NOT IN ('concluded', 'rejected', 'withdrawn')
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        guard open == 0 else { return }
        try await tx.sql.raw(
            """
            UPDATE case_bundles SET state = 'concluded', concluded_at = \(bind: now)
            WHERE id = \(bind: parentID) AND state <> 'concluded'
            """
        ).run()
        try await notify(part, "所属“一件事”的全部事项均已办结。", tx: tx)
    }
}
