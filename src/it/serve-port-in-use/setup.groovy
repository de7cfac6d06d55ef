// Hold the port in the invoker's JVM, which outlives the forked build; verify.groovy lets it go.
// If something else already holds it, the port is in use all the same.
try {
    def socket = new ServerSocket(47813, 1, InetAddress.getByName('127.0.0.1'))
    System.getProperties().put('wasm.it.serve-port-in-use.socket', socket)
} catch (BindException ignored) {
}
return true
