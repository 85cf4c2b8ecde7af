/**
 * The entry to crmkit: a {@link dev.crmkit.core.Crm} built from a storage, a policy and a clock, and a
 * {@link dev.crmkit.core.CrmSession} per acting user, whose services take forms and return immutable records.
 *
 * <p>What holds for every public call of crm-core:
 * <ul>
 *   <li><b>{@code null} is never a value.</b> A {@code null} argument is a {@link java.lang.NullPointerException}
 *       whose message names the parameter, thrown before anything is read or written. "No value" is an empty
 *       {@link java.util.Optional}, an empty collection, or leaving a form's field unset.</li>
 *   <li><b>Bad input is a {@link dev.crmkit.api.ValidationException}</b> listing every problem at once (path,
 *       stable code, English and Russian message); a business rule that forbids the call is a
 *       {@link dev.crmkit.api.RuleViolationException}. Bounds come from {@link dev.crmkit.api.Limits}; no
 *       message quotes more of an input than {@link dev.crmkit.api.Text#excerpt(String)}.</li>
 *   <li><b>A failed call changes nothing</b> and writes no event; a call that changes nothing writes nothing.</li>
 *   <li><b>Every change writes its events</b> in the same transaction, derived from the stored record before
 *       and after.</li>
 *   <li><b>Concurrency.</b> Services and sessions are immutable and thread-safe; two saves from the same
 *       version end with a {@link dev.crmkit.api.ConflictException} for the second.</li>
 * </ul>
 */
package dev.crmkit.core;
