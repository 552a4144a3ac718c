import Crypto
import Foundation

/// Secrets that a demo installation generates once and keeps in its data folder (mode 0600).
///
/// Production sets them in the environment instead; a generated file is never overwritten,
/// because losing the data key makes sealed personal data unreadable.
enum LocalSecrets {
    static func loadOrCreate(named name: String, in directory: String, bytes: Int) throws -> String {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
        if let existing = try? String(contentsOf: url, encoding: .utf8) {
            let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { return trimmed }
        }
        let value = SymmetricKey(size: .init(bitCount: bytes * 8)).withUnsafeBytes { raw in
            raw.map { String(format: "%02x", $0) }.joined()
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data((value + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw ConfigurationError(message: "无法写入 \(url.path)，请检查数据目录权限")
        }
        return value
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }
}
