"""The places an API key can be kept, each on its own: the OS keyring (:mod:`~app.keys.keyring_place`)
and a file only this user can read (:mod:`~app.keys.key_file`). Which place is used, and in what
order they are looked at, is decided by :class:`app.credentials.KeyStore`."""
