import Foundation

/// `--stop verdict`: an experiment's repetitions stop once its verdict is decided, not once every
/// cell's own interval is tight.
///
/// After the rounds of interleaved samples at each look, every cell is compared with the fastest
/// on the paired ratio of their walls within the same round (so the machine's drift cancels): the
/// geometric mean of those ratios and its t-interval. A cell is placed when the interval lies
/// wholly beyond the winner rule's noise band (``NoiseTest/tolerance``: it is slower, it cannot
/// win; a one-sided test at the look's level) or wholly inside it (within noise: two one-sided
/// tests, TOST, at that level; the cheapest-within-noise rule applies to it). A cell whose
/// interval lies above 1 but reaches into the band (slower than the fastest, by about the band's
/// width) can take a long time to place and may never be: when it also costs more than the winner
/// the placed cells already give (``WinnerChoice/cost(_:)``), neither place changes the winner, and
/// it is set aside as ``Place/costlier``. The experiment is decided when every cell is placed (the
/// fastest then needs no more samples) and the serial baseline, on which every speedup rests, meets
/// its own precision target.
///
/// Looking after every round would spend the error rate again at each look, so the places are
/// only updated at ``looks`` (at most five), each at ``alpha`` ÷ 5 (a Bonferroni split of the
/// error over the looks, which bounds the chance of any false placement across all five by
/// ``alpha``, whatever happens between them).
public struct VerdictStop: Sendable {
    /// Where a cell stands.
    public enum Place: String, Codable, Sendable, Equatable {
        /// Not decided yet.
        case open
        /// The fastest so far: the reference of every comparison.
        case fastest
        /// Within the noise band of the fastest.
        case withinNoise = "within-noise"
        /// Slower than the fastest beyond the noise band.
        case slower
        /// Slower than the fastest but not yet beyond the band, and costlier than the winner: its
        /// place cannot change the verdict.
        case costlier
    }

    /// The rounds after which places are updated, for a maximum of `maximum` rounds: ``looks``
    /// below it, and the maximum itself as the last (so no round after the last look is wasted),
    /// never more than five.
    public static func looks(maximum: Int) -> [Int] {
        let before = looks.filter { $0 < maximum }
        return Array(before.prefix(looks.count - 1)) + [maximum]
    }

    /// The rounds after which places are updated: the first needs three paired ratios (an
    /// interval from two would be ±31.8 standard errors wide at this level); later looks give
    /// close races more rounds.
    public static let looks = [3, 5, 8, 13, 21]
    /// The overall error rate of a false placement, shared among the looks.
    public static let alpha = 0.05

    /// The one-sided t quantile at 1 − ``alpha`` ÷ 5 = 99% with `df` degrees of freedom (Student's
    /// table, df 1 to 30; the normal quantile beyond). Each decision is one-sided at 1%: "slower"
    /// rejects a ratio within the band's top, "within noise" rejects both edges (TOST, whose
    /// interval is the two-sided 98% one).
    static func tQuantile(_ df: Int) -> Double {
        let table = [
            31.821, 6.965, 4.541, 3.747, 3.365, 3.143, 2.998, 2.896, 2.821, 2.764, 2.718, 2.681, 2.650, 2.624, 2.602,
            2.583, 2.567, 2.552, 2.539, 2.528, 2.518, 2.508, 2.500, 2.492, 2.485, 2.479, 2.473, 2.467, 2.462, 2.457,
        ]
        return df >= 1 && df <= table.count ? table[df - 1] : 2.326
    }

    /// The interval of the ratio of `walls` to `reference`'s, paired round by round (a round
    /// missing from either is left out): (low, high) of the geometric mean ratio, or nil with
    /// fewer than three pairs.
    public static func ratioInterval(_ walls: [Double?], _ reference: [Double?]) -> (low: Double, high: Double)? {
        let logs = zip(walls, reference).compactMap { pair -> Double? in
            guard let a = pair.0, let b = pair.1, a > 0, b > 0 else { return nil }
            return (a / b).logarithm
        }
        guard logs.count >= 3 else { return nil }
        let n = Double(logs.count)
        let mean = logs.reduce(0, +) / n
        let variance = logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let half = tQuantile(logs.count - 1) * (variance / n).squareRoot()
        return ((mean - half).exponential, (mean + half).exponential)
    }

    /// The place of a cell whose ratio to the fastest has `interval`.
    public static func place(_ interval: (low: Double, high: Double)?) -> Place {
        guard let interval else { return .open }
        let band = 1 + NoiseTest.tolerance
        if interval.low > band { return .slower }
        if interval.low >= 1 / band && interval.high <= band { return .withinNoise }
        return .open
    }

    /// The places of an experiment's cells after `rounds` rounds, from each cell's wall by round
    /// (index r − 1 for round r; nil where its sample failed or was not taken) and the places
    /// already decided (kept: a decided cell leaves the rotation). Places change only at a look.
    /// With the `cells` (in the same order), an open cell that cannot change the winner is set
    /// aside as ``Place/costlier``.
    public static func places(
        walls: [[Double?]], decided: [Place], rounds: Int, maximum: Int = 21, cells: [Cell]? = nil
    ) -> [Place] {
        guard looks(maximum: maximum).contains(rounds) else { return decided }
        let medians = walls.map { Stats.median($0.compactMap { $0 }) ?? .infinity }
        guard let fastest = walls.indices.min(by: { medians[$0] < medians[$1] }) else { return decided }
        var intervals: [Int: (low: Double, high: Double)] = [:]
        let placed = walls.indices.map { cell -> Place in
            if cell == fastest { return .fastest }
            if [.slower, .withinNoise, .costlier].contains(decided[cell]) { return decided[cell] }
            intervals[cell] = ratioInterval(walls[cell], walls[fastest])
            return place(intervals[cell])
        }
        guard let cells, cells.count == walls.count else { return placed }
        return setAside(placed, intervals: intervals, fastest: fastest, medians: medians, cells: cells)
    }

    /// `places` with every open cell set aside as ``Place/costlier`` when none of them can change
    /// the winner: each is slower than the fastest (its interval wholly above 1, so it cannot
    /// become the fastest) and costs more than the cheapest cell within the noise of the fastest
    /// (or as much, when that cell is the fastest itself), while every cheaper cell is placed
    /// slower. Otherwise `places` unchanged.
    static func setAside(
        _ places: [Place], intervals: [Int: (low: Double, high: Double)], fastest: Int, medians: [Double],
        cells: [Cell]
    ) -> [Place] {
        let open = places.indices.filter { places[$0] == .open }
        guard !open.isEmpty else { return places }
        let candidates = places.indices.filter { places[$0] == .fastest || places[$0] == .withinNoise }
        guard
            let winner = candidates.min(by: { a, b in
                let (x, y) = (WinnerChoice.cost(cells[a]), WinnerChoice.cost(cells[b]))
                return x != y ? x < y : medians[a] < medians[b]
            })
        else { return places }
        let cost = WinnerChoice.cost(cells[winner])
        let moot = open.allSatisfy { cell in
            guard let low = intervals[cell]?.low, low > 1 else { return false }
            let other = WinnerChoice.cost(cells[cell])
            return other > cost || (other == cost && winner == fastest)
        }
        return moot ? places.map { $0 == .open ? .costlier : $0 } : places
    }
}

extension Double {
    fileprivate var logarithm: Double { Foundation.log(self) }
    fileprivate var exponential: Double { Foundation.exp(self) }
}
