import Evaluation
import Testing

@Suite("Scoreboard arithmetic: per-mille rates rounded half up, no rate without a denominator")
struct ScoreTallyTests {
    /// A tally with `levels` ratings at 非常不满意…非常满意.
    static func tally(_ levels: [Int]) -> ScoreTally {
        var tally = ScoreTally()
        tally.byLevel = levels
        tally.bad = levels[0] + levels[1]
        return tally
    }

    @Test("satisfaction, bad-review share and the average from the level counts")
    func rates() {
        // 3 非常不满意, 1 不满意, 2 基本满意, 10 满意, 17 非常满意: 33 ratings.
        let tally = Self.tally([3, 1, 2, 10, 17])

        #expect(tally.total == 33)
        // 27 / 33 = 0.81818… → 818‰.
        #expect(tally.satisfactionPerMille == 818)
        // 4 / 33 = 0.121212… → 121‰.
        #expect(tally.badPerMille == 121)
        // (3·1 + 1·2 + 2·3 + 10·4 + 17·5) / 33 = 136 / 33 = 4.1212… → 412 hundredths.
        #expect(tally.averageLevelHundredths == 412)
    }

    @Test("halves round up: 1 of 8 is 125‰, 1 of 16 is 62.5‰ → 63‰, 1 of 3 is 333‰")
    func rounding() {
        var tally = Self.tally([1, 0, 0, 0, 7])
        #expect(tally.badPerMille == 125)
        tally = Self.tally([1, 0, 0, 0, 15])
        #expect(tally.badPerMille == 63)
        tally = Self.tally([1, 0, 0, 0, 2])
        #expect(tally.badPerMille == 333)
        #expect(tally.satisfactionPerMille == 667)
    }

    @Test("the loop's rates use bad reviews and due rectifications as denominators")
    func loopRates() {
        var tally = Self.tally([2, 3, 0, 0, 5])
        tally.calledBack = 4
        tally.calledBackOnTime = 3
        tally.answered = 2
        tally.rectificationDue = 3
        tally.rectifiedOnTime = 2

        #expect(tally.callbackPerMille == 800)
        #expect(tally.rectificationPerMille == 400)
        #expect(tally.onTimeRectificationPerMille == 667)
    }

    @Test("no ratings, no bad reviews, nothing due: every rate is absent, not zero")
    func emptyDenominators() {
        let empty = ScoreTally()
        #expect(empty.satisfactionPerMille == nil)
        #expect(empty.averageLevelHundredths == nil)
        let good = Self.tally([0, 0, 0, 1, 4])
        #expect(good.callbackPerMille == nil)
        #expect(good.rectificationPerMille == nil)
        #expect(good.onTimeRectificationPerMille == nil)
        #expect(good.satisfactionPerMille == 1000)
    }

    @Test("tallies add field by field")
    func addition() {
        var left = Self.tally([1, 0, 2, 3, 4])
        left.calledBack = 1
        var right = Self.tally([0, 2, 0, 1, 0])
        right.answered = 2
        right.rectificationDue = 1

        let sum = left + right

        #expect(sum.byLevel == [1, 2, 2, 4, 4])
        #expect(sum.bad == 3)
        #expect(sum.calledBack == 1)
        #expect(sum.answered == 2)
        #expect(sum.rectificationDue == 1)
        #expect(sum.total == 13)
    }
}
