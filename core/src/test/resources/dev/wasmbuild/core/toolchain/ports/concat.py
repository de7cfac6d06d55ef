# Test fixture in the shape of emscripten's tools/ports/bzip2.py: URL and directory name both
# concatenated from literals and a constant.
VERSION = '1.0.6'
HASH = '512cbfde5144067f677496452f3335e9368fd5d7564899cb49e77847b9ae7dca598218276637cbf5ec524523be1e8ace4ad36a148ef7f4badf3f6d5a002a4bb2'


def get(ports, settings, shared):
  ports.fetch_project('bzip2', 'https://example.invalid/bzip2/archive/' + VERSION + '.zip', 'bzip2-' + VERSION, sha512hash=HASH)
