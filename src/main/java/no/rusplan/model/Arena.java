package no.rusplan.model;

/** Where a program is used. */
public enum Arena implements Coded {
    KINDERGARTEN, SCHOOL, HOME, LEISURE, HEALTH_CENTRE, NIGHTLIFE, WORKPLACE, SERVICES, UNKNOWN
}
