"""Tasks that teach: run any of them under every CPython model with

    bench --task examples/python/tasks.py:FUNCTION --tasks 16 --cores 2

Each function is one task; bench calls it once per task with the task's index (or the arguments
given with --task-args), and compares each call's result across models.
"""

import asyncio
import hashlib
import socket
import socketserver
import threading
import time
import zlib

MIB = 1 << 20
# 1 MiB of bytes that do not compress to nothing.
BUFFER = bytes((i * 2654435761 >> 7) & 0xFF for i in range(MIB))


def pure_python(index):
    """Pure-Python compute: it holds the GIL the whole time, so CPython threads take turns and
    only processes run in parallel."""
    total = index
    for step in range(1_000_000):
        total = (total * 31 + step) % 1_000_003
    return total


def sha256_1mib(index):
    """hashlib.sha256 of a 1 MiB buffer, several rounds: hashlib releases the GIL for data over
    2 KiB, so CPython threads hash in parallel."""
    digest = BUFFER
    for _ in range(24):
        digest = hashlib.sha256(digest + BUFFER[: MIB - 32]).digest()
    return digest.hex()


def zlib_1mib(index):
    """zlib.compress of a 1 MiB buffer: zlib releases the GIL while it compresses."""
    return len(zlib.compress(BUFFER, 6)) + index


def sleep_50ms(index):
    """time.sleep(0.05): a blocking wait, which releases the GIL; threads overlap the waits."""
    time.sleep(0.05)
    return index


async def async_sleep_50ms(index):
    """asyncio.sleep(0.05): awaited on the event loop, every call in flight at once."""
    await asyncio.sleep(0.05)
    return index


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(64)
        time.sleep(0.02)  # the service's own latency
        self.request.sendall(b"echo:" + data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_server():
    """The setup of request/async_request: a loopback TCP server (one per worker, started outside
    the clock) that answers after 20 ms; its port is every call's first argument."""
    server = _Server(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def request(port, index):
    """A blocking request to the loopback server: a socket, a write, a read."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(b"%d" % index)
        return connection.recv(64).decode()


async def async_request(port, index):
    """The same request with asyncio streams: it suspends while the server answers."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"%d" % index)
        await writer.drain()
        return (await reader.read(64)).decode()
    finally:
        writer.close()
        await writer.wait_closed()


_SCRATCH = []


def racy_scratch(index):
    """Reuses a module-level scratch list: right serially and in processes (each has its own), wrong
    when threads interleave it (another thread clears or fills the list mid-call). bench's result
    check names the threads model and the tasks whose results differed."""
    _SCRATCH.clear()
    for value in range(2_000):
        _SCRATCH.append(value * index)
        if value % 500 == 0:
            time.sleep(0.0005)  # a thread switch here lets another call touch the list
    return sum(_SCRATCH)
