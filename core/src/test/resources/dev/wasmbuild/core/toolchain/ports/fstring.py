# Test fixture in the shape of emscripten's tools/ports/zlib.py: an f-string URL and a
# concatenated directory name.
import os

VERSION = '1.2.11'
HASH = 'a42b8359e76cf7b3ae70bf31f0f8a8caa407ac80e8fe08b838076cd5e45ac2e685dae45eb59db2d25543fb3b5bd13b843a02bb8373cda704d7238be50d5e9c68'


def needed(settings):
  return settings.USE_ZLIB


def get(ports, settings, shared):
  ports.fetch_project('zlib', f'https://example.invalid/ports/zlib-{VERSION}.zip', 'zlib-' + VERSION, sha512hash=HASH)
