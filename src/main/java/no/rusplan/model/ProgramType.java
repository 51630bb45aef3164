package no.rusplan.model;

/** What kind of prevention effort a program entry is. */
public enum ProgramType implements Coded {
    PROGRAM, CAMPAIGN, METHOD, SURVEY
}
