public import Kernel

extension ItemGuide {
    /// Throws a `validation` error naming the first thing a guide must not say.
    ///
    /// Called before a draft is stored and before an import changes anything, so a bad guide is
    /// refused whole with a reason a clerk can act on.
    public func validate() throws(DomainError) {
        func refuse(_ detail: String) -> DomainError {
            DomainError(.invalid, code: "catalog.invalid-guide", title: "办事指南内容有误", detail: detail)
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw refuse("事项名称不能为空，且不超过100个字。") }
        guard !audiences.isEmpty else { throw refuse("请至少选择一个服务对象（自然人或法人）。") }
        guard (0...10).contains(visitsRequired) else { throw refuse("到现场次数应在0到10次之间。") }
        guard (0...3650).contains(promisedTimeLimit.days) else { throw refuse("承诺时限应在0到3650天之间。") }
        if let legal = legalTimeLimit {
            guard (0...3650).contains(legal.days) else { throw refuse("法定时限应在0到3650天之间。") }
            guard promisedTimeLimit.approximateWorkingDays <= legal.approximateWorkingDays + 0.0001 else {
                throw refuse("承诺时限（\(promisedTimeLimit.label)）不能长于法定时限（\(legal.label)）。")
            }
        }
        guard !channels.isEmpty else { throw refuse("请至少选择一种办理渠道。") }
        if onlineDepth.acceptsOnline, !channels.contains(.online), !channels.contains(.mobile) {
            throw refuse("网上办理深度为三级及以上的事项，办理渠道应包含网上办或掌上办。")
        }
        let situationCodes = situations.map(\.code)
        guard Set(situationCodes).count == situationCodes.count else { throw refuse("情形编号不能重复。") }
        let materialCodes = materials.map(\.code)
        guard Set(materialCodes).count == materialCodes.count else { throw refuse("材料编号不能重复。") }
        for material in materials {
            guard !material.code.isEmpty, !material.name.isEmpty else { throw refuse("每份材料都要有编号和名称。") }
            guard (1...99).contains(material.copies) else { throw refuse("材料“\(material.name)”的份数应在1到99之间。") }
            if let unknown = material.situations.first(where: { !situationCodes.contains($0) }) {
                throw refuse("材料“\(material.name)”引用了不存在的情形 \(unknown)。")
            }
        }
        for fee in fees {
            guard !fee.name.isEmpty else { throw refuse("收费项目要有名称。") }
            guard (0...100_000_000).contains(fee.amountFen) else { throw refuse("收费“\(fee.name)”的金额不合理。") }
        }
        for text in [name] + keywords + themes + conditions + legalBasis + materials.map(\.name)
        where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw refuse("内容含有不可见的控制字符，请删除后重试。")
        }
    }
}
