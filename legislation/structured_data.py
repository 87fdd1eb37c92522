"""schema.org `Legislation` for a bill page's JSON-LD (seo_tags asks the page for it).

A bill is a `Legislation` (a CreativeWork): its number is the
`legislationIdentifier`, the tracker's legislature its
`legislationJurisdiction`, its sponsors `Person`s, and where it stands its
`creativeWorkStatus`, in the page's language. `legislationDate` is, in
schema.org's words, the date of adoption or signature: given only once the
bill is signed into law; `dateCreated` is the first step of its history and
`dateModified` its latest.
"""

from caching.versions import cached_for_content
from pages.wayfinding import ancestor_of

from .sponsors import shown_sponsors
from .vocabulary import BillStatus


def legislation(request, bill, publisher, seo):
    timeline = bill.timeline
    data = {
        "@type": "Legislation",
        "name": bill.title,
        "legislationIdentifier": bill.bill_number,
        "abstract": bill.summary,
        "url": seo.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": seo.url},
        "inLanguage": seo.language_code,
        "publisher": publisher,
    }
    legislature = legislature_of(bill, request)
    if legislature:
        data["legislationJurisdiction"] = legislature
    if bill.legislature_url:
        # The legislature's own page names the same bill.
        data["sameAs"] = bill.legislature_url
    if timeline:
        latest = timeline[-1]
        data["creativeWorkStatus"] = str(latest.get_status_display())
        data["dateCreated"] = timeline[0].date.isoformat()
        data["dateModified"] = latest.date.isoformat()
    signed = [change.date for change in timeline if change.status == BillStatus.SIGNED]
    if signed:
        data["legislationDate"] = signed[-1].isoformat()
    sponsors = [person(shown.decision_maker) for shown in shown_sponsors(bill, request)]
    if sponsors:
        data["sponsor"] = sponsors
    if seo.description:
        data["description"] = seo.description
    return data


def person(decision_maker):
    data = {"@type": "Person", "name": decision_maker.name, "jobTitle": decision_maker.title}
    if decision_maker.official_page:
        data["url"] = decision_maker.official_page
    return data


def legislature_of(bill, request):
    """The legislature named by the bill's tracker (its parent), in the page's language.

    Kept with the content cache: every bill of a tracker names the same one.
    """
    tracker = ancestor_of(bill, request)
    if tracker is None:
        return ""
    return cached_for_content(
        f"bill-tracker-legislature:{tracker.pk}",
        lambda: getattr(tracker.specific, "legislature", ""),
    )
