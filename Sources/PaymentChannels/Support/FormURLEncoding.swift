import Foundation

/// The `application/x-www-form-urlencoded` format (WHATWG URL standard, section 5), in which
/// Alipay posts its notifications and takes its requests.
///
/// Decoding is strict: a `%` not followed by two hex digits, or bytes that are not UTF-8 once
/// decoded, make the whole body malformed, because a signed body that needs guessing is not signed.
enum FormURLEncoding {
    /// The pairs as one body, every byte outside `A–Z a–z 0–9 * - . _` percent-encoded and spaces as `+`.
    static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    /// One name or value, escaped as `encode` does.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The pairs of a body in their order, names and values decoded; empty segments are skipped.
    static func decode(_ body: some Collection<UInt8>) throws(PaymentChannelError) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for segment in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let name = try unescape(segment[..<(equals ?? segment.endIndex)])
            let value = try equals.map { index throws(PaymentChannelError) in
                try unescape(segment[segment.index(after: index)...])
            }
            pairs.append((name, value ?? ""))
        }
        return pairs
    }

    private static func unescape(_ bytes: some Collection<UInt8>) throws(PaymentChannelError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .malformed("表单编码中的“%”后应跟两位十六进制数字。")
                }
                output.append(high << 4 | low)
            default:
                output.append(byte)
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw .malformed("表单编码的内容不是有效的 UTF-8 文本。")
        }
        return text
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
