/// The scalability laws fitted to a run's speedups: a sentence per model, and the figures.
public enum ScalabilitySection {
    /// The section, or "" when no model was measured at two worker counts or more.
    public static func markdown(_ fits: [ScalabilityFit]) -> String {
        guard !fits.isEmpty else { return "" }
        var out = "## Scalability\n\n"
        out +=
            "Gunther's Universal Scalability Law, S(N) = N / (1 + σ(N − 1) + κN(N − 1)), fitted to each parallel model's median speedups at the worker counts that had a usable CPU each: σ is contention (work that runs one at a time), κ coherency (a cost per pair of workers). Amdahl's law (κ = 0) stands when κ is not measurably above zero.\n\n"
        var experiment: Cell?
        for fit in fits {
            if fit.experiment != experiment {
                experiment = fit.experiment
                out += "**\(fit.experiment.experimentName)**\n\n"
                out += "| Model | Law | σ (contention) | κ (coherency) | Peak | R² | Points |\n"
                out += "|---|---|---:|---:|---|---:|---|\n"
                for row in fits where row.experiment == fit.experiment {
                    let peak =
                        row.peakWorkers.map { "\(Format.ratio(row.peakSpeedup ?? 0)) at \(Int($0.rounded()))" }
                        ?? row.peakSpeedup.map { "→ \(Format.ratio($0)) (limit)" } ?? "none measured"
                    out +=
                        "| \(row.model.rawValue) | \(row.law == .usl ? "USL" : "Amdahl") | \(Format.fixed(row.sigma, 4)) | \(Format.fixed(row.kappa, 5)) | \(peak) | \(row.rSquared.map { Format.fixed($0, 3) } ?? "–") | \(row.points.map { "\($0.workers): \(Format.ratio($0.speedup))" }.joined(separator: ", ")) |\n"
                }
                out += "\n"
                for row in fits where row.experiment == fit.experiment { out += "- \(row.sentence)\n" }
                out += "\n"
            }
        }
        return out
    }
}
