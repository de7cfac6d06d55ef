def log = new File(basedir, 'build.log').text
assert log =~ /<sourceDirectory>: \S+dirty-cpython was built in-tree \(Programs\/python\.o exists\); out-of-tree builds need a clean source tree\. Clean it with: make -C \S+dirty-cpython distclean/
assert !new File(basedir, 'target/wasm/wasi').exists()
assert !log.contains('Running configure')
return true
