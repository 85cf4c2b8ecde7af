#!/usr/bin/env python3
"""Generates crm-api's immutable entity records with their builders.

The records are plain Java; this script only spares us typing the builder boilerplate by hand.
Edit the specs below and run `python3 tools/gen_records.py` from the repository root; the output
is committed like any other source and reviewed as such.

A field spec is (java type, name, default or None when required, javadoc).
"""
import os, re

ROOT = "crm-api/src/main/java/dev/crmkit/api"

def kind(t):
    if t.startswith("Optional<"): return "opt"
    if t.startswith("List<"): return "list"
    if t.startswith("Set<"): return "set"
    if t.startswith("Map<"): return "map"
    return "plain"

def inner(t):
    return t[t.index("<") + 1:-1]

PRIMS = {"long", "int", "boolean"}

def gen(pkg, name, doc, fields, implements, imports, extra="", checks=""):
    lines = []
    lines.append(f"package dev.crmkit.api.{pkg};\n" if pkg else "package dev.crmkit.api;\n")
    lines.append("")
    for i in sorted(set(imports)):
        lines.append(f"import {i};")
    lines.append("")
    lines.append("/**")
    for d in doc.strip().split("\n"):
        lines.append(f" * {d}".rstrip())
    lines.append(" *")
    for t, n, dflt, d in fields:
        lines.append(f" * @param {n} {d}")
    lines.append(" */")
    comps = ",\n        ".join(f"{t} {n}" for t, n, _, _ in fields)
    lines.append(f"public record {name}(\n        {comps}) implements {implements} {{")
    lines.append("")
    lines.append("    /** Checks the invariants and copies collections; see the component descriptions. */")
    lines.append(f"    public {name} {{")
    for t, n, _, _ in fields:
        k = kind(t)
        if t in PRIMS:
            continue
        lines.append(f'        Objects.requireNonNull({n}, "{n}");')
        if k == "list":
            lines.append(f"        {n} = List.copyOf({n});")
        elif k == "set":
            lines.append(f"        {n} = Collections.unmodifiableSet(new LinkedHashSet<>({n}));")
        elif k == "map":
            lines.append(f"        {n} = Map.copyOf({n});")
    if any(n == "version" for _, n, _, _ in fields):
        lines.append('        if (version < 1) {')
        lines.append('            throw new IllegalArgumentException("version must be at least 1, was " + version);')
        lines.append('        }')
    if checks:
        lines.append(checks.rstrip())
    lines.append("    }")
    lines.append("")
    lines.append("    /**")
    lines.append("     * Starts a builder; required values must be set before {@link Builder#build()}.")
    lines.append("     *")
    lines.append("     * @return an empty builder with the documented defaults")
    lines.append("     */")
    lines.append("    public static Builder builder() {")
    lines.append("        return new Builder();")
    lines.append("    }")
    lines.append("")
    lines.append("    /**")
    lines.append("     * A builder holding this record's values, to derive a changed copy.")
    lines.append("     *")
    lines.append("     * @return a builder initialised from this record")
    lines.append("     */")
    lines.append("    public Builder toBuilder() {")
    lines.append("        Builder b = new Builder();")
    for t, n, _, _ in fields:
        lines.append(f"        b.{n} = {n};")
    lines.append("        return b;")
    lines.append("    }")
    if extra:
        lines.append("")
        lines.append(extra.rstrip())
    lines.append("")
    lines.append(f"    /** Builds {{@link {name}}} values; not thread-safe. */")
    lines.append("    public static final class Builder {")
    for t, n, dflt, _ in fields:
        if dflt is None:
            lines.append(f"        private {t} {n};")
        else:
            lines.append(f"        private {t} {n} = {dflt};")
    lines.append("")
    lines.append("        private Builder() {")
    lines.append("        }")
    for t, n, dflt, d in fields:
        k = kind(t)
        lines.append("")
        lines.append(f"        /**")
        lines.append(f"         * Sets {n}.")
        lines.append(f"         *")
        lines.append(f"         * @param value {d}")
        lines.append(f"         * @return this builder")
        lines.append(f"         */")
        if k == "list":
            lines.append(f"        public Builder {n}(Collection<? extends {inner(t)}> value) {{")
            lines.append(f"            this.{n} = List.copyOf(value);")
        elif k == "set":
            lines.append(f"        public Builder {n}(Collection<? extends {inner(t)}> value) {{")
            lines.append(f"            this.{n} = new LinkedHashSet<>(value);")
        else:
            lines.append(f"        public Builder {n}({t} value) {{")
            if t in PRIMS:
                lines.append(f"            this.{n} = value;")
            else:
                lines.append(f'            this.{n} = Objects.requireNonNull(value, "{n}");')
        lines.append("            return this;")
        lines.append("        }")
        if k == "opt":
            lines.append("")
            lines.append(f"        /**")
            lines.append(f"         * Sets {n} to a present value.")
            lines.append(f"         *")
            lines.append(f"         * @param value {d}")
            lines.append(f"         * @return this builder")
            lines.append(f"         */")
            lines.append(f"        public Builder {n}({inner(t)} value) {{")
            lines.append(f'            this.{n} = Optional.of(value);')
            lines.append("            return this;")
            lines.append("        }")
    lines.append("")
    lines.append("        /**")
    lines.append(f"         * Builds the record.")
    lines.append("         *")
    lines.append(f"         * @return a new {name}")
    lines.append("         * @throws NullPointerException if a required value was not set")
    lines.append("         */")
    args = ", ".join(n for _, n, _, _ in fields)
    lines.append(f"        public {name} build() {{")
    lines.append(f"            return new {name}({args});")
    lines.append("        }")
    lines.append("    }")
    lines.append("}")
    src = "\n".join(lines) + "\n"
    used = set()
    for imp in ["java.util.Objects", "java.util.List", "java.util.Set", "java.util.Map", "java.util.Optional",
                "java.util.Collection", "java.util.Collections", "java.util.LinkedHashSet"]:
        short = imp.rsplit(".", 1)[1]
        if re.search(r"\b" + short + r"\b", src.split("/**", 1)[1]):
            used.add(imp)
    src = src.replace("\n\n/**", "\n" + "".join(f"import {u};\n" for u in sorted(used)) + "\n/**", 1)
    # merge and sort import block
    head, rest = src.split("\n/**", 1)
    head_lines = head.split("\n")
    imps = sorted(set(l for l in head_lines if l.startswith("import ")))
    out = head_lines[0] + "\n\n" + "\n".join(imps) + "\n\n/**" + rest
    path = os.path.join(ROOT, pkg, name + ".java") if pkg else os.path.join(ROOT, name + ".java")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(out)

