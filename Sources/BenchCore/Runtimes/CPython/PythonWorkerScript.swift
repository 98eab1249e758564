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
        let bytes = Data(PackageResources.bench_worker_py)
        // FNV-1a of the bytes: a new bench with a changed script gets a folder of its own.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let manager = FileManager.default
        let folder = "\(NSTemporaryDirectory())/bench-python-\(getuid())-\(String(hash, radix: 16))"
        let path = "\(folder)/bench_worker.py"
        if isOurs(folder), manager.contents(atPath: path) == bytes { return path }
        // Another bench may be writing the same folder now: both write a staging file and rename
        // it into place, so whichever rename lands last, the script is whole.
        try? manager.createDirectory(
            atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let staging = "\(path).\(Sys.processID)"
        guard manager.createFile(atPath: staging, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw BenchError.failure(
                "Cannot write the CPython worker to \(staging); check that \(NSTemporaryDirectory()) is writable.")
        }
        _ = rename(staging, path)
        guard isOurs(folder), manager.contents(atPath: path) == bytes else {
            throw BenchError.failure("The CPython worker at \(path) does not hold bench's script; remove \(folder).")
        }
        return path
    }

    /// Whether `folder` exists, belongs to this user and only this user can write to it.
    private static func isOurs(_ folder: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder),
            attributes[.type] as? FileAttributeType == .typeDirectory,
            (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { return false }
        return mode & 0o022 == 0
    }
}
