"""Blocks only reports use: a bar chart drawn on the server, and the report body stream."""

import textwrap
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from pages.blocks import BLOCK_TEMPLATE_DIR, BodyBlock
from routing.site_context import site_context

# Far above any count or amount a report charts; keeps bars and numbers sane.
MAX_CHART_VALUE = Decimal("1000000000000")
# Characters per label line: what fits a 320 px phone at the chart's type size.
LABEL_LINE_CHARACTERS = 34
# The chart's vertical rhythm, in CSS pixels (the SVG has no viewBox, so its
# text keeps the page's size at every width while bars stretch in percent).
LINE_HEIGHT = 18
BAR_HEIGHT = 20
ROW_GAP = 14
# Bars use this share of the width; the rest holds the value after the longest bar.
BAR_AREA_PERCENT = 78


@dataclass(frozen=True)
class ChartBar:
    """One row as drawn: label lines, the bar's length and where it sits."""

    label: str
    label_lines: list
    value: Decimal
    shown_value: str
    percent: str
    label_y: int
    bar_y: int


def _as_number(value):
    """The row's value as a finite, non-negative Decimal, or None."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not number.is_finite() or number < 0:
        return None
    return number


def format_number(number):
    """62.50 -> '62.5', 4000 -> '4,000' (grouped the reader's language's way)."""
    number = number.normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return formats.number_format(number, use_l10n=True, force_grouping=True)


def with_unit(shown_number, unit):
    """'62%' but '12 schools': a word of a unit is set apart by a space."""
    if not unit:
        return shown_number
    return f"{shown_number}\u00a0{unit}" if unit[0].isalnum() else f"{shown_number}{unit}"


class BarChartValue(blocks.StructValue):
    """Works out the chart's geometry once, for the SVG and the table alike."""

    def bars(self):
        unit = self.get("unit") or ""
        rows = []
        for row in self.get("rows") or []:
            number = _as_number(row.get("value"))
            label = (row.get("label") or "").strip()
            # Stored data that slipped past validation is drawn as nothing, not a server error.
            if number is None or not label:
                continue
            rows.append((label, number))
        largest = max((number for _, number in rows), default=Decimal(0))
        bars, y = [], 0
        for label, number in rows:
            lines = textwrap.wrap(label, LABEL_LINE_CHARACTERS) or [label]
            label_y = y + LINE_HEIGHT - 4
            bar_y = y + LINE_HEIGHT * len(lines) + 2
            share = number / largest * 100 if largest > 0 else Decimal(0)
            bars.append(
                ChartBar(
                    label=label,
                    label_lines=lines,
                    value=number,
                    shown_value=with_unit(format_number(number), unit),
                    percent=f"{share.quantize(Decimal('0.01')):f}".rstrip("0").rstrip("."),
                    label_y=label_y,
                    bar_y=bar_y,
                )
            )
            y = bar_y + BAR_HEIGHT + ROW_GAP
        return bars

    def height(self, bars):
        return max((bar.bar_y + BAR_HEIGHT for bar in bars), default=0) + 2


class ChartNumberBlock(blocks.DecimalBlock):
    """A decimal that reads anything stored that is not a number as missing, never as a crash."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (InvalidOperation, TypeError, ValueError):
            return None


class BarChartRowBlock(blocks.StructBlock):
    """One bar: what it counts and how many."""

    label = blocks.CharBlock(
        max_length=80, help_text="What this bar counts, e.g. 'Parents who answered in Spanish'."
    )
    value = ChartNumberBlock(
        min_value=0,
        max_value=MAX_CHART_VALUE,
        max_digits=16,
        decimal_places=3,
        help_text="The number, without its unit: 62.5, not '62.5%'. Zero or more.",
    )

    class Meta:
        icon = "order"


class BarChartBlock(blocks.StructBlock):
    """Horizontal bars drawn on the server from rows an editor types, numbers also as a table."""

    title = blocks.CharBlock(
        max_length=160, help_text="What the chart shows, e.g. 'How parents answered'."
    )
    description = blocks.TextBlock(
        required=False,
        default="",
        max_length=400,
        help_text="Optional: one or two sentences on what the chart tells readers.",
    )
    unit = blocks.CharBlock(
        required=False,
        default="",
        max_length=20,
        help_text="Optional: shown after every value, e.g. '%' or 'families'.",
    )
    label_heading = blocks.CharBlock(
        required=False,
        default="",
        max_length=60,
        help_text="Optional: the heading of the labels' column in the data table.",
    )
    value_heading = blocks.CharBlock(
        required=False,
        default="",
        max_length=60,
        help_text="Optional: the heading of the values' column in the data table.",
    )
    rows = blocks.ListBlock(
        BarChartRowBlock(), min_num=1, max_num=30, help_text="One row per bar, top to bottom."
    )
    source = blocks.CharBlock(
        required=False,
        default="",
        max_length=200,
        help_text="Optional: where the numbers come from.",
    )

    class Meta:
        icon = "table"
        template = f"{BLOCK_TEMPLATE_DIR}/bar_chart.html"
        value_class = BarChartValue
        description = (
            "A bar chart of a few numbers, drawn on the page, with the same data as a table."
        )
        preview_value = {
            "title": "How families took part",
            "description": "Answers received, by the way people took part.",
            "unit": "",
            "rows": [
                {"label": "Online survey", "value": "120"},
                {"label": "Community forum", "value": "45"},
            ],
            "source": "Example data",
        }

    def clean(self, value):
        value = super().clean(value)
        rows = value.get("rows") or []
        if not rows:
            raise StructBlockValidationError(
                block_errors={
                    "rows": ListBlockValidationError(
                        non_block_errors=[ValidationError("Add at least one row.")]
                    )
                }
            )
        row_errors = {}
        for index, row in enumerate(rows):
            problems = {}
            if not (row.get("label") or "").strip():
                problems["label"] = ValidationError("Say what this bar counts.")
            number = _as_number(row.get("value"))
            if number is None or number > MAX_CHART_VALUE:
                problems["value"] = ValidationError(
                    "Enter a number from 0 up to a trillion; a bar cannot be negative."
                )
            if problems:
                row_errors[index] = StructBlockValidationError(block_errors=problems)
        if row_errors:
            raise StructBlockValidationError(
                block_errors={"rows": ListBlockValidationError(block_errors=row_errors)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        bars = value.bars()
        context["bars"] = bars
        context["chart_height"] = value.height(bars)
        context["chart_id"] = _chart_id((parent_context or {}).get("request"))
        context["bar_area_percent"] = BAR_AREA_PERCENT
        context["bar_height"] = BAR_HEIGHT
        context["line_height"] = LINE_HEIGHT
        context["value_baseline"] = BAR_HEIGHT - 5
        return context


def _chart_id(request):
    """An id unique in the response, so several charts on a page each name their own title."""
    if request is None:
        return f"bar-chart-{uuid.uuid4().hex[:8]}"
    return f"bar-chart-{site_context(request).count('bar-charts')}"


class ReportBodyBlock(BodyBlock):
    """A report's body: every block other pages have, plus charts of its findings."""

    chart = BarChartBlock()
