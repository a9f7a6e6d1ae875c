"""The store on disk: :mod:`~app.store.repository` (the :class:`Store` the app talks to), the SQL of
each table (:mod:`~app.store.drafts_table`, :mod:`~app.store.tasks_table`), the schema steps
(:mod:`~app.store.migrations`), write failures in plain words (:mod:`~app.store.disk_errors`) and the
integrity check started at launch (:mod:`~app.store.early_check`)."""
