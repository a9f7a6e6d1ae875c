"""The final work (a delivery) saved to this computer, without Qt.

- :mod:`~app.delivery.items`: a delivery's items (:class:`DeliveryItem`, read by :mod:`app.tasks.delivery`), the
  :class:`DownloadError` a failed save raises;
- :mod:`~app.delivery.names`: names from the server or a title made safe for a file system;
- :mod:`~app.delivery.disk`: a file written under a temporary name, put under its real name complete;
- :mod:`~app.delivery.checks`: what a download may not do, and the words when it is refused;
- :mod:`~app.delivery.download`: :class:`Downloader` saves one item, streamed and checked;
- :mod:`~app.delivery.save_all`: every item into Downloads/<task title>/.
"""

from app.delivery.checks import size_words
from app.delivery.download import Downloader, Progress
from app.delivery.items import DeliveryItem, DownloadError, delivery_item, delivery_items
from app.delivery.save_all import FailedItem, SaveAllResult, SavedItem, downloads_base, save_all

__all__ = [
    "DeliveryItem",
    "DownloadError",
    "Downloader",
    "FailedItem",
    "Progress",
    "SaveAllResult",
    "SavedItem",
    "delivery_item",
    "delivery_items",
    "downloads_base",
    "save_all",
    "size_words",
]
