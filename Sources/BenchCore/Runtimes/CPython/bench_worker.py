"""bench's CPython worker: runs one sample of a workload under one model, as bench asks.

Standard library only. bench embeds this file, writes it to a cache folder and starts it once per
sample with posix_spawn (and reaps it with wait4, which is where the sample's CPU time comes from):

    python3 bench_worker.py          requests on fd 3, replies on fd 4, one JSON line each

Requests (one JSON object, one line):
    {"op": "info"}                          the interpreter: version, build, GIL, start method
    {"op": "calibrate", "trial_seconds": s, "trials": n}
                                            kernel iterations per second of thread CPU time
    {"op": "kernel", "iterations": n, "seed": s}
                                            one chain, to check it equals bench's Swift kernel
    {"op": "task", "task": {...}}           imports the user's function (and setup) and describes
                                            it: qualified name, whether it is a coroutine function
    {"op": "sample", "workload": {...}, "model": m, "workers": w, "tasks": n}
                                            replies {"ready": true}, waits for the line "go", runs
                                            the tasks, and replies with a JSON line followed by
                                            n × 4 little-endian uint64: start ns, end ns, lane,
                                            checksum of each task (CLOCK_MONOTONIC, as bench's)
An error is {"error": sentence, "errno": n or null}.
"""

import array
import asyncio
import hashlib
import importlib
import importlib.util
import inspect
import json
import multiprocessing
import os
import pickle
import signal
import socket
import struct
import sys
import sysconfig
import threading
import time
import traceback
import zlib

MASK = (1 << 64) - 1
REQUESTS, REPLIES = 3, 4


# The compute kernel: bench's HashChainKernel (the SplitMix64 finaliser applied to its own
# output), step for step, in Python integers masked to 64 bits. Same iterations and seed, same value.
def kernel(iterations, seed):
    x = seed
    for _ in range(iterations):
        x = (x + 0x9E3779B97F4A7C15) & MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
        x ^= x >> 31
    return x


def seed_for(index):
    return (index + 1) & MASK


