"""Public forms' tokens already accepted once, so a form is stored once however often it is sent.

Kept in the database, not the cache: a token is recorded in the same
transaction as what its form stored, so the row and the record are kept
together or not at all; the unique hash makes two posts racing from any
process or container wait for each other; and a replay is still refused
while the cache is down, flushed, or each process's own (no REDIS_URL).
"""

from django.db import models
from django.utils import timezone


class UsedFormToken(models.Model):
    """The SHA-256 of one accepted form token (pages/form_protection.py), and when it was used.

    A token expires a day after it was issued, so a row older than that
    guards nothing and is deleted by the next accepted post.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "used form token"

    def __str__(self):
        return self.token_hash
