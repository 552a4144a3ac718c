import Foundation
import Kernel
import SQLKit
public import Storage

/// An enterprise registry held in the platform's own database, loaded from the market-regulation
/// department's export (CSV `credit_code,representative_id_number,name`).
///
/// Like `DatabasePopulationRegistry` it stores keyed hashes only: it can confirm that a person
/// represents an enterprise, but a leak of the table lists no representative.
public struct DatabaseEnterpriseRegistry: EnterpriseRegistry {
    /// Recorded with each enterprise it confirms.
    public let method = "registry:database"
    private let database: any Database
    private let sealer: FieldSealer

    /// Creates the registry over `database`, hashing with the platform's index key.
    public init(database: any Database, sealer: FieldSealer) {
        self.database = database
        self.sealer = sealer
    }

    /// Whether the enterprise `creditCode` is registered as `name` and represented by the holder of
    /// `representativeIDNumber`.
    public func check(creditCode: String, name: String, representativeIDNumber: String) async throws
        -> EnterpriseRegistryAnswer
    {
        let code = creditCode.uppercased()
        let codeIndex = sealer.blindIndex(code, context: "idn_enterprise_registry.credit_code")
        let row = try await database.read { sql in
            try await sql.raw(
                """
                SELECT name_index, representative_index FROM idn_enterprise_registry
                WHERE credit_code_index = \(bind: codeIndex)
                """
            ).first()
        }
        guard let row else { return .notFound }
        guard try row.decode(column: "name_index", as: String.self) == nameIndex(name, code) else {
            return .nameMismatch
        }
        let representative = representativeIndex(representativeIDNumber, code)
        return try row.decode(column: "representative_index", as: String.self) == representative
            ? .match : .representativeMismatch
    }

    /// Loads an export: one `credit_code,representative_id_number,name` per line, a header line
    /// allowed. The name comes last so that a name holding a comma needs no quoting. Rows already
    /// present are replaced. Returns the number loaded and the rejected lines with the reason.
    public func load(csv: String) async throws -> (loaded: Int, rejected: [(line: Int, reason: String)]) {
        var entries: [(String, String, String)] = []
        var rejected: [(line: Int, reason: String)] = []
        for (offset, line) in csv.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if offset == 0, fields.first == "credit_code" { continue }
            guard fields.count == 3, !fields[2].isEmpty else {
                rejected.append((offset + 1, "应为“统一社会信用代码,法定代表人身份证号,名称”三列"))
                continue
            }
            guard let code = try? UnifiedSocialCreditCode(fields[0]) else {
                rejected.append((offset + 1, "统一社会信用代码无效"))
                continue
            }
            guard fields[1].count == 18 else {
                rejected.append((offset + 1, "法定代表人身份证号应为 18 位"))
                continue
            }
            entries.append(
                (
                    sealer.blindIndex(code.rawValue, context: "idn_enterprise_registry.credit_code"),
                    nameIndex(fields[2], code.rawValue), representativeIndex(fields[1], code.rawValue)
                ))
        }
        let rows = entries
        try await database.transaction { tx in
            for (codeIndex, nameIndex, representativeIndex) in rows {
                try await tx.sql.raw(
                    """
                    INSERT INTO idn_enterprise_registry (credit_code_index, name_index, representative_index)
                    VALUES (\(bind: codeIndex), \(bind: nameIndex), \(bind: representativeIndex))
                    ON CONFLICT (credit_code_index) DO UPDATE
                    SET name_index = excluded.name_index, representative_index = excluded.representative_index
                    """
                ).run()
            }
        }
        return (rows.count, rejected)
    }

    /// Name and representative are hashed together with the code, so equal names or one person
    /// representing several enterprises do not share a hash.
    private func nameIndex(_ name: String, _ code: String) -> String {
        sealer.blindIndex(
            name.trimmingCharacters(in: .whitespaces) + "\u{1F}" + code, context: "idn_enterprise_registry.name")
    }

    private func representativeIndex(_ idNumber: String, _ code: String) -> String {
        sealer.blindIndex(
            code + "\u{1F}" + idNumber.trimmingCharacters(in: .whitespaces).uppercased(),
            context: "idn_enterprise_registry.representative")
    }
}
