/// A stand-in for the market-regulation export in demo installations: fictitious enterprises
/// only, each 统一社会信用代码 with correct check characters.
public enum DemoEnterpriseRegistry {
    /// The demo enterprise's 统一社会信用代码 (registered in 石家庄市, 企业).
    public static let creditCode = "91130100MA0DEMX21E"
    /// The demo enterprise's name.
    public static let name = "演示市政通科技有限公司"
    /// Its legal representative: the demo citizen 张三's 身份证号.
    public static let representativeIDNumber = "130102199003071233"

    static let trades = ["商贸", "科技", "建筑工程", "餐饮管理", "物流", "文化传媒", "农业开发", "医疗器械"]

    /// The export as CSV (`credit_code,representative_id_number,name`): the demo enterprise first,
    /// then one generated enterprise per number in `representatives`, so each person of the demo
    /// population registry can be given a company to register.
    public static func csv(representatives: [String]) -> String {
        var lines = ["credit_code,representative_id_number,name", "\(creditCode),\(representativeIDNumber),\(name)"]
        for (index, idNumber) in representatives.enumerated() {
            let trade = trades[index % trades.count]
            lines.append("\(generatedCode(index)),\(idNumber),石家庄演示\(index + 1)号\(trade)有限公司")
        }
        return lines.joined(separator: "\n")
    }

    /// The code of the `index`-th generated enterprise: 91 (市场监管, 企业), 130100, `MA1` and five
    /// digits, the 组织机构代码 check character (GB 11714), then the GB 32100 check character.
    public static func generatedCode(_ index: Int) -> String {
        let digits = String(index % 100_000)
        let subject = "MA1" + String(repeating: "0", count: 5 - digits.count) + digits
        let body = "91130100" + subject + String(organisationCheck(subject))
        return body + String(creditCheck(body))
    }

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// GB 11714: weights 3 7 9 10 5 8 4 2, letters worth 10–35, 10 written X and 11 written 0.
    static func organisationCheck(_ eight: String) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(eight, weights).reduce(0) { total, pair in
            let value =
                pair.0.wholeNumberValue
                ?? Int(pair.0.asciiValue ?? 0) - Int(Character("A").asciiValue!) + 10
            return total + value * pair.1
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let value: return Character(String(value))
        }
    }

    /// GB 32100: weight 3^i mod 31 over the 31-character alphabet.
    static func creditCheck(_ seventeen: String) -> Character {
        var sum = 0
        var weight = 1
        for character in seventeen {
            sum += (alphabet.firstIndex(of: character) ?? 0) * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }
}
