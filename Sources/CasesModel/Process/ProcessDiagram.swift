/// Draws a process definition as an SVG diagram for its admin page and a case's progress.
///
/// The drawing is self-contained and accessible: `role="img"` with a title and a description that
/// says in words what the boxes and arrows show. It carries no script, escapes all text, and is
/// the same for the same input, so pages can cache it and tests can compare it.
public enum ProcessDiagram {
    /// The SVG for `definition`, with the steps in `currentStepIDs` marked as current.
    public static func svg(_ definition: ProcessDefinition, highlight currentStepIDs: Set<String> = []) -> String {
        let layout = ProcessDiagramLayout(definition)
        let prefix = "zt-process-" + String(definition.id.unicodeScalars.filter(isIDCharacter).map(Character.init))
        let title = "流程图：\(definition.name)（第\(definition.revision)版）"
        let fonts =
            "system-ui, -apple-system, &apos;PingFang SC&apos;, &apos;Microsoft YaHei&apos;, "
            + "&apos;Noto Sans CJK SC&apos;, sans-serif"
        let summary = ProcessDiagramText.escape(description(definition, current: currentStepIDs))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="process-diagram" role="img" \
            aria-labelledby="\(prefix)-title \(prefix)-desc" viewBox="0 0 \(layout.width) \(layout.height)" \
            width="\(layout.width)" height="\(layout.height)" font-family="\(fonts)">
            <title id="\(prefix)-title">\(ProcessDiagramText.escape(title))</title>
            <desc id="\(prefix)-desc">\(summary)</desc>
            <defs>
            \(marker("\(prefix)-arrow", color: "#374151"))
            \(marker("\(prefix)-return", color: "#b91c1c"))
            </defs>

            """
        svg += arrows(layout, form: definition.form, marker: "\(prefix)-arrow")
        svg += returns(layout, marker: "\(prefix)-return")
        svg += "<g class=\"steps\">\n"
        for index in layout.steps.indices {
            svg += box(index, layout, current: currentStepIDs.contains(layout.steps[index].id))
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Characters safe in an element id.
    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
    }

    /// An arrowhead.
    private static func marker(_ id: String, color: String) -> String {
        """
        <marker id="\(id)" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" \
        orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="\(color)"/></marker>
        """
    }

    /// The whole process in words, for people who cannot see the drawing.
    static func description(_ definition: ProcessDefinition, current: Set<String>) -> String {
        let names = Dictionary(
            definition.steps.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var sentences: [String] = []
        for (index, step) in definition.steps.enumerated() {
            var parts = [step.kind.label]
            if step.branches.isEmpty {
                parts.append(ProcessDiagramText.actor(step.actor))
            } else {
                let branches = step.branches.map(\.name).joined(separator: "、")
                let rule = ProcessDiagramText.signingSentence(step.signing, branchCount: step.branches.count)
                parts.append("\(rule)：\(branches)")
            }
            if let limit = step.timeLimit { parts.append("时限\(limit.label)") }
            if current.contains(step.id) { parts.append("当前环节") }
            var sentence = "第\(index + 1)步 \(step.name)（\(parts.joined(separator: "，"))）"
            for transition in step.next {
                let label = ProcessDiagramText.transition(transition, of: step, form: definition.form)
                let target = names[transition.to] ?? transition.to
                sentence += label.isEmpty ? "，然后转\(target)" : "；\(label)时转\(target)"
            }
            if !step.returnTo.isEmpty {
                sentence += "；可退回" + step.returnTo.map { names[$0] ?? $0 }.joined(separator: "、")
            }
            sentences.append(sentence)
        }
        return sentences.joined(separator: "。") + "。"
    }
}
