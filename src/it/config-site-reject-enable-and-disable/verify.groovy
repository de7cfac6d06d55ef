// One id in both <enable> and <disable> is a contradiction the plugin does not resolve silently.
def site = new SiteShell()
site.assertRejected(basedir, "<enable>: feature 'hardlinks' is listed in both <enable> and <disable>; keep it in one of them")
return true
