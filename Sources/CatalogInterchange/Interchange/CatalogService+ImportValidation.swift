import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

extension CatalogService {
    /// What validation needs to know about the database besides the document.
    struct ImportContext: Sendable {
        /// Departments by code.
        var departments: [String: Department]
        /// Codes of the locations already stored.
        var storedLocations: Set<String>
        /// Business codes of the items already stored.
        var storedItems: Set<String>
    }

    /// Checks the whole document and returns what to write, or throws one `invalid` error listing
    /// every problem with its path, such as `items[3].versions[0].guide.materials[1]`.
    func plan(_ document: CatalogDocument, context: ImportContext) throws(DomainError) -> ImportPlan {
        var problems = ImportProblems()
        var plan = ImportPlan()
        let divisions = try? DivisionTable.standard()
        let locationCodes = context.storedLocations.union(document.locations.map(\.code))
        let itemCodes = context.storedItems.union(document.items.map(\.businessCode))

        func division(_ text: String, _ path: String) -> DivisionCode? {
            guard let code = try? DivisionCode(text) else {
                problems.add(path, "“\(text)”不是六位行政区划代码")
                return nil
            }
            if let divisions, !divisions.contains(code) { problems.add(path, "行政区划代码 \(text) 不存在") }
            return code
        }
        func department(_ code: String, _ path: String) -> Department? {
            guard let found = context.departments[code] else {
                problems.add(path, "部门 \(code) 不存在，请使用组织机构中的部门编码（如 SJZ-SCJGJ）")
                return nil
            }
            return found
        }

        var seenItems: Set<String> = []
        for (i, entry) in document.items.enumerated() {
            let path = "items[\(i)]"
            if !seenItems.insert(entry.businessCode).inserted {
                problems.add(path + ".businessCode", "业务办理项编码 \(entry.businessCode) 在文件中重复")
            }
            var code: BusinessItemCode?
            do { code = try BusinessItemCode(entry.businessCode) } catch {
                problems.add(path + ".businessCode", error.detail)
            }
            let owner = department(entry.departmentCode, path + ".departmentCode")
            let divisionCode = division(entry.divisionCode, path + ".divisionCode")
            let versions = versions(entry.versions, path: path, locationCodes: locationCodes, problems: &problems)
            if let code, let owner, let divisionCode, let versions {
                plan.items.append(
                    ImportPlan.Item(
                        code: code, departmentID: owner.id, departmentName: owner.name, divisionCode: divisionCode,
                        versions: versions))
            }
        }

        var seenLocations: Set<String> = []
        for (i, entry) in document.locations.enumerated() {
            let path = "locations[\(i)]"
            if !seenLocations.insert(entry.code).inserted { problems.add(path + ".code", "场所编码 \(entry.code) 在文件中重复") }
            let divisionCode = division(entry.divisionCode, path + ".divisionCode")
            var departmentID: UUID?
            if let code = entry.departmentCode {
                guard let found = department(code, path + ".departmentCode") else { continue }
                departmentID = found.id
            }
            guard let divisionCode else { continue }
            let location = ServiceLocation(
                code: entry.code, name: entry.name, divisionCode: divisionCode, departmentID: departmentID,
                address: entry.address, hours: entry.hours, phone: entry.phone, windows: entry.windows,
                latitude: entry.latitude, longitude: entry.longitude)
            do { try location.validate() } catch { problems.add(path, error.detail) }
            plan.locations.append(location)
        }

        var seenBundles: Set<String> = []
        for (i, entry) in document.bundles.enumerated() {
            let path = "bundles[\(i)]"
            if !seenBundles.insert(entry.code).inserted { problems.add(path + ".code", "一件事编码 \(entry.code) 在文件中重复") }
            var codes: [BusinessItemCode] = []
            for (j, text) in entry.itemCodes.enumerated() {
                do { codes.append(try BusinessItemCode(text)) } catch {
                    problems.add(path + ".itemCodes[\(j)]", error.detail)
                    continue
                }
                if !itemCodes.contains(text) {
                    problems.add(path + ".itemCodes[\(j)]", "事项 \(text) 既不在文件中，也不在目录中")
                }
            }
            let bundle = ServiceBundle(
                code: entry.code, name: entry.name, audience: entry.audience, lifeEvent: entry.lifeEvent,
                summary: entry.summary, itemCodes: codes, isPublished: entry.published)
            do { try validate(bundle) } catch { problems.add(path, error.detail) }
            plan.bundles.append(bundle)
        }
        try problems.throwIfAny()
        return plan
    }

