"""schema.org `Event` for an event page's JSON-LD, so search engines can list it as an event."""

from wagtail.images.models import SourceImageIOError

ATTENDANCE_MODES = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}
# The share picture's size, so one rendition serves og:image and this.
IMAGE_SPEC = "fill-1200x630|format-jpeg"


def event(request, page, organization):
    page_url = request.build_absolute_uri(page.get_url(request))
    data = {
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[page.attendance],
        # No field records a cancellation yet: a published event is going ahead.
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations(page),
        "organizer": organization,
        "url": page_url,
        "inLanguage": page.locale.language_code,
    }
    image = image_url(request, page)
    if image:
        data["image"] = [image]
    return data


def locations(page):
    found = []
    if page.is_in_person:
        place = {"@type": "Place", "name": page.venue_name}
        if page.venue_address.strip():
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(page.venue_address.split()),
                "addressRegion": "NM",
                "addressCountry": "US",
            }
        found.append(place)
    if page.is_online and page.online_url:
        found.append({"@type": "VirtualLocation", "url": page.online_url})
    return found[0] if len(found) == 1 else found


def image_url(request, page):
    image = page.get_social_image()
    if image is None:
        return None
    try:
        return request.build_absolute_uri(image.get_rendition(IMAGE_SPEC).url)
    except SourceImageIOError:
        return None
