/// The readable differences between two guides: scalar fields compared as text, and list fields
/// (materials, fees, situations…) compared entry by entry, keyed by code or name, so a reviewer
/// sees "材料 M03 added" rather than a shifted list.
public enum GuideDiff {
    /// The changes that turn `old` into `new`, in the guide's field order.
    public static func changes(from old: ItemGuide, to new: ItemGuide) -> [GuideChange] {
        var changes: [GuideChange] = []
        func scalar(_ field: String, _ a: String, _ b: String) {
            if a != b { changes.append(GuideChange(field: field, kind: .changed, before: a, after: b)) }
        }
        func keyed<T>(_ field: String, _ a: [T], _ b: [T], key: (T) -> String, text: (T) -> String) {
            let before = Dictionary(a.map { (key($0), text($0)) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(b.map { (key($0), text($0)) }, uniquingKeysWith: { first, _ in first })
            for entry in a {
                let k = key(entry)
                if let now = after[k] {
                    if now != before[k] {
                        changes.append(GuideChange(field: field, kind: .changed, before: before[k] ?? "", after: now))
                    }
                } else {
                    changes.append(GuideChange(field: field, kind: .removed, before: text(entry), after: ""))
                }
            }
            for entry in b where before[key(entry)] == nil {
                changes.append(GuideChange(field: field, kind: .added, before: "", after: text(entry)))
            }
        }
        func strings(_ field: String, _ a: [String], _ b: [String]) {
            keyed(field, a, b, key: { $0 }, text: { $0 })
        }
        scalar("事项名称", old.name, new.name)
        scalar("事项类型", old.itemType.label, new.itemType.label)
        scalar(
            "服务对象", old.audiences.map(\.label).joined(separator: "、"), new.audiences.map(\.label).joined(separator: "、")
        )
        strings("主题分类", old.themes, new.themes)
        strings("人生事件", old.lifeEvents.map(\.label), new.lifeEvents.map(\.label))
        strings("搜索关键词", old.keywords, new.keywords)
        strings("设定依据", old.legalBasis, new.legalBasis)
        strings("受理条件", old.conditions, new.conditions)
        keyed("办理情形", old.situations, new.situations, key: \.code, text: { "\($0.code) \($0.group)：\($0.name)" })
        keyed("申请材料", old.materials, new.materials, key: \.code, text: Self.describe)
        keyed("收费", old.fees, new.fees, key: \.name, text: { "\($0.name) \($0.standard)（\(Self.yuan($0.amountFen))）" })
        scalar("法定时限", old.legalTimeLimit?.label ?? "无", new.legalTimeLimit?.label ?? "无")
        scalar("承诺时限", old.promisedTimeLimit.label, new.promisedTimeLimit.label)
        scalar("到现场次数", "\(old.visitsRequired)次", "\(new.visitsRequired)次")
        scalar("网上办理深度", old.onlineDepth.label, new.onlineDepth.label)
        scalar(
            "办理渠道", old.channels.map(\.label).joined(separator: "、"), new.channels.map(\.label).joined(separator: "、"))
        scalar("预约", appointment(old.appointment), appointment(new.appointment))
        keyed(
            "办理流程", Array(old.steps.enumerated()), Array(new.steps.enumerated()), key: { "\($0.offset)" },
            text: { "\($0.offset + 1). \($0.element.name)：\($0.element.description)" })
        keyed("常见问题", old.faq, new.faq, key: \.question, text: { "问：\($0.question) 答：\($0.answer)" })
        scalar("办理结果", "\(old.result.kind.label)：\(old.result.name)", "\(new.result.kind.label)：\(new.result.name)")
        strings("办理地点", old.locationCodes, new.locationCodes)
        scalar("咨询电话", old.consultationPhone, new.consultationPhone)
        scalar("投诉电话", old.complaintPhone, new.complaintPhone)
        return changes
    }

    static func describe(_ material: RequiredMaterial) -> String {
        var parts = [material.code, material.name, material.form.label, "\(material.copies)份", material.source.label]
        if !material.required { parts.append("非必要") }
        if material.exempt { parts.append("免提交") }
        if !material.situations.isEmpty { parts.append("适用情形 " + material.situations.joined(separator: "、")) }
        return parts.joined(separator: " · ")
    }

    static func yuan(_ fen: Int) -> String {
        fen % 100 == 0 ? "\(fen / 100)元" : "\(fen / 100).\(fen % 100 < 10 ? "0" : "")\(fen % 100)元"
    }

    static func appointment(_ capacity: AppointmentCapacity?) -> String {
        guard let capacity else { return "不提供" }
        return "每日\(capacity.slotsPerDay)个号，可提前\(capacity.advanceDays)天预约"
    }
}