    /// Checks an item's versions: numbers, one draft at most, dates present and not overlapping,
    /// and each guide.
    private func versions(
        _ entries: [CatalogDocument.VersionEntry], path: String, locationCodes: Set<String>,
        problems: inout ImportProblems
    ) -> [ImportPlan.Version]? {
        let before = problems.all.count
        guard !entries.isEmpty else {
            problems.add(path + ".versions", "事项至少要有一个版本")
            return nil
        }
        var numbers: Set<Int> = []
        var planned: [ImportPlan.Version] = []
        for (j, entry) in entries.enumerated() {
            let at = "\(path).versions[\(j)]"
            if entry.number < 1 { problems.add(at + ".number", "版本号应从 1 开始") }
            if !numbers.insert(entry.number).inserted { problems.add(at + ".number", "版本号 \(entry.number) 重复") }
            func day(_ text: String?, _ field: String) -> CalendarDay? {
                guard let text else { return nil }
                do { return try CalendarDay(parsing: text) } catch {
                    problems.add(at + "." + field, error.detail)
                    return nil
                }
            }
            let from = day(entry.effectiveFrom, "effectiveFrom")
            let until = day(entry.effectiveUntil, "effectiveUntil")
            switch entry.status {
            case .draft:
                if entry.effectiveFrom != nil || entry.effectiveUntil != nil {
                    problems.add(at, "草稿尚未发布，不应有生效日期")
                }
            case .published, .retired:
                if entry.effectiveFrom == nil { problems.add(at + ".effectiveFrom", "已发布或已废止的版本须有生效日期") }
                if entry.status == .retired, entry.effectiveUntil == nil {
                    problems.add(at + ".effectiveUntil", "已废止的版本须有失效日期")
                }
                if let from, let until, until <= from {
                    problems.add(at + ".effectiveUntil", "失效日期 \(until) 应晚于生效日期 \(from)")
                }
            }
            check(entry.guide, at: at + ".guide", locationCodes: locationCodes, problems: &problems)
            planned.append(
                ImportPlan.Version(
                    number: entry.number, status: entry.status, effectiveFrom: from, effectiveUntil: until,
                    guide: entry.guide))
        }
        if entries.filter({ $0.status == .draft }).count > 1 { problems.add(path + ".versions", "一个事项最多只能有一份草稿") }
        let dated = planned.filter { $0.status != .draft && $0.effectiveFrom != nil }
            .sorted { ($0.effectiveFrom?.dayNumber ?? 0) < ($1.effectiveFrom?.dayNumber ?? 0) }
        for (earlier, later) in zip(dated, dated.dropFirst()) {
            guard let end = earlier.effectiveUntil, let start = later.effectiveFrom, end <= start else {
                problems.add(
                    path + ".versions",
                    "第 \(earlier.number) 版与第 \(later.number) 版的生效期间重叠；前一版的失效日期应不晚于后一版的生效日期")
                continue
            }
        }
        return problems.all.count == before ? planned.sorted { $0.number < $1.number } : nil
    }

    /// Checks a guide: materials' situations and location codes with their indexes, then the
    /// guide's own rules.
    private func check(_ guide: ItemGuide, at path: String, locationCodes: Set<String>, problems: inout ImportProblems)
    {
        let before = problems.all.count
        let situations = Set(guide.situations.map(\.code))
        for (k, material) in guide.materials.enumerated() {
            for code in material.situations where !situations.contains(code) {
                problems.add("\(path).materials[\(k)]", "材料“\(material.name)”引用了不存在的情形 \(code)")
            }
        }
        for (k, code) in guide.locationCodes.enumerated() where !locationCodes.contains(code) {
            problems.add("\(path).locationCodes[\(k)]", "服务场所 \(code) 既不在文件中，也不在目录中")
        }
        guard problems.all.count == before else { return }
        do { try guide.validate() } catch { problems.add(path, error.detail) }
    }
}
