/// PKCS#7 padding for 16-byte blocks, as used by SM4-ECB and SM4-CBC.
enum PKCS7 {
    /// Appends 1–16 bytes each equal to the pad length.
    static func pad(_ data: [UInt8]) -> [UInt8] {
        let count = 16 - data.count % 16
        return data + [UInt8](repeating: UInt8(count), count: count)
    }

    /// Removes and checks the padding; the check looks at all 16 final bytes so timing does not reveal the pad length.
    static func unpad(_ data: [UInt8]) throws -> [UInt8] {
        guard let last = data.last, data.count % 16 == 0 else { throw GuomiError.invalidPadding }
        let count = Int(last)
        var bad = UInt8(count == 0 || count > 16 ? 1 : 0)
        for offset in 1...16 {
            let inPad: UInt8 = offset <= count ? 0xff : 0
            bad |= (data[data.count - offset] ^ last) & inPad
        }
        guard bad == 0 else { throw GuomiError.invalidPadding }
        return Array(data[..<(data.count - count)])
    }
}
