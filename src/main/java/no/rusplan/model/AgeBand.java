package no.rusplan.model;

/** Age bands (and adult groups) a program is for. */
public enum AgeBand implements Coded {
    KINDERGARTEN, GRADES_1_7, GRADES_8_10, UPPER_SECONDARY, PARENTS, STAFF, ADULTS, EVERYONE, UNKNOWN
}
