package org.verdant.accounts;

/**
 * One line of the access log: who did what to which record, when, and how the service answered.
 *
 * @param recordId   the archived record read or written, or null (a list, a cohort, a sign-in)
 * @param creditCode the facility concerned, or null
 * @param outcome    {@code ok}, {@code denied} or {@code failed}
 */
public record AccessEntry(long id, String at, String actor, String action, String what, Long recordId, String creditCode, String outcome) {
}
