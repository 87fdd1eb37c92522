"""Demo pictures drawn with Pillow, so no binary file lives in the repository.

Each organization has its own look, in the colors of its brand (the site
settings in demo/content.py), as a designer would give it:

- The Learning Alliance gathers communities and builds public will: calm
  and earthy, soft gradients of deep teal, sage and warm sand, rounded
  people in circles and rows under a wide sky.
- NewMexicoKidsCAN argues for policy with data: bright and bold, flat deep
  navy with vivid orange, red-orange and golden yellow, hard geometry and
  rising bars.

Each section has its own subjects: a gathering or a rising chart for a home
page, head-and-shoulders portraits for stories, an icon for each issue, a
cover for a report, a pin over a town or an online session for an event,
scenes for news. A call site names the organization, the section (`kind`)
and, where a section has several, the subject (`motif`), and describes in
its alt text what is drawn. The title chooses the rest (which colors of the
palette, small shifts of place), so the same title always draws the same
picture and reruns of the loader find it again instead of adding a copy.

Pictures are drawn at twice their size and halved, which smooths the edges
of Pillow's shapes at little cost; nothing loops over pixels in Python.
Each gets a focal point on its subject, so crops for cards and portraits
keep the faces.
"""

import hashlib
import io
import math
import random
from dataclasses import dataclass

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.images.rect import Rect

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

# The two organizations, as the content modules name them.
ALLIANCE = "alliance"
KIDSCAN = "kidscan"

SIZE = (1280, 720)
SUPERSAMPLING = 2
JPEG_QUALITY = 80

SAND = "#e6b566"
SAGE = "#8fae8b"
TERRACOTTA = "#c7835a"
WOOD = "#8a5f3e"


@dataclass(frozen=True)
class Palette:
    """An organization's colors, and whether it draws soft gradients or flat fields."""

    backdrop: tuple  # (top, bottom) of a picture's sky or background
    ground: tuple  # (top, bottom) of the land or floor
    ink: str  # the darkest color: doors, windows, outlines
    main: str  # the brand color: bands, pins, medallions
    accents: tuple  # bars, books, shapes: taken in turn
    people: tuple  # the figures' colors, each clear against the backdrop and the ground
    paper: str  # light surfaces: pages, screens, walls
    soft: bool  # gradients and rounded shapes (Alliance), or flat fields and hard edges (KidsCAN)


PALETTES = {
    ALLIANCE: Palette(
        backdrop=("#0b5d66", "#eddcb8"),
        ground=("#d9bd8c", "#c49a63"),
        ink="#24324f",
        main="#0b5d66",
        accents=("#2f8a82", SAGE, TERRACOTTA, SAND, "#5f7f6b", "#24324f"),
        people=("#0b5d66", "#24324f", "#a8573a", "#2f8a82", "#4f6b5a"),
        paper="#f4efe6",
        soft=True,
    ),
    KIDSCAN: Palette(
        backdrop=("#13213c", "#1d3160"),
        ground=("#ff7a1a", "#f2542d"),
        ink="#13213c",
        main="#f2542d",
        accents=("#fbbf3c", "#ff7a1a", "#f2542d", "#fff5e8", "#b8360a"),
        people=("#fff5e8", "#fbbf3c", "#ff7a1a", "#f2542d"),
        paper="#fff5e8",
        soft=False,
    ),
}


def _seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def _rgb(value):
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5)) if isinstance(value, str) else value


