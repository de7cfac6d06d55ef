/*
 * Written by wasm-maven-plugin (PreinitEntry.java): CPython's main for python-preinit.wasm.
 *
 * wasm:jar calls the export "wasm-plugin-preinit" once, at build time, under Chicory: it starts
 * the interpreter (and site) and returns. The plugin then writes the instance's memory and
 * globals into the module as its initial state, so that every later run of the jar starts with
 * CPython already initialised. main() sees that and only does what python does after its
 * initialisation: sys.argv, sys.path[0], the environment of this run, and -c, -m or a script.
 * Anything else on the command line (options that shape the interpreter, or reading the
 * program from stdin) finalises the ready-made interpreter and starts python's own main.
 * Without the snapshot (node, wasmtime, a module never pre-initialised), main is python's own.
 */
#include "Python.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wasi/api.h>
#include <wasi/libc.h>

void __wasm_call_ctors(void);
void __wasilibc_initialize_environ(void);
extern char **environ;

/* Set in the snapshot, zero in a module that was never pre-initialised. */
static int preinitialized;
/* The first descriptor after the preopened directories the snapshot run had (the jar's /,
   /tmp and stdlib): wasi-libc learnt those then and keeps them in the snapshot. */
static __wasi_fd_t snapshot_preopens_end;

/* The first descriptor from `fd` on that is no preopened directory. */
static __wasi_fd_t preopens_end(__wasi_fd_t fd) {
    __wasi_prestat_t prestat;
    while (__wasi_fd_prestat_get(fd, &prestat) == __WASI_ERRNO_SUCCESS) {
        fd++;
    }
    return fd;
}

/* Directories this run mounts beyond the snapshot's (a Java program's Python.builder().mount):
   wasi-libc read its preopens once, in the snapshot run, so it is told of these here. */
static void register_new_preopens(void) {
    __wasi_prestat_t prestat;
    for (__wasi_fd_t fd = snapshot_preopens_end; __wasi_fd_prestat_get(fd, &prestat) == __WASI_ERRNO_SUCCESS; fd++) {
        if (prestat.tag != __WASI_PREOPENTYPE_DIR) {
            continue;
        }
        size_t len = prestat.u.dir.pr_name_len;
        char *name = malloc(len + 1);
        if (name == NULL) {
            return;
        }
        /* Not freed: wasi-libc may keep the pointer (it copies it today, but does not promise to). */
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *) name, len) == __WASI_ERRNO_SUCCESS) {
            name[len] = '\0';
            __wasilibc_register_preopened_fd(fd, name);
        }
    }
}

__attribute__((export_name("wasm-plugin-preinit")))
void wasm_plugin_preinit(void) {
    /* A command's constructors run in _start, which is not called here. Without them
       wasi-libc's state is half made, and exit() in a later run traps on it. */
    __wasm_call_ctors();
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    /* The same snapshot from the same inputs: a random hash seed would differ per build. */
    config.use_hash_seed = 1;
    config.hash_seed = 0;
    /* argv[0] as the jar's launcher passes it (WasiPython.PROGRAM). */
    char *argv[] = {"/usr/local/bin/python3", NULL};
    PyStatus status = PyConfig_SetBytesArgv(&config, 1, argv);
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    snapshot_preopens_end = preopens_end(3);
    preinitialized = 1;
}

/* os.environ as this run's environment (main has read it into environ); the snapshot holds
   the build's, which is empty. */
static int use_this_environment(void) {
    PyObject *data = PyDict_New();
    if (data == NULL) {
        return -1;
    }
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        int bad = k == NULL || v == NULL || PyDict_SetItem(data, k, v) < 0;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (bad) {
            Py_DECREF(data);
            return -1;
        }
    }
    PyObject *os = PyImport_ImportModule("os");
    PyObject *mapping = os == NULL ? NULL : PyObject_GetAttrString(os, "environ");
    int rc = mapping == NULL ? -1 : PyObject_SetAttrString(mapping, "_data", data);
    Py_XDECREF(mapping);
    Py_XDECREF(os);
    Py_DECREF(data);
    return rc;
}

