/// A QR code (ISO/IEC 18004, model 2) in byte mode with error correction level M, versions 1–10.
///
/// Written here because none of the permitted packages draws QR codes; scan-to-login and, later,
/// e-licence verification need them. Level M survives about 15 % damage, which a phone screen
/// photographed at a counter needs; version 10 holds 213 bytes, enough for a URL or a signed token.
public struct QRCode: Sendable, Equatable {
    /// The version, 1 to 10: the symbol is `17 + 4 × version` modules square.
    public let version: Int
    /// The mask pattern applied, 0 to 7.
    public let mask: Int
    /// The modules, row by row; `true` is dark.
    public let modules: [[Bool]]

    /// The number of modules along one side.
    public var size: Int { modules.count }

    /// Encodes `bytes`, in the smallest version that holds them unless `version` is given, with the
    /// mask of least penalty unless `mask` is given (tests pin both to compare with other encoders).
    public init(bytes: [UInt8], version: Int? = nil, mask: Int? = nil) throws(QRCodeError) {
        let needed = QRCodeTables.smallestVersion(for: bytes.count)
        guard let chosen = version ?? needed, (1...10).contains(chosen), let needed, chosen >= needed else {
            throw .tooLong(bytes.count)
        }
        if let mask, !(0...7).contains(mask) { throw .badMask(mask) }
        let codewords = QRCodeTables.interleaved(
            data: QRCodeTables.dataCodewords(bytes, version: chosen), version: chosen)
        var best: (mask: Int, modules: [[Bool]], penalty: Int)?
        for candidate in mask.map({ [$0] }) ?? Array(0...7) {
            let modules = QRMatrix.build(version: chosen, mask: candidate, codewords: codewords)
            let penalty = mask == nil ? QRMatrix.penalty(modules) : 0
            if best == nil || penalty < best!.penalty { best = (candidate, modules, penalty) }
        }
        self.version = chosen
        self.mask = best!.mask
        self.modules = best!.modules
    }

    /// Encodes the UTF-8 bytes of `text`.
    public init(text: String) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8))
    }
}

/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Equatable {
    /// More bytes than version 10 at level M holds (213), or than the version asked for.
    case tooLong(Int)
    /// A mask number outside 0–7.
    case badMask(Int)
}
