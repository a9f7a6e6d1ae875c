"""A task's life after (and around) the choice, without Qt: what the server lets the person do
(:mod:`~app.tasks.operations`), the final work (:mod:`~app.tasks.delivery`), what the task's state
says about an unsure action (:mod:`~app.tasks.verdicts`), what needs the person
(:mod:`~app.tasks.needs_you`), and the fields a task carries about it (:mod:`~app.tasks.life`)."""