ENTITY = [
    ("long", "version", "1", "the optimistic-locking version, 1 for a new record"),
    ("Instant", "created", None, "when the record was created"),
    ("Instant", "updated", None, "when the record was last changed"),
]
CF = ("CustomFieldValues", "customFields", "CustomFieldValues.empty()", "values of custom fields")

gen("user", "User", """A person who works in the CRM (USER-1): an administrator or an ordinary user.""",
    [("UserId", "id", None, "the user's id")] + ENTITY + [
     ("String", "name", None, "the display name, never blank"),
     ("Optional<Email>", "email", "Optional.empty()", "the login e-mail, if any"),
     ("Role", "role", "Role.USER", "admin or user"),
     ("boolean", "active", "true", "false once the user is deactivated"),
     ("ZoneId", "timeZone", "ZoneOffset.UTC", "the zone in which \"today\" is computed for this user"),
     ("Locale", "locale", "Locale.ENGLISH", "the language of messages shown to this user"),
     ("Set<UserRight>", "rights", "new LinkedHashSet<>()", "extra rights granted to an ordinary user"),
    ], "Entity<UserId>",
    ["dev.crmkit.api.Entity", "dev.crmkit.api.contact.Email", "java.time.Instant", "java.time.ZoneId", "java.time.ZoneOffset", "java.util.Locale"],
    extra="""    /**
     * Whether this user is an active administrator.
     *
     * @return true for an active user with the admin role
     */
    public boolean isActiveAdmin() {
        return active && role == Role.ADMIN;
    }""",
    checks="""        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }""")