def _mix(a, b, amount):
    """The color `amount` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * amount) for x, y in zip(_rgb(a), _rgb(b), strict=True))


def _distance(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def _luminance(color):
    channels = [c / 255 for c in _rgb(color)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrasting(colors, against, minimum=1.7):
    """The `colors` that stand out from `against` (WCAG contrast ratio), in order."""
    background = _luminance(against)
    return [
        color
        for color in colors
        if (max(_luminance(color), background) + 0.05) / (min(_luminance(color), background) + 0.05)
        >= minimum
    ]


class Sketch:
    """A canvas addressed in fractions: x of its width, y and sizes of its height.

    Sizes follow the height so that circles stay round on a wide picture;
    `dx` turns such a size into a fraction of the width.
    """

    def __init__(self, size, background):
        self.w, self.h = size[0] * SUPERSAMPLING, size[1] * SUPERSAMPLING
        self.image = PILImage.new("RGB", (self.w, self.h), background)
        self.draw = ImageDraw.Draw(self.image)

    def dx(self, size):
        return size * self.h / self.w

    def at(self, x, y):
        return (x * self.w, y * self.h)

    def px(self, size):
        return max(1, round(size * self.h))

    def fill(self, color):
        self.draw.rectangle([0, 0, self.w, self.h], fill=color)

    def gradient(self, top, bottom, y0=0.0, y1=1.0):
        """A vertical gradient, one line per row: cheap, and smooth once halved."""
        start, end = round(y0 * self.h), round(y1 * self.h)
        for row in range(start, end):
            color = _mix(top, bottom, (row - start) / max(1, end - start - 1))
            self.draw.line([(0, row), (self.w, row)], fill=color)

    def circle(self, x, y, r, fill=None, outline=None, width=0.0):
        self.ellipse(x, y, r, r, fill, outline, width)

    def ellipse(self, x, y, rx, ry, fill=None, outline=None, width=0.0):
        cx, cy = self.at(x, y)
        self.draw.ellipse(
            [cx - rx * self.h, cy - ry * self.h, cx + rx * self.h, cy + ry * self.h],
            fill=fill,
            outline=outline,
            width=self.px(width) if outline else 0,
        )

    def rect(self, x0, y0, x1, y1, fill=None, radius=0.0, outline=None, width=0.0):
        self.draw.rounded_rectangle(
            [*self.at(x0, y0), *self.at(x1, y1)],
            radius=radius * self.h,
            fill=fill,
            outline=outline,
            width=self.px(width) if outline else 0,
        )

    def polygon(self, points, fill=None, outline=None, width=0.0):
        self.draw.polygon(
            [self.at(x, y) for x, y in points],
            fill=fill,
            outline=outline,
            width=self.px(width) if outline else 0,
        )

    def line(self, points, fill, width):
        self.draw.line(
            [self.at(x, y) for x, y in points], fill=fill, width=self.px(width), joint="curve"
        )
        for x, y in (points[0], points[-1]):  # round ends
            self.circle(x, y, width / 2, fill=fill)

    def arc(self, x, y, r, start, end, fill, width):
        cx, cy = self.at(x, y)
        self.draw.arc(
            [cx - r * self.h, cy - r * self.h, cx + r * self.h, cy + r * self.h],
            start,
            end,
            fill=fill,
            width=self.px(width),
        )

    def arrow(self, points, fill, width):
        """A line through `points` with a head at the last one."""
        self.line(points[:-1] + [points[-1]], fill, width)
        (x1, y1), (x2, y2) = self.at(*points[-2]), self.at(*points[-1])
        angle = math.atan2(y2 - y1, x2 - x1)
        reach = width * 2.6 * self.h
        head = [
            (x2 + reach * math.cos(angle), y2 + reach * math.sin(angle)),
            (x2 + reach * math.cos(angle + 2.3), y2 + reach * math.sin(angle + 2.3)),
            (x2 + reach * math.cos(angle - 2.3), y2 + reach * math.sin(angle - 2.3)),
        ]
        self.draw.polygon(head, fill=fill)

    def person(self, x, y, r, fill, to_bottom=False, hair=None, hat=None, collar=None):
        """A head-and-shoulders silhouette with its head (radius `r`) centered on (x, y).

        `hair` ("bun", "long"), `hat` (a color) and `collar` (a color) tell
        people apart. With `to_bottom` the shoulders run off the bottom edge,
        as in a portrait. Returns the box (x0, y0, x1, y1) it covers.
        """
        hair_color = _mix(fill, "#101418", 0.4)
        if hair == "long":
            self.rect(
                x - self.dx(r * 1.2), y - r * 1.2, x + self.dx(r * 1.2), y + r * 1.9, hair_color, r
            )
        elif hair == "bun":
            self.circle(x, y - r * 1.1, r * 0.55, fill=hair_color)
        self.ellipse(x, y, r, r * 1.12, fill=fill)
        top = y + r * 1.35
        left, right = x - self.dx(r * 2.3), x + self.dx(r * 2.3)
        self.draw.pieslice(
            [*self.at(left, top), *self.at(right, top + r * 4.4)], 180, 360, fill=fill
        )
        if to_bottom:
            self.rect(left, top + r * 2.2, right, 1.0, fill=fill)
        if collar:
            self.polygon(
                [(x - self.dx(r * 0.55), top), (x + self.dx(r * 0.55), top), (x, top + r * 0.9)],
                fill=collar,
            )
        if hat:
            self.ellipse(x, y - r * 0.75, r * 1.7, r * 0.3, fill=hat)
            self.rect(
                x - self.dx(r * 0.8), y - r * 1.6, x + self.dx(r * 0.8), y - r * 0.7, hat, r * 0.3
            )
        return (left, y - r * (1.6 if hat or hair == "bun" else 1.12), right, top + r * 2.2)

    def finish(self):
        """The picture at its real size: halving the supersampled canvas smooths its edges."""
        return self.image.reduce(SUPERSAMPLING)


def _people_colors(palette, rng):
    """The palette's figure colors in an order drawn from `rng`, neighbors told apart.

    Each color is as far as can be from the one before it, so people standing
    side by side never melt into one shape.
    """
    left = list(palette.people)
    rng.shuffle(left)
    ordered = [left.pop(0)]
    while left:
        previous = _rgb(ordered[-1])
        farthest = max(left, key=lambda color: _distance(_rgb(color), previous))
        left.remove(farthest)
        ordered.append(farthest)
    return ordered


def _union(boxes):
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _sky(sketch, palette, rng, horizon=1.0):
    """The background: a soft sky (Alliance) or a flat field with bold shapes (KidsCAN)."""
    sketch.gradient(*palette.backdrop, 0.0, horizon)
    if palette.soft:
        for _ in range(3):
            # Long, pale clouds: the Alliance's wide, calm sky.
            x, y = rng.uniform(0.05, 0.75), rng.uniform(0.07, horizon * 0.4)
            cloud = _mix(palette.backdrop[0], "#ffffff", 0.35 + y)
            sketch.rect(x, y, x + rng.uniform(0.12, 0.24), y + 0.024, cloud, 0.012)
        return
    # A big sun disc, a diagonal band and confetti: KidsCAN's bold geometry.
    sketch.circle(rng.uniform(0.8, 0.92), rng.uniform(0.06, 0.16), 0.34, fill=palette.accents[0])
    band = _mix(palette.backdrop[1], palette.main, 0.35)
    sketch.polygon(
        [
            (0.0, horizon * 0.85),
            (0.5, horizon * 0.36),
            (0.66, horizon * 0.36),
            (0.16, horizon * 0.85),
        ],
        fill=band,
    )
    for _ in range(9):
        x, y = rng.uniform(0.03, 0.97), rng.uniform(0.05, horizon * 0.7)
        r, color, shape = (
            rng.uniform(0.012, 0.022),
            rng.choice(palette.accents[:4]),
            rng.randrange(3),
        )
        if shape == 0:
            sketch.circle(x, y, r, fill=color)
        elif shape == 1:
            sketch.rect(x - sketch.dx(r), y - r, x + sketch.dx(r), y + r, fill=color)
        else:
            sketch.polygon(
                [(x, y - r), (x + sketch.dx(r), y + r), (x - sketch.dx(r), y + r)], color
            )


def _mesas(sketch, color, base, rng, height=0.07):
    """A band of flat-topped mesas along the horizon at `base`."""
    points = [(-0.05, base)]
    x = -rng.uniform(0.0, 0.1)
    while x < 1.05:
        width, rise = rng.uniform(0.08, 0.2), rng.choice((0.0, height, height * 0.6))
        slope = rng.uniform(0.015, 0.04)
        points += [(x, base - rise), (x + width, base - rise), (x + width + slope, base)]
        x += width + slope + rng.uniform(0.02, 0.06)
    points += [(1.05, base), (1.05, base + 0.1), (-0.05, base + 0.1)]
    sketch.polygon(points, fill=color)


def _ground(sketch, palette, top):
    sketch.gradient(*palette.ground, top, 1.0)


# --- Home page heroes ------------------------------------------------------------------


def _hero(sketch, palette, rng, motif):
    if palette.soft:
        return _gathering(sketch, palette, rng)
    return _rising_chart_and_school(sketch, palette, rng)


def _gathering(sketch, palette, rng):
    """Neighbors sitting in a circle around a table on open land, under a wide sky."""
    horizon = 0.58
    _sky(sketch, palette, rng, horizon + 0.01)
    sketch.circle(rng.uniform(0.66, 0.82), horizon - 0.03, 0.12, fill="#f7e7bf")
    _mesas(sketch, SAGE, horizon, rng, height=0.06)
    _ground(sketch, palette, horizon + 0.04)
    # The circle is seen from a little above: an ellipse, the near side larger.
    cx, cy, rx, ry = 0.5, 0.8, 0.28, 0.085
    count = rng.choice((8, 9))
    turn = rng.uniform(0, math.tau / count)
    angles = sorted((turn + n * math.tau / count for n in range(count)), key=math.sin)
    colors = _people_colors(palette, rng)

    def seat(number, angle):
        r = 0.04 + 0.02 * (math.sin(angle) + 1) / 2
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle) - r * 2.6
        return sketch.person(x, y, r, fill=colors[number % len(colors)])

    far = [angle for angle in angles if math.sin(angle) < 0.3]
    boxes = [seat(number, angle) for number, angle in enumerate(far)]
    # The table, with papers on it, hides the far side's laps.
    sketch.ellipse(cx, cy - 0.01, rx * 0.56 * sketch.w / sketch.h, ry * 1.2, fill=WOOD)
    sketch.ellipse(cx, cy - 0.018, rx * 0.54 * sketch.w / sketch.h, ry * 1.05, fill="#a87548")
    for _ in range(5):
        px, py = cx + rng.uniform(-0.1, 0.1), cy - 0.018 + rng.uniform(-0.05, 0.04)
        sketch.rect(
            px - 0.018, py - 0.014, px + 0.018, py + 0.014, fill=palette.paper, radius=0.004
        )
    near = [angle for angle in angles if math.sin(angle) >= 0.3]
    boxes += [seat(number + len(far), angle) for number, angle in enumerate(near)]
    return _union(boxes)


def _rising_chart_and_school(sketch, palette, rng):
    """A school house beside bars that rise to an arrow, on bold navy, gold and orange."""
    floor = 0.86
    _sky(sketch, palette, rng, floor)
    sketch.rect(0.0, floor, 1.0, 1.0, fill=palette.accents[1])
    sketch.rect(0.0, floor, 1.0, floor + 0.025, fill=palette.accents[2])
    roof = TERRACOTTA if palette.soft else palette.main
    school = _school(
        sketch, 0.24, floor, 0.5, (palette.paper, roof, palette.accents[0]), palette.ink
    )
    bars, left, right = 5, 0.5, 0.93
    step = (right - left) / bars
    tops = []
    colors = _bar_colors(palette)
    for index in range(bars):
        height = 0.14 + index * 0.1 + rng.uniform(-0.015, 0.015)
        x0 = left + index * step + step * 0.12
        sketch.rect(x0, floor - height, x0 + step * 0.76, floor, fill=colors[index])
        tops.append((x0 + step * 0.38, floor - height - 0.08))
    sketch.arrow(tops, fill="#ffffff", width=0.018)
    return _union([school, (left, tops[-1][1] - 0.06, right, floor)])


def _bar_colors(palette):
    """Five rising bars' colors: the tallest is white, clear against the golden sun behind it."""
    return (*palette.accents[:3], palette.accents[0], palette.paper)


