# Test fixture: the URL comes from a function call, which the reader does not evaluate.
VERSION = '3.0'


def url(version):
  return 'https://example.invalid/' + version


def get(ports, settings, shared):
  ports.fetch_project('computed', url(VERSION), 'computed-' + VERSION, sha512hash='0')
