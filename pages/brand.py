"""Each organization's look, chosen in its site settings: palette, typefaces, hero, logo.

The choices are short curated lists rather than free CSS, so a third
organization gets a look of its own from the admin alone, and every choice
still meets the design system's rules: readable contrast, web fonts of a
first view under 80 KB, no inline styles (the brand arrives as /brand.css).
"""

from dataclasses import dataclass

from django.contrib.staticfiles.storage import staticfiles_storage

from .colors import HEX_COLOR

SANS_FALLBACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
SERIF_FALLBACK = 'Georgia, Cambria, "Times New Roman", serif'

# The two subsets each typeface is vendored in; the browser fetches
# Latin Extended only for a page that uses one of its letters.
LATIN = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, "
    "U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
)
LATIN_EXTENDED = (
    "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, "
    "U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, "
    "U+2C60-2C7F, U+A720-A7FF"
)


@dataclass(frozen=True)
class Typeface:
    """A variable web font vendored under static/fonts/<folder>/ with its license."""

    family: str
    folder: str
    weights: str
    fallback: str

    def file(self, subset):
        return staticfiles_storage.url(
            f"fonts/{self.folder}/{self.folder}-{subset}-wght-normal.woff2"
        )

    def font_faces(self):
        return "".join(
            f'@font-face {{ font-family: "{self.family}"; font-style: normal; '
            f"font-display: swap; font-weight: {self.weights}; "
            f'src: url("{self.file(subset)}") format("woff2"); unicode-range: {ranges}; }}\n'
            for subset, ranges in (("latin", LATIN), ("latin-ext", LATIN_EXTENDED))
        )

    @property
    def stack(self):
        return f'"{self.family}", {self.fallback}'


FRAUNCES = Typeface("Fraunces", "fraunces", "100 900", SERIF_FALLBACK)
PUBLIC_SANS = Typeface("Public Sans", "public-sans", "100 900", SANS_FALLBACK)
BRICOLAGE = Typeface("Bricolage Grotesque", "bricolage-grotesque", "200 800", SANS_FALLBACK)
FIGTREE = Typeface("Figtree", "figtree", "300 900", SANS_FALLBACK)
NUNITO = Typeface("Nunito", "nunito", "200 1000", SANS_FALLBACK)


@dataclass(frozen=True)
class FontPairing:
    label: str
    heading: Typeface | None
    body: Typeface | None

    @property
    def typefaces(self):
        return list(dict.fromkeys(face for face in (self.heading, self.body) if face))

    def preloads(self):
        """The Latin files a first view needs, to fetch them alongside the stylesheet."""
        return [face.file("latin") for face in self.typefaces]


FONT_PAIRINGS = {
    "civic": FontPairing("Civic: Fraunces headings, Public Sans text", FRAUNCES, PUBLIC_SANS),
    "bold": FontPairing("Bold: Bricolage Grotesque headings, Figtree text", BRICOLAGE, FIGTREE),
    "friendly": FontPairing("Friendly: Nunito throughout", NUNITO, NUNITO),
    "system": FontPairing("System: the reader's own fonts, nothing to download", None, None),
}
DEFAULT_FONT_PAIRING = "system"
FONT_PAIRING_CHOICES = [(key, pairing.label) for key, pairing in FONT_PAIRINGS.items()]

HERO_STYLES = {
    "split": "Split: the words beside the picture on wide screens",
    "photo": "Photo: the words over the picture, darkened beneath them",
    "band": "Band: the words on a band of the primary color, the picture below",
}
DEFAULT_HERO_STYLE = "split"
HERO_STYLE_CHOICES = list(HERO_STYLES.items())


def font_pairing(key):
    return FONT_PAIRINGS.get(key) or FONT_PAIRINGS[DEFAULT_FONT_PAIRING]


def hero_style(key):
    return key if key in HERO_STYLES else DEFAULT_HERO_STYLE


@dataclass(frozen=True)
class Palette:
    primary: str
    secondary: str
    accent: str
    surface: str


DEFAULT_PALETTE = Palette(
    primary="#1d4f91", secondary="#1b1f24", accent="#f2b134", surface="#f3f5f8"
)


def stylesheet(palette, pairing_key, *, with_fonts=True):
    """The site's brand as CSS: custom properties over site.css's defaults, and its fonts.

    Each color is checked again here because it lands in CSS; one that is not
    a plain hex color falls back to the default. Readers who ask to save data
    get the same colors in their own system fonts (`with_fonts=False`).
    """
    colors = {
        name: value if HEX_COLOR.match(value or "") else getattr(DEFAULT_PALETTE, name)
        for name, value in vars(palette).items()
    }
    pairing = font_pairing(pairing_key)
    faces = "".join(face.font_faces() for face in pairing.typefaces) if with_fonts else ""
    fonts = ""
    if with_fonts and pairing.body:
        fonts += f"    --font-body: {pairing.body.stack};\n"
    if with_fonts and pairing.heading:
        fonts += f"    --font-heading: {pairing.heading.stack};\n"
    return (
        faces + ":root {\n"
        f"    --brand: {colors['primary']};\n"
        f"    --brand-secondary: {colors['secondary']};\n"
        f"    --brand-accent: {colors['accent']};\n"
        f"    --brand-surface: {colors['surface']};\n" + fonts + "}\n"
    )
