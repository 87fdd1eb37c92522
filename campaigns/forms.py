"""The form a visitor takes part with: who they are, who to write to, the letter, consent.

Works without JavaScript: a refused or invalid post shows the form again
with everything typed kept and an error summary linking to each field.
Names and towns go into e-mail headers and signatures, so control
characters (a line break among them) are refused there rather than
trusted to the mail library.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages import form_protection
from pages.visitor_forms import CONSENT_FIELD, DescribedForm

from .participants import MAX_LETTER_LENGTH, MAX_NAME_LENGTH, MAX_TOWN_LENGTH

# Hyphenated, like the spam-check fields, so it cannot clash with a field's name.

# A refusal from pages.form_protection, worded for a letter rather than survey answers.
REFUSAL_MESSAGES = {
    form_protection.HONEYPOT_FILLED: _(
        "Your letter was not sent. Please leave the box marked “Leave this box empty” blank "
        "and send it again."
    ),
    form_protection.MISSING_TIMESTAMP: _(
        "Your letter was not sent because the form was incomplete or had expired. "
        "Please check it and send it again."
    ),
    form_protection.TOO_FAST: _(
        "Your letter was not sent because the form was sent too quickly. "
        "Please check it and send it again."
    ),
}


def refuse_control_characters(value):
    if any(unicodedata.category(character) == "Cc" for character in value):
        raise ValidationError(_("Use letters, numbers and punctuation only, on one line."))


class TakePartForm(DescribedForm, forms.Form):
    help_ids = {
        "target": "action-target-help",
        "letter": "action-letter-help",
        CONSENT_FIELD: "action-privacy",
    }

    name = forms.CharField(
        label=_("Your name"),
        max_length=MAX_NAME_LENGTH,
        validators=[refuse_control_characters],
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    town = forms.CharField(
        label=_("Your town or ZIP code"),
        max_length=MAX_TOWN_LENGTH,
        validators=[refuse_control_characters],
        error_messages={"required": _("Enter your town or ZIP code.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )

    def __init__(
        self,
        *args,
        recipient_choices=None,
        letter_language="",
        consent_label="",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if recipient_choices is not None:
            self.fields["target"] = forms.TypedChoiceField(
                label=_("Who to write to"),
                choices=recipient_choices,
                coerce=int,
                error_messages={
                    "required": _("Choose who to write to."),
                    "invalid_choice": _("Choose one of the people in the list."),
                },
            )
        letter_attrs = {"rows": 12}
        if letter_language:
            letter_attrs["lang"] = letter_language
        self.fields["letter"] = forms.CharField(
            label=_("Your letter"),
            max_length=MAX_LETTER_LENGTH,
            widget=forms.Textarea(attrs=letter_attrs),
            error_messages={"required": _("Write your letter, or keep the one written for you.")},
        )
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            required=True,
            label=consent_label,
            error_messages={
                "required": _("Tick this box to agree, or your letter cannot be sent."),
            },
        )

    def clean_letter(self):
        # Browsers send CRLF; letters are stored and mailed with plain line breaks.
        return self.cleaned_data["letter"].replace("\r\n", "\n").strip()

    @property
    def consent(self):
        return self[CONSENT_FIELD]
