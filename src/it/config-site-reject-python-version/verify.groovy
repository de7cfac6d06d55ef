// Without a source tree the version comes from <pythonVersion>, and must be one the catalogue covers.
def site = new SiteShell()
site.assertRejected(basedir, '<pythonVersion>: CPython 3.10 is not in the feature catalogue; supported versions: 3.11, 3.12, 3.13, 3.14')
return true
