"""What the public forms share beyond their protection (form_protection.py).

The survey, the newsletter sign-up and the take-action letter each ask for
consent in a box of the same name, describe each field to screen readers
by its help text and its error, and sum up the errors above the form with
links to the fields.
"""

# Hyphenated, like the spam-check fields, so no survey question's clean_name can clash.
CONSENT_FIELD = "privacy-consent"


class DescribedForm:
    """A form mixin: fields described for screen readers, and the summary of their errors.

    `help_ids` maps a field's name to the id of the text that describes it.
    """

    help_ids = {}

    def described(self):
        """Each field's aria-describedby: its help text, then its error, if any."""
        for bound_field in self:
            ids = [self.help_ids[bound_field.name]] if bound_field.name in self.help_ids else []
            if bound_field.errors:
                ids.append(f"{bound_field.auto_id}_error")
            if ids:
                bound_field.field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self

    def error_summary(self):
        """(id to link to, message) for each error, in the form's order."""
        return [
            (bound_field.auto_id, error) for bound_field in self for error in bound_field.errors
        ]
