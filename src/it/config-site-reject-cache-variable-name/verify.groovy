// A <cacheVariables> element whose name a shell would not take as a variable name is refused,
// even though the other entry is fine: nothing is half-written.
def site = new SiteShell()
site.assertRejected(basedir, "<cacheVariables>: 'ac-cv-func-pipe2' is not a valid variable name; names match [A-Za-z_][A-Za-z0-9_]*, e.g. ac_cv_func_dup3")
return true