CONTACT_COMMON = [
    ("List<ContactPhone>", "phones", "List.of()", "phone numbers with their kinds"),
    ("List<ContactEmail>", "emails", "List.of()", "e-mail addresses with their kinds"),
    ("Set<String>", "tags", "new LinkedHashSet<>()", "free tags"),
    ("UserId", "responsible", None, "the responsible user"),
    ("Optional<ContactTypeId>", "type", "Optional.empty()", "the contact type from the admin list (CON-9)"),
    ("Optional<TemperatureLevelId>", "temperature", "Optional.empty()", "the temperature level from the admin list (CON-9)"),
    ("Optional<Currency>", "currency", "Optional.empty()", "the currency this client pays in"),
    ("Optional<URI>", "photo", "Optional.empty()", "a reference to a photo or logo"),
    ("List<URI>", "links", "List.of()", "web site and social network links"),
    ("Optional<Address>", "address", "Optional.empty()", "the postal address"),
    ("Optional<String>", "description", "Optional.empty()", "free text about the record"),
    ("AccessLevel", "access", "AccessLevel.SHARED_READ", "who besides its managers may see and edit it (CON-8)"),
]
CONTACT_IMPORTS = ["dev.crmkit.api.Entity", "dev.crmkit.api.field.CustomFieldValues", "dev.crmkit.api.user.UserId",
    "dev.crmkit.api.settings.ContactTypeId", "dev.crmkit.api.settings.TemperatureLevelId",
    "java.net.URI", "java.time.Instant", "java.util.Currency"]

gen("contact", "Contact", """A person the organization deals with (CON-1); may work for a {@link Company}.""",
    [("ContactId", "id", None, "the contact's id")] + ENTITY + [
     ("PersonName", "name", None, "the person's name"),
     ("Optional<CompanyId>", "company", "Optional.empty()", "the company this person belongs to (CON-1)"),
     ("Optional<LocalDate>", "birthDate", "Optional.empty()", "the birth date"),
     ("Optional<String>", "position", "Optional.empty()", "the job title"),
    ] + CONTACT_COMMON + [CF], "Entity<ContactId>, Client", CONTACT_IMPORTS + ["java.time.LocalDate"])

gen("contact", "Company", """An organization the organization deals with (CON-1); it has many {@link Contact}s.""",
    [("CompanyId", "id", None, "the company's id")] + ENTITY + [
     ("String", "name", None, "the company's name, never blank"),
    ] + CONTACT_COMMON + [CF], "Entity<CompanyId>, Client", CONTACT_IMPORTS,
    checks="""        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }""")

gen("lead", "Lead", """An inbound request or potential sale (LEAD-1), possibly still in the Unsorted inbox (LEAD-3).""",
    [("LeadId", "id", None, "the lead's id")] + ENTITY + [
     ("String", "name", None, "a short title of the request"),
     ("LeadSource", "source", "LeadSource.MANUAL", "where the request came from (LEAD-2)"),
     ("LeadStatus", "status", "LeadStatus.NEW", "the lead's status"),
     ("UserId", "responsible", None, "the responsible user"),
     ("Optional<ContactId>", "contact", "Optional.empty()", "the contact that made the request, when known"),
     ("Optional<CompanyId>", "company", "Optional.empty()", "the company of the request, when known"),
     ("Optional<Money>", "budget", "Optional.empty()", "the expected amount"),
     ("Utm", "utm", "Utm.none()", "web analytics values captured with a web form (LEAD-2), read-only once set"),
     ("Optional<DealId>", "convertedDeal", "Optional.empty()", "the deal this lead became (LEAD-4)"),
     ("Optional<ContactId>", "convertedContact", "Optional.empty()", "the contact this lead became (LEAD-4)"),
     ("Optional<CompanyId>", "convertedCompany", "Optional.empty()", "the company this lead became (LEAD-4)"),
     ("Set<String>", "tags", "new LinkedHashSet<>()", "free tags"),
     CF], "Entity<LeadId>",
    ["dev.crmkit.api.Entity", "dev.crmkit.api.field.CustomFieldValues", "dev.crmkit.api.user.UserId",
     "dev.crmkit.api.contact.ContactId", "dev.crmkit.api.contact.CompanyId", "dev.crmkit.api.deal.DealId",
     "dev.crmkit.api.money.Money", "java.time.Instant"])

