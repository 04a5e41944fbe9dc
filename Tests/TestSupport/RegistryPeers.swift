import Foundation

/// The real peers of the registry tests: botocore (SigV4 and the service model) and moto's
/// SageMaker emulation, installed by `scripts/install-test-tools.sh`. A test that needs one is
/// enabled when it is installed, and also when `CARDIGAN_REQUIRE_TOOLS=1` (CI): then a missing
/// peer fails the test instead of skipping it.
public enum RegistryPeers {
    /// Whether CI asked for every tool.
    public static var toolsRequired: Bool { ProcessInfo.processInfo.environment["CARDIGAN_REQUIRE_TOOLS"] == "1" }

    /// Whether `python3` imports botocore (or the tools are required).
    public static let botocore: Bool = toolsRequired || python("import botocore")

    /// Whether moto's server and boto3 are installed (or the tools are required).
    public static let moto: Bool = toolsRequired || (python("import moto.server, boto3") && onPath("moto_server"))

    /// The helper script of the peers.
    public static var script: String { PackagePaths.root + "/scripts/registry-peer.py" }

    /// Runs the helper with `arguments`, feeding it `input`.
    public static func peer(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        try ProcessResult.run(["python3", script] + arguments, in: PackagePaths.root, input: input)
    }

    static func python(_ code: String) -> Bool {
        (try? ProcessResult.run(["python3", "-c", code], in: NSTemporaryDirectory()).status) == 0
    }

    static func onPath(_ program: String) -> Bool {
        (try? ProcessResult.run(["sh", "-c", "command -v \(program)"], in: NSTemporaryDirectory()).status) == 0
    }

    /// A TCP port nothing listens on now: bound to 127.0.0.1 port 0, read back, closed.
    public static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PeerError("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw PeerError("cannot bind a port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A socket on 127.0.0.1 that accepts connections (the kernel's backlog) but never answers:
    /// a server that hangs. Returns its descriptor (close it when done) and port.
    public static func silentListener() throws -> (socket: Int32, port: Int) {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PeerError("no socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard ready, listen(socket, 8) == 0 else {
            close(socket)
            throw PeerError("cannot listen on 127.0.0.1")
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func isListening(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

/// A failure of a peer, in words.
public struct PeerError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// An error.
    public init(_ description: String) { self.description = description }
}
