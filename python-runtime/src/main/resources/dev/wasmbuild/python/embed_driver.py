# The guest half of PythonInterpreter: run as `python -c <this file> <channel fd>`, it answers
# framed requests from Java until told to quit. Requests and replies travel on a file
# descriptor that only the Java side's fd_read/fd_write know (no file is behind it), so the
# user's stdout and stderr stay theirs. A frame is a 4-byte big-endian length and a body; a
# body is an operation byte and values in the tagged encoding of ValueCodec.java:
#   N None, T True, F False, i int64, I big int (u32 length, two's complement), f float64,
#   s str (u32 length, UTF-8), b bytes, l list, t tuple (u32 count, items), d dict (u32 count,
#   key and value pairs). Nothing here may stay in the user's namespace.
import sys


def _serve(channel):
    import builtins, io, os, struct

    pack, unpack_from = struct.pack, struct.unpack_from
    max_depth = 100

    def type_name(t):
        module = getattr(t, '__module__', None)
        name = getattr(t, '__qualname__', t.__name__)
        return name if module in (None, 'builtins') else module + '.' + name

    def encode(v, out, depth):
        if depth > max_depth:
            raise ValueError('a value nested deeper than %d levels (or containing itself)'
                             ' cannot go to Java' % max_depth)
        if v is None:
            out.append(78)
        elif v is True:
            out.append(84)
        elif v is False:
            out.append(70)
        elif isinstance(v, int):
            if -0x8000000000000000 <= v <= 0x7fffffffffffffff:
                out += b'i' + pack('>q', v)
            else:
                b = int.to_bytes(v, v.bit_length() // 8 + 1, 'big', signed=True)
                out += b'I' + pack('>I', len(b)) + b
        elif isinstance(v, float):
            out += b'f' + pack('>d', v)
        elif isinstance(v, str):
            b = v.encode('utf-8', 'surrogatepass')
            out += b's' + pack('>I', len(b)) + b
        elif isinstance(v, (bytes, bytearray)):
            out += b'b' + pack('>I', len(v)) + v
        elif isinstance(v, (list, tuple)):
            out += (b't' if isinstance(v, tuple) else b'l') + pack('>I', len(v))
            for item in v:
                encode(item, out, depth + 1)
        elif isinstance(v, dict):
            out += b'd' + pack('>I', len(v))
            for key, item in v.items():
                encode(key, out, depth + 1)
                encode(item, out, depth + 1)
        else:
            raise TypeError('a Python %s has no Java value (None, bool, int, float, str, bytes,'
                            ' list, tuple and dict do)' % type_name(type(v)))

    def decode(b, at):
        tag = b[at]
        at += 1
        if tag == 78:
            return None, at
        if tag == 84:
            return True, at
        if tag == 70:
            return False, at
        if tag == 105:
            return unpack_from('>q', b, at)[0], at + 8
        if tag == 102:
            return unpack_from('>d', b, at)[0], at + 8
        (n,) = unpack_from('>I', b, at)
        at += 4
        if tag == 73:
            return int.from_bytes(b[at:at + n], 'big', signed=True), at + n
        if tag == 115:
            return str(b[at:at + n], 'utf-8', 'surrogatepass'), at + n
        if tag == 98:
            return bytes(b[at:at + n]), at + n
        if tag == 108 or tag == 116:
            items = []
            for _ in range(n):
                item, at = decode(b, at)
                items.append(item)
            return (tuple(items) if tag == 116 else items), at
        if tag == 100:
            d = {}
            for _ in range(n):
                key, at = decode(b, at)
                d[key], at = decode(b, at)
            return d, at
        raise ValueError('unknown tag %r in a request' % chr(tag))

    def read_exactly(n):
        parts = []
        while n:
            part = os.read(channel, n)
            if not part:
                raise EOFError('the Java side closed the channel')
            parts.append(part)
            n -= len(part)
        return b''.join(parts)

    def send(body):
        frame = pack('>I', len(body)) + body
        while frame:
            frame = frame[os.write(channel, frame):]

    def lookup(name):
        first, _, rest = name.partition('.')
        if first in namespace:
            value = namespace[first]
        elif hasattr(builtins, first):
            value = getattr(builtins, first)
        else:
            raise NameError('name %r is not defined' % first)
        for attribute in rest.split('.') if rest else ():
            value = getattr(value, attribute)
        return value

    def run_script(source):
        # JSR-223: statements run; a last line that is an expression gives the value.
        import _ast
        tree = compile(source, '<script>', 'exec', _ast.PyCF_ONLY_AST)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, _ast.Expr):
            tree.body.pop()
            exec(compile(tree, '<script>', 'exec'), namespace)
            return eval(compile(_ast.Expression(last.value), '<script>', 'eval'), namespace)
        exec(compile(tree, '<script>', 'exec'), namespace)
        return None

    def encode_public_values(out):
        # A dict of the globals that have a Java value; each encoded once.
        items, count = bytearray(), 0
        for name, value in namespace.items():
            if not name.startswith('_'):
                item = bytearray()
                try:
                    encode(name, item, 1)
                    encode(value, item, 1)
                except (TypeError, ValueError):
                    continue
                items += item
                count += 1
        out += b'd' + pack('>I', count) + items

    def flush_output():
        # A stream that failed (the Java side's output limit) is replaced, so that the
        # dropped text does not come out at the next call.
        for name in ('stdout', 'stderr'):
            stream = getattr(sys, name)
            try:
                stream.flush()
            except Exception:
                fd = 1 if name == 'stdout' else 2
                setattr(sys, name, io.TextIOWrapper(io.FileIO(fd, 'w', closefd=False), encoding='utf-8',
                                                    errors='backslashreplace', line_buffering=False))

    def error_reply(e):
        import traceback
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_globals is driver_globals:
            tb = tb.tb_next
        text = ''.join(traceback.format_exception(type(e), e, tb))
        out = bytearray(b'X')
        encode(type_name(type(e)), out, 0)
        encode(str(e), out, 0)
        encode(text, out, 0)
        return out

    driver_globals = globals()
    module = type(sys)('__main__')
    module.__builtins__ = builtins
    sys.modules['__main__'] = module
    namespace = module.__dict__
    send(b'RN')
    while True:
        body = read_exactly(unpack_from('>I', read_exactly(4))[0])
        op = body[0]
        if op == 113:  # q
            return
        out = bytearray(b'R')
        try:
            a, at = decode(body, 1)
            if op == 120:  # x: exec
                exec(compile(a, '<string>', 'exec'), namespace)
                encode(None, out, 0)
            elif op == 101:  # e: eval
                encode(eval(compile(a, '<string>', 'eval'), namespace), out, 0)
            elif op == 99:  # c: call name(*args, **kwargs)
                args, at = decode(body, at)
                kwargs, at = decode(body, at)
                encode(lookup(a)(*args, **kwargs), out, 0)
            elif op == 115:  # s: set names
                namespace.update(a)
                encode(None, out, 0)
            elif op == 103:  # g: get a name
                encode(lookup(a), out, 0)
            elif op == 106:  # j: a script with bindings in, its value and the bindings out
                bindings, at = decode(body, at)
                namespace.update(bindings)
                value = run_script(a)
                out.append(108)
                out += pack('>I', 2)
                encode(value, out, 1)
                encode_public_values(out)
            else:
                raise ValueError('unknown operation %r' % chr(op))
        except BaseException as e:
            try:
                out = error_reply(e)
            except BaseException as worse:
                out = bytearray(b'X')
                encode(type_name(type(e)), out, 0)
                encode('(its message failed: %r)' % worse, out, 0)
                encode('', out, 0)
        finally:
            flush_output()
        send(bytes(out))


_serve(int(sys.argv[1]))
