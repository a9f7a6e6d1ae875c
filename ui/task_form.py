"""Where the task form used to live; kept so that imports of ``ui.task_form`` keep working.

The form is :mod:`ui.panels.form`, its message rules :mod:`app.form_rules`, the slider + number
box :mod:`ui.widgets.slider_spin`.
"""

from app.form_rules import FIELD_ORDER
from ui.panels.form import LABELS, SEND_TEXT, SEND_TIP, TaskForm
from ui.widgets.plain_text_edit import PlainTextEdit
from ui.widgets.slider_spin import RangeSlider, RangeSpin, SliderSpin

__all__ = [
    "FIELD_ORDER",
    "LABELS",
    "SEND_TEXT",
    "SEND_TIP",
    "PlainTextEdit",
    "RangeSlider",
    "RangeSpin",
    "SliderSpin",
    "TaskForm",
]
