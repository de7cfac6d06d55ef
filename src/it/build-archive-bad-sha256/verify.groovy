def log = new File(basedir, 'build.log').text
assert log =~ /<sourceArchiveSha256>: the sha256 of \S+python3\.11_3\.11\.2\.orig\.tar\.gz is 2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849, not 0{64}/
assert !new File(basedir, 'target/wasm').exists()
return true
