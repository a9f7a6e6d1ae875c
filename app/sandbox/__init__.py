"""A local AITasker stand-in: the same contract as ``api/aitasker-api.md``, on loopback.

Used by demo mode (in-process, on a free port) and by the integration tests. It keeps its own
request model with the documented limits written out (the server's truth), so a test can compare
the client's ``app.api.schema`` against this server's ``/openapi.json``.
"""

from app.sandbox.config import Faults, SandboxConfig
from app.sandbox.server import SandboxServer, start_sandbox
from app.sandbox.service import create_app

__all__ = ["Faults", "SandboxConfig", "SandboxServer", "create_app", "start_sandbox"]
