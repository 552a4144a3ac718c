/// One problem found in a process file: where it is, as a JSON path such as `$.steps[2].next[0].to`,
/// and what is wrong, in Chinese.
struct ProcessProblem: Sendable, Hashable {
    var path: String
    var message: String
}
