"""AITasker Desktop's Qt-free core: schema, API client, store, sandbox."""

import sys

__version__ = "0.1.0"

# httpx's package imports its command-line client (httpx._main) whenever click, rich and pygments
# happen to be installed: about 60 ms of imports (rich alone 40, in stretches that hold the GIL
# for tens of milliseconds) that the app never runs. Marked absent, httpx keeps a stub ``main``
# that says how to install it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
