extension ProcessDiagram {
    /// Arrows down to the following step, and skips routed on the right, with their conditions.
    static func arrows(_ layout: ProcessDiagramLayout, form: FormSchema, marker: String) -> String {
        var svg = "<g class=\"transitions\" fill=\"none\" stroke=\"#374151\" stroke-width=\"1.5\">\n"
        var labels = ""
        let x = layout.centerX
        for (index, step) in layout.steps.enumerated().dropLast() {
            let following = layout.steps[index + 1]
            let transition = step.next.first { $0.to == following.id }
            guard step.next.isEmpty || transition != nil else { continue }
            let bottom = layout.tops[index] + layout.heights[index]
            let next = layout.tops[index + 1]
            svg += "<path d=\"M\(x),\(bottom) V\(next)\" marker-end=\"url(#\(marker))\"/>\n"
            let label = transition.map { ProcessDiagramText.transition($0, of: step, form: form) } ?? ""
            if !label.isEmpty {
                labels += text(label, x: x + 8, y: (bottom + next) / 2 + 4, size: 12, color: "#1e40af")
            }
        }
        for edge in layout.skips {
            let laneX = layout.skipLaneX[edge.lane]
            let right = layout.boxLeft + layout.boxWidth
            let start = layout.tops[edge.from] + 18
            let end = layout.tops[edge.to] + 42
            svg += "<path d=\"M\(right),\(start) H\(laneX) V\(end) H\(right)\" marker-end=\"url(#\(marker))\"/>\n"
            if !edge.label.isEmpty {
                labels += text(edge.label, x: laneX + 8, y: (start + end) / 2 + 4, size: 12, color: "#1e40af")
            }
        }
        return svg + "</g>\n<g class=\"conditions\">\n" + labels + "</g>\n"
    }

    /// Dashed arrows on the left for returns, labelled 退回.
    static func returns(_ layout: ProcessDiagramLayout, marker: String) -> String {
        guard !layout.returns.isEmpty else { return "" }
        var svg =
            "<g class=\"returns\" fill=\"none\" stroke=\"#b91c1c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">\n"
        var labels = ""
        for edge in layout.returns {
            let laneX = layout.returnLaneX(edge.lane)
            let start = layout.tops[edge.from] + 42
            let end = layout.tops[edge.to] + 18
            let left = layout.boxLeft
            svg += "<path d=\"M\(left),\(start) H\(laneX) V\(end) H\(left)\" marker-end=\"url(#\(marker))\"/>\n"
            labels += text(
                edge.label, x: laneX - 4, y: (start + end) / 2 + 4, size: 12, color: "#b91c1c", anchor: "end")
        }
        return svg + "</g>\n<g class=\"return-labels\">\n" + labels + "</g>\n"
    }

    /// One step's box: name, kind and actor or signing rule, its branches side by side, its time
    /// limit underneath; the current step is filled and says so in words, not by colour alone.
    static func box(_ index: Int, _ layout: ProcessDiagramLayout, current: Bool) -> String {
        let step = layout.steps[index]
        let top = layout.tops[index]
        let height = layout.heights[index]
        let left = layout.boxLeft
        let x = layout.centerX
        let (fill, stroke, strokeWidth) = current ? ("#fef3c7", "#b45309", "3") : ("#ffffff", "#1f2937", "1.5")
        var svg = "<g class=\"step\(current ? " current" : "")\" data-step=\"\(ProcessDiagramText.escape(step.id))\">\n"
        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(layout.boxWidth)\" height=\"\(height)\" rx=\"8\" "
        svg += "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\"/>\n"
        svg += text(step.name, x: x, y: top + 24, size: 15, color: "#111827", anchor: "middle", bold: true)
        svg += text(
            ProcessDiagramLayout.subtitle(step), x: x, y: top + 44, size: 12, color: "#374151", anchor: "middle")
        if current {
            svg += text("当前环节", x: left + layout.boxWidth - 10, y: top + 18, size: 11, color: "#92400e", anchor: "end")
        }
        let count = step.branches.count
        let total = count * layout.branchWidth + max(count - 1, 0) * ProcessDiagramLayout.branchGap
        for (position, branch) in step.branches.enumerated() {
            let branchLeft = x - total / 2 + position * (layout.branchWidth + ProcessDiagramLayout.branchGap)
            let branchTop = top + ProcessDiagramLayout.branchTop
            let middle = branchLeft + layout.branchWidth / 2
            svg += "<rect x=\"\(branchLeft)\" y=\"\(branchTop)\" width=\"\(layout.branchWidth)\" "
            svg += "height=\"\(ProcessDiagramLayout.branchHeight)\" rx=\"6\" fill=\"#f3f4f6\" stroke=\"#6b7280\"/>\n"
            svg += text(branch.name, x: middle, y: branchTop + 20, size: 13, color: "#111827", anchor: "middle")
            let actor = ProcessDiagramText.actor(branch.actor)
            svg += text(actor, x: middle, y: branchTop + 38, size: 11, color: "#4b5563", anchor: "middle")
        }
        if let limit = step.timeLimit {
            svg += text("时限：\(limit.label)", x: left + 4, y: top + height + 16, size: 12, color: "#4b5563")
        }
        return svg + "</g>\n"
    }

    /// A text element with its content escaped.
    static func text(
        _ content: String, x: Int, y: Int, size: Int, color: String, anchor: String = "start", bold: Bool = false
    ) -> String {
        let weight = bold ? " font-weight=\"600\"" : ""
        return "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" fill=\"\(color)\" text-anchor=\"\(anchor)\"\(weight)>"
            + ProcessDiagramText.escape(content) + "</text>\n"
    }
}