gen("deal", "Deal", """A potential sale moving through the stages of one pipeline (DEAL-1, DEAL-9).

<p>A deal is in exactly one pipeline, at one stage of it, with exactly one responsible user. Whether its
stage belongs to its pipeline and whether a loss reason goes with a Lost stage is checked by the services,
which know the pipelines.""",
    [("DealId", "id", None, "the deal's id")] + ENTITY + [
     ("String", "name", None, "the deal's name, never blank"),
     ("PipelineId", "pipeline", None, "the pipeline the deal is in"),
     ("StageId", "stage", None, "the current stage, one of the pipeline's"),
     ("Instant", "stageEntered", None, "when the deal entered its current stage"),
     ("UserId", "responsible", None, "the one responsible user (DEAL-1)"),
     ("List<ContactId>", "contacts", "List.of()", "the contacts of the deal, the main one first"),
     ("Optional<CompanyId>", "company", "Optional.empty()", "the company of the deal"),
     ("Optional<ProductGroupId>", "productGroup", "Optional.empty()", "the product group (DEAL-5, DEAL-8)"),
     ("Optional<LeadSource>", "source", "Optional.empty()", "where the deal came from"),
     ("Optional<Budget>", "budget", "Optional.empty()", "the budget with its type (DEAL-9)"),
     ("Optional<LocalDate>", "expectedClose", "Optional.empty()", "the expected close date"),
     ("List<ProductLine>", "products", "List.of()", "product lines"),
     ("Optional<Instant>", "closed", "Optional.empty()", "when the deal entered Won or Lost"),
     ("Optional<LossReasonId>", "lossReason", "Optional.empty()", "why the deal was lost (DEAL-9)"),
     ("Optional<LeadId>", "lead", "Optional.empty()", "the lead the deal came from"),
     ("Set<UserId>", "restrictedTo", "new LinkedHashSet<>()", "when not empty, only these users (and admins) may see the deal (USER-5)"),
     ("Set<String>", "tags", "new LinkedHashSet<>()", "free tags"),
     CF], "Entity<DealId>",
    ["dev.crmkit.api.Entity", "dev.crmkit.api.field.CustomFieldValues", "dev.crmkit.api.user.UserId",
     "dev.crmkit.api.contact.ContactId", "dev.crmkit.api.contact.CompanyId", "dev.crmkit.api.lead.LeadId",
     "dev.crmkit.api.lead.LeadSource", "dev.crmkit.api.money.Budget",
     "dev.crmkit.api.settings.LossReasonId", "dev.crmkit.api.settings.ProductGroupId",
     "java.time.Instant", "java.time.LocalDate"],
    checks="""        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }""")

gen("deal", "Pipeline", """An ordered list of stages a deal moves through (DEAL-2).

<p>Its stages always end with exactly one Won and one Lost stage, in that order; stage ids and names are
unique within the pipeline. Pipelines are ordered among themselves by {@code position}.""",
    [("PipelineId", "id", None, "the pipeline's id")] + ENTITY + [
     ("String", "name", None, "the pipeline's name, never blank"),
     ("int", "position", "0", "the place of the pipeline among all pipelines, from 0"),
     ("List<Stage>", "stages", "List.of()", "the stages in order, ending with Won and Lost"),
    ], "Entity<PipelineId>", ["dev.crmkit.api.Entity", "java.time.Instant"],
    checks="""        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Stage.checkOrder(stages);""",
    extra="""    /**
     * Finds a stage of this pipeline.
     *
     * @param stageId the stage to look for
     * @return the stage, or empty when it is not one of this pipeline's
     */
    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /**
     * The first open stage, where new deals start unless told otherwise.
     *
     * @return the first stage that is neither Won nor Lost
     */
    public Stage firstStage() {
        return stages.get(0);
    }

    /**
     * The Won stage.
     *
     * @return the stage of kind {@link StageKind#WON}
     */
    public Stage wonStage() {
        return stages.get(stages.size() - 2);
    }

    /**
     * The Lost stage.
     *
     * @return the stage of kind {@link StageKind#LOST}
     */
    public Stage lostStage() {
        return stages.get(stages.size() - 1);
    }""")

gen("task", "Task", """Something a user has to do by a deadline, attached to a record (TASK-1).""",
    [("TaskId", "id", None, "the task's id")] + ENTITY + [
     ("TaskTypeId", "type", None, "the task type from the admin-managed list"),
     ("String", "text", None, "what has to be done"),
     ("Instant", "deadline", None, "when it has to be done"),
     ("Reminder", "reminder", "Reminder.DAY_BEFORE", "when to remind the assignee"),
     ("UserId", "assignee", None, "who has to do it"),
     ("UserId", "author", None, "who created it"),
     ("boolean", "notifyAssignee", "true", "whether the assignee is notified"),
     ("RecordRef", "owner", None, "the record the task belongs to"),
     ("Optional<Instant>", "closed", "Optional.empty()", "when the task was closed; empty while it is open"),
     ("Optional<String>", "result", "Optional.empty()", "the outcome, which may be added after closing"),
    ], "Entity<TaskId>", ["dev.crmkit.api.Entity", "dev.crmkit.api.RecordRef", "dev.crmkit.api.user.UserId",
     "dev.crmkit.api.settings.TaskTypeId", "java.time.Instant"],
    extra="""    /**
     * Whether the task is still open.
     *
     * @return true until the task is closed
     */
    public boolean isOpen() {
        return closed.isEmpty();
    }""")
