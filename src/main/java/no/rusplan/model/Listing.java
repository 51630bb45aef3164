package no.rusplan.model;

/** Which collection a directory page lists. */
public enum Listing implements Coded {
    SERVICES, PROGRAMS, TERMS, MUNICIPALITIES, PLANS
}
