import Foundation

/// An Alipay gateway answer, `{"<method>_response":{…},"sign":"…"}`, split into the exact bytes
/// of the response object and its signature.
///
/// Alipay signs the response object's text as it sent it, so the bytes are cut out of the body
/// rather than parsed and written again (which would change spacing, key order and escapes).
struct AlipayResponseEnvelope {
    /// The response object's JSON text, byte for byte as in the body.
    var content: Data
    /// The Base64 signature, when the gateway sent one.
    var sign: String?

    /// Splits `body`, the answer to `method`; Alipay answers some gateway-level errors under `error_response`.
    init(body: Data, method: String) throws(PaymentChannelError) {
        let bytes = [UInt8](body)
        var scanner = JSONScanner(bytes: bytes)
        let members = try scanner.topLevelMembers()
        let key = method.replacingOccurrences(of: ".", with: "_") + "_response"
        guard let range = members[key] ?? members["error_response"], bytes[range.lowerBound] == UInt8(ascii: "{")
        else {
            throw .malformed("支付宝应答中没有 \(key)。")
        }
        content = Data(bytes[range])
        if let signRange = members["sign"] {
            guard let sign = try? JSONDecoder().decode(String.self, from: Data(bytes[signRange])) else {
                throw .malformed("支付宝应答的 sign 不是字符串。")
            }
            self.sign = sign
        } else {
            sign = nil
        }
    }
}

/// Finds where each member of a top-level JSON object starts and ends, without parsing values.
private struct JSONScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte range of each member's value, keyed by the member's name as written (escapes not decoded).
    mutating func topLevelMembers() throws(PaymentChannelError) -> [String: Range<Int>] {
        var members: [String: Range<Int>] = [:]
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let keyStart = index
                try skipString()
                let name = String(decoding: bytes[(keyStart + 1)..<(index - 1)], as: UTF8.self)
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                let valueStart = index
                try skipValue()
                guard members.updateValue(valueStart..<index, forKey: name) == nil else {
                    throw .malformed("支付宝应答中 \(name) 出现了两次。")
                }
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                } else {
                    try expect(UInt8(ascii: "}"))
                    break
                }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw Self.broken }
        return members
    }

    private static let broken = PaymentChannelError.malformed("支付宝应答不是有效的 JSON 对象。")

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(PaymentChannelError) {
        guard peek() == byte else { throw Self.broken }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func skipString() throws(PaymentChannelError) {
        try expect(UInt8(ascii: "\""))
        while let byte = peek() {
            index += byte == UInt8(ascii: "\\") ? 2 : 1
            if byte == UInt8(ascii: "\"") { return }
        }
        throw Self.broken
    }

    /// Skips one value; nesting is counted, not recursed, so deep input cannot exhaust the stack.
    private mutating func skipValue() throws(PaymentChannelError) {
        guard let first = peek() else { throw Self.broken }
        switch first {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard let byte = peek() else { throw Self.broken }
                switch byte {
                case UInt8(ascii: "\""): try skipString()
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; index += 1
                default: index += 1
                }
            } while depth > 0
        default:
            let start = index
            while let byte = peek(), !"{}[],: \t\r\n".utf8.contains(byte) { index += 1 }
            guard index > start else { throw Self.broken }
        }
    }
}
