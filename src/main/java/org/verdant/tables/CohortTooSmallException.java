package org.verdant.tables;

/** The cohort is smaller than the minimum asked for: nothing is calibrated (exit code 2). */
public class CohortTooSmallException extends Exception {
    public CohortTooSmallException(String message) {
        super(message);
    }
}
