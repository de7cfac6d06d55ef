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

    def format_exception(e, seen):
        # As traceback.format_exception, without source lines: importing traceback (and
        # linecache, tokenize, re) costs seconds in a fresh interpreter, whose stdlib has no
        # bytecode cached.
        seen.add(id(e))
        text = ''
        if e.__cause__ is not None and id(e.__cause__) not in seen:
            text = (format_exception(e.__cause__, seen)
                    + '\nThe above exception was the direct cause of the following exception:\n\n')
        elif (e.__context__ is not None and not e.__suppress_context__
              and id(e.__context__) not in seen):
            text = (format_exception(e.__context__, seen)
                    + '\nDuring handling of the above exception, another exception occurred:\n\n')
        lines = []
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_globals is driver_globals:
            tb = tb.tb_next
        while tb is not None:
            code = tb.tb_frame.f_code
            lines.append('  File "%s", line %s, in %s\n' % (code.co_filename, tb.tb_lineno, code.co_name))
            tb = tb.tb_next
        out, last, repeats = [], None, 0
        for line in lines:
            if line == last:
                repeats += 1
                if repeats < 3:
                    out.append(line)
                continue
            if repeats >= 3:
                out.append('  [Previous line repeated %d more times]\n' % (repeats - 2))
            last, repeats = line, 0
            out.append(line)
        if repeats >= 3:
            out.append('  [Previous line repeated %d more times]\n' % (repeats - 2))
        if out:
            text += 'Traceback (most recent call last):\n' + ''.join(out)
        if isinstance(e, SyntaxError) and e.lineno is not None:
            text += '  File "%s", line %s\n' % (e.filename, e.lineno)
        message = str(e)
        return text + type_name(type(e)) + (': ' + message if message else '') + '\n'

    def error_reply(e):
        out = bytearray(b'X')
        encode(type_name(type(e)), out, 0)
        encode(str(e), out, 0)
        encode(format_exception(e, set()), out, 0)
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


_channel = int(sys.argv[1])
sys.argv[:] = ['']  # as an interactive python has it; the channel's number is no argument of the user's
_serve(_channel)
