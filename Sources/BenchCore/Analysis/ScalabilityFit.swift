import Foundation

/// Gunther's Universal Scalability Law fitted to one model's measured speedups over worker counts:
/// S(N) = N / (1 + σ(N − 1) + κN(N − 1)), with σ the share lost to contention (serialised work) and
/// κ the cost of coherency (each worker talking to each other). Amdahl's law is the special case
/// κ = 0, used when κ is not measurably above zero. Only worker counts with a core each are fitted:
/// beyond the usable cores the hardware, not the model, bounds the speedup.
public struct ScalabilityFit: Codable, Sendable, Equatable {
    /// Which law was fitted.
    public enum Law: String, Codable, Sendable {
        /// The Universal Scalability Law (σ and κ).
        case usl
        /// Amdahl's law (σ only; κ = 0).
        case amdahl
    }

    /// One measured point.
    public struct Point: Codable, Sendable, Equatable {
        /// Workers.
        public var workers: Int
        /// Measured median speedup over serial.
        public var speedup: Double
    }

    /// The experiment (its serial cell).
    public var experiment: Cell
    /// The model.
    public var model: ModelKind
    /// The law fitted.
    public var law: Law
    /// Contention: the share of the work that is serialised.
    public var sigma: Double
    /// Coherency: the cost per pair of workers.
    public var kappa: Double
    /// R² of the fitted speedups against the measured ones; nil with fewer points than three or no
    /// spread to explain.
    public var rSquared: Double?
    /// The points fitted (worker counts within the usable CPUs).
    public var points: [Point]
    /// Worker counts measured beyond the usable CPUs, left out of the fit.
    public var excludedWorkers: [Int]
    /// The usable CPUs the fit was bounded by.
    public var usableCPUs: Double

    /// Creates a fit from known values.
    public init(
        experiment: Cell, model: ModelKind, law: Law, sigma: Double, kappa: Double, rSquared: Double?,
        points: [Point], excludedWorkers: [Int], usableCPUs: Double
    ) {
        self.experiment = experiment
        self.model = model
        self.law = law
        self.sigma = sigma
        self.kappa = kappa
        self.rSquared = rSquared
        self.points = points
        self.excludedWorkers = excludedWorkers
        self.usableCPUs = usableCPUs
    }

    /// The speedup the fitted law predicts at `workers`.
    public func speedup(at workers: Double) -> Double {
        Self.speedup(at: workers, sigma: sigma, kappa: kappa)
    }

