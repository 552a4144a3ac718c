public import CasesModel
import CatalogModel
public import Foundation
public import Identity
import Kernel
import SQLKit
public import Storage

extension CaseService {
    /// Attaches an uploaded file as material `materialCode` of the case (a draft, or a case waiting
    /// for correction or for a 容缺 material); the file goes to the blob store under its SHA-256.
    @discardableResult
    public func attachMaterial(
        _ caseID: UUID, materialCode: String, fileName: String, mediaType: String, content: Data, by actor: CaseActor
    ) async throws -> CaseMaterial {
        try checkFile(mediaType: mediaType, content: content)
        let name = try Self.cleanFileName(fileName)
        return try await receive(caseID, materialCode: materialCode, by: actor) { tx, now in
            let blob = try await BlobStore.put(content, mediaType: mediaType, at: now, in: tx)
            return (name, blob)
        }
    }

    /// Refuses a file of a type, size or content the platform does not take.
    func checkFile(mediaType: String, content: Data) throws {
        guard limits.materialTypes.contains(mediaType) else {
            throw Self.invalid(
                "material-type", "文件类型不支持", "请上传 PDF、OFD、JPG 或 PNG 格式的文件（收到 \(mediaType.prefix(60))）。")
        }
        guard !content.isEmpty, content.count <= limits.maximumMaterialBytes else {
            throw Self.invalid(
                "material-size", "文件大小不符合要求", "单个文件不能为空，也不能超过 \(limits.maximumMaterialBytes / 1024 / 1024) MB。")
        }
        guard Self.contentMatches(content, mediaType: mediaType) else {
            throw Self.invalid("material-content", "文件内容与类型不符", "文件内容不是所声明的 \(mediaType) 格式，请检查后重新上传。")
        }
    }

    /// Records that the window received material `materialCode` on paper.
    @discardableResult
    public func recordPaperMaterial(_ caseID: UUID, materialCode: String, by staff: StaffActor) async throws
        -> CaseMaterial
    {
        try await receive(caseID, materialCode: materialCode, by: .staff(staff)) { _, _ in (nil, nil) }
    }

    /// The materials received for the case.
    public func materials(_ caseID: UUID, by actor: CaseActor) async throws -> [CaseMaterial] {
        try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql), try await mayRead(record, by: actor, sql: sql)
            else { throw Self.notFound() }
            return try await Self.materials(of: caseID, sql: sql)
        }
    }

    /// The content of a received material file, for the applicant and the staff who may see the case.
    public func materialFile(_ caseID: UUID, sha256: String, by actor: CaseActor) async throws -> (BlobReference, Data)
    {
        try await database.read { sql in
            guard let record = try await CaseRow.load(caseID, sql: sql), try await mayRead(record, by: actor, sql: sql),
                try await Self.materials(of: caseID, sql: sql).contains(where: { $0.sha256 == sha256 }),
                let blob = try await BlobStore.get(sha256, sql: sql)
            else { throw Self.notFound() }
            return blob
        }
    }

    private func receive(
        _ caseID: UUID, materialCode: String, by actor: CaseActor,
        store: @escaping @Sendable (Transaction, Date) async throws -> (String?, BlobReference?)
    ) async throws -> CaseMaterial {
        let now = clock.now()
        return try await database.transaction { tx in
            let (fileName, blob) = try await store(tx, now)
            return try await receive(
                caseID, materialCode: materialCode, fileName: fileName, blob: blob, by: actor, at: now, tx: tx)
        }
    }

    /// Records material `materialCode` (a stored file, or paper when `blob` is nil) inside `tx`.
    func receive(
        _ caseID: UUID, materialCode: String, fileName: String?, blob: BlobReference?, by actor: CaseActor,
        at now: Date,
        tx: Transaction
    ) async throws -> CaseMaterial {
        let record = try await loadForCommand(caseID, by: actor, tx: tx)
        try await requireApplicantSide(record, actor: actor, tx: tx)
        guard [.draft, .correction, .inProgress, .submitted].contains(record.state) else {
            throw Self.conflict("materials-closed", "办件已\(record.state.label)，不能再提交材料。")
        }
        let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
        guard let material = guide.materials.first(where: { $0.code == materialCode }) else {
            throw Self.invalid("unknown-material", "材料不属于该事项", "事项的办事指南中没有编号为 \(materialCode.prefix(20)) 的材料。")
        }
        let received = CaseMaterial(
            id: UUID(), materialCode: material.code, name: material.name, fileName: fileName, sha256: blob?.sha256,
            mediaType: blob?.mediaType, size: blob?.size, onPaper: blob == nil, receivedAt: now,
            receivedBy: actor.auditActor.id)
        try await tx.sql.raw(
            """
            INSERT INTO case_materials (id, case_id, material_code, name, file_name, sha256, media_type, size,
                on_paper, pending_until, received_at, received_by)
            VALUES (\(bind: received.id), \(bind: caseID), \(bind: received.materialCode), \(bind: received.name),
                \(bind: fileName), \(bind: blob?.sha256), \(bind: blob?.mediaType), \(bind: blob?.size),
                \(bind: blob == nil ? 1 : 0), NULL, \(bind: now), \(bind: received.receivedBy))
            """
        ).run()
        if record.state != .draft {
            try await EventRow.append(
                .materialReceived, caseID: caseID, detail: CaseEventDetail(materials: [material.code]),
                actor: actor.auditActor.id, channel: actor.channelName, at: now, tx: tx)
        }
        try await noteChannel(record, actor: actor, at: now, tx: tx)
        try await audit.append(
            actor.auditActor.entry(
                action: blob == nil ? "cases.material-paper" : "cases.material-upload", objectType: "case",
                objectID: caseID.uuidString, changeDigest: blob?.sha256 ?? material.code), in: tx)
        return received
    }

    static func materials(of caseID: UUID, sql: any SQLDatabase) async throws -> [CaseMaterial] {
        try await sql.raw(
            """
            SELECT id, material_code, name, file_name, sha256, media_type, size, on_paper, received_at, received_by
            FROM case_materials WHERE case_id = \(bind: caseID) ORDER BY received_at, id
            """
        ).all().map { row in
            CaseMaterial(
                id: try row.decode(column: "id", as: UUID.self),
                materialCode: try row.decode(column: "material_code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                fileName: try row.decode(column: "file_name", as: String?.self),
                sha256: try row.decode(column: "sha256", as: String?.self),
                mediaType: try row.decode(column: "media_type", as: String?.self),
                size: try row.decode(column: "size", as: Int?.self),
                onPaper: try row.decode(column: "on_paper", as: Int.self) != 0,
                receivedAt: try row.decode(column: "received_at", as: Date.self),
                receivedBy: try row.decode(column: "received_by", as: String.self))
        }
    }

    /// Whether the first bytes are those of the declared type, so a renamed executable is not
    /// stored as a "PDF".
    static func contentMatches(_ content: Data, mediaType: String) -> Bool {
        let head = [UInt8](content.prefix(8))
        switch mediaType {
        case "application/pdf": return head.starts(with: Array("%PDF-".utf8))
        case "image/png": return head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "image/jpeg": return head.starts(with: [0xFF, 0xD8, 0xFF])
        case "application/ofd": return head.starts(with: [0x50, 0x4B, 0x03, 0x04])  // OFD is a ZIP package
        default: return false
        }
    }

    static func cleanFileName(_ name: String) throws -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = base.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(trimmed.count),
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw invalid("file-name", "文件名有误", "文件名不能为空，也不能超过120个字符。") }
        return trimmed
    }
}
