package no.rusplan.model;

/** What a help offer costs the user. */
public enum Cost implements Coded {
    FREE, USER_FEE, UNKNOWN
}