    /// The Universal Scalability Law, the one place it is written: S(N) = N / (1 + σ(N − 1) + κN(N − 1)).
    public static func speedup(at workers: Double, sigma: Double, kappa: Double) -> Double {
        workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1))
    }

    /// The worker count where the fitted speedup peaks, √((1 − σ)/κ); nil when κ = 0 (Amdahl: the
    /// speedup only approaches 1/σ).
    public var peakWorkers: Double? {
        guard kappa > 0, sigma < 1 else { return nil }
        return ((1 - sigma) / kappa).squareRoot()
    }

    /// The speedup at the peak; under Amdahl, the limit 1/σ (nil when σ = 0: no limit).
    public var peakSpeedup: Double? {
        if let peakWorkers { return speedup(at: peakWorkers) }
        return sigma > 0 ? 1 / sigma : nil
    }

    /// Fits the law to `(workers, speedup)` points: least squares on the linear form
    /// N/S − 1 = σ(N − 1) + κN(N − 1). κ is kept only when it is positive and more than twice its
    /// standard error (which needs three points or more); otherwise Amdahl's σ alone is fitted.
    /// Nil when no point has more than one worker.
    public static func fit(_ points: [(workers: Double, speedup: Double)]) -> (
        law: Law, sigma: Double, kappa: Double, rSquared: Double?
    )? {
        let usable = points.filter { $0.speedup > 0 }
        guard usable.contains(where: { $0.workers > 1 }) else { return nil }
        let rows = usable.map {
            (x1: $0.workers - 1, x2: $0.workers * ($0.workers - 1), y: $0.workers / $0.speedup - 1)
        }
        let s11 = rows.reduce(0) { $0 + $1.x1 * $1.x1 }
        let s12 = rows.reduce(0) { $0 + $1.x1 * $1.x2 }
        let s22 = rows.reduce(0) { $0 + $1.x2 * $1.x2 }
        let s1y = rows.reduce(0) { $0 + $1.x1 * $1.y }
        let s2y = rows.reduce(0) { $0 + $1.x2 * $1.y }
        let distinct = Set(usable.filter { $0.workers > 1 }.map(\.workers)).count
        let det = s11 * s22 - s12 * s12
        var law = Law.amdahl
        var sigma = max(0, s1y / s11)
        var kappa = 0.0
        if distinct >= 2, det > 1e-12 * s11 * s22 {
            let uslSigma = (s22 * s1y - s12 * s2y) / det
            let uslKappa = (s11 * s2y - s12 * s1y) / det
            var significant = uslKappa > 0 && uslSigma >= 0
            if significant, rows.count >= 3 {
                let residual = rows.reduce(0) {
                    let e = $1.y - uslSigma * $1.x1 - uslKappa * $1.x2
                    return $0 + e * e
                }
                let variance = residual / Double(rows.count - 2)
                let standardError = (variance * s11 / det).squareRoot()
                significant = uslKappa > 2 * standardError
            } else if rows.count < 3 {
                significant = uslKappa > 0 && uslSigma >= 0  // two points, two parameters: an exact fit
            }
            if significant {
                law = .usl
                sigma = uslSigma
                kappa = uslKappa
            }
        }
        // R² on the speedups themselves, which is what people read.
        var rSquared: Double?
        if usable.count >= 3 {
            let mean = usable.reduce(0) { $0 + $1.speedup } / Double(usable.count)
            let total = usable.reduce(0) { $0 + ($1.speedup - mean) * ($1.speedup - mean) }
            let residual = usable.reduce(0) {
                let predicted = speedup(at: $1.workers, sigma: sigma, kappa: kappa)
                return $0 + ($1.speedup - predicted) * ($1.speedup - predicted)
            }
            if total > 0 { rSquared = 1 - residual / total }
        }
        return (law, sigma, kappa, rSquared)
    }

    /// One fit per parallel model of each compute family (I/O fraction 0) measured at two worker
    /// counts or more, over the worker counts that had a usable CPU each.
    static func make(_ families: [RunAnalysis.Family], capacity: (Cell) -> Double) -> [ScalabilityFit] {
        families.flatMap { family -> [ScalabilityFit] in
            let usableCPUs = capacity(family.baseline)
            guard family.baseline.ioFraction == 0, family.baseline.kind != .io else { return [] }
            var models: [ModelKind] = []
            for cell in family.cells where cell.cell.model.isParallel && !models.contains(cell.cell.model) {
                models.append(cell.cell.model)
            }
            return models.compactMap { model in
                let cells = family.cells.filter { $0.cell.model == model }.sorted { $0.cell.workers < $1.cell.workers }
                guard Set(cells.map(\.cell.workers)).count >= 2 else { return nil }
                let inside = cells.filter { Double($0.cell.workers) <= usableCPUs + 1e-9 }
                let points = inside.map { Point(workers: $0.cell.workers, speedup: $0.speedup) }
                guard let fitted = fit(points.map { (Double($0.workers), $0.speedup) }) else { return nil }
                return ScalabilityFit(
                    experiment: family.baseline, model: model, law: fitted.law, sigma: fitted.sigma,
                    kappa: fitted.kappa, rSquared: fitted.rSquared, points: points,
                    excludedWorkers: cells.filter { Double($0.cell.workers) > usableCPUs + 1e-9 }.map(\.cell.workers),
                    usableCPUs: usableCPUs)
            }
        }
    }

    /// The fit in a sentence: "threads: 1.2% contention, no measurable coherency cost; predicted
    /// 15.2x at 16 workers and 40.1x at 64 (Amdahl's limit 83.3x); fitted to 4 points (1–8 workers),
    /// R² 0.998. 16 workers were beyond the 8 usable CPUs: bounded by the hardware."
    public var sentence: String {
        var text = "\(model.rawValue): \(Format.fixed(sigma * 100, sigma < 0.01 ? 2 : 1))% contention, "
        text +=
            kappa > 0
            ? "\(Format.fixed(kappa * 100, 3))% coherency cost per pair of workers" : "no measurable coherency cost"
        text += "; predicted \(Format.ratio(speedup(at: 16))) at 16 workers and \(Format.ratio(speedup(at: 64))) at 64"
        if let peakWorkers, let peak = peakSpeedup {
            text +=
                peakWorkers > 64
                ? ", peak beyond 64 (\(Format.ratio(peak)) at \(Int(peakWorkers.rounded())))"
                : ", peak \(Format.ratio(peak)) at \(Int(peakWorkers.rounded())) workers"
        } else if let limit = peakSpeedup {
            text += " (Amdahl's limit \(Format.ratio(limit)))"
        } else {
            text += " (no limit measured)"
        }
        let counts = points.map(\.workers)
        text +=
            "; \(law == .usl ? "Universal Scalability Law" : "Amdahl's law") fitted to \(points.count) \(points.count == 1 ? "point" : "points") (\(counts.map(String.init).joined(separator: ", ")) workers)"
        if let rSquared { text += ", R² \(Format.fixed(rSquared, 3))" }
        text += "."
        if !excludedWorkers.isEmpty {
            text +=
                " \(excludedWorkers.map(String.init).joined(separator: ", ")) workers \(excludedWorkers.count == 1 ? "was" : "were") beyond the \(Format.number(usableCPUs)) usable CPUs and left out: there the hardware bounds the speedup."
        }
        return text
    }
}
