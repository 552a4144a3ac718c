/// How much damage a QR code survives: the four error-correction levels of ISO/IEC 18004.
///
/// Higher levels spend more of the symbol on Reed–Solomon codewords, so the same payload needs a
/// larger version. The raw value is the letter the standard uses.
public enum QRErrorCorrection: String, Sendable, CaseIterable, Equatable {
    /// Level L: about 7 % of the codewords can be restored.
    case low = "L"
    /// Level M: about 15 %; the default, enough for a phone screen photographed at a counter.
    case medium = "M"
    /// Level Q: about 25 %.
    case quartile = "Q"
    /// Level H: about 30 %, for print that gets scuffed or a logo laid over the centre.
    case high = "H"

    /// The two bits the format information carries; the standard's order is not L, M, Q, H.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// The column of this level in `QRCodeTables.blocks`.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
