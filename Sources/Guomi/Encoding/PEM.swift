import Foundation

/// PEM armour (RFC 7468): base64 DER between BEGIN/END lines.
enum PEM {
    static func encode(label: String, der: [UInt8]) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    /// Returns the label and DER of the first PEM block in `text`.
    static func decode(_ text: String) throws -> (label: String, der: [UInt8]) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }) else {
            throw GuomiError.malformedPEM("no BEGIN line")
        }
        let label = String(lines[begin].dropFirst(11).dropLast(5))
        guard let end = lines[(begin + 1)...].firstIndex(of: "-----END \(label)-----") else {
            throw GuomiError.malformedPEM("no END line for \(label)")
        }
        let body = lines[(begin + 1)..<end].joined()
        guard let data = Data(base64Encoded: body), !data.isEmpty else {
            throw GuomiError.malformedPEM("bad base64")
        }
        return (label, [UInt8](data))
    }
}
