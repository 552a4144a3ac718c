/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input, of this many bytes (UTF-8 for text), does not fit version 40 at the level asked
    /// for, or the version asked for.
    case tooLong(Int)
    /// A mask number outside 0–7.
    case badMask(Int)
    /// A version number outside 1–40.
    case badVersion(Int)

    /// The reason in Chinese, for the person who asked for the code.
    public var description: String {
        switch self {
        case .tooLong(let count): "内容过长（\(count) 字节），超出二维码所选版本和纠错等级的容量；请缩短内容或降低纠错等级。"
        case .badMask(let mask): "掩模编号 \(mask) 无效，应为 0 到 7。"
        case .badVersion(let version): "二维码版本 \(version) 无效，应为 1 到 40。"
        }
    }
}
