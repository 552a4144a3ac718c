/// Where everything of a process diagram goes: steps top to bottom in one column, skips forward
/// routed in lanes on the right, returns (退回) in lanes on the left. All whole pixels, so that the
/// same definition always gives the same drawing.
struct ProcessDiagramLayout {
    /// One arrow that does not simply go down to the following step.
    struct Edge {
        var from: Int
        var to: Int
        var label: String
        var lane = 0
    }

    static let margin = 24
    static let header = 60
    static let branchTop = 56
    static let branchHeight = 48
    static let branchGap = 12
    static let rowGap = 64
    static let laneGap = 28
    static let returnLaneWidth = 44

    let steps: [ProcessStepDefinition]
    /// Each step's top edge and height.
    let tops: [Int]
    let heights: [Int]
    let boxLeft: Int
    let boxWidth: Int
    let branchWidth: Int
    /// Forward transitions that skip at least one step.
    let skips: [Edge]
    let skipLaneX: [Int]
    let returns: [Edge]
    let width: Int
    let height: Int

    init(_ definition: ProcessDefinition) {
        steps = definition.steps
        let indexByID = Dictionary(
            steps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var branchWidth = 132
        var boxWidth = 240
        for step in steps {
            for branch in step.branches {
                let text = max(
                    ProcessDiagramText.width(branch.name, size: 13),
                    ProcessDiagramText.width(ProcessDiagramText.actor(branch.actor), size: 11))
                branchWidth = max(branchWidth, text + 16)
            }
        }
        for step in steps {
            let count = step.branches.count
            let branches = count * branchWidth + max(count - 1, 0) * Self.branchGap + 24
            let second = Self.subtitle(step)
            let text = max(ProcessDiagramText.width(step.name, size: 15), ProcessDiagramText.width(second, size: 12))
            boxWidth = max(boxWidth, branches, text + 96)
        }
        self.branchWidth = branchWidth
        self.boxWidth = boxWidth
        heights = steps.map { $0.branches.isEmpty ? Self.header : Self.branchTop + Self.branchHeight + 12 }
        var top = Self.margin
        var tops: [Int] = []
        for height in heights {
            tops.append(top)
            top += height + Self.rowGap
        }
        self.tops = tops
        var skips: [Edge] = []
        var returns: [Edge] = []
        for (index, step) in steps.enumerated() {
            for transition in step.next {
                guard let target = indexByID[transition.to], target > index else { continue }
                let label = ProcessDiagramText.transition(transition, of: step, form: definition.form)
                if target > index + 1 {
                    skips.append(Edge(from: index, to: target, label: label))
                }
            }
            for target in step.returnTo {
                guard let target = indexByID[target], target < index else { continue }
                returns.append(Edge(from: index, to: target, label: "退回"))
            }
        }
        Self.assignLanes(&skips)
        Self.assignLanes(&returns)
        self.skips = skips
        self.returns = returns
        let returnLanes = (returns.map(\.lane).max() ?? -1) + 1
        boxLeft = Self.margin + returnLanes * Self.returnLaneWidth + (returnLanes > 0 ? 8 : 0)
        var laneX: [Int] = []
        var x = boxLeft + boxWidth + Self.laneGap
        for lane in 0..<((skips.map(\.lane).max() ?? -1) + 1) {
            laneX.append(x)
            let labels = skips.filter { $0.lane == lane }.map { ProcessDiagramText.width($0.label, size: 12) }
            x += 8 + (labels.max() ?? 0) + Self.laneGap
        }
        skipLaneX = laneX
        width = (laneX.isEmpty ? boxLeft + boxWidth + Self.laneGap : x) + Self.margin - Self.laneGap
        height = top - Self.rowGap + 20 + Self.margin
    }

    /// The second line of a step box: its kind, and who acts or how branches sign.
    static func subtitle(_ step: ProcessStepDefinition) -> String {
        let who =
            step.branches.isEmpty ? ProcessDiagramText.actor(step.actor) : ProcessDiagramText.signing(step.signing)
        return "\(step.kind.label) · \(who)"
    }

    /// Gives each edge the innermost lane free over its whole span, shortest spans first, so that
    /// nested arrows do not cross.
    private static func assignLanes(_ edges: inout [Edge]) {
        let order = edges.indices.sorted { left, right in
            let a = edges[left]
            let b = edges[right]
            let spanA = abs(a.to - a.from)
            let spanB = abs(b.to - b.from)
            return spanA != spanB ? spanA < spanB : left < right
        }
        var taken: [[ClosedRange<Int>]] = []
        for index in order {
            let span = min(edges[index].from, edges[index].to)...max(edges[index].from, edges[index].to)
            let lane = taken.firstIndex { ranges in !ranges.contains { $0.overlaps(span) } } ?? taken.count
            if lane == taken.count { taken.append([]) }
            taken[lane].append(span)
            edges[index].lane = lane
        }
    }

    /// The x of a returns lane.
    func returnLaneX(_ lane: Int) -> Int {
        boxLeft - 8 - Self.laneGap / 2 - lane * Self.returnLaneWidth
    }

    /// The horizontal centre of the column.
    var centerX: Int { boxLeft + boxWidth / 2 }
}
