/// Generated, fictitious residents for the demo population registry; no real person's data.
enum DemoPopulation {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
    static let given = [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
    ]

    /// `name,id_number` lines: the demo citizen 张三 first, then `count` generated people born
    /// 1950–1999 in 石家庄 districts, each 身份证号 with a correct check digit.
    static func csv(count: Int) -> String {
        var lines = ["name,id_number", "张三,130102199003071233", "李四,13010219900307125X"]
        let districts = ["130102", "130104", "130105", "130108", "130109"]
        for index in 0..<count {
            let year = 1950 + index % 50
            let month = 1 + index % 12
            let day = 1 + index % 28
            let body =
                districts[index % districts.count] + String(year) + pad(month) + pad(day)
                + String(100 + index % 900)
            let name = String(surnames[index % surnames.count]) + given[(index / surnames.count) % given.count]
            lines.append("\(name),\(body)\(checkCharacter(body))")
        }
        return lines.joined(separator: "\n")
    }

    /// GB 11643's ISO 7064 MOD 11-2 check character.
    static func checkCharacter(_ body: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
