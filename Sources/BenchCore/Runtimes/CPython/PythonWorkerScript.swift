import Foundation

/// The CPython worker, `bench_worker.py`, embedded in bench at build time (so a copied binary
/// needs no checkout) and written where an interpreter can run it: a folder named by the
/// script's hash under the temporary directory, reused while it holds exactly these bytes and
/// belongs to this user. multiprocessing's spawn and forkserver start methods re-import the
/// script by path, so it must be a real file.
public enum PythonWorkerScript {
    /// The path of the script, written on first use in this process.
    public static func path() throws -> String {
        try written.get()
    }

    private static let written: Result<String, any Error> = Result { try write() }

    private static func write() throws -> String {
        let bytes = Array(PackageResources.bench_worker_py)
        // FNV-1a of the bytes: a new bench with a changed script gets a folder of its own.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "bench-python-\(getuid())-\(String(hash, radix: 16))")
        let path = "\(folder)/bench_worker.py"
        // The folder is made, or checked, before anything is written into it: a link planted in
        // its place, or another user's folder, is refused, never written through.
        try Sys.privateDirectory(folder)
        if Sys.readOwnFile(path, limit: bytes.count) == bytes { return path }
        // Another bench may be writing the same folder now: both write a staging file and rename
        // it into place, so whichever rename lands last, the script is whole.
        let staging = "\(path).\(Sys.processID)"
        unlink(staging)
        do { try Sys.writeNewFile(staging, bytes) } catch {
            throw BenchError.usage(
                "Cannot write the CPython worker to \(staging) (\(error)); TMPDIR must name a writable folder.")
        }
        _ = rename(staging, path)
        guard Sys.readOwnFile(path, limit: bytes.count) == bytes else {
            throw BenchError.failure("The CPython worker at \(path) does not hold bench's script; remove \(folder).")
        }
        return path
    }
}
