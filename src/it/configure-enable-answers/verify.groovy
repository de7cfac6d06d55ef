// configure ran to the end with pty and getaddrinfo enabled, and took the site file's answers.
def site = new SiteShell()
File build = new File(basedir, 'target/wasm/wasi')
File siteFile = new File(build, 'config.site-wasm32-wasi')
List<String> log = site.log(basedir)
assert log.contains('[INFO] BUILD SUCCESS')

// The answers, not the absence of the variables.
Map<String, String> vars = site.sourced(siteFile)
assert vars.ac_cv_file__dev_ptmx == 'yes' && vars.ac_cv_file__dev_ptc == 'no': vars
assert vars.ac_cv_buggy_getaddrinfo == 'no': vars
assert siteFile.text.contains('# enabled on request:   getaddrinfo, pty\n')

// configure finished (config.status wrote pyconfig.h) and used them: -C keeps what it decided in
// config.cache, and a preset answer stays as the site file gave it.
String pyconfig = new File(build, 'pyconfig.h').text
assert pyconfig.contains('#define HAVE_DEV_PTMX 1')
assert pyconfig.contains('/* #undef HAVE_DEV_PTC */')
String cache = new File(build, 'config.cache').text
assert cache.contains('ac_cv_file__dev_ptmx=${ac_cv_file__dev_ptmx=yes}')
assert cache.contains('ac_cv_buggy_getaddrinfo=${ac_cv_buggy_getaddrinfo=no}')
// Debian's wasi-libc has no getaddrinfo at all (the link test fails), so HAVE_GETADDRINFO stays
// off on WASI whatever the bug answer; configure just must not stop on the missing answer.
assert cache.contains('ac_cv_func_getaddrinfo=${ac_cv_func_getaddrinfo=no}') || pyconfig.contains('#define HAVE_GETADDRINFO 1')
assert !log.any { it.contains('in your CONFIG_SITE file when cross compiling') }
assert !log.any { it.contains('You must get working getaddrinfo() function') }
return true