class Workload:
    """One task of the workload, blocking (threads, processes) or awaiting (asyncio)."""

    def __init__(self, spec):
        self.kind = spec["kind"]
        self.iterations = int(spec.get("iterations", 0))
        self.io_fraction = float(spec.get("io_fraction", 0))
        self.io_kind = spec.get("io_kind", "sleep")
        self.file_bytes = int(spec.get("file_bytes", 65536))
        self.port = int(spec.get("port", 0))
        self.wait_seconds = float(spec.get("task_seconds", 0)) * self.io_fraction
        self.directory = spec.get("directory") or "/tmp"
        self.waits = self.kind == "io" or (self.kind == "mixed" and self.io_fraction > 0)
        self.computes = self.kind in ("cpu", "mixed")
        # Test seams, as in bench's Swift tasks: a fault when one task starts, and a slowdown that
        # makes each task do `slowdown` times its work (the extra compute and wait real, the
        # checksum the task's own).
        fault = spec.get("fault") or {}
        self.fault_kind, self.fault_task = fault.get("kind"), fault.get("task_index")
        self.slowdown = float(spec.get("slowdown") or 1)
        # Each task's wait (began, could have gone on, ran again), for the waiting-to-be-run
        # figures; the sample's Log hands its dict over (None: not noted).
        self.moments = None

    has_setup = False

    def note_wait(self, index, began, resumed):
        if self.moments is not None:
            # A sleep could go on at its deadline; a blocking call or an I/O completion when
            # the task saw it.
            ended = began + int(self.wait_seconds * 1e9) if self.io_kind == "sleep" else resumed
            self.moments[index] = (began, min(ended, resumed), resumed)

    def prepare(self, loop=None):
        """Nothing to make per worker: bench's own tasks need no setup."""

    def strike(self, index):
        if self.fault_kind is None or index != self.fault_task:
            return
        if self.fault_kind == "segv":
            os.kill(os.getpid(), signal.SIGSEGV)  # CPython leaves SIGSEGV at its default: the process dies
        elif self.fault_kind == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif self.fault_kind == "exit":
            os._exit(3)
        while True:  # hang
            time.sleep(3600)

    def extra(self):
        """The slowdown's extra share: (factor − 1) × the task's compute and wait."""
        share = self.slowdown - 1
        if share <= 0:
            return 0, 0.0
        return int(round(self.iterations * share)) if self.computes else 0, self.wait_seconds * share if self.waits else 0.0

    def blocking(self, index):
        self.strike(index)
        checksum = kernel(self.iterations, seed_for(index)) if self.computes else 0
        if self.waits:
            began = time.monotonic_ns()
            got = self.block(index)
            self.note_wait(index, began, time.monotonic_ns())
            checksum = (checksum + got) & MASK
        iterations, wait = self.extra()
        if iterations:
            kernel(iterations, seed_for(index))
        if wait:
            time.sleep(wait)
        return checksum

    async def awaiting(self, index):
        self.strike(index)
        checksum = kernel(self.iterations, seed_for(index)) if self.computes else 0
        if self.waits:
            began = time.monotonic_ns()
            got = await self.suspend(index)
            self.note_wait(index, began, time.monotonic_ns())
            checksum = (checksum + got) & MASK
        iterations, wait = self.extra()
        if iterations:
            kernel(iterations, seed_for(index))
        if wait:
            await asyncio.sleep(wait)
        return checksum

    def block(self, index):
        if self.io_kind == "file":
            return self.file_round_trip(index)
        if self.io_kind == "socket":
            with socket.create_connection(("127.0.0.1", self.port)) as connection:
                connection.sendall(self.request(index))
                return self.answer(receive_exactly(connection, 8))
        time.sleep(self.wait_seconds)
        return 0

    async def suspend(self, index):
        if self.io_kind == "file":
            # Regular files cannot be polled: asyncio runs the blocking calls in its executor.
            return await asyncio.get_running_loop().run_in_executor(None, self.file_round_trip, index)
        if self.io_kind == "socket":
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                writer.write(self.request(index))
                await writer.drain()
                return self.answer(await reader.readexactly(8))
            finally:
                writer.close()
        await asyncio.sleep(self.wait_seconds)
        return 0

    def request(self, index):
        return struct.pack("<QQ", index & MASK, int(round(self.wait_seconds * 1e9)))

    @staticmethod
    def answer(data):
        return struct.unpack("<Q", data)[0] if len(data) == 8 else 0

    def file_round_trip(self, index):
        """Writes file_bytes, fsyncs, reads them back and checks them, as bench's Swift tasks do;
        the checksum is the CRC-32 of what came back (0 if it differs from what was written)."""
        block = bytes((i * 31 + index) & 0xFF for i in range(256))
        data = (block * (self.file_bytes // 256 + 1))[: self.file_bytes]
        path = os.path.join(self.directory, "bench-py-%d-%d-%d.tmp" % (os.getpid(), index, threading.get_native_id()))
        fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            os.lseek(fd, 0, os.SEEK_SET)
            chunks, got = [], 0
            while got < len(data):
                chunk = os.read(fd, len(data) - got)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            back = b"".join(chunks)
        finally:
            os.close(fd)
            os.unlink(path)
        return zlib.crc32(back) if back == data else 0


def receive_exactly(connection, count):
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            break
        data += chunk
    return data


# --- The user's own function ------------------------------------------------------------------


class TaskFailed(Exception):
    """A call (or the setup) of the user's function raised: the sample fails with these words."""


class TaskRefused(Exception):
    """The user's function cannot be used at all (not importable, not callable): bench refuses it."""


def resolve(reference, search_path=None):
    """The object `reference` names: "pkg.mod:func", "path/file.py:func" (a dotted name after the
    colon reaches into classes), imported the way the user's own program would."""
    if search_path and search_path not in sys.path:
        sys.path.insert(0, search_path)
    module_part, colon, name = reference.rpartition(":")
    if not colon or not module_part or not name:
        raise TaskRefused("%r names no function: give MODULE:FUNCTION or FILE.py:FUNCTION" % reference)
    if module_part.endswith(".py") or os.sep in module_part:
        path = os.path.abspath(module_part)
        if not os.path.isfile(path):
            raise TaskRefused("the file %s does not exist" % module_part)
        module_name = os.path.splitext(os.path.basename(path))[0]
        module = sys.modules.get(module_name)
        if module is None or os.path.abspath(getattr(module, "__file__", "") or "") != path:
            spec = importlib.util.spec_from_file_location(module_name, path)
            module = importlib.util.module_from_spec(spec)
            # Registered under its name, so pickle (the process models) finds what it defines.
            sys.modules[module_name] = module
            sys.path.insert(0, os.path.dirname(path))
            try:
                spec.loader.exec_module(module)
            except BaseException as error:  # noqa: B902 - the import's own message is the refusal
                del sys.modules[module_name]
                raise TaskRefused("importing %s raised %s" % (module_part, describe(error))) from None
    else:
        module_name = module_part
        try:
            module = importlib.import_module(module_part)
        except ImportError as error:
            raise TaskRefused("cannot import %s: %s" % (module_part, error)) from None
        except BaseException as error:  # noqa: B902
            raise TaskRefused("importing %s raised %s" % (module_part, describe(error))) from None
    target = module
    for part in name.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise TaskRefused("%s has no attribute %r" % (module_part, part)) from None
    if not callable(target):
        raise TaskRefused("%s is not callable: it is of type %s" % (reference, type(target).__name__))
    return module_name + ":" + name, target


def describe(error):
    """"ValueError: bad input (tasks.py:42 in parse)": the exception and the line it came from,
    the last frame outside this file."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if os.path.abspath(frame.filename) != os.path.abspath(__file__)]
    place = ""
    if frames:
        frame = frames[-1]
        place = " (%s:%d in %s)" % (os.path.basename(frame.filename), frame.lineno, frame.name)
    message = str(error)
    return "%s%s%s" % (type(error).__name__, ": " + message if message else "", place)


def canonical(value, depth=0):
    """A form of `value` equal for equal results in any process: containers element by element,
    sets and dicts in a sorted order (string hashes differ between processes), objects by their
    fields; what has only a default repr (an address) by its pickle."""
    if depth > 200:
        raise TaskFailed("a result nests more than 200 levels deep; bench cannot compare it (use --no-result-check)")
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes)):
        return repr(value).encode()
    if isinstance(value, type):
        return b"type:" + (value.__module__ + "." + value.__qualname__).encode()
    if isinstance(value, (bytearray, memoryview)):
        return b"bytes:" + bytes(value)
    if isinstance(value, (list, tuple)):
        return (type(value).__name__.encode() + b"[" + b",".join(canonical(item, depth + 1) for item in value) + b"]")
    if isinstance(value, dict):
        items = sorted((canonical(k, depth + 1), canonical(v, depth + 1)) for k, v in value.items())
        return b"dict{" + b",".join(k + b":" + v for k, v in items) + b"}"
    if isinstance(value, (set, frozenset)):
        return b"set{" + b",".join(sorted(canonical(item, depth + 1) for item in value)) + b"}"
    # Any other object by what pickling it would keep (its class, arguments, state, items),
    # each part canonical in turn: slots, deques, arrays and dataclasses alike, with no repr
    # (which may elide or show an address) and no pickle bytes (which keep a set's order).
    name = (type(value).__module__ + "." + type(value).__qualname__).encode()
    try:
        reduced = value.__reduce_ex__(4)
    except Exception:  # noqa: B902 - not reducible: its repr, the best there is
        return name + b":" + repr(value).encode()
    if isinstance(reduced, str):
        return name + b":" + reduced.encode()
    parts = list(reduced) + [None] * (5 - len(reduced))
    builder, args, state, items, pairs = parts[:5]
    builder_name = getattr(builder, "__qualname__", type(builder).__qualname__)
    args = tuple(arg for arg in (args or ()) if arg is not type(value))  # copyreg.__newobj__'s class
    return b"".join([
        name, b"<", str(builder_name).encode(), b">", canonical(args, depth + 1), canonical(state, depth + 1),
        canonical(list(items) if items is not None else None, depth + 1),
        canonical(dict(pairs) if pairs is not None else None, depth + 1),
    ])


def result_hash(value):
    """The stable 64-bit hash of a call's result that bench compares across models."""
    digest = hashlib.blake2b(canonical(value), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class UserFunction:
    """The user's function as the task: one call per task, with the task's index or the given
    JSON arguments, and the setup's value (made once per worker, outside the clock) first."""

    def __init__(self, spec):
        task = spec["task"]
        self.name, self.function = resolve(task["reference"], task.get("path"))
        self.setup_name, self.setup = (None, None)
        if task.get("setup"):
            self.setup_name, self.setup = resolve(task["setup"], task.get("path"))
        self.is_async = is_coroutine_function(self.function)
        self.checks = bool(task.get("check_results", True))
        mode = task.get("arguments") or {"mode": "index"}
        self.mode = mode["mode"]
        self.value = json.loads(mode["json"]) if self.mode in ("same", "each") else None
        self.local = threading.local()
        self.has_setup = self.setup is not None
        fault = spec.get("fault") or {}
        self.fault_kind, self.fault_task = fault.get("kind"), fault.get("task_index")

    strike = Workload.strike

    def arguments(self, index):
        """The positional and keyword arguments of call `index` (a JSON list spreads, an object
        gives keywords, anything else is one argument)."""
        if self.mode == "index":
            return (index,), {}
        value = self.value if self.mode == "same" else self.value[index % len(self.value)]
        if isinstance(value, list):
            return tuple(value), {}
        if isinstance(value, dict):
            return (), value
        return (value,), {}

    def argument_bytes(self, count):
        """The mean pickled size of a call's arguments, what sending them to a worker process
        costs; measured outside the clock, once when every call receives the same."""
        if self.mode == "same":
            return float(len(pickle.dumps(self.arguments(0))))
        return sum(len(pickle.dumps(self.arguments(index))) for index in range(count)) / max(1, count)

    def prepare(self, loop=None):
        """Runs the setup for the calling worker (thread or process), outside the clock."""
        if self.setup is None:
            return
        try:
            state = self.setup()
            if inspect.isawaitable(state):
                state = loop.run_until_complete(state) if loop is not None else asyncio.run(state)
        except BaseException as error:  # noqa: B902 - the setup's error fails the cell
            raise TaskFailed("the setup %s raised %s" % (self.setup_name, describe(error))) from None
        self.local.state = state
        self.local.ready = True

    def leading(self):
        if self.setup is None:
            return ()
        if not getattr(self.local, "ready", False):
            self.prepare()
        return (self.local.state,)

    def call(self, index, args, kwargs):
        """One call, blocking: a coroutine function's call runs with asyncio.run, as a user's
        blocking code would write it."""
        self.strike(index)
        try:
            value = self.function(*self.leading(), *args, **kwargs)
            if inspect.isawaitable(value):
                if running_loop() is not None:
                    value.close() if inspect.iscoroutine(value) else None
                    raise TaskFailed("task %d: %s returned a coroutine inside a running event loop (async-blocking "
                                     "calls it as blocking code); measure it under event-loop" % (index, self.name))
                value = asyncio.run(value)
        except TaskFailed:
            raise
        except BaseException as error:  # noqa: B902 - the call's error fails the sample
            raise TaskFailed("task %d: %s raised %s" % (index, self.name, describe(error))) from None
        return value

    async def call_awaiting(self, index, args, kwargs):
        """One call on the event loop: a coroutine is awaited (N in flight); a plain function runs
        on the loop's thread, as calling blocking code from asyncio does."""
        self.strike(index)
        try:
            value = self.function(*self.leading(), *args, **kwargs)
            if inspect.isawaitable(value):
                value = await value
        except BaseException as error:  # noqa: B902
            raise TaskFailed("task %d: %s raised %s" % (index, self.name, describe(error))) from None
        return value

    def pickled(self, index, value):
        """The return value as it crosses back to the parent process, pickled here so a value
        that cannot be is named (the pool would only say it could not send a result)."""
        try:
            return pickle.dumps(value)
        except Exception as error:  # noqa: B902 - any pickling failure is the value's
            raise TaskFailed("task %d: the return value of %s (%s) cannot be pickled to send it back from a worker "
                             "process: %s" % (index, self.name, type(value).__name__, error)) from None

    def digest(self, value):
        """The result's hash, taken after the clock stopped (hashing is bench's work, not the
        function's): a result that came back from a worker process is unpickled first."""
        if isinstance(value, Pickled):
            value = pickle.loads(value.data) if self.checks else None
        return result_hash(value) if self.checks else 0

    def blocking(self, index):
        """One call; its raw result is kept in the log and hashed after the clock."""
        args, kwargs = self.arguments(index)
        return self.call(index, args, kwargs)

    async def awaiting(self, index):
        args, kwargs = self.arguments(index)
        return await self.call_awaiting(index, args, kwargs)


def running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Pickled:
    """A result as it came back from a worker process, unpickled only once the clock stopped."""

    __slots__ = ("data",)

    def __init__(self, data):
        self.data = data


def is_coroutine_function(function):
    """An `async def`, or a callable object whose `__call__` is one."""
    return inspect.iscoroutinefunction(function) or inspect.iscoroutinefunction(getattr(function, "__call__", None))


def make_workload(spec):
    return UserFunction(spec) if spec.get("kind") == "user" else Workload(spec)


def describe_task(task):
    """The probe bench runs before anything else: the function and setup import and are callable."""
    name, function = resolve(task["reference"], task.get("path"))
    described = {"qualified_name": name, "is_async": is_coroutine_function(function)}
    mode = task.get("arguments") or {"mode": "index"}
    if mode.get("json") is not None:
        described["arguments"] = json.dumps(json.loads(mode["json"]), sort_keys=True, separators=(",", ":"))
    if task.get("setup"):
        setup_name, setup = resolve(task["setup"], task.get("path"))
        described["setup"] = setup_name
    return described


class Log:
    """Each task's start, end, lane and checksum, one slot per task."""

    def __init__(self, count):
        self.moments = {}
        self.starts = [0] * count
        self.ends = [0] * count
        self.lanes = [0] * count
        self.sums = [0] * count
        # The user's function under the process models: the pickled size of each call's return
        # value and the mean of its arguments', for the report.
        self.values = None
        self.argument_bytes = None

    def run(self, index, lane, body):
        self.starts[index] = time.monotonic_ns()
        self.sums[index] = body(index)
        self.ends[index] = time.monotonic_ns()
        self.lanes[index] = lane

    def record(self, index, start, end, lane, checksum):
        self.starts[index], self.ends[index], self.lanes[index], self.sums[index] = start, end, lane, checksum

    def binary(self):
        values = array.array("Q")
        none = (0, 0, 0)
        for index, row in enumerate(zip(self.starts, self.ends, self.lanes, self.sums)):
            values.extend(row)
            values.extend(self.moments.get(index, none))
        if sys.byteorder != "little":
            values.byteswap()
        return values.tobytes()


# --- The models -------------------------------------------------------------------------------
# Each runs `count` tasks with at most `workers` in flight and returns (began ns, wall ns, start-up ns
# or None): the clock starts when the tasks can start, after any pool start-up.


def run_serial(workload, count, workers, log):
    workload.prepare()
    lane = threading.get_native_id()
    began = time.monotonic_ns()
    for index in range(count):
        log.run(index, lane, workload.blocking)
    return began, time.monotonic_ns() - began, None


def run_threads(workload, count, workers, log):
    """A pool of `workers` threading.Thread, taking tasks from a shared counter: the GIL and all."""
    lock = threading.Lock()
    following = [0]

    def take():
        with lock:
            index = following[0]
            following[0] += 1
        return index

    failures = []
    # With the user's setup, each thread makes its value first and the clock starts once every
    # thread has: the setup is outside the clock, as a pool's start-up is.
    # The barrier's action runs before any thread is let go, so no task starts before the clock.
    opened = []
    gate = (threading.Barrier(min(workers, count) + 1, action=lambda: opened.append(time.monotonic_ns()))
            if workload.has_setup else None)

    def work():
        lane = threading.get_native_id()
        try:
            if gate is not None:
                workload.prepare()
                gate.wait()
            index = take()
            while index < count:
                log.run(index, lane, workload.blocking)
                index = take()
        except threading.BrokenBarrierError:
            pass  # another thread's setup failed, and its error is the sample's
        except BaseException as error:  # noqa: B902 - the sample fails with the task's own error
            failures.append(error)
            with lock:
                following[0] = count
            if gate is not None:
                gate.abort()

    began = time.monotonic_ns()
    threads = [threading.Thread(target=work) for _ in range(min(workers, count))]
    started = []
    try:
        for thread in threads:
            thread.start()
            started.append(thread)
        if gate is not None:
            try:
                gate.wait()
            except threading.BrokenBarrierError:
                pass
            began = opened[0] if opened else time.monotonic_ns()
    finally:
        if len(started) < len(threads):
            with lock:
                following[0] = count  # hand out nothing more, so the started threads end
            if gate is not None:
                gate.abort()
        for thread in started:
            thread.join()
    if failures:
        raise failures[0]
    return began, time.monotonic_ns() - began, None


_POOL_WORKLOAD = None
_POOL_FAILURE = None
# The start method the sample asked for (None: the interpreter's own), set once per sample.
START_METHOD = [None]


def _pool_ready(spec, barrier, started, interpreter):
    global _POOL_WORKLOAD, _POOL_FAILURE
    die_with_interpreter(interpreter)
    try:
        _POOL_WORKLOAD = make_workload(spec)
        _POOL_WORKLOAD.prepare()
    except BaseException as error:  # noqa: B902 - an initializer that raises is restarted forever:
        _POOL_FAILURE = error  # the worker starts, and its first task raises this instead
    with started.get_lock():
        started.value += 1
    barrier.wait()


def _pool_task(index):
    if _POOL_FAILURE is not None:
        raise _POOL_FAILURE
    start = time.monotonic_ns()
    checksum = _POOL_WORKLOAD.blocking(index)
    return index, start, time.monotonic_ns(), os.getpid(), checksum


def _pool_call(item):
    """One call of the user's function in a pool worker: its arguments came pickled, as
    pool.imap's do, and its return value goes back pickled."""
    if _POOL_FAILURE is not None:
        raise _POOL_FAILURE
    index, args, kwargs = item
    start = time.monotonic_ns()
    value = _POOL_WORKLOAD.call(index, args, kwargs)
    return index, start, time.monotonic_ns(), os.getpid(), _POOL_WORKLOAD.pickled(index, value)


def run_processes(workload, count, workers, log, spec):
    """A multiprocessing.Pool of `workers`; its start-up (until every worker is ready) is timed apart."""
    context = multiprocessing.get_context(START_METHOD[0])
    began = time.monotonic_ns()
    barrier = context.Barrier(workers + 1)
    # Workers ever started: a pool silently replaces a worker that dies, and the task it ran is
    # lost, so a count above `workers` is how a dead worker shows.
    started = context.Value("i", 0)
    pool = context.Pool(workers, initializer=_pool_ready, initargs=(spec, barrier, started, parent_to_watch(context)))
    try:
        user = isinstance(workload, UserFunction)
        items = [(index,) + workload.arguments(index) for index in range(count)] if user else range(count)
        if user:
            log.values = [None] * count
            log.argument_bytes = workload.argument_bytes(count)
        barrier.wait()
        ready = time.monotonic_ns()
        results = pool.imap_unordered(_pool_call if user else _pool_task, items, chunksize=1)
        received = 0
        while received < count:
            try:
                index, start, end, pid, checksum = results.next(timeout=0.2)
            except multiprocessing.TimeoutError:
                if started.value > workers:
                    raise RuntimeError("a worker process of the multiprocessing pool died while running a task "
                                       "(the pool started another; the task's result is lost)")
                continue
            if user:
                log.values[index] = len(checksum)
                checksum = Pickled(checksum)
            log.record(index, start, end, pid, checksum)
            received += 1
        pool.close()
        pool.join()
        ended = time.monotonic_ns()
    except BaseException:
        pool.terminate()
        raise
    return ready, ended - ready, ready - began


def _spawned_task(spec, index, connection, interpreter):
    die_with_interpreter(interpreter)
    try:
        workload = make_workload(spec)
        if isinstance(workload, UserFunction):
            # A process per task: each pays its own setup, as it pays its own start-up.
            workload.prepare()
            args, kwargs = workload.arguments(index)
            start = time.monotonic_ns()
            value = workload.pickled(index, workload.call(index, args, kwargs))
        else:
            start = time.monotonic_ns()
            value = workload.blocking(index)
        connection.send((index, start, time.monotonic_ns(), os.getpid(), value))
    except TaskFailed as error:
        connection.send(error)
    except Exception as error:  # noqa: B902 - an import or a fault of bench's own tasks: its words
        connection.send(TaskFailed("task %d: %s" % (index, describe(error))))
    connection.close()


def run_spawn(workload, count, workers, log, spec):
    """A multiprocessing.Process per task, at most `workers` alive; each is joined (reaped)."""
    from multiprocessing import connection as connections

    context = multiprocessing.get_context(START_METHOD[0])
    user = isinstance(workload, UserFunction)
    if user:
        log.values = [None] * count
        if context.get_start_method() != "fork":  # fork inherits the arguments; the others pickle them
            log.argument_bytes = workload.argument_bytes(count)
    began = time.monotonic_ns()
    alive = {}
    following = 0
    try:
        while following < count or alive:
            while following < count and len(alive) < workers:
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(target=_spawned_task,
                                          args=(spec, following, writer, parent_to_watch(context)))
                process.start()
                writer.close()
                alive[process.sentinel] = (process, reader, following)
                following += 1
            for sentinel in connections.wait(list(alive)):
                process, reader, index = alive.pop(sentinel)
                process.join()
                try:
                    got = reader.recv()
                    if isinstance(got, BaseException):
                        raise got
                    if user:
                        log.values[got[0]] = len(got[4])
                        got = got[:4] + (Pickled(got[4]),)
                    log.record(*got)
                except EOFError:
                    raise RuntimeError("worker process %d for task %d exited with %s before reporting"
                                       % (process.pid, index, process.exitcode))
                finally:
                    reader.close()
    except BaseException:
        for process, reader, _ in alive.values():
            process.kill()
            process.join()
            reader.close()
        raise
    return began, time.monotonic_ns() - began, None


def run_event_loop(workload, count, workers, log, blocking=False):
    """asyncio: `workers` coroutines in flight on one thread. With `blocking`, the anti-pattern:
    the coroutines call the blocking version of the task, so nothing overlaps."""
    loop = asyncio.new_event_loop()
    lane = threading.get_native_id()
    indices = iter(range(count))
    try:
        workload.prepare(loop)  # on the loop's thread, before the clock
    except BaseException:
        loop.close()
        raise

    async def coroutine():
        for index in indices:
            log.starts[index] = time.monotonic_ns()
            log.sums[index] = workload.blocking(index) if blocking else await workload.awaiting(index)
            log.ends[index] = time.monotonic_ns()
            log.lanes[index] = lane

    async def main():
        await asyncio.gather(*(coroutine() for _ in range(min(workers, count))))

    try:
        began = time.monotonic_ns()
        loop.run_until_complete(main())
        ended = time.monotonic_ns()
    finally:
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()
    return began, ended - began, None


# --- Subinterpreters ----------------------------------------------------------------------------


def subinterpreters():
    """CPython's interpreters with their own GIL (PEP 684), as (module name, create, run, destroy):
    the public concurrent.interpreters (3.14), _interpreters (3.13), _xxsubinterpreters (3.12); None
    on an older interpreter (3.11 has _xxsubinterpreters too, but its interpreters share one GIL)."""
    if sys.version_info < (3, 12):
        return None
    try:
        from concurrent import interpreters as public  # 3.14

        def run_public(interp, code):
            interp.exec(code)

        return "concurrent.interpreters", public.create, run_public, lambda interp: interp.close()
    except ImportError:
        pass
    for name in ("_interpreters", "_xxsubinterpreters"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        run = getattr(module, "exec", None) or module.run_string

        def run_private(interp, code, run=run):
            failure = run(interp, code)
            if failure is not None:  # 3.13's exec returns what the code raised instead of raising
                raise RuntimeError(getattr(failure, "formatted", None) or str(failure))

        return name, module.create, run_private, module.destroy
    return None


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def serve_interpreter(workload, tasks_fd, results_fd):
    """Runs in each subinterpreter: takes task indices from the shared pipe (4 bytes each, read
    whole, as threads take them from a queue) until it is empty, and writes each task's record to
    this interpreter's own pipe; an error ends this interpreter's share with its words."""
    lane = threading.get_native_id()
    user = isinstance(workload, UserFunction)
    try:
        while True:
            data = os.read(tasks_fd, 4)
            if len(data) < 4:
                break
            index = struct.unpack("<I", data)[0]
            start = time.monotonic_ns()
            value = workload.blocking(index)
            end = time.monotonic_ns()
            payload = workload.pickled(index, value) if user else struct.pack("<Q", value)
            write_all(results_fd, b"R" + struct.pack("<QQQQI", index, start, end, lane, len(payload)) + payload)
    except BaseException as error:  # noqa: B902 - the sample fails with the task's own words
        text = (str(error) if isinstance(error, (TaskFailed, TaskRefused)) else describe(error)).encode()
        write_all(results_fd, b"E" + struct.pack("<I", len(text)) + text)
    finally:
        os.close(results_fd)


_INTERPRETER_SETUP = """
import importlib.util, json, sys
_spec = importlib.util.spec_from_file_location("bench_worker", %(path)r)
bench_worker = importlib.util.module_from_spec(_spec)
sys.modules["bench_worker"] = bench_worker
_spec.loader.exec_module(bench_worker)
workload = bench_worker.make_workload(json.loads(%(spec)r))
workload.prepare()
"""

_INTERPRETER_SERVE = "bench_worker.serve_interpreter(workload, %d, %d)"


def run_interpreters(workload, count, workers, log, spec):
    """`workers` subinterpreters, each with its own GIL and driven by its own thread, taking
    tasks as threads do. Their start-up (creating each interpreter, importing bench's worker and
    the workload in it, the user's setup) is timed apart, as the process pool's is."""
    found = subinterpreters()
    if found is None:
        raise TaskRefused("the interpreters model needs CPython 3.12 or newer (subinterpreters with their own GIL, "
                          "PEP 684); this is %s" % sys.version.split()[0])
    _, create, run, destroy = found
    count_interpreters = min(workers, count)
    tasks_read, tasks_write = os.pipe()
    pipes = [os.pipe() for _ in range(count_interpreters)]
    failures = []
    opened = []
    finished = []
    gate = threading.Barrier(count_interpreters + 1, action=lambda: opened.append(time.monotonic_ns()))
    setup = _INTERPRETER_SETUP % {"path": os.path.abspath(__file__), "spec": json.dumps(spec)}

    def drive(slot):
        interp = None
        try:
            interp = create()
            run(interp, setup)
        except BaseException as error:  # noqa: B902
            failures.append(TaskFailed("a subinterpreter could not start: %s" % describe(error)))
            os.close(pipes[slot][1])
            gate.abort()
            if interp is not None:
                destroy(interp)
            return
        try:
            gate.wait()
        except threading.BrokenBarrierError:
            os.close(pipes[slot][1])
            destroy(interp)
            return
        try:
            run(interp, _INTERPRETER_SERVE % (tasks_read, pipes[slot][1]))
        except BaseException as error:  # noqa: B902 - serve_interpreter reports its own errors
            failures.append(TaskFailed("a subinterpreter failed: %s" % error))
        finally:
            finished.append(time.monotonic_ns())
            # Destroyed by the thread that ran it: 3.12 hangs destroying it from another thread.
            try:
                destroy(interp)
            except Exception:  # noqa: B902 - a lingering interpreter dies with this process
                pass

    def collect(slot):
        stream = os.fdopen(pipes[slot][0], "rb")
        with stream:
            while True:
                kind = stream.read(1)
                if not kind:
                    return
                if kind == b"E":
                    (size,) = struct.unpack("<I", stream.read(4))
                    failures.append(TaskFailed(stream.read(size).decode(errors="replace")))
                    continue
                index, start, end, lane, size = struct.unpack("<QQQQI", stream.read(36))
                payload = stream.read(size)
                value = Pickled(payload) if isinstance(workload, UserFunction) else struct.unpack("<Q", payload)[0]
                if isinstance(workload, UserFunction):
                    log.values[index] = size
                log.record(index, start, end, lane, value)

    if isinstance(workload, UserFunction):
        log.values = [0] * count
    began = time.monotonic_ns()
    drivers = [threading.Thread(target=drive, args=(slot,)) for slot in range(count_interpreters)]
    readers = [threading.Thread(target=collect, args=(slot,)) for slot in range(count_interpreters)]
    for thread in drivers + readers:
        thread.start()
    try:
        gate.wait()
    except threading.BrokenBarrierError:
        pass
    ready = opened[0] if opened else time.monotonic_ns()

    def hand_out():
        """Every index, in chunks a pipe writes whole (so no reader sees part of one), then the
        end; stopped by a closed pipe when every interpreter has already stopped taking tasks."""
        try:
            if opened:
                for first in range(0, count, 1024):
                    chunk = b"".join(struct.pack("<I", index) for index in range(first, min(count, first + 1024)))
                    write_all(tasks_write, chunk)
        except OSError:
            pass
        finally:
            os.close(tasks_write)

    writer = threading.Thread(target=hand_out)
    writer.start()
    for thread in drivers:
        thread.join()
    # The clock stops when the last interpreter served its last task, not after the teardown.
    ended = max(finished) if finished else time.monotonic_ns()
    os.close(tasks_read)  # nobody takes tasks any more: a writer still blocked gets EPIPE
    writer.join()
    for thread in readers:
        thread.join()
    if failures:
        raise failures[0]
    return ready, ended - ready, ready - began


MODELS = {
    "serial": run_serial,
    "threads": run_threads,
    "processes": run_processes,
    "spawn": run_spawn,
    "event-loop": run_event_loop,
    "async-blocking": lambda w, c, n, log: run_event_loop(w, c, n, log, blocking=True),
    "interpreters": run_interpreters,
}
NEEDS_SPEC = {"processes", "spawn", "interpreters"}


# --- Requests ---------------------------------------------------------------------------------


def gil_enabled():
    check = getattr(sys, "_is_gil_enabled", None)
    return bool(check()) if check else True


def info():
    import platform

    return {
        "implementation": sys.implementation.name,
        "version": platform.python_version(),
        "build": " ".join(platform.python_build()),
        "compiler": platform.python_compiler(),
        "executable": sys.executable,
        "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "gil_enabled": gil_enabled(),
        "start_method": multiprocessing.get_start_method(),
        "start_methods": multiprocessing.get_all_start_methods(),
        "subinterpreters": (subinterpreters() or (None,))[0],
    }


def calibrate(trial_seconds, trials):
    """Iterations per second of thread CPU time, the best of `trials` (noise only slows a trial)."""
    iterations = 1000
    while True:
        start = time.thread_time_ns()
        kernel(iterations, 1)
        elapsed = (time.thread_time_ns() - start) / 1e9
        if elapsed >= trial_seconds / 4:
            iterations = max(iterations, int(iterations * trial_seconds / elapsed))
            break
        iterations *= 4
    best = 0.0
    for trial in range(trials):
        start = time.thread_time_ns()
        kernel(iterations, trial)
        elapsed = (time.thread_time_ns() - start) / 1e9
        if elapsed > 0:
            best = max(best, iterations / elapsed)
    return {"iterations_per_second": best, "trials": trials}


def write(data):
    view = memoryview(data)
    while view:
        view = view[os.write(REPLIES, view):]


def reply(value, tail=b""):
    write(json.dumps(value).encode() + b"\n" + tail)


def read_line(stream):
    line = stream.readline()
    if not line:
        raise EOFError("bench closed the request pipe")
    return line


def sample(request, stream):
    model = MODELS.get(request["model"])
    if model is None:
        raise ValueError("model %r has no CPython counterpart" % request["model"])
    spec = request["workload"]
    START_METHOD[0] = request.get("start_method")
    workload = make_workload(spec)
    # An extension module without free-threading support turns the GIL back on as it is imported.
    gil_after_import = gil_enabled()
    count = int(request["tasks"])
    workers = max(1, int(request["workers"]))
    log = Log(count)
    if isinstance(workload, Workload):
        workload.moments = log.moments
    reply({"ready": True})
    read_line(stream)  # "go": bench has read this process's start-up CPU time
    if request["model"] in NEEDS_SPEC:
        began, wall, startup = model(workload, count, workers, log, spec)
    else:
        began, wall, startup = model(workload, count, workers, log)
    if any(end == 0 for end in log.ends):
        raise RuntimeError("model %s returned before every task finished" % request["model"])
    if isinstance(workload, UserFunction):
        log.sums = [workload.digest(value) for value in log.sums]

    figures = {"began_ns": began, "wall_ns": wall, "startup_ns": startup, "tasks": count,
               "start_method": START_METHOD[0] or multiprocessing.get_start_method(),
               "gil_enabled": gil_after_import}
    if log.values is not None:
        # What crossing a process cost each call, measured after the clock stopped.
        figures["result_bytes"] = sum(log.values) / max(1, count)
        figures["argument_bytes"] = log.argument_bytes
    reply(figures, log.binary())


def die_with_parent():
    """Like bench's own workers: the kernel kills this process when bench dies."""
    expected = os.environ.get("BENCH_PARENT_PID")
    _die_with(int(expected) if expected else None)


def parent_to_watch(context):
    """The process a multiprocessing child must find as its parent: this interpreter, except under
    forkserver, whose children are the server's (the server is in this interpreter's process
    group, so it dies with it, and the children die with the server)."""
    return None if context.get_start_method() == "forkserver" else os.getpid()


def die_with_interpreter(interpreter):
    """A multiprocessing child dies with the interpreter that started it: the kernel clears the
    parent-death signal on fork, so each child asks again, and one whose interpreter is already
    gone (bench killed it between fork and here) leaves at once. With the interpreter dying with
    bench, nothing of a run outlives it, to the last grandchild."""
    _die_with(interpreter)


def _die_with(parent):
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def main():
    die_with_parent()
    stream = os.fdopen(REQUESTS, "r")
    try:
        request = json.loads(read_line(stream))
        op = request.get("op")
        if op == "info":
            reply(info())
        elif op == "calibrate":
            reply(calibrate(float(request.get("trial_seconds", 0.02)), int(request.get("trials", 5))))
        elif op == "kernel":
            reply({"checksum": str(kernel(int(request["iterations"]), int(request["seed"])))})
        elif op == "sample":
            sample(request, stream)
        elif op == "task":
            try:
                reply(describe_task(request["task"]))
            except TaskRefused as refusal:
                reply({"refused": str(refusal)})
        else:
            raise ValueError("unknown request %r" % op)
    except (TaskFailed, TaskRefused) as error:
        reply({"error": str(error), "errno": None})
        sys.stderr.flush()
        os._exit(1)
    except BaseException as error:  # noqa: B902 - every failure becomes one sentence for bench
        code = getattr(error, "errno", None)
        if code is None and "can't start new thread" in str(error):
            code = 11  # EAGAIN: what pthread_create said
        reply({"error": "%s: %s" % (type(error).__name__, error), "errno": code})
        sys.stderr.flush()
        os._exit(1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
