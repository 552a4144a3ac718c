/// Masks personal numbers for display: enough to recognise, too little to misuse.
public enum Masking {
    /// `13812345678` → `138****5678`; anything shorter than 7 characters is masked whole.
    public static func phone(_ number: String) -> String {
        keep(number, head: 3, tail: 4)
    }

    /// `130102199003071234` → `130***********1234`.
    public static func idNumber(_ number: String) -> String {
        keep(number, head: 3, tail: 4)
    }

    /// `张三丰` → `张**`: the family name stays, the rest is starred.
    public static func name(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// Keeps `head` leading and `tail` trailing characters and stars the rest.
    public static func keep(_ text: String, head: Int, tail: Int) -> String {
        let characters = Array(text)
        guard characters.count > head + tail else { return String(repeating: "*", count: characters.count) }
        let middle = String(repeating: "*", count: characters.count - head - tail)
        return String(characters.prefix(head)) + middle + String(characters.suffix(tail))
    }
}
