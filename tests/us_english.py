"""British spellings, for the tests that keep every English word a person reads American.

Both organizations are American, so pages, e-mails, admin labels and help
text, and the docs use US spelling. The list names British forms with no
American use (never words both spellings share, such as "promise" or
"analysis"), so a match is always a mistake.
"""

import re

BRITISH_FORMS = [
    r"\w*(organis|recognis|realis|prioritis|mobilis|synchronis|summaris|optimis|apologis|"
    r"emphasis|criticis|minimis|maximis|customis|finalis|authoris|utilis|standardis|"
    r"categoris|localis|visualis)(e|es|ed|ing|ation|ations|able|ably)",
    r"\w*analys(e|es|ed|ing)",
    r"(centre|centres|centred|centring)",
    r"\w*(colour|behaviour|favour|honour|labour|neighbour|harbour|rumour|vapour|humour)\w*",
    r"(programme|programmes)",
    r"(catalogue|catalogues|dialogue box)",
    r"(licence|licences)",
    r"(travelled|travelling|traveller|travellers|modelled|modelling|labelled|labelling)",
    r"(judgement|judgements|enrolment|enrolments|fulfil|fulfils|instalment)",
    r"(whilst|amongst|learnt|spelt|burnt)",
]
BRITISH = re.compile(r"\b(?:" + "|".join(BRITISH_FORMS) + r")\b", re.IGNORECASE)


def british_spellings(text):
    """The British spellings in `text`, each once, in the order found."""
    return list(dict.fromkeys(match.group(0) for match in BRITISH.finditer(text)))


def english_text_of(soup):
    """The words of a page an English reader sees: visible text, alt text and titles.

    Text marked as another language (a Spanish quote, the language switch's
    "Español") is left out.
    """
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for element in soup.select("[lang]"):
        if not element.get("lang", "").startswith("en") and element.name != "html":
            element.decompose()
    words = [soup.get_text(" ")]
    words += [element.get("alt", "") for element in soup.select("img[alt]")]
    words += [element.get("title", "") for element in soup.select("[title]")]
    words += [element.get("content", "") for element in soup.select("meta[content]")]
    return " ".join(words)
