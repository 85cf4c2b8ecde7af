package dev.crmkit.core;

import dev.crmkit.api.user.User;
import dev.crmkit.api.user.UserRight;
import dev.crmkit.core.analytics.AnalyticsService;
import dev.crmkit.core.contact.CompanyService;
import dev.crmkit.core.contact.ContactService;
import dev.crmkit.core.contact.LeadService;
import dev.crmkit.core.deal.DealService;
import dev.crmkit.core.deal.PipelineService;
import dev.crmkit.core.event.EventService;
import dev.crmkit.core.field.CustomFieldService;
import dev.crmkit.core.settings.SettingsService;
import dev.crmkit.core.support.Context;
import dev.crmkit.core.support.Unit;
import dev.crmkit.core.task.TaskService;
import dev.crmkit.core.timeline.TimelineService;
import dev.crmkit.core.user.UserService;
import java.util.Objects;

/**
 * The CRM as seen by one user: every call through its services checks that user's rights and records
 * them as the author of the events it writes. Immutable and thread-safe; cheap to create.
 */
public final class CrmSession {

    private final Context context;
    private final UserService users;
    private final PipelineService pipelines;
    private final DealService deals;
    private final ContactService contacts;
    private final CompanyService companies;
    private final LeadService leads;
    private final TaskService tasks;
    private final TimelineService timeline;
    private final EventService events;
    private final SettingsService settings;
    private final CustomFieldService customFields;
    private final AnalyticsService analytics;

    CrmSession(Context context) {
        this.context = context;
        this.users = new UserService(context);
        this.pipelines = new PipelineService(context);
        this.deals = new DealService(context);
        this.contacts = new ContactService(context);
        this.companies = new CompanyService(context);
        this.leads = new LeadService(context);
        this.tasks = new TaskService(context);
        this.timeline = new TimelineService(context);
        this.events = new EventService(context);
        this.settings = new SettingsService(context);
        this.customFields = new CustomFieldService(context);
        this.analytics = new AnalyticsService(context);
    }

    /**
     * The acting user as stored now.
     *
     * @return the user
     * @throws dev.crmkit.api.AccessDeniedException when the user is unknown or deactivated
     */
    public User me() {
        return context.read(Unit::actor);
    }

    /**
     * Users: adding, roles, deactivation with a successor (USER-1 to USER-3).
     *
     * @return the service
     */
    public UserService users() {
        return users;
    }

    /**
     * Pipelines and their stages (DEAL-2).
     *
     * @return the service
     */
    public PipelineService pipelines() {
        return pipelines;
    }

    /**
     * Leads and the Unsorted inbox: creating, accepting, declining, linking and converting them (LEAD-1 to
     * LEAD-5).
     *
     * @return the service
     */
    public LeadService leads() {
        return leads;
    }

    /**
     * Deals (DEAL-1, DEAL-9).
     *
     * @return the service
     */
    public DealService deals() {
        return deals;
    }

    /**
     * Contacts (CON-1, CON-2, CON-9).
     *
     * @return the service
     */
    public ContactService contacts() {
        return contacts;
    }

    /**
     * Companies (CON-1, CON-2).
     *
     * @return the service
     */
    public CompanyService companies() {
        return companies;
    }

    /**
     * Tasks (TASK-1, TASK-2).
     *
     * @return the service
     */
    public TaskService tasks() {
        return tasks;
    }

    /**
     * Timelines: comments, calls, messages (ACT-1, ACT-2).
     *
     * @return the service
     */
    public TimelineService timeline() {
        return timeline;
    }

    /**
     * The event log (EV-1, EV-2).
     *
     * @return the service
     */
    public EventService events() {
        return events;
    }

    /**
     * The admin-managed lists: task types, contact types, temperature levels, loss reasons, product groups.
     *
     * @return the service
     */
    public SettingsService settings() {
        return settings;
    }

    /**
     * Custom fields (DEAL-3): admins define them per entity type; records carry their values through their
     * forms, and queries filter and sort by them (DEAL-11).
     *
     * @return the service
     */
    public CustomFieldService customFields() {
        return customFields;
    }

    /**
     * Reports (AN-2 to AN-9, AN-11 to AN-14): funnels, forecasts, cycles, summaries, activity, calls, goals, new
     * deals and the dashboard, counting only what the acting user may see.
     *
     * @return the service
     */
    public AnalyticsService analytics() {
        return analytics;
    }

    /**
     * Whether the acting user has a right (USER-4): admins have every right; other users those an admin granted.
     *
     * @param right the right, such as {@link UserRight#EXPORT}
     * @return true when the user has it
     */
    public boolean may(UserRight right) {
        Objects.requireNonNull(right, "right");
        return context.read(unit -> unit.access().all() || unit.actor().rights().contains(right));
    }
}
