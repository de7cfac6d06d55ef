# Test fixture: the URL names a constant the file never assigns.
VERSION = '2.0'


def get(ports, settings, shared):
  ports.fetch_project('undefined', f'https://example.invalid/{TAG}.zip', 'undefined-' + VERSION, sha512hash='0')
