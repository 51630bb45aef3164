package no.rusplan.model;

/** Whether a referral (henvisning) is needed. */
public enum Referral implements Coded {
    YES, NO, UNKNOWN
}
