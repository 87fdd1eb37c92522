"""Readers who ask to save data (the `Save-Data: on` request header).

Parents on metered rural connections often turn on their browser's data
saver. Their pages carry only the smallest size of each picture, and every
cache keeps their copy apart from everyone else's (`Vary: Save-Data`).
"""

SAVE_DATA_HEADER = "Save-Data"


def saves_data(request):
    """Whether the request asks to save data."""
    if request is None:
        return False
    return request.headers.get(SAVE_DATA_HEADER, "").strip().lower() == "on"
