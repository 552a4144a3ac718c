import Identity
import Kernel
import Testing

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()
    static let phone = "13800000000"
    static let idNumber = "130102199003071233"

    /// The refusal's detail, or nil when the password is accepted.
    func refusal(_ password: String, personal: [String] = [phone, idNumber]) -> String? {
        do {
            try policy.check(password, personal: personal)
            return nil
        } catch let error as DomainError {
            #expect(error.kind == .invalid)
            #expect(error.code == "identity.weak-password")
            #expect(error.title == "密码不符合要求")
            return error.detail
        } catch {
            Issue.record("not a domain error: \(error)")
            return "\(error)"
        }
    }

    @Test("the bundled breach list is loaded")
    func listLoaded() {
        #expect(policy.breachListCount > 100)
    }

    @Test("good passwords pass", arguments: ["政通演示2026", "correct horse battery", "Tr0ub4dor&3", "xk7#Lm2q"])
    func accepted(password: String) {
        #expect(refusal(password) == nil)
    }

    @Test("eight characters is the shortest; length counts characters, not bytes")
    func minimumLength() {
        #expect(refusal("Ab3$efg")?.contains("至少需要 8 个字符") == true)
        #expect(refusal("Ab3$efgh") == nil)
        #expect(refusal("一二三四五六七") != nil, "7 CJK characters are 21 bytes but still too short")
        #expect(refusal("一二三四五六七八") == nil)
    }

    @Test("more than 72 bytes is refused, since bcrypt would ignore the rest")
    func maximumBytes() {
        #expect(refusal(String(repeating: "abcd", count: 18)) == nil, "72 bytes")
        #expect(refusal(String(repeating: "abcd", count: 18) + "e")?.contains("72 个字节") == true)
        // 24 CJK characters are 72 bytes in UTF-8; a 25th is too many.
        let cjk = "政通数字政府服务平台石家庄市河北省长安区桥西新华裕华"
        #expect(refusal(String(cjk.prefix(24))) == nil)
        #expect(refusal(cjk + "区") != nil)
    }

    @Test(
        "breached passwords are refused whatever their case",
        arguments: ["12345678", "1qaz2wsx", "1QAZ2WSX", "Qwertyui"])
    func breached(password: String) {
        #expect(refusal(password)?.contains("泄露") == true)
    }

    @Test("a password holding the phone, the 身份证号 or the last six of either is refused")
    func personalNumbers() {
        for password in ["x13800000000x", "me130102199003071233", "zs071233pass", "pw000000xyz"] {
            #expect(refusal(password)?.contains("手机号或身份证号") == true, "\(password)")
        }
        #expect(refusal("zs071233pass", personal: []) == nil, "fine for someone else")
    }

    @Test("fewer than four distinct characters is refused")
    func distinctCharacters() {
        #expect(refusal("abcabcabc")?.contains("重复字符") == true)
        #expect(refusal("政政通通政政通通") != nil)
        #expect(refusal("abcdabcd") == nil)
    }
}
