"""The bill editor's form: one page per bill and session in each tracker.

A second page for the same bill would split its history in two, and readers
would meet two answers to "where does HB 151 stand?". The page's own site's
topics and decision makers alone are offered and accepted (SiteChoicesPageForm).
"""

from django.core.exceptions import ValidationError

from pages.forms import SiteChoicesPageForm

from .numbers import normalized_bill_number


class BillPageForm(SiteChoicesPageForm):
    def clean(self):
        cleaned = super().clean()
        number = normalized_bill_number(cleaned.get("bill_number"))
        if number is None:
            return cleaned  # the field's own validator has said why
        cleaned["bill_number"] = number
        tracker = self.parent_page if not self.instance.pk else self.instance.get_parent()
        if tracker is None:
            return cleaned
        same_bill = (
            type(self.instance)
            .objects.child_of(tracker)
            .filter(
                bill_number=number,
                session_year=cleaned.get("session_year"),
                session_kind=cleaned.get("session_kind"),
            )
            .exclude(translation_key=self.instance.translation_key)
        )
        if same_bill.exists():
            self.add_error(
                "bill_number",
                ValidationError(
                    "This tracker already has a page for %(number)s in that session: "
                    "add the new steps to its status history instead.",
                    params={"number": number},
                    code="duplicate_bill",
                ),
            )
        return cleaned
