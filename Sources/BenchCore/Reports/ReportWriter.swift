import Foundation

/// The only code that writes report files. Regular files are written atomically (a temporary
/// file in the same folder, then `rename`), so a reader never sees half a file.
public enum ReportWriter {
    /// Writes `contents` to `path`, creating parent folders as needed: atomically when `path` is a
    /// regular file or does not exist yet; in place when it is anything else, such as `/dev/null`
    /// or a FIFO, because renaming over a device would replace the device itself. A symbolic link
    /// is followed, not replaced.
    /// - Throws: ``BenchError/failure(_:)`` naming the path and the reason.
    public static func write(_ contents: String, to path: String) throws {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        do {
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if let type, type != .typeRegular {
                guard let handle = FileHandle(forWritingAtPath: url.path) else {
                    throw BenchError.failure("Could not open \(path) for writing.")
                }
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(contents.utf8))
                return
            }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .atomic)
        } catch let error as BenchError {
            throw error
        } catch {
            throw BenchError.failure("Could not write \(path): \(error.localizedDescription)")
        }
    }

    /// Makes sure `directory` exists and is writable, creating it if needed.
    /// - Throws: ``BenchError/usage(_:)``: an unwritable output folder is bad input, caught before
    ///   anything runs.
    public static func prepareDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BenchError.usage("--out \(directory) is a file, not a folder; give a folder path.")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw BenchError.usage(
                    "Cannot create the output folder \(directory); choose a writable path with --out.")
            }
        }
        // access(W_OK) says yes to root everywhere (/proc included): only creating a file tells.
        guard Sys.canCreateFile(in: directory) else {
            throw BenchError.usage("The output folder \(directory) is not writable; choose another with --out.")
        }
    }

    /// Makes sure a file can be created at `path` (its folder exists or can be created, and is writable).
    /// - Throws: ``BenchError/usage(_:)`` naming the flag.
    public static func checkWritable(file path: String, flag: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try prepareDirectory(parent)
        } catch {
            throw BenchError.usage(
                "\(flag) \(path) cannot be written: its folder \(parent) is missing or not writable.")
        }
    }
}
