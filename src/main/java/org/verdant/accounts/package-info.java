/**
 * The service's accounts, kept in the archive's database (migration V6): people with roles and
 * credit codes, bcrypt password hashes, per-user API tokens and sign-in sessions (stored only as
 * SHA-256 digests), and the append-only access log. Who may do what is decided by
 * {@link org.verdant.access.Access}; this package only says who someone is.
 */
package org.verdant.accounts;
