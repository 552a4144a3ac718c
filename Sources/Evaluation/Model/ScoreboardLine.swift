/// One line of a scoreboard: a department, item or window and its tally.
public struct ScoreboardLine: Sendable, Equatable, Codable {
    /// The key: a department id, an item code or a window name.
    public var key: String
    /// The name shown.
    public var name: String
    /// The department, for item lines (a window of the service hall may serve several).
    public var departmentName: String?
    /// The figures.
    public var tally: ScoreTally
}
