import Foundation
import Kernel

/// A mainland mobile number: 11 digits starting 13–19.
struct Phone {
    let digits: String

    init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard MobileNumber.isValid(trimmed) else {
            throw DomainError(
                .invalid, code: "identity.bad-phone", title: "手机号码格式不正确", detail: "请填写 11 位中国大陆手机号码，例如 13812345678。")
        }
        digits = trimmed
    }
}