def _school(sketch, cx, floor, height, colors, ink):
    """A school house on `floor`: walls, roof, bell tower and flag, door and windows.

    `colors` are the walls', the roof's and the flag's; `ink` the openings'.
    """
    wall, roof, flag = colors
    half = sketch.dx(height * 0.5)
    wall_top = floor - height * 0.5
    sketch.rect(cx - half, wall_top, cx + half, floor, fill=wall)
    eave = sketch.dx(height * 0.6)
    sketch.polygon(
        [(cx - eave, wall_top), (cx, wall_top - height * 0.26), (cx + eave, wall_top)], roof
    )
    tower = sketch.dx(height * 0.09)
    tower_top = wall_top - height * 0.4
    sketch.rect(cx - tower, tower_top, cx + tower, wall_top - height * 0.1, fill=wall)
    sketch.rect(
        cx - tower * 0.5,
        tower_top + height * 0.04,
        cx + tower * 0.5,
        tower_top + height * 0.13,
        fill=ink,
        radius=height * 0.03,
    )
    peak = tower_top - height * 0.13
    sketch.polygon([(cx - tower * 1.4, tower_top), (cx, peak), (cx + tower * 1.4, tower_top)], roof)
    sketch.line([(cx, peak), (cx, peak - height * 0.2)], fill=ink, width=height * 0.015)
    sketch.polygon(
        [
            (cx, peak - height * 0.2),
            (cx + sketch.dx(height * 0.17), peak - height * 0.16),
            (cx, peak - height * 0.12),
        ],
        flag,
    )
    door = sketch.dx(height * 0.08)
    sketch.rect(cx - door, floor - height * 0.25, cx + door, floor, ink, height * 0.03)
    pane = sketch.dx(height * 0.07)
    for side in (-1, 1):
        wx = cx + side * half * 0.55
        sketch.rect(wx - pane, floor - height * 0.4, wx + pane, floor - height * 0.24, fill=ink)
        sketch.line(
            [(wx, floor - height * 0.4), (wx, floor - height * 0.24)], fill=wall, width=0.006
        )
    return (cx - eave, peak - height * 0.2, cx + eave, floor)


# --- Stories: portraits ----------------------------------------------------------------

# Who is in each story's portrait: (x, y, head radius, hair, hat) per person, and the setting.
PORTRAITS = {
    "teacher": ("shelves", [(0.44, 0.4, 0.13, "bun", False)]),
    "family": (
        "ranch",
        [
            (0.36, 0.42, 0.095, None, True),
            (0.58, 0.44, 0.09, "long", False),
            (0.47, 0.62, 0.065, None, False),
        ],
    ),
    "elders": ("pueblo", [(0.4, 0.4, 0.11, "long", False), (0.6, 0.58, 0.07, None, False)]),
}


def _story(sketch, palette, rng, motif):
    """Head-and-shoulders portraits on a background that says where the story happens."""
    setting, people = PORTRAITS.get(motif, PORTRAITS["teacher"])
    {"shelves": _shelves, "ranch": _ranch, "pueblo": _pueblo}[setting](sketch, palette, rng)
    colors = _people_colors(palette, rng)
    boxes = []
    for index, (x, y, r, hair, hat) in enumerate(people):
        fill = colors[index % len(colors)]
        # The grown-ups' shoulders run off the bottom edge; a child stands in front of them.
        boxes.append(
            sketch.person(
                x + sketch.dx(rng.uniform(-0.02, 0.02)),
                y,
                r,
                fill,
                to_bottom=True,
                hair=hair,
                hat=_mix(WOOD, "#000000", 0.2) if hat else None,
                collar=palette.paper if index == 0 else None,
            )
        )
    x0, y0, x1, _ = _union(boxes)
    # A square crop (a person card) keeps the faces: the box is as tall as it is wide.
    return (x0, y0, x1, min(1.0, y0 + (x1 - x0) * sketch.w / sketch.h))


def _shelves(sketch, palette, rng):
    """A classroom library: shelves of books in the palette's colors."""
    sketch.gradient(_mix(palette.paper, palette.main, 0.12), palette.paper)
    for row in range(4):
        base = 0.24 + row * 0.22
        x = 0.02
        while x < 0.98:
            width, height = rng.uniform(0.012, 0.03), rng.uniform(0.12, 0.17)
            color = rng.choice(palette.accents)
            if rng.random() < 0.08:  # a book leaning on its neighbor
                sketch.polygon(
                    [
                        (x, base),
                        (x + width, base),
                        (x + width + 0.03, base - height),
                        (x + 0.03, base - height),
                    ],
                    fill=color,
                )
                x += 0.03
            else:
                sketch.rect(x, base - height, x + width, base, fill=color)
            x += width + 0.003
        sketch.rect(0.0, base, 1.0, base + 0.025, fill=WOOD)


def _ranch(sketch, palette, rng):
    """Open ranch land near Roswell: sky, low hills, a windmill, a fence."""
    horizon = 0.64
    _sky(sketch, palette, rng, horizon)
    _mesas(sketch, SAGE, horizon, rng, height=0.04)
    _ground(sketch, palette, horizon + 0.02)
    mill, hub = rng.uniform(0.8, 0.88), horizon - 0.32
    sketch.line([(mill - 0.02, horizon + 0.02), (mill, hub)], fill=palette.ink, width=0.008)
    sketch.line([(mill + 0.02, horizon + 0.02), (mill, hub)], fill=palette.ink, width=0.008)
    for blade in range(8):
        angle = blade * math.tau / 8
        end = (mill + sketch.dx(0.08 * math.cos(angle)), hub + 0.08 * math.sin(angle))
        sketch.line([(mill, hub), end], fill=palette.ink, width=0.01)
    sketch.polygon([(mill, hub), (mill + 0.07, hub - 0.02), (mill + 0.07, hub + 0.02)], palette.ink)
    for post in range(14):
        x = post / 13
        sketch.rect(x - 0.004, horizon + 0.06, x + 0.004, horizon + 0.17, fill=WOOD)
    for rail in (0.085, 0.135):
        sketch.rect(0.0, horizon + rail, 1.0, horizon + rail + 0.009, fill=WOOD)


