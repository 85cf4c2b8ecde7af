package dev.crmkit.core.user;

import dev.crmkit.api.user.UserId;

/**
 * What moved from a deactivated or deleted user to their successor (USER-3).
 *
 * @param from the user who left
 * @param to the successor
 * @param deals deals moved
 * @param contacts contacts moved
 * @param companies companies moved
 * @param leads leads moved
 * @param openTasks open tasks moved
 */
public record Handover(UserId from, UserId to, int deals, int contacts, int companies, int leads, int openTasks) {
}
