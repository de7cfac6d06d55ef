System.getProperties().remove('wasm.it.serve-port-in-use.socket')?.close()
def log = new File(basedir, 'build.log').text
assert log.contains('<port>: port 47813 on 127.0.0.1 is already in use') : 'expected the error naming <port>'
assert log.contains("choose another <port> (-Dwasm.serve.port=…), or 0 to let the system pick a free one")
assert !log.contains('Serving ')
return true