def _pueblo(sketch, palette, rng):
    """Stepped adobe buildings with a ladder, under a low sun."""
    horizon = 0.72
    _sky(sketch, palette, rng, horizon)
    sketch.circle(rng.uniform(0.12, 0.2), 0.26, 0.09, fill="#f7e7bf")
    adobe = ("#c98b5e", "#d9a878", "#b87348")
    x = -0.02
    while x < 1.0:
        width, levels = rng.uniform(0.12, 0.2), rng.choice((1, 2, 3))
        for level in range(levels):
            inset, top = level * 0.03, horizon - 0.12 * (level + 1)
            sketch.rect(
                x + inset,
                top,
                x + width - inset,
                horizon + 0.01,
                fill=adobe[(level + round(x * 10)) % 3],
            )
            sketch.rect(x + inset + 0.02, top + 0.04, x + inset + 0.04, top + 0.08, fill="#5b3a29")
            for beam in range(3):  # vigas: roof beams poking out of the wall
                bx = x + inset + 0.015 + beam * (width - 2 * inset) / 3
                sketch.rect(bx, top + 0.01, bx + 0.008, top + 0.022, fill="#5b3a29")
        x += width
    ladder = rng.uniform(0.74, 0.86)
    for side in (0.0, 0.03):
        sketch.line(
            [(ladder + side, horizon), (ladder + side + 0.012, horizon - 0.32)],
            fill="#5b3a29",
            width=0.008,
        )
    for rung in range(5):
        y = horizon - 0.05 - rung * 0.055
        sketch.line([(ladder, y), (ladder + 0.033, y)], fill="#5b3a29", width=0.006)
    _ground(sketch, palette, horizon)


# --- Issues and pillars: icons ---------------------------------------------------------


def _issue(sketch, palette, rng, motif):
    """One icon, large, in a medallion: what the issue is about at a glance."""
    if palette.soft:
        sketch.gradient(palette.paper, _mix(palette.paper, palette.backdrop[1], 0.8))
        field, medallion, stripes, echo = palette.paper, palette.main, SAGE, SAND
    else:
        field = rng.choice((palette.ink, palette.accents[1], palette.main))
        sketch.fill(field)
        medallion = palette.main if field == palette.ink else palette.ink
        stripes, echo = palette.accents[0], palette.accents[0 if field != palette.ink else 1]
    side = rng.choice((-1, 1))
    for index in range(6):
        # Diagonal stripes on one side give each icon the site's rhythm.
        x = (0.78 if side > 0 else -0.02) + index * 0.045
        sketch.polygon([(x, 1.0), (x + 0.02, 1.0), (x + 0.22, 0.0), (x + 0.2, 0.0)], fill=stripes)
    cx = 0.5 + rng.uniform(-0.05, 0.05)
    sketch.circle(cx - sketch.dx(0.1) * side, 0.58, 0.3, fill=echo)
    sketch.circle(cx, 0.5, 0.36, fill=medallion)
    colors = _contrasting([palette.paper, *palette.accents], medallion)
    ICONS.get(motif, _icon_book)(sketch, cx, 0.5, 0.24, colors, medallion)
    return (cx - sketch.dx(0.38), 0.12, cx + sketch.dx(0.38), 0.88)


# Each icon is drawn around (cx, cy), `size` from its center to its edge, in
# `colors` (light first, all clear on the medallion) with `hole` (the medallion's
# color) for cut-outs.


def _icon_book(sketch, cx, cy, size, colors, hole):
    """An open book."""
    w = sketch.dx(size)
    for side in (-1, 1):
        sketch.polygon(
            [
                (cx, cy - size * 0.5),
                (cx + side * w, cy - size * 0.68),
                (cx + side * w, cy + size * 0.55),
                (cx, cy + size * 0.72),
            ],
            fill=colors[0],
        )
        for line in range(4):
            y = cy - size * 0.32 + line * size * 0.22
            sketch.line(
                [(cx + side * w * 0.2, y + size * 0.04), (cx + side * w * 0.78, y - size * 0.06)],
                fill=colors[-1],
                width=size * 0.05,
            )
    sketch.line([(cx, cy - size * 0.5), (cx, cy + size * 0.72)], fill=hole, width=size * 0.05)


def _icon_network(sketch, cx, cy, size, colors, hole):
    """Dots joined into a network around a center."""
    nodes = [(cx, cy)]
    for index in range(6):
        angle = index * math.tau / 6 + 0.3
        nodes.append(
            (cx + sketch.dx(size * 0.9 * math.cos(angle)), cy + size * 0.9 * math.sin(angle))
        )
    for a, b in [(0, n) for n in range(1, 7)] + [(n, n % 6 + 1) for n in range(1, 7, 2)]:
        sketch.line([nodes[a], nodes[b]], fill=colors[0], width=size * 0.05)
    for index, (x, y) in enumerate(nodes):
        sketch.circle(x, y, size * (0.22 if index == 0 else 0.14), fill=colors[index % len(colors)])


def _icon_megaphone(sketch, cx, cy, size, colors, hole):
    """A megaphone with sound waves: making voices heard."""
    w = sketch.dx(size)
    mouth = cx + w * 0.35
    sketch.polygon(
        [
            (cx - w * 0.6, cy - size * 0.2),
            (mouth, cy - size * 0.6),
            (mouth, cy + size * 0.6),
            (cx - w * 0.6, cy + size * 0.2),
        ],
        fill=colors[0],
    )
    sketch.rect(
        cx - w * 0.85, cy - size * 0.22, cx - w * 0.55, cy + size * 0.22, colors[1], size * 0.06
    )
    sketch.rect(
        cx - w * 0.45, cy + size * 0.12, cx - w * 0.25, cy + size * 0.62, colors[1], size * 0.05
    )
    for ring in range(3):
        sketch.arc(
            mouth, cy, size * (0.5 + ring * 0.22), -38, 38, fill=colors[1], width=size * 0.08
        )


def _icon_school(sketch, cx, cy, size, colors, hole):
    """A school house."""
    _school(sketch, cx, cy + size * 0.85, size * 1.5, (colors[0], colors[-1], colors[1]), hole)


def _icon_family(sketch, cx, cy, size, colors, hole):
    """Two grown-ups and a child under a heart: care around a student."""
    w = sketch.dx(size)
    sketch.person(cx - w * 0.5, cy - size * 0.15, size * 0.24, fill=colors[0])
    sketch.person(cx + w * 0.5, cy - size * 0.2, size * 0.25, fill=colors[1 % len(colors)])
    sketch.person(cx, cy + size * 0.22, size * 0.17, fill=colors[2 % len(colors)])
    hx, hy, r = cx, cy - size * 0.8, size * 0.11
    color = colors[-1]
    sketch.circle(hx - sketch.dx(r * 0.9), hy, r, fill=color)
    sketch.circle(hx + sketch.dx(r * 0.9), hy, r, fill=color)
    sketch.polygon(
        [
            (hx - sketch.dx(r * 1.85), hy + r * 0.35),
            (hx + sketch.dx(r * 1.85), hy + r * 0.35),
            (hx, hy + r * 2.1),
        ],
        fill=color,
    )


