import Foundation

extension RegistryPeers {
    /// Whether `mlflow` (PyPI) is installed (or the tools are required).
    public static let mlflow: Bool = toolsRequired || onPath("mlflow")
}

/// `mlflow server` on 127.0.0.1 on a free port with a sqlite store in a temporary folder, in a
/// process group of its own (`setsid`: it starts workers of its own), whose whole group is
/// stopped at exit. It takes about 11 s to answer, so one server serves a whole test run
/// (``shared``); tests keep apart by naming their registered models uniquely.
public final class MLflowServer: @unchecked Sendable {
    /// The port.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var uri: String { "http://127.0.0.1:\(port)" }
    /// The folder of its store and log.
    public let folder: String
    private let process: SpawnedServer

    /// The process group of the shared server, stopped by the exit handler.
    nonisolated(unsafe) private static var sharedGroup: pid_t = 0

    /// The one server of this test run, started on first use.
    public static let shared: Result<MLflowServer, any Error> = {
        do {
            let server = try MLflowServer()
            sharedGroup = server.process.group
            // Its store goes once the server is stopped: exit handlers run latest first.
            ExitCleanup.remove(atExit: server.folder)
            atexit { if MLflowServer.sharedGroup > 0 { SpawnedServer.stop(group: MLflowServer.sharedGroup) } }
            return .success(server)
        } catch {
            return .failure(error)
        }
    }()

    /// Starts a server and waits (up to 180 s: it is slow on a busy machine) until `GET /health`
    /// answers `OK`.
    public init() throws {
        port = try RegistryPeers.freePort()
        folder = NSTemporaryDirectory() + "cardigan-mlflow-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Its own temporary files (a `db_init_lock-…` of the sqlite store) go in its folder too.
        process = try SpawnedServer(
            [
                "env", "TMPDIR=\(folder)/", "mlflow", "server", "--backend-store-uri", "sqlite:///\(folder)/mlflow.db",
                "--default-artifact-root",
                folder + "/artifacts", "--host", "127.0.0.1", "--port", String(port), "--workers", "1",
            ], log: folder + "/server.log")
        let deadline = Date().addingTimeInterval(180)
        while SpawnedServer.get(port: port, path: "/health")?.trimmingCharacters(in: .whitespacesAndNewlines) != "OK" {
            guard process.isRunning, Date() < deadline else {
                process.stop()
                throw PeerError("mlflow server did not answer on port \(port): \(process.logTail)")
            }
            usleep(250_000)
        }
    }

    /// Makes a fixture over the REST API (`registry-peer.py mlflow`): `group churn`,
    /// `version churn`, `approve churn 1`.
    @discardableResult
    public func setup(_ arguments: [String]) throws -> String {
        try RegistryPeers.peer(["mlflow", uri] + arguments).checked().output
    }
}
