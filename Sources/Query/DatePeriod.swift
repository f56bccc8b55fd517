import KnowledgeBase

/// The days a date held as a year, a month or a day stands for (`2025` is 2025-01-01 to
/// 2025-12-31). Dates are text in the knowledge base, and a year or month sorts before
/// its own first day ("2025" < "2025-01-01"), so a filter compares with the period's
/// first or last day and names the shorter forms that start on that first day.
struct DatePeriod: Equatable {
    /// An ISO date of 4, 7 or 10 characters, already checked to be a real one.
    let text: String

    /// The period's first day.
    var first: String {
        switch text.count {
        case 4: text + "-01-01"
        case 7: text + "-01"
        default: text
        }
    }

    /// The period's last day.
    var last: String {
        switch text.count {
        case 4: return text + "-12-31"
        case 7:
            let days = ValueParsing.days(inMonth: Int(text.suffix(2)) ?? 1, of: Int(text.prefix(4)) ?? 0)
            return text + "-" + String(days)
        default: return text
        }
    }

    /// The year and month forms that count from the same first day as this period
    /// (for 2025-01-01: "2025" and "2025-01"; for 2025-03-01: "2025-03"), which sort
    /// before that day as text although they do not start before it.
    var shorterFormsStartingOnItsFirstDay: [String] {
        let day = first
        var forms: [String] = []
        if day.hasSuffix("-01-01") { forms.append(String(day.prefix(4))) }
        if day.hasSuffix("-01") { forms.append(String(day.prefix(7))) }
        return forms
    }
}