def _icon_magnifier(sketch, cx, cy, size, colors, hole):
    """Bars of a chart under a magnifying glass: knowing what is working."""
    w = sketch.dx(size)
    for index, height in enumerate((0.4, 0.7, 0.55, 0.95)):
        x = cx - w * 0.8 + index * w * 0.38
        color = colors[(index + 1) % len(colors)]
        sketch.rect(x, cy + size * 0.6 - size * height, x + w * 0.26, cy + size * 0.6, fill=color)
    gx, gy = cx + w * 0.25, cy - size * 0.15
    sketch.circle(gx, gy, size * 0.42, outline=colors[0], width=size * 0.1)
    handle = [
        (gx + sketch.dx(size * 0.32), gy + size * 0.32),
        (gx + sketch.dx(size * 0.75), gy + size * 0.75),
    ]
    sketch.line(handle, fill=colors[0], width=size * 0.16)


def _icon_path(sketch, cx, cy, size, colors, hole):
    """A road winding away to a flag: a route a student can see and follow."""
    center = [
        (
            cx + sketch.dx(size * 0.9 * math.sin(t * 3.2)) * (1 - t * 0.6),
            cy + size * (0.95 - 1.5 * t),
        )
        for t in (step / 16 for step in range(17))
    ]
    left, right = [], []
    for index, (x, y) in enumerate(center):
        half = sketch.dx(size * (0.3 - 0.24 * index / 16))
        left.append((x - half, y))
        right.append((x + half, y))
    sketch.polygon(left + right[::-1], fill=colors[0])
    for index in range(0, 16, 3):
        sketch.line([center[index], center[index + 1]], fill=colors[1], width=size * 0.04)
    fx, fy = center[-1]
    sketch.line([(fx, fy), (fx, fy - size * 0.55)], fill=colors[0], width=size * 0.05)
    sketch.polygon(
        [
            (fx, fy - size * 0.55),
            (fx + sketch.dx(size * 0.42), fy - size * 0.43),
            (fx, fy - size * 0.3),
        ],
        colors[-1],
    )


def _icon_group(sketch, cx, cy, size, colors, hole):
    """Three students and a tutor at a table, with a clock: small groups, often."""
    w = sketch.dx(size)
    for index, x in enumerate((-0.62, -0.2, 0.2, 0.62)):
        grown_up = index == 3
        sketch.person(
            cx + w * x,
            cy - size * (0.12 if grown_up else 0.0),
            size * (0.19 if grown_up else 0.15),
            fill=colors[index % len(colors)],
        )
    sketch.rect(
        cx - w * 0.95, cy + size * 0.38, cx + w * 0.95, cy + size * 0.52, colors[0], size * 0.03
    )
    clock = (cx, cy - size * 0.72)
    sketch.circle(*clock, size * 0.2, fill=colors[0])
    sketch.line([clock, (clock[0], clock[1] - size * 0.13)], fill=hole, width=size * 0.035)
    sketch.line(
        [clock, (clock[0] + sketch.dx(size * 0.1), clock[1])], fill=hole, width=size * 0.035
    )


def _icon_checklist(sketch, cx, cy, size, colors, hole):
    """A clipboard with ticked boxes: reporting how schools are doing."""
    w = sketch.dx(size)
    sketch.rect(
        cx - w * 0.6, cy - size * 0.8, cx + w * 0.6, cy + size * 0.85, colors[0], size * 0.06
    )
    sketch.rect(
        cx - w * 0.25, cy - size * 0.92, cx + w * 0.25, cy - size * 0.7, colors[1], size * 0.04
    )
    for row in range(3):
        y = cy - size * 0.38 + row * size * 0.42
        sketch.rect(
            cx - w * 0.45,
            y - size * 0.12,
            cx - w * 0.21,
            y + size * 0.12,
            outline=hole,
            width=size * 0.03,
        )
        sketch.line(
            [
                (cx - w * 0.42, y),
                (cx - w * 0.34, y + size * 0.08),
                (cx - w * 0.16, y - size * 0.18),
            ],
            fill=colors[-1] if len(colors) > 2 else hole,
            width=size * 0.06,
        )
        sketch.rect(
            cx - w * 0.08, y - size * 0.04, cx + w * 0.45, y + size * 0.04, hole, size * 0.03
        )


def _icon_stairs(sketch, cx, cy, size, colors, hole):
    """Steps climbing to a star: a career built one step at a time."""
    w = sketch.dx(size)
    for index in range(4):
        x0 = cx - w * 0.85 + index * w * 0.38
        top = cy + size * 0.75 - (index + 1) * size * 0.32
        sketch.rect(x0, top, cx + w * 0.7, cy + size * 0.75, fill=colors[index % len(colors)])
    sx, sy, r = cx + w * 0.5, cy - size * 0.78, size * 0.24
    points = []
    for index in range(10):
        reach = r if index % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((sx + sketch.dx(reach * math.cos(angle)), sy + reach * math.sin(angle)))
    sketch.polygon(points, fill=colors[0])


def _icon_circle(sketch, cx, cy, size, colors, hole):
    """People sitting in a circle, seen from above: a learning circle."""
    sketch.circle(cx, cy, size * 0.36, outline=colors[0], width=size * 0.06)
    for index in range(6):
        angle = index * math.tau / 6 - math.pi / 2
        x, y = cx + sketch.dx(size * 0.78 * math.cos(angle)), cy + size * 0.78 * math.sin(angle)
        sketch.circle(x, y, size * 0.2, fill=colors[index % len(colors)])


def _icon_together(sketch, cx, cy, size, colors, hole):
    """Three people side by side, arm in arm: leading together."""
    w = sketch.dx(size)
    sketch.rect(
        cx - w * 0.8, cy + size * 0.32, cx + w * 0.8, cy + size * 0.42, colors[0], size * 0.05
    )
    for index, x in enumerate((-0.6, 0.0, 0.6)):
        sketch.person(
            cx + w * x,
            cy - size * (0.25 if index == 1 else 0.1),
            size * 0.2,
            fill=colors[(index + 1) % len(colors)],
        )


ICONS = {
    "book": _icon_book,
    "network": _icon_network,
    "megaphone": _icon_megaphone,
    "school": _icon_school,
    "family": _icon_family,
    "magnifier": _icon_magnifier,
    "path": _icon_path,
    "group": _icon_group,
    "checklist": _icon_checklist,
    "stairs": _icon_stairs,
    "circle": _icon_circle,
    "together": _icon_together,
}


# --- Reports: a cover ------------------------------------------------------------------


