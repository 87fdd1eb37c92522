from django.db import migrations, models
import pages.colors


class Migration(migrations.Migration):
    """The site settings' fields named in US English, as their labels already read."""

    dependencies = [("pages", "0009_us_spelling_labels")]

    operations = [
        migrations.RenameField("sitesettings", "organisation_name", "organization_name"),
        migrations.RenameField("sitesettings", "brand_colour", "brand_color"),
        # Their labels now come from their names.
        migrations.AlterField(
            model_name="sitesettings",
            name="brand_color",
            field=models.CharField(
                default="#1d4f91",
                help_text="Header, buttons and links. Must be dark enough for white text on it.",
                max_length=7,
                validators=[pages.colors.validate_brand_color],
            ),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="organization_name",
            field=models.CharField(
                help_text="Shown in the header, the footer and the browser tab.", max_length=120
            ),
        ),
    ]
