"""Organizations' SVG logos: checked on upload, served with headers that keep them inert.

An SVG is a document that can carry scripts and fetch other files. A logo is
only ever shown through <img>, where browsers run neither, but its address can
also be opened directly, so the upload must be plain drawing and the logo view
serves it with a policy that forbids scripts and every outside fetch.
"""

import xml.etree.ElementTree as ElementTree

from django.core.exceptions import ValidationError

MAX_LOGO_BYTES = 100 * 1024
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
# Drawing, text and paint servers; nothing that runs, embeds or fetches.
ALLOWED_ELEMENTS = {
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
    "text", "tspan", "title", "desc", "defs", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "use", "symbol", "metadata",
}  # fmt: skip
# Descriptive metadata that drawing programs write (author, license), never rendered.
METADATA_NAMESPACES = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
)
LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _local_name(name):
    return name.rsplit("}", 1)[-1]


def validate_svg_logo(file):
    """Refuse an SVG that is too large, not SVG, or that could run or fetch anything."""
    if file.size > MAX_LOGO_BYTES:
        raise ValidationError(
            f"This logo is {file.size // 1024} KB; an SVG logo should be under "
            f"{MAX_LOGO_BYTES // 1024} KB. Try saving it as “optimized SVG”."
        )
    file.seek(0)
    data = file.read()
    file.seek(0)
    # Entities can expand to gigabytes; a logo never needs a document type.
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise ValidationError("This SVG declares a document type; save it again as plain SVG.")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ValidationError("This file is not a readable SVG image.") from error
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise ValidationError("This file is not an SVG image.")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, name = element.tag[1:].split("}", 1) if "}" in element.tag else ("", element.tag)
        drawing = namespace == SVG_NAMESPACE and name in ALLOWED_ELEMENTS
        if not drawing and namespace not in METADATA_NAMESPACES:
            raise ValidationError(f"A logo cannot contain <{name}>; only drawing is allowed.")
        for attribute, value in element.attrib.items():
            attribute_name = _local_name(attribute).lower()
            if attribute_name.startswith("on"):
                raise ValidationError("A logo cannot contain scripts (an “on…” attribute).")
            if attribute_name == "href" and not value.startswith("#"):
                raise ValidationError("A logo can only refer to parts of itself, not other files.")
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                raise ValidationError("A logo can only refer to parts of itself, not other files.")