def _report(sketch, palette, rng, motif):
    """A report's cover on a desk: a colored band with title lines, chart bars, text lines."""
    if palette.soft:
        sketch.gradient(_mix(palette.paper, SAGE, 0.35), _mix(palette.paper, SAGE, 0.7))
        band, bars = palette.main, palette.accents[:4]
    else:
        sketch.gradient(*palette.backdrop)
        sketch.polygon([(0.6, 1.0), (1.0, 0.25), (1.0, 1.0)], fill=palette.accents[1])
        band, bars = (
            palette.main,
            (palette.ink, palette.accents[1], palette.accents[0], palette.main),
        )
    width = 0.3
    height = width * sketch.w / sketch.h * 1.3
    x0, y0 = 0.5 - width / 2 + rng.uniform(-0.03, 0.03), (1 - height) / 2
    # A second sheet under the cover, turned a little: a printed report.
    turn = math.radians(rng.uniform(-8, -4))
    mx, my = sketch.at(x0 + width / 2 + 0.03, 0.5)
    half_w, half_h = width / 2 * sketch.w, height / 2 * sketch.h
    sheet = [
        (
            mx + px * math.cos(turn) - py * math.sin(turn),
            my + px * math.sin(turn) + py * math.cos(turn),
        )
        for px, py in ((-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h))
    ]
    sketch.draw.polygon(sheet, fill=_mix(palette.paper, palette.ink, 0.15))
    shadow = _mix(palette.ink, "#000000", 0.3)
    sketch.rect(x0 + 0.008, y0 + 0.015, x0 + width + 0.008, y0 + height + 0.015, shadow, 0.01)
    sketch.rect(x0, y0, x0 + width, y0 + height, palette.paper, 0.01)
    top_band = y0 + height * 0.34
    sketch.rect(x0, y0, x0 + width, top_band, band, 0.01)
    sketch.rect(x0, top_band - 0.02, x0 + width, top_band, fill=band)
    if not palette.soft:
        corner = [(x0 + width * 0.62, y0), (x0 + width, y0), (x0 + width, y0 + height * 0.2)]
        sketch.polygon(corner, fill=palette.accents[0])
    for line, length in enumerate((0.8, 0.55)):
        y = y0 + 0.07 + line * 0.065
        sketch.rect(x0 + width * 0.1, y, x0 + width * (0.1 + length), y + 0.035, "#ffffff", 0.012)
    sketch.rect(x0 + width * 0.1, y0 + 0.22, x0 + width * 0.45, y0 + 0.24, palette.ink, 0.008)
    count = rng.choice((4, 5, 6))
    base = y0 + height * 0.74
    for index in range(count):
        bx = x0 + width * (0.12 + index * 0.76 / count)
        top = base - rng.uniform(0.06, 0.22)
        sketch.rect(bx, top, bx + width * 0.76 / count * 0.7, base, fill=bars[index % len(bars)])
    sketch.rect(x0 + width * 0.1, base, x0 + width * 0.9, base + 0.006, fill=palette.ink)
    for line, length in enumerate((0.78, 0.7, 0.5)):
        y = base + 0.04 + line * 0.035
        grey = _mix(palette.paper, palette.ink, 0.35)
        sketch.rect(x0 + width * 0.1, y, x0 + width * (0.1 + length), y + 0.014, grey, 0.007)
    return (x0, y0, x0 + width, y0 + height)


# --- Events: a pin over a town, or an online session ------------------------------------

# New Mexico's outline, west to east (x) and north to south (y), its bootheel at the bottom left.
NEW_MEXICO = [(0.0, 0.0), (1.0, 0.0), (1.0, 0.882), (0.402, 0.882), (0.4, 0.92), (0.139, 0.92),
              (0.139, 1.0), (0.0, 1.0)]  # fmt: skip
# Where in that outline each of the demo's regions is: a town of the region.
REGION_SPOTS = {
    "northwest": (0.1, 0.26),  # Gallup
    "north-central": (0.51, 0.23),  # Santa Fe
    "northeast": (0.72, 0.2),  # Las Vegas and Raton
    "central": (0.4, 0.36),  # Albuquerque
    "southwest": (0.17, 0.74),  # Silver City
    "southeast": (0.75, 0.64),  # Roswell
}


def _map(sketch, x0, y0, height, fill, outline):
    """New Mexico's outline with its top left corner at (x0, y0); returns where a spot is drawn."""
    width = sketch.dx(height * 0.88)

    def spot(px, py):
        return (x0 + px * width, y0 + py * height)

    sketch.polygon(
        [spot(px, py) for px, py in NEW_MEXICO], fill=fill, outline=outline, width=height * 0.012
    )
    return spot


def _pin(sketch, x, y, size, fill, hole):
    """A map pin whose point is at (x, y)."""
    sketch.circle(x, y - size * 1.6, size, fill=fill)
    sketch.polygon(
        [
            (x - sketch.dx(size * 0.86), y - size * 1.1),
            (x + sketch.dx(size * 0.86), y - size * 1.1),
            (x, y),
        ],
        fill=fill,
    )
    sketch.circle(x, y - size * 1.6, size * 0.42, fill=hole)


def _event(sketch, palette, rng, motif):
    if motif in REGION_SPOTS:
        return _pin_over_town(sketch, palette, rng, motif)
    return _online_session(sketch, palette, rng)


def _pin_over_town(sketch, palette, rng, region):
    """A town's low adobe buildings under a big pin, and a map of where in the state."""
    horizon = 0.8
    _sky(sketch, palette, rng, horizon)
    _mesas(sketch, _mix(SAGE, palette.backdrop[0], 0.15), horizon - 0.06, rng, height=0.05)
    _ground(sketch, palette, horizon)
    walls = ("#d9a878", TERRACOTTA, palette.paper, "#b87348") if palette.soft else palette.accents
    x = 0.1
    while x < 0.92:
        width, top = rng.uniform(0.05, 0.09), horizon - rng.uniform(0.08, 0.18)
        wall = rng.choice(walls)
        sketch.rect(x, top, x + width, horizon + 0.01, fill=wall)
        for window in range(int(width / 0.025)):
            wx = x + 0.01 + window * 0.025
            sketch.rect(wx, top + 0.04, wx + 0.012, top + 0.07, fill=palette.ink)
        if rng.random() < 0.25:  # a church's bell tower, its bell in an arch
            tx0, tx1 = x + width * 0.3, x + width * 0.7
            sketch.rect(tx0, top - 0.1, tx1, top + 0.001, fill=wall)
            sketch.rect(tx0 + 0.006, top - 0.08, tx1 - 0.006, top - 0.035, palette.ink, 0.012)
        x += width + rng.uniform(0.0, 0.02)
    pin_x = rng.uniform(0.48, 0.6)
    sketch.ellipse(
        pin_x, horizon - 0.04, 0.05, 0.014, fill=_mix(palette.ink, palette.ground[0], 0.5)
    )
    _pin(
        sketch,
        pin_x,
        horizon - 0.04,
        0.11,
        palette.main if palette.soft else palette.accents[0],
        palette.paper,
    )
    # The map, on a card: which part of New Mexico the town is in.
    sketch.rect(0.03, 0.05, 0.03 + sketch.dx(0.36), 0.41, fill=palette.paper, radius=0.02)
    spot = _map(
        sketch, 0.03 + sketch.dx(0.045), 0.08, 0.3, _mix(palette.paper, SAGE, 0.45), palette.ink
    )
    for name, place in REGION_SPOTS.items():
        if name != region:
            sketch.circle(*spot(*place), 0.009, fill=_mix(palette.ink, palette.paper, 0.45))
    _pin(
        sketch,
        *spot(*REGION_SPOTS[region]),
        0.025,
        TERRACOTTA if palette.soft else palette.main,
        palette.paper,
    )
    return (0.03, 0.05, 0.8, 0.95)


