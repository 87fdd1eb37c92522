"""Each site's review steps become steps their submitter cannot approve.

Wagtail's group approval lets the person who submitted a page approve it if
they are in the step's groups; `SiteReviewTask` refuses that. The steps
`set_up_editorial_roles` made are converted in place: the same task rows
(same ids, names, groups, workflows and pages in review) gain the new kind,
so nothing in review is lost or restarted. Going backwards turns them back
into plain group approval steps.
"""

import django.db.models.deletion
from django.db import migrations, models


def site_review_steps(apps):
    SiteRoles = apps.get_model("editorial", "SiteRoles")
    task_ids = set()
    for roles in SiteRoles.objects.all():
        task_ids.update(pk for pk in (roles.review_task_id, roles.publication_task_id) if pk)
    return sorted(task_ids)


def content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def make_them_site_review_steps(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    SiteReviewTask = apps.get_model("editorial", "SiteReviewTask")
    kind = content_type(apps, "editorial", "sitereviewtask")
    for task_id in site_review_steps(apps):
        if SiteReviewTask.objects.filter(pk=task_id).exists():
            continue
        # Only the new table's row: the task and group approval rows stay as they are.
        step = SiteReviewTask(groupapprovaltask_ptr_id=task_id)
        step.save_base(raw=True)
        Task.objects.filter(pk=task_id).update(content_type=kind)


def make_them_group_approval_steps_again(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    SiteReviewTask = apps.get_model("editorial", "SiteReviewTask")
    kind = content_type(apps, "wagtailcore", "groupapprovaltask")
    task_ids = list(SiteReviewTask.objects.values_list("pk", flat=True))
    Task.objects.filter(pk__in=task_ids).update(content_type=kind)
    # Delete the new table's rows alone, without cascading to the task rows.
    schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(SiteReviewTask._meta.db_table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_wagtails_own_groups_leave_the_root"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteReviewTask",
            fields=[
                (
                    "groupapprovaltask_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.groupapprovaltask",
                    ),
                ),
            ],
            options={
                "verbose_name": "site review step",
                "verbose_name_plural": "site review steps",
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(make_them_site_review_steps, make_them_group_approval_steps_again),
    ]
