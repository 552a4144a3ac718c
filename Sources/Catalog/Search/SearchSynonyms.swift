import CatalogModel

/// What people say when they look for a service, mapped to the official words items are named
/// with: someone who wants to 开饭店 is looking for 食品经营许可.
///
/// Expansion happens on the query, not in the index, so editing this table needs no reindexing.
enum SearchSynonyms {
    /// Colloquial phrase → official terms.
    static let table: [(phrase: String, terms: [String])] = [
        ("开饭店", ["餐饮", "食品经营"]),
        ("开餐馆", ["餐饮", "食品经营"]),
        ("开饭馆", ["餐饮", "食品经营"]),
        ("饭馆", ["餐饮", "食品经营"]),
        ("饭店", ["餐饮", "食品经营"]),
        ("小吃店", ["餐饮", "食品经营"]),
        ("奶茶店", ["餐饮", "食品经营"]),
        ("开公司", ["营业执照", "设立登记"]),
        ("注册公司", ["营业执照", "设立登记"]),
        ("办执照", ["营业执照", "设立登记"]),
        ("开店", ["营业执照", "个体工商户"]),
        ("关公司", ["注销登记"]),
        ("注销公司", ["注销登记"]),
        ("生孩子", ["出生", "生育"]),
        ("生娃", ["出生", "生育"]),
        ("新生儿", ["出生"]),
        ("上户口", ["户口", "户籍"]),
        ("落户", ["户口", "户籍"]),
        ("迁户口", ["户口迁移", "户籍"]),
        ("退休", ["养老保险", "退休"]),
        ("领养老金", ["养老保险", "退休"]),
        ("结婚", ["婚姻登记"]),
        ("领证", ["婚姻登记"]),
        ("离婚", ["婚姻登记"]),
        ("买房", ["不动产登记"]),
        ("过户", ["不动产登记", "转移登记"]),
        ("房产证", ["不动产权证书", "不动产登记"]),
        ("提公积金", ["公积金提取"]),
        ("取公积金", ["公积金提取"]),
        ("医保卡", ["医疗保险", "社会保障卡"]),
        ("社保卡", ["社会保障卡", "社会保险"]),
        ("看病报销", ["医疗费用报销", "医疗保险"]),
        ("失业金", ["失业保险金"]),
        ("找工作", ["就业登记", "职业介绍"]),
        ("驾照", ["机动车驾驶证"]),
        ("身份证", ["居民身份证"]),
        ("报税", ["纳税申报"]),
        ("交税", ["纳税申报"]),
        ("上学", ["入学"]),
    ]

    /// The official terms for the phrases `query` contains, in table order, without repeats and
    /// without terms the query already spells out.
    static func expansions(of query: String) -> [String] {
        var terms: [String] = []
        for (phrase, official) in table where query.contains(phrase) {
            for term in official where !query.contains(term) && !terms.contains(term) {
                terms.append(term)
            }
        }
        return terms
    }
}