print("generated")

TL_COMMON = [("TimelineEntryId", "id", None, "the entry's id")] + ENTITY + [
    ("RecordRef", "owner", None, "the record whose timeline holds the entry"),
    ("UserId", "author", None, "who wrote or logged it"),
    ("Instant", "at", None, "when it happened (for a call, its start)"),
]
TL_IMPORTS = ["dev.crmkit.api.RecordRef", "dev.crmkit.api.user.UserId", "java.time.Instant"]

gen("timeline", "Comment", """A note written on a record's timeline (ACT-1).""",
    TL_COMMON + [("String", "text", None, "the comment's text, never blank")], "TimelineEntry", TL_IMPORTS,
    checks="""        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }""")

gen("timeline", "Call", """A phone call logged on a record's timeline (ACT-1, ACT-2).

<p>A call reported by a telephony integration carries that integration's name and call id; the pair is
stored once.""",
    TL_COMMON + [
     ("Direction", "direction", None, "inbound or outbound"),
     ("String", "fromNumber", None, "the calling number as reported"),
     ("String", "toNumber", None, "the called number as reported"),
     ("Duration", "duration", "Duration.ZERO", "how long the conversation lasted; zero for a missed call"),
     ("boolean", "answered", "false", "whether the call was answered (connected)"),
     ("Optional<UserId>", "operator", "Optional.empty()", "the user who took or made the call"),
     ("Optional<URI>", "recording", "Optional.empty()", "a reference to the recording"),
     ("Optional<Money>", "cost", "Optional.empty()", "what the call cost"),
     ("Optional<String>", "integration", "Optional.empty()", "the telephony integration that reported the call"),
     ("Optional<String>", "callId", "Optional.empty()", "the integration's id of the call"),
    ], "TimelineEntry", TL_IMPORTS + ["java.time.Duration", "java.net.URI", "dev.crmkit.api.money.Money"],
    checks="""        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        if (callId.isPresent() && integration.isEmpty()) {
            throw new IllegalArgumentException("a call id needs the integration that issued it");
        }""",
    extra="""    /**
     * Whether the call connected: answered and longer than zero (LEAD-5).
     *
     * @return true for an answered call with a positive duration
     */
    public boolean connected() {
        return answered && !duration.isZero();
    }""")

gen("timeline", "Message", """An e-mail, SMS or chat message logged on a record's timeline (ACT-1).""",
    TL_COMMON + [
     ("Channel", "channel", None, "e-mail, SMS or chat"),
     ("Direction", "direction", None, "inbound (from the client) or outbound"),
     ("String", "from", None, "the sender's address or number"),
     ("String", "to", None, "the recipient's address or number"),
     ("Optional<String>", "subject", "Optional.empty()", "the subject, for e-mail"),
     ("String", "body", "\"\"", "the text"),
    ], "TimelineEntry", TL_IMPORTS)

for nm, doc in [("TaskType", "A task type from the admin-managed list (TASK-1): call, meeting, letter and custom ones."),
                ("ContactType", "A contact type from the admin-managed list (CON-9): client, supplier, partner, competitor…"),
                ("TemperatureLevel", "A temperature level from the admin-managed list (CON-9): cold, warm, hot…"),
                ("LossReason", "A reason for losing a deal from the admin-managed list (DEAL-9)."),
                ("ProductGroup", "A product group from the admin-managed list (DEAL-5, DEAL-8).")]:
    gen("settings", nm, doc,
        [(nm + "Id", "id", None, "the item's id")] + ENTITY + [
         ("String", "name", None, "the item's name, never blank"),
         ("int", "position", "0", "the item's place in the list, from 0"),
        ], f"ListItem<{nm}Id>", ["java.time.Instant"],
        checks="""        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }""")
print("generated more")