def _online_session(sketch, palette, rng):
    """A laptop showing four faces in a video call, beside a calendar page with one day marked."""
    sketch.gradient(_mix(palette.paper, palette.backdrop[1], 0.4), palette.paper)
    sketch.rect(0.0, 0.8, 1.0, 1.0, fill=_mix(palette.ground[0], palette.paper, 0.3))
    sketch.rect(0.16, 0.18, 0.62, 0.76, palette.ink, 0.03)
    sketch.rect(0.18, 0.215, 0.6, 0.72, fill=palette.main)
    sketch.polygon(
        [(0.12, 0.76), (0.66, 0.76), (0.7, 0.82), (0.08, 0.82)],
        _mix(palette.ink, palette.paper, 0.35),
    )
    colors = _people_colors(palette, rng)
    for index in range(4):
        col, row = index % 2, index // 2
        x0, y0 = 0.19 + col * 0.205, 0.23 + row * 0.245
        tile = _mix(palette.main, palette.paper, 0.45 + 0.1 * index)
        sketch.rect(x0, y0, x0 + 0.195, y0 + 0.235, fill=tile)
        face = _contrasting(colors, tile, 1.5) or [palette.ink]
        sketch.person(x0 + 0.0975, y0 + 0.09, 0.04, fill=face[index % len(face)])
    sketch.rect(0.7, 0.3, 0.9, 0.74, palette.paper, 0.02, outline=palette.ink, width=0.006)
    sketch.rect(0.7, 0.3, 0.9, 0.4, TERRACOTTA if palette.soft else palette.main, 0.02)
    for ring in (0.75, 0.85):
        sketch.rect(ring - 0.006, 0.27, ring + 0.006, 0.33, palette.ink, 0.006)
    marked = rng.randrange(12)
    for day in range(12):
        col, row = day % 4, day // 4
        x, y = 0.715 + col * 0.046, 0.44 + row * 0.095
        color = palette.main if day == marked else _mix(palette.paper, palette.ink, 0.2)
        sketch.rect(x, y, x + 0.032, y + 0.06, color, 0.008)
    return (0.1, 0.15, 0.92, 0.85)


# --- News: scenes ----------------------------------------------------------------------


def _news(sketch, palette, rng, motif):
    scenes = {"meeting": _meeting, "survey": _survey, "feedback": _feedback}
    return scenes.get(motif, _feedback)(sketch, palette, rng)


def _meeting(sketch, palette, rng):
    """A public meeting seen from the back: rows of heads, a speaker, a chart on an easel."""
    sketch.gradient(_mix(palette.paper, palette.backdrop[1], 0.5), palette.paper, 0.0, 0.62)
    sketch.rect(0.0, 0.62, 1.0, 1.0, fill=_mix(palette.ground[0], palette.paper, 0.2))
    for window in range(4):
        wx = 0.08 + window * 0.25
        sketch.rect(wx, 0.08, wx + 0.1, 0.3, _mix(palette.backdrop[0], palette.paper, 0.55), 0.02)
    sketch.line([(0.7, 0.62), (0.76, 0.22)], fill=WOOD, width=0.01)
    sketch.line([(0.82, 0.62), (0.76, 0.22)], fill=WOOD, width=0.01)
    sketch.rect(0.68, 0.2, 0.84, 0.45, "#ffffff", outline=palette.ink, width=0.004)
    for index in range(4):
        bx = 0.7 + index * 0.035
        sketch.rect(bx, 0.41 - 0.04 * (index + 1), bx + 0.025, 0.41, fill=palette.accents[index])
    sketch.person(0.5, 0.3, 0.05, fill=palette.ink)
    sketch.rect(0.45, 0.45, 0.55, 0.64, WOOD, 0.01)
    colors = list(palette.people)
    for row, (y, r) in enumerate(((0.64, 0.05), (0.78, 0.065), (0.95, 0.08))):
        count = 7 - row
        for seat in range(count):
            x = (seat + 0.5 + (row % 2) * 0.3) / count
            sketch.person(x, y, r, fill=colors[(seat * 3 + row + rng.randrange(2)) % len(colors)])
    return (0.3, 0.15, 0.9, 0.9)


def _survey(sketch, palette, rng):
    """A clipboard survey with ticked answers and a pencil, two speech bubbles beside it."""
    sketch.gradient(
        _mix(palette.paper, palette.backdrop[0], 0.35),
        _mix(palette.paper, palette.backdrop[1], 0.3),
    )
    for index, (x, y, r) in enumerate(((0.2, 0.3, 0.13), (0.8, 0.62, 0.11))):
        color = palette.accents[index * 2]
        sketch.ellipse(x, y, r * 1.6, r, fill=color)
        tail = 1 if index else -1
        sketch.polygon(
            [(x - 0.02, y + r * 0.7), (x + 0.03 * tail, y + r * 1.6), (x + 0.04, y + r * 0.6)],
            color,
        )
        for dot in range(3):
            sketch.circle(x + sketch.dx((dot - 1) * r * 0.55), y, r * 0.14, fill=palette.paper)
    _icon_checklist(sketch, 0.5, 0.52, 0.38, [palette.paper, palette.main, TERRACOTTA], palette.ink)
    sketch.polygon([(0.64, 0.86), (0.78, 0.36), (0.81, 0.37), (0.67, 0.87)], fill=SAND)
    sketch.polygon([(0.64, 0.86), (0.655, 0.8), (0.67, 0.87)], fill=palette.ink)
    return (0.25, 0.1, 0.75, 0.95)


def _feedback(sketch, palette, rng):
    """A draft plan's pages with comments beside them: people answering a proposal."""
    _sky(sketch, palette, rng)
    for offset in (0.04, 0.0):
        sheet = _mix(palette.paper, palette.ink, offset * 3)
        sketch.rect(0.3 + offset, 0.14 - offset, 0.62 + offset, 0.92 - offset, sheet, 0.01)
    sketch.rect(0.3, 0.14, 0.62, 0.26, palette.main if palette.soft else palette.ink, 0.01)
    for line in range(9):
        y = 0.32 + line * 0.065
        grey = _mix(palette.paper, palette.ink, 0.3)
        sketch.rect(0.33, y, 0.33 + rng.uniform(0.18, 0.26), y + 0.018, grey, 0.009)
    for index, (x, y) in enumerate(((0.2, 0.35), (0.76, 0.5), (0.22, 0.72))):
        color = (TERRACOTTA, SAND, "#5f7f6b")[index] if palette.soft else palette.accents[index]
        sketch.rect(x - 0.1, y - 0.08, x + 0.1, y + 0.08, color, 0.04)
        tail = 0.08 if x < 0.5 else -0.08
        sketch.polygon(
            [(x + tail * 0.6, y + 0.03), (x + tail * 1.4, y + 0.02), (x + tail * 0.6, y + 0.08)],
            color,
        )
        for line in range(2):
            top = y - 0.035 + line * 0.045
            sketch.rect(x - 0.07, top, x + 0.07 - line * 0.03, top + 0.02, palette.paper, 0.01)
    return (0.1, 0.1, 0.9, 0.95)


# --- Figures in a page's body ----------------------------------------------------------


def _figure(sketch, palette, rng, motif):
    figures = {"forum-map": _forum_map, "pillars": _pillars, "parents-chart": _parents_chart}
    return figures.get(motif, _pillars)(sketch, palette, rng)


