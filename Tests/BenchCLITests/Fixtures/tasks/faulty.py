import asyncio
NOT_CALLABLE = 3
def raises(index):
    if index == 3:
        raise ValueError("bad input %d" % index)
    return index
async def never(index):
    await asyncio.sleep(3600)
def failing_setup():
    raise OSError("no server")
def uses(state, index):
    return index
def unpicklable(index):
    return (i for i in range(3))
async def async_index(index):
    await asyncio.sleep(0.001)
    return index
def racy(index):
    return index if index % 2 == 0 else index * 10
import dataclasses
@dataclasses.dataclass(slots=True)
class Record:
    name: str
    tags: set
def sets(index):
    return Record("r%d" % index, {"alpha", "beta", "gamma%d" % index}), frozenset({"x", "y", "z"})
def echo_type(value):
    return type(value).__name__
