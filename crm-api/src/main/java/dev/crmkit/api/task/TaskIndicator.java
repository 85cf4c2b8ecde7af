package dev.crmkit.api.task;

/**
 * The coloured dot a deal list shows for a deal's tasks (DEAL-10), checked in this order. Only the deal's
 * own open tasks count: a task on the deal's contact or company does not (amoCRM: an orange dot on a deal
 * whose card shows a task of its contact). "Now" is the CRM's clock; "today" runs from midnight to
 * midnight in the time zone of the user who asks. The amoCRM certification (001, deals Q7–Q10) calls a task
 * overdue when the manager did not do it by its appointed time, so a task due at 10:00 is red once 10:00
 * has passed, and green is a task still to be done today.
 *
 * <ul>
 *   <li>{@link #RED}: an open task is overdue, its deadline before now;</li>
 *   <li>{@link #GREEN}: else an open task is due today, its deadline now or later but before tomorrow
 *       begins (a task due earlier today is overdue, so red);</li>
 *   <li>{@link #ORANGE}: else the deal is open and has no open task: nobody works it;</li>
 *   <li>{@link #NONE}: every open task is due after today, or the deal is closed (Won or Lost) and has no
 *       open task, since a closed deal needs nobody to work it.</li>
 * </ul>
 */
public enum TaskIndicator {
    /** An open task of the deal is overdue. */
    RED,
    /** No task is overdue and one is due later today. */
    GREEN,
    /** The deal is open and has no open task. */
    ORANGE,
    /** Only tasks due after today, or a closed deal without open tasks: no dot. */
    NONE
}