def _forum_map(sketch, palette, rng):
    """New Mexico with a pin on each of the six regions that held a forum, and the Rio Grande."""
    sketch.gradient(palette.paper, _mix(palette.paper, palette.backdrop[1], 0.9))
    left = 0.5 - sketch.dx(0.84 * 0.88) / 2
    spot = _map(sketch, left, 0.08, 0.84, _mix(palette.paper, SAGE, 0.45), palette.ink)
    river = [spot(0.44, 0.0), spot(0.47, 0.2), spot(0.42, 0.36), spot(0.4, 0.6), spot(0.39, 0.88)]
    sketch.line(river, fill=_mix(palette.main, "#ffffff", 0.35), width=0.01)
    for index, place in enumerate(REGION_SPOTS.values()):
        _pin(sketch, *spot(*place), 0.035, (palette.main, TERRACOTTA)[index % 2], palette.paper)
    return (left, 0.05, 1 - left, 0.95)


def _pillars(sketch, palette, rng):
    """Four medallions in a row: a book, a learning circle, a network, people together."""
    sketch.gradient(palette.paper, _mix(palette.paper, palette.backdrop[1], 0.8))
    for index, icon in enumerate((_icon_book, _icon_circle, _icon_network, _icon_together)):
        cx = 0.125 + index * 0.25
        medallion = (palette.main, "#5f7f6b")[index % 2] if palette.soft else palette.ink
        sketch.circle(cx, 0.5, 0.2, fill=medallion)
        colors = _contrasting(
            [palette.paper, SAND, SAGE, TERRACOTTA, *palette.accents], medallion, 1.9
        )
        icon(sketch, cx, 0.5, 0.12, colors, medallion)
    return (0.0, 0.25, 1.0, 0.75)


def _parents_chart(sketch, palette, rng):
    """A parent and child with speech bubbles beside a rising bar chart."""
    floor = 0.85
    _sky(sketch, palette, rng, floor)
    sketch.rect(0.0, floor, 1.0, 1.0, fill=palette.accents[1])
    boxes = [
        sketch.person(0.22, 0.42, 0.11, fill=palette.people[0], collar=palette.accents[2]),
        sketch.person(0.36, 0.58, 0.075, fill=palette.people[1]),
    ]
    for index, (x, y) in enumerate(((0.12, 0.15), (0.42, 0.24))):
        color = palette.accents[(index + 1) % 3]
        sketch.rect(x - 0.07, y - 0.07, x + 0.07, y + 0.05, color, 0.03)
        sketch.polygon([(x - 0.01, y + 0.05), (x + 0.02, y + 0.05), (x + 0.005, y + 0.1)], color)
    tops = []
    for index in range(5):
        x0, height = 0.55 + index * 0.08, 0.15 + index * 0.1
        sketch.rect(x0, floor - height, x0 + 0.06, floor, fill=_bar_colors(palette)[index])
        tops.append((x0 + 0.03, floor - height - 0.07))
    sketch.arrow(tops, fill="#ffffff", width=0.014)
    return _union([*boxes, (0.55, tops[-1][1], 0.95, floor)])


DRAWINGS = {
    "hero": _hero,
    "story": _story,
    "issue": _issue,
    "report": _report,
    "event": _event,
    "news": _news,
    "figure": _figure,
}


@dataclass(frozen=True)
class Drawn:
    """A drawn picture's JPEG bytes, and the part (in pixels) a crop should keep."""

    data: bytes
    focus: Rect


def draw(title, organization, kind, motif="", size=SIZE):
    """A picture of `kind` (a section: hero, story, issue…) in `organization`'s style.

    `motif` picks among the section's subjects (an issue's icon, an event's
    region); the title chooses the rest, so the same arguments always draw
    the same picture.
    """
    palette = PALETTES[organization]
    rng = random.Random(_seed(f"{organization}|{kind}|{motif}|{title}"))
    sketch = Sketch(size, palette.paper)
    x0, y0, x1, y1 = DRAWINGS[kind](sketch, palette, rng, motif)
    output = io.BytesIO()
    sketch.finish().save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    width, height = size
    focus = Rect(
        round(max(0.0, x0) * width),
        round(max(0.0, y0) * height),
        round(min(1.0, x1) * width),
        round(min(1.0, y1) * height),
    )
    return Drawn(output.getvalue(), focus)


def draw_logo(initials, color, size=256):
    """PNG bytes of a round badge with the organization's initials."""
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    badge = ImageDraw.Draw(picture)
    badge.ellipse([0, 0, size - 1, size - 1], fill=color)
    font = ImageFont.load_default(size=size // 3)
    badge.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def get_or_create_image(title, alt_text, draw_file, filename, focus=None):
    """The library image called `title`, drawn by `draw_file()` the first time only.

    `focus` (a Rect, in pixels) becomes the image's focal point, which every
    crop keeps.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=alt_text)
    image.file = ImageFile(io.BytesIO(draw_file()), name=filename)
    if focus is not None:
        image.set_focal_point(focus)
    image.save()
    return image


def demo_image(title, alt_text, organization, kind, motif=""):
    """The library image called `title`: a picture for `kind` in `organization`'s style.

    Call sites pass a tuple from the content modules: (title, alt text
    describing what is drawn, organization, kind[, motif]). Drawn only the
    first time; its focal point is on what the picture is of.
    """
    existing = get_image_model().objects.filter(title=title).first()
    if existing:
        return existing
    drawn = draw(title, organization, kind, motif)
    return get_or_create_image(
        title, alt_text, lambda: drawn.data, f"{_slug(title)}.jpg", focus=drawn.focus
    )


def logo_image(title, initials, color):
    # The logo sits next to the organization's name, so it is decorative there;
    # the description still helps editors in the image library.
    return get_or_create_image(
        title, f"{title} badge", lambda: draw_logo(initials, color), f"{_slug(title)}.png"
    )


def _slug(title):
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]


# Image fields a page or the site settings may fill; listed so filing the
# demo's pictures needs no query per field type.
PAGE_IMAGE_FIELDS = ("image", "hero_image", "listing_image", "social_image")


def _body_images(page):
    """The pictures of a page's body figures."""
    for block in getattr(page, "body", None) or []:
        if block.block_type == "figure" and block.value["image"] is not None:
            yield block.value["image"].pk


def file_images_in_site_collections(sites):
    """Move each site's demo pictures from the root collection into the site's own.

    Editors may only choose images in their organization's collection, so
    pictures left in the root would be on the pages but out of their reach:
    the pages' pictures, their body figures', the people's photos and the
    logo. An image already filed somewhere else is left where it is.
    """
    from editorial.models import SiteRoles  # the editorial app owns the collections
    from pages.models import SiteSettings
    from people.models import Person

    Image = get_image_model()
    for roles in SiteRoles.objects.filter(site__in=sites).select_related("site", "collection"):
        site = roles.site
        image_ids = set()
        for page in site.root_page.get_descendants(inclusive=True).specific():
            image_ids.update(getattr(page, f"{field}_id", None) for field in PAGE_IMAGE_FIELDS)
            image_ids.update(_body_images(page))
        image_ids.update(SiteSettings.objects.filter(site=site).values_list("logo_id", flat=True))
        image_ids.update(Person.objects.filter(site=site).values_list("photo_id", flat=True))
        image_ids.discard(None)
        Image.objects.filter(pk__in=image_ids, collection__depth=1).update(
            collection=roles.collection
        )
