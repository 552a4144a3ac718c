extension ProcessFileReader {
    /// The steps' kinds: receive first and once, accept right after it and once, some decide, and
    /// kinds in the legal order (going back is what `returnTo` is for).
    mutating func checkKinds(_ outlines: [StepOutline], at path: String) {
        guard let first = outlines.first else {
            report(path, "至少需要一个环节")
            return
        }
        if let kind = first.kind, kind != .receive {
            report("\(first.path).kind", "第一个环节必须是收件（receive），实际是\(kind.label)（\(kind.rawValue)）")
        }
        let complete = outlines.allSatisfy { $0.kind != nil }
        var accepts = 0
        var highest: StepKind?
        for (index, outline) in outlines.enumerated() {
            guard let kind = outline.kind else { continue }
            let kindPath = "\(outline.path).kind"
            if kind == .receive, index > 0 {
                report(kindPath, "只能有一个收件（receive）环节，且必须是第一个")
            }
            if kind == .accept {
                accepts += 1
                if accepts > 1 {
                    report(kindPath, "只能有一个受理（accept）环节")
                } else if index != 1 {
                    report(kindPath, "受理（accept）环节必须紧跟在收件环节之后，排在第二个")
                }
            }
            // A payment step may stand anywhere after acceptance (fees before review, or 制证费 before
            // conclusion), so it neither breaks nor sets the order of the others.
            if kind == .pay {
                if accepts == 0 { report(kindPath, "缴费（pay）环节须排在受理环节之后") }
                continue
            }
            if let highest, rank(kind) < rank(highest), kind != .receive {
                report(
                    kindPath,
                    "环节应按 收件→受理→审查→决定→办结→送达 的顺序排列，\(kind.label)不能排在\(highest.label)之后；回到前面的环节请用 returnTo")
            }
            if rank(kind) >= highest.map(rank) ?? 0 {
                highest = kind
            }
        }
        if complete, accepts == 0 {
            report(path, "缺少受理（accept）环节；它应紧跟在收件环节之后")
        }
        if complete, !outlines.contains(where: { $0.kind == .decide }) {
            report(path, "至少需要一个决定（decide）环节")
        }
    }

    /// The position of a kind in the legal order.
    private func rank(_ kind: StepKind) -> Int {
        StepKind.allCases.firstIndex(of: kind) ?? 0
    }

    /// Every step can be reached from receive, and no way through the process skips every decide
    /// step; checked only on a file otherwise sound, since transitions always point forward there.
    mutating func checkPaths(_ steps: [ProcessStepDefinition], at path: String) {
        guard !steps.isEmpty else { return }
        let indexByID = Dictionary(steps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
        func successors(_ index: Int) -> [Int] {
            if steps[index].next.isEmpty {
                return index + 1 < steps.count ? [index + 1] : []
            }
            return steps[index].next.compactMap { indexByID[$0.to] }.filter { $0 > index }
        }
        var reached = Array(repeating: false, count: steps.count)
        var reachedWithoutDecision = reached
        reached[0] = true
        reachedWithoutDecision[0] = steps[0].kind != .decide
        for index in steps.indices where reached[index] {
            for successor in successors(index) {
                reached[successor] = true
                if reachedWithoutDecision[index], steps[successor].kind != .decide {
                    reachedWithoutDecision[successor] = true
                }
            }
        }
        for index in steps.indices where !reached[index] {
            report("\(path)[\(index)]", "从收件出发到不了此环节（\(steps[index].id)）：前面的转移都跳过了它")
        }
        if reachedWithoutDecision[steps.count - 1] {
            report(path, "有一条路径不经过任何决定（decide）环节就走到了最后；每个办件都必须经过决定")
        }
    }
}
