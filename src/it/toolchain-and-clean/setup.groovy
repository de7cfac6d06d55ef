// Something for wasm:clean to remove, next to a target it must leave alone.
['target/wasm/emscripten-node/Modules', 'target/wasm/wasi'].each { new File(basedir, it).mkdirs() }
new File(basedir, 'target/wasm/emscripten-node/Modules/x.o').text = 'x'
new File(basedir, 'target/wasm/wasi/keep').text = 'x'
return true
