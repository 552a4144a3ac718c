/// What the first pass over a process file learns of each step, enough for any other step to
/// check its references to it.
struct StepOutline {
    /// The step's object, nil when it is not one.
    var object: ProcessObject?
    /// The step's id, when readable.
    var id: String?
    /// The step's kind, when readable.
    var kind: StepKind?
    /// The step's path, such as `$.steps[2]`.
    var path: String
}
