import Foundation
import Kernel

/// What a password must be: long enough, not too long for bcrypt, not on the breach list, and
/// not made of the account's own numbers.
public struct PasswordPolicy: Sendable {
    /// The shortest password accepted.
    public var minimumLength = 8
    /// bcrypt reads 72 bytes; longer passwords would be silently truncated, so they are refused.
    public var maximumBytes = 72
    private let breached: Set<String>

    /// Loads the bundled list of breached and common passwords.
    public init() {
        let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        breached = Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() }.filter { !$0.hasPrefix("#") })
    }

    /// How many passwords the breach list holds.
    public var breachListCount: Int { breached.count }

    /// Throws a Chinese explanation when `password` is not acceptable for an account with `personal` numbers.
    public func check(_ password: String, personal: [String] = []) throws {
        func refuse(_ detail: String) -> DomainError {
            DomainError(.invalid, code: "identity.weak-password", title: "密码不符合要求", detail: detail)
        }
        if password.count < minimumLength { throw refuse("密码至少需要 \(minimumLength) 个字符。") }
        if password.utf8.count > maximumBytes { throw refuse("密码不能超过 \(maximumBytes) 个字节（约 24 个汉字或 72 个字母）。") }
        if breached.contains(password.lowercased()) {
            throw refuse("这个密码过于常见或已在泄露的密码库中出现，请换一个更难猜的密码。")
        }
        for number in personal where number.count >= 6 {
            if password.contains(number) || password.contains(String(number.suffix(6))) {
                throw refuse("密码不能包含您的手机号或身份证号。")
            }
        }
        if Set(password).count < 4 { throw refuse("密码重复字符过多，请混合使用不同的字母、数字或符号。") }
    }
}