/* The environment names that change how python sets itself up (PYTHONPATH, PYTHONHOME, ...). */
static int environment_shapes_python(void) {
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        if (strncmp(*e, "PYTHON", 6) == 0) {
            return 1;
        }
    }
    return 0;
}

static int set_argv(int argc, char **argv, const char *first, int rest) {
    PyObject *list = PyList_New(0);
    PyObject *orig = PyList_New(0);
    int rc = list == NULL || orig == NULL ? -1 : 0;
    for (int i = 0; rc == 0 && i < argc; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(argv[i]);
        rc = s == NULL || PyList_Append(orig, s) < 0 ? -1 : 0;
        Py_XDECREF(s);
    }
    PyObject *s = rc == 0 ? PyUnicode_DecodeFSDefault(first) : NULL;
    rc = s == NULL || PyList_Append(list, s) < 0 ? -1 : 0;
    Py_XDECREF(s);
    for (int i = rest; rc == 0 && i < argc; i++) {
        s = PyUnicode_DecodeFSDefault(argv[i]);
        rc = s == NULL || PyList_Append(list, s) < 0 ? -1 : 0;
        Py_XDECREF(s);
    }
    if (rc == 0) {
        rc = PySys_SetObject("argv", list) < 0 || PySys_SetObject("orig_argv", orig) < 0 ? -1 : 0;
    }
    Py_XDECREF(list);
    Py_XDECREF(orig);
    return rc;
}

/* sys.path[0] as python sets it: "" for -c, the working directory for -m, the script's
   directory (symbolic links resolved) for a script. */
static int set_path0(const char *how) {
    return PyRun_SimpleString(how);
}

/* PyRun_SimpleString has printed its own error already. */
static void report(void) {
    if (PyErr_Occurred()) {
        PyErr_Print();
    }
}

static int finish(int rc) {
    if (Py_FinalizeEx() < 0) {
        rc = 120;
    }
    return rc;
}

int main(int argc, char **argv) {
    if (!preinitialized) {
        return Py_BytesMain(argc, argv);
    }
    register_new_preopens();
    int command = argc >= 3 && strcmp(argv[1], "-c") == 0;
    int module = argc >= 3 && strcmp(argv[1], "-m") == 0;
    /* A regular file; python's own main runs a directory's or a zip's __main__.py, and says
       what is wrong with a path it cannot open. */
    struct stat st;
    int script = argc >= 2 && argv[1][0] != '-' && stat(argv[1], &st) == 0 && S_ISREG(st.st_mode);
    /* The snapshot's environ is the build's; read this run's. */
    __wasilibc_initialize_environ();
    if (!(command || module || script) || environment_shapes_python()) {
        /* Options or PYTHON* variables would have set the interpreter up differently; python
           also handles what this main does not (stdin, a directory, a missing file). */
        Py_FinalizeEx();
        return Py_BytesMain(argc, argv);
    }
    if (use_this_environment() < 0) {
        report();
        return finish(1);
    }
    if (command) {
        if (set_argv(argc, argv, "-c", 3) < 0 || set_path0("import sys\nsys.path.insert(0, '')\n") < 0) {
            report();
            return finish(1);
        }
        return finish(PyRun_SimpleString(argv[2]) == 0 ? 0 : 1);
    }
    if (module) {
        if (set_argv(argc, argv, "-m", 3) < 0
                || set_path0("import sys, os\nsys.path.insert(0, os.getcwd())\n") < 0) {
            report();
            return finish(1);
        }
        PyObject *runpy = PyImport_ImportModule("runpy");
        PyObject *result = runpy == NULL ? NULL
                : PyObject_CallMethod(runpy, "_run_module_as_main", "si", argv[2], 1);
        Py_XDECREF(runpy);
        if (result == NULL) {
            report();
            return finish(1);
        }
        Py_DECREF(result);
        return finish(0);
    }
    if (set_argv(argc, argv, argv[1], 2) < 0 || set_path0(
            "import sys, os\nsys.path.insert(0, os.path.dirname(os.path.realpath(sys.argv[0])))\n") < 0) {
        report();
        return finish(1);
    }
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        int error = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], argv[1], error, strerror(error));
        return finish(2);
    }
    return finish(PyRun_SimpleFileExFlags(fp, argv[1], 1, NULL) == 0 ? 0 : 1);
}
