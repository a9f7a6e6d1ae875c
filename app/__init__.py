"""AITasker Desktop's Qt-free core: schema, API client, store, sandbox."""

__version__ = "0.1.0"
