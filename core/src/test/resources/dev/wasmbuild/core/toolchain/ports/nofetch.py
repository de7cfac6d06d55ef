# Test fixture: a port that ships with emscripten and downloads nothing.
def get(ports, settings, shared):
  return []
