import Foundation
import Kernel
import SQLKit
public import Storage

/// A registry held in the platform's own database, loaded from a public-security department's
/// export (CSV `name,id_number`).
///
/// It stores no names or numbers, only keyed hashes: the registry can confirm a pair, but a leak
/// of the table reveals nobody.
public struct DatabasePopulationRegistry: PopulationRegistry {
    /// Recorded with each raise it grants.
    public let method = "registry:database"
    private let database: any Database
    private let sealer: FieldSealer

    /// Creates the registry over `database`, hashing with the platform's index key.
    public init(database: any Database, sealer: FieldSealer) {
        self.database = database
        self.sealer = sealer
    }

    /// Whether `name` belongs to `idNumber`.
    public func check(name: String, idNumber: String) async throws -> RegistryAnswer {
        let idIndex = sealer.blindIndex(idNumber.uppercased(), context: "idn_registry.id_number")
        let row = try await database.read { sql in
            try await sql.raw("SELECT name_index FROM idn_registry_entries WHERE id_number_index = \(bind: idIndex)")
                .first()
        }
        guard let row else { return .notFound }
        let nameIndex = sealer.blindIndex(Self.pairKey(name, idNumber), context: "idn_registry.name")
        return try row.decode(column: "name_index", as: String.self) == nameIndex ? .match : .nameMismatch
    }

    /// Loads an export: one `name,id_number` per line, a header line allowed. Rows already present
    /// are replaced. Returns the number loaded and the rejected lines with the reason.
    public func load(csv: String) async throws -> (loaded: Int, rejected: [(line: Int, reason: String)]) {
        var rows: [(String, String)] = []
        var rejected: [(line: Int, reason: String)] = []
        for (offset, line) in csv.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if offset == 0, fields.first == "name" { continue }
            guard fields.count == 2, !fields[0].isEmpty else {
                rejected.append((offset + 1, "应为“姓名,身份证号”两列"))
                continue
            }
            guard fields[1].count == 18 else {
                rejected.append((offset + 1, "身份证号应为 18 位"))
                continue
            }
            rows.append((fields[0], fields[1].uppercased()))
        }
        let entries = rows.map { name, number in
            (
                sealer.blindIndex(number, context: "idn_registry.id_number"),
                sealer.blindIndex(Self.pairKey(name, number), context: "idn_registry.name")
            )
        }
        try await database.transaction { tx in
            for (idIndex, nameIndex) in entries {
                try await tx.sql.raw(
                    """
                    INSERT INTO idn_registry_entries (id_number_index, name_index) VALUES (\(bind: idIndex), \(bind: nameIndex))
                    ON CONFLICT (id_number_index) DO UPDATE SET name_index = excluded.name_index
                    """
                ).run()
            }
        }
        return (entries.count, rejected)
    }

    /// The name is hashed together with its number, so equal names do not share a hash.
    static func pairKey(_ name: String, _ idNumber: String) -> String {
        name.trimmingCharacters(in: .whitespaces) + "\u{1F}" + idNumber.uppercased()
    }
}
